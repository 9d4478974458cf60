// The extension proper (dist/client-main.js, loaded by bootstrap.ts once a draft is open): starts
// the language server and wires the views, the status bar and the commands to it. No lint logic
// here: everything comes from the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerWordCommands } from './docx';
import { createLanguageClient } from './languageClient';
import { LintAsSpeech } from './lintAsSpeech';
import { registerRuleDocs } from './ruleDocs';
import { isLinted } from './selector';
import { CountStatusBar } from './statusBar';
import { StructureService } from './structureService';
import { StructureTreeProvider } from './structureView';
import { registerWorkspaceLint, type WorkspaceLint } from './workspaceLint';

let client: LanguageClient | undefined;

/**
 * The extension's live parts (`(await exports.api())`, see bootstrap.ts), for the extension-host
 * tests and for other extensions. Read them; do not change them.
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
  /** Findings of drafts that are not open, from 检查工作区中的全部讲稿. */
  workspaceLint: WorkspaceLint;
  /** Starts the server if it is not running yet. */
  start(): Promise<LanguageClient | undefined>;
  /** How long loading took: bootstrap.ts's activate(), this module, the last server start (ms). */
  timings: { activationMs: number; loadMs: number; serverStartMs?: number };
}

export async function activateMain(context: vscode.ExtensionContext, loading: { activationMs: number; loadMs: number }): Promise<SpeechDraftApi> {
  const output = vscode.window.createOutputChannel('讲稿助手 Speech Draft', { log: true });
  context.subscriptions.push(output);
  const timings: SpeechDraftApi['timings'] = { activationMs: loading.activationMs, loadMs: Math.round(loading.loadMs) };
  output.info(`讲稿助手 ${String((context.extension.packageJSON as { version?: string }).version)} in VS Code ${vscode.version} (${vscode.env.remoteName ? `remote: ${vscode.env.remoteName}` : 'local'}, ${vscode.workspace.isTrusted ? 'trusted' : 'Restricted Mode'}): activated in ${timings.activationMs} ms, loaded in ${timings.loadMs} ms`);
  const lintAsSpeech = new LintAsSpeech(context.workspaceState);
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
    const started = performance.now();
    try {
      await created.start();
      timings.serverStartMs = Math.round(performance.now() - started);
      output.info(`language server started in ${timings.serverStartMs} ms`);
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

  const workspaceLint = registerWorkspaceLint(context, { client: ensureClient, output });
  // The document selector is fixed for a client's life: restart when the opted-in languages change.
  context.subscriptions.push(
    workspaceLint,
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
    ...registerRuleDocs(context),
    vscode.commands.registerCommand('speechDraft.lintAsSpeech', (uri?: vscode.Uri) => lintAsSpeech.toggle(uri instanceof vscode.Uri ? uri : undefined)),
  );

  vscode.workspace.textDocuments.forEach(startFor);
  if (starting) await starting;
  return { client: () => client, structure, structureView: tree, statusBar: status.item, workspaceLint, start: ensureClient, timings };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
