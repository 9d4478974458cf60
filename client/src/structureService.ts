// Keeps the structure (speechDraft/structure) of the active linted editor up to date, debounced;
// one request feeds the tree view, the status bar and the context key.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StructureRequest, type SpeechStructure } from '../../server/src/protocol';

const DEBOUNCE_MS = 250;

export class StructureService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SpeechStructure | undefined>();
  readonly onDidChange = this.emitter.event;
  private disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private request = 0;
  /** The structure of `document`, when the active editor is linted. */
  current: SpeechStructure | undefined;
  document: vscode.TextDocument | undefined;

  constructor(
    private readonly getClient: () => LanguageClient | undefined,
    private readonly isLinted: (document: vscode.TextDocument) => boolean,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length) this.schedule();
      }),
      // Findings change with settings and config files too.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule();
      }),
    );
  }

  schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Asks the server now; results for an editor that is no longer active are dropped. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const id = ++this.request;
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document;
    const client = this.getClient();
    void vscode.commands.executeCommand('setContext', 'speechDraft.active', !!document && this.isLinted(document));
    if (!document || !this.isLinted(document) || !client) {
      this.set(undefined, undefined);
      return;
    }
    try {
      if (!client.isRunning()) return;
      const structure = await client.sendRequest(StructureRequest, { uri: document.uri.toString() });
      if (id !== this.request) return;
      this.set(structure ?? undefined, document);
    } catch (error) {
      if (id === this.request) this.set(undefined, undefined);
      client.outputChannel.appendLine(`speechDraft/structure failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private set(structure: SpeechStructure | undefined, document: vscode.TextDocument | undefined): void {
    this.current = structure;
    this.document = document;
    this.emitter.fire(structure);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
