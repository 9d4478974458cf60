// "将此文件作为讲稿检查": the document's language is switched to `speech` and its URI remembered in
// workspaceState, so it is switched again whenever it is reopened. Running the command on a marked
// document unmarks it and gives it back its language.
//
// Why the language and not the document selector: a LanguageClient's selector is fixed for its life
// (adding a URI means restarting the server), whereas the `speech` language brings everything along
// at once — the server, the grammar, the snippets and every menu keyed on `editorLangId == speech`.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { LINT_AS_SPEECH_KEY as STATE_KEY, type MarkedFile as Marked } from './selector';

export class LintAsSpeech implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly state: vscode.Memento) {
    this.disposables.push(vscode.workspace.onDidOpenTextDocument((d) => void this.apply(d)));
    for (const d of vscode.workspace.textDocuments) void this.apply(d);
  }

  private marked(): Marked[] {
    return this.state.get<Marked[]>(STATE_KEY, []);
  }

  isMarked(uri: vscode.Uri): boolean {
    return this.marked().some((m) => m.uri === uri.toString());
  }

  private async apply(document: vscode.TextDocument): Promise<void> {
    if (document.languageId === LANGUAGE_ID || !this.isMarked(document.uri)) return;
    try {
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    } catch {
      // The document was closed meanwhile.
    }
  }

  /** The command: mark (or unmark) the active document. */
  async toggle(uri?: vscode.Uri): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) return;
    const key = document.uri.toString();
    const marked = this.marked();
    const existing = marked.find((m) => m.uri === key);
    if (existing) {
      await this.state.update(STATE_KEY, marked.filter((m) => m !== existing));
      if (document.languageId === LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(document, existing.languageId);
      void vscode.window.showInformationMessage(`不再将 ${path.basename(document.uri.path)} 作为讲稿检查`);
      return;
    }
    if (document.languageId === LANGUAGE_ID) {
      void vscode.window.showInformationMessage(`${path.basename(document.uri.path)} 已按讲稿检查`);
      return;
    }
    await this.state.update(STATE_KEY, [...marked, { uri: key, languageId: document.languageId }]);
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
