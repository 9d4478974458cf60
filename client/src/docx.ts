// 导出为 Word（公文格式） and 从 Word 导入: the server converts, the client picks, asks and writes.
// Files go through vscode.workspace.fs (any workspace, remote or virtual); nothing existing is
// overwritten without asking.
import * as vscode from 'vscode';
import { ExportDocxRequest, ImportDocxRequest } from '../../server/src/protocol';
import type { CommandContext } from './commands';
import type { Locale } from '../../server/src/protocol';
import { say } from './format';

/** For keybindings, other extensions and tests: `false` never overwrites (no question), `true` always does. */
export interface WordCommandOptions {
  overwrite?: boolean;
}

function language(ctx: CommandContext): Locale {
  const current = ctx.structure.current?.locale;
  if (current) return current;
  const setting = vscode.workspace.getConfiguration('speechDraft').get<string>('language');
  return setting === 'en' || setting === 'zh-Hant' ? setting : 'zh-Hans';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `a/b/draft.speech` → `a/b/draft.docx`. */
export function sibling(uri: vscode.Uri, extension: string): vscode.Uri {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const base = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  return vscode.Uri.joinPath(uri, '..', `${base}${extension}`);
}

const baseName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** Whether `target` may be written: free, or the user (or the caller's option) agrees to replace it. */
async function mayWrite(target: vscode.Uri, lang: Locale, options: WordCommandOptions): Promise<boolean> {
  if (!(await exists(target))) return true;
  if (options.overwrite !== undefined) return options.overwrite;
  const replace = say(lang, 'client/replace');
  const answer = await vscode.window.showWarningMessage(say(lang, 'client/exists', { name: baseName(target) }), { modal: true }, replace);
  return answer === replace;
}

export function registerWordCommands(ctx: CommandContext): vscode.Disposable[] {
  /** Exports the active draft (or the draft at `uri`) next to itself; resolves to the .docx written. */
  const exportWord = async (uri?: unknown, options: WordCommandOptions = {}): Promise<vscode.Uri | undefined> => {
    const lang = language(ctx);
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || !ctx.isLinted(document)) {
      void vscode.window.showWarningMessage(say(lang, 'client/open-draft-first'));
      return undefined;
    }
    const client = await ctx.client();
    if (!client?.isRunning()) {
      void vscode.window.showErrorMessage(say(lang, 'client/server-not-running'));
      return undefined;
    }
    let target: vscode.Uri | undefined = document.isUntitled ? undefined : sibling(document.uri, '.docx');
    if (!target) {
      target = await vscode.window.showSaveDialog({ filters: { Word: ['docx'] }, saveLabel: say(lang, 'client/export') });
      if (!target) return undefined;
    } else if (!(await mayWrite(target, lang, options))) {
      return undefined;
    }
    const result = await client.sendRequest(ExportDocxRequest, { uri: document.uri.toString() });
    if (!result) {
      void vscode.window.showErrorMessage(say(lang, 'client/export-failed'));
      return undefined;
    }
    if (result.errors) {
      void vscode.window.showWarningMessage(say(lang, 'client/exported-with-errors', { count: result.errors }));
    }
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.data, 'base64'));
    void vscode.window.showInformationMessage(say(lang, 'client/exported', { name: baseName(target) }));
    return target;
  };

  /** Imports a .docx (picked, or `uri`) into a .speech next to it and opens it; resolves to the draft. */
  const importWord = async (uri?: unknown, options: WordCommandOptions = {}): Promise<vscode.Uri | undefined> => {
    const lang = language(ctx);
    let source = uri instanceof vscode.Uri ? uri : undefined;
    if (!source) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] }, openLabel: say(lang, 'client/import') });
      source = picked?.[0];
      if (!source) return undefined;
    }
    const client = await ctx.client();
    if (!client?.isRunning()) {
      void vscode.window.showErrorMessage(say(lang, 'client/server-not-running'));
      return undefined;
    }
    const bytes = await vscode.workspace.fs.readFile(source);
    const result = await client.sendRequest(ImportDocxRequest, { data: Buffer.from(bytes).toString('base64') });
    if ('error' in result) {
      void vscode.window.showErrorMessage(`${baseName(source)}：${lang === 'en' ? result.error.en : result.error.zh}`);
      return undefined;
    }
    const target = sibling(source, '.speech');
    if (!(await mayWrite(target, lang, options))) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
    return target;
  };

  return [vscode.commands.registerCommand('speechDraft.exportDocx', exportWord), vscode.commands.registerCommand('speechDraft.importDocx', importWord)];
}
