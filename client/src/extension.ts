// The extension's entry point (dist/client.js): starts the language server and wires the views,
// the status bar and the commands to it. No lint logic here: everything comes from the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { createLanguageClient, documentSelector } from './languageClient';
import { LintAsSpeech } from './lintAsSpeech';
import { CountStatusBar } from './statusBar';
import { StructureService } from './structureService';
import { StructureTreeProvider } from './structureView';

let client: LanguageClient | undefined;

export interface SpeechDraftApi {
  /** The running language client (tests). */
  client(): LanguageClient | undefined;
  structure: StructureService;
}

export async function activate(context: vscode.ExtensionContext): Promise<SpeechDraftApi> {
  const output = vscode.window.createOutputChannel('讲稿助手 Speech Draft', { log: true });
  context.subscriptions.push(output);
  const lintAsSpeech = new LintAsSpeech(context.workspaceState);
  const isLinted = (document: vscode.TextDocument) => vscode.languages.match(documentSelector(), document) > 0;
  const structure = new StructureService(() => client, isLinted);
  const tree = new StructureTreeProvider(structure);
  const status = new CountStatusBar(structure);
  context.subscriptions.push(lintAsSpeech, structure, tree, status);
  context.subscriptions.push(
    ...registerCommands({ client: () => client, isLinted, structure }, tree),
    vscode.commands.registerCommand('speechDraft.lintAsSpeech', (uri?: vscode.Uri) => lintAsSpeech.toggle(uri instanceof vscode.Uri ? uri : undefined)),
  );

  const start = async () => {
    client = createLanguageClient(context, output);
    try {
      await client.start();
    } catch (error) {
      output.error(`the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    void structure.refresh();
  };

  // The document selector is fixed for a client's life: restart when the opted-in languages change.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.additionalLanguages`)) {
        const old = client;
        client = undefined;
        await old?.stop().catch(() => undefined);
        await start();
      } else if (e.affectsConfiguration(SETTINGS_SECTION)) {
        structure.schedule();
      }
    }),
    { dispose: () => void client?.stop() },
  );

  await start();
  return { client: () => client, structure };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
