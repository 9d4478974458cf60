// The LanguageClient: the bundled server (dist/server.js) over IPC, for `speech` documents and the
// languages opted in with speechDraft.additionalLanguages.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIG_FILE_NAME, LANGUAGE_ID, SETTINGS_SECTION, type InitializationOptions } from '../../server/src/protocol';

/** `speech` in any scheme; opted-in languages only for files and untitled documents. */
export function documentSelector(): { language: string; scheme?: string }[] {
  const additional = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('additionalLanguages') ?? [];
  const selector: { language: string; scheme?: string }[] = [{ language: LANGUAGE_ID }];
  for (const language of new Set(additional)) {
    if (typeof language !== 'string' || !language || language === LANGUAGE_ID) continue;
    selector.push({ language, scheme: 'file' }, { language, scheme: 'untitled' });
  }
  return selector;
}

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = { watchesConfigFiles: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`) },
    initializationOptions,
    outputChannel,
  };
  // The id makes `speechDraft.trace.server` trace the traffic.
  return new LanguageClient(SETTINGS_SECTION, '讲稿助手 Speech Draft', serverOptions, clientOptions);
}
