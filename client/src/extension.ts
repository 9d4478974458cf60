// The extension's entry point (dist/client.js): starts the language server and wires the views,
// the status bar and the commands to it. No lint logic here: everything comes from the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerWordCommands } from './docx';
import { createLanguageClient, documentSelector } from './languageClient';
import { LintAsSpeech } from './lintAsSpeech';
import { CountStatusBar } from './statusBar';
import { StructureService } from './structureService';
import { StructureTreeProvider } from './structureView';

let client: LanguageClient | undefined;

/**
 * What `activate()` returns (`vscode.extensions.getExtension('speech-draft.speech-draft').exports`):
 * the extension's live parts, for the extension-host tests and for other extensions. Read them; do
 * not change them.
 */
export interface SpeechDraftApi {
  /** The running language client (tests). */
  client(): LanguageClient | undefined;
  /** The structure of the active draft; `onDidChange` fires after the tree and status bar are updated. */
  structure: StructureService;
  /** The 讲稿结构 view's TreeDataProvider (with the view's `badge` and `message`). */
  structureView: StructureTreeProvider;
  /** The status bar item `字数 2,870 / 5,000 · 综合` (its `command` switches the kind). */
  statusBar: vscode.StatusBarItem;
  /** Starts the server if it is not running yet. */
  start(): Promise<LanguageClient | undefined>;
}

export async function activate(context: vscode.ExtensionContext): Promise<SpeechDraftApi> {
  const output = vscode.window.createOutputChannel('讲稿助手 Speech Draft', { log: true });
  context.subscriptions.push(output);
  const lintAsSpeech = new LintAsSpeech(context.workspaceState);
  const isLinted = (document: vscode.TextDocument) => vscode.languages.match(documentSelector(), document) > 0;
  const structure = new StructureService(() => client, isLinted);
  // Created before any other listener of `structure.onDidChange`, so they are up to date when it fires.
  const tree = new StructureTreeProvider(structure);
  const status = new CountStatusBar(structure);
  context.subscriptions.push(lintAsSpeech, structure, tree, status);
  // The server starts with the first linted document (or a command), not on every Markdown file.
  let starting: Promise<LanguageClient | undefined> | undefined;
  const start = async (): Promise<LanguageClient | undefined> => {
    const created = createLanguageClient(context, output);
    client = created;
    try {
      await created.start();
    } catch (error) {
      output.error(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    void structure.refresh();
    return created;
  };
  const ensureClient = () => (starting ??= start());
  const startFor = (document: vscode.TextDocument) => {
    if (isLinted(document)) void ensureClient();
  };

  // The document selector is fixed for a client's life: restart when the opted-in languages change.
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startFor),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.additionalLanguages`)) {
        const old = client;
        client = undefined;
        starting = undefined;
        await old?.stop().catch(() => undefined);
        if (old) void ensureClient();
        else vscode.workspace.textDocuments.forEach(startFor);
      } else if (e.affectsConfiguration(SETTINGS_SECTION)) {
        structure.schedule();
      }
    }),
    { dispose: () => void client?.stop() },
  );
  context.subscriptions.push(
    ...registerCommands({ client: ensureClient, isLinted, structure }, tree),
    ...registerWordCommands({ client: ensureClient, isLinted, structure }),
    vscode.commands.registerCommand('speechDraft.lintAsSpeech', (uri?: vscode.Uri) => lintAsSpeech.toggle(uri instanceof vscode.Uri ? uri : undefined)),
  );

  vscode.workspace.textDocuments.forEach(startFor);
  if (starting) await starting;
  return { client: () => client, structure, structureView: tree, statusBar: status.item, start: ensureClient };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
