// The extension's entry point (dist/client.js). VS Code activates the extension for every Markdown
// and plain-text file too (a user may opt those languages in), so this module is kept small: it
// loads the rest (dist/client-main.js: the language client, views, status bar, commands) only once
// a document the extension lints is open, or one of its commands is run. Until then it starts
// nothing: no server, no views, no output channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/protocol-names';
import type { SpeechDraftApi } from './extension';
import { wantsLinting } from './selector';

/**
 * What `activate()` returns (`vscode.extensions.getExtension('speech-draft.speech-draft').exports`).
 * `api()` loads the rest of the extension if it is not loaded yet.
 */
export interface SpeechDraftEntry {
  /** The extension's live parts (tests, other extensions); loads them first. */
  api(): Promise<SpeechDraftApi>;
  /** Whether the rest of the extension has been loaded. */
  readonly loaded: boolean;
  /** Milliseconds this module's activate() took, before loading the rest. */
  readonly activationMs: number;
}

type Main = typeof import('./extension');

/** The rest of the extension, once loaded. */
let loadedMain: Main | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SpeechDraftEntry> {
  const started = performance.now();
  const waiting: vscode.Disposable[] = [];
  let main: Promise<SpeechDraftApi> | undefined;
  const load = (): Promise<SpeechDraftApi> =>
    (main ??= (async () => {
      // The command stubs go before the real commands are registered under the same ids.
      for (const d of waiting.splice(0)) d.dispose();
      const loadStarted = performance.now();
      // A run-time require of the other bundle (not bundled into this one).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loadedMain = require(context.asAbsolutePath(path.join('dist', 'client-main.js'))) as Main;
      return loadedMain.activateMain(context, { activationMs: entry.activationMs, loadMs: performance.now() - loadStarted });
    })());
  const entry: SpeechDraftEntry = {
    api: load,
    get loaded() {
      return main !== undefined;
    },
    activationMs: 0,
  };
  const wanted = () => vscode.workspace.textDocuments.some((d) => wantsLinting(d, context.workspaceState));

  const activationMs = () => Math.round((performance.now() - started) * 10) / 10;
  if (wanted()) {
    (entry as { activationMs: number }).activationMs = activationMs();
    await load();
  } else {
    waiting.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (wantsLinting(d, context.workspaceState)) void load();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.additionalLanguages`) && wanted()) void load();
      }),
    );
    // Every contributed command works before the rest is loaded: the stub loads it and runs the real one.
    const commands = (context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
    for (const { command } of commands) {
      waiting.push(
        vscode.commands.registerCommand(command, async (...args: unknown[]) => {
          await load();
          return vscode.commands.executeCommand<unknown>(command, ...args);
        }),
      );
    }
    context.subscriptions.push({
      dispose: () => {
        for (const d of waiting.splice(0)) d.dispose();
      },
    });
    (entry as { activationMs: number }).activationMs = activationMs();
  }
  return entry;
}

export async function deactivate(): Promise<void> {
  await loadedMain?.deactivate();
}
