// The LanguageClient: the bundled server (dist/server.js) over IPC, for `speech` documents and the
// languages opted in with speechDraft.additionalLanguages. Its middleware only changes how results
// show: rule links open the rendered page, long headings are shortened for the Outline.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIG_FILE_NAME, SETTINGS_SECTION, type InitializationOptions } from '../../server/src/protocol';
import { OUTLINE_NAME_COLUMNS, outlineName } from './format';
import { linkRenderedDocs } from './ruleDocs';
import { documentSelector } from './selector';

/** Long headings shortened for the Outline and breadcrumbs (the server sends them whole, for every editor). */
function shortenSymbols(symbols: vscode.DocumentSymbol[], depth = 0): void {
  for (const symbol of symbols) {
    symbol.name = outlineName(symbol.name, OUTLINE_NAME_COLUMNS - 2 * depth);
    shortenSymbols(symbol.children, depth + 1);
  }
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
    middleware: {
      // Rule links open the rendered page (ruleDocs.ts).
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map((d) => linkRenderedDocs(d, context.extension))),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && 'items' in report) report.items = report.items.map((d) => linkRenderedDocs(d, context.extension));
        return report;
      },
      provideDocumentSymbols: async (document, token, next) => {
        const symbols = await next(document, token);
        if (Array.isArray(symbols) && symbols.every((s) => s instanceof vscode.DocumentSymbol)) shortenSymbols(symbols);
        return symbols;
      },
    },
  };
  // The id makes `speechDraft.trace.server` trace the traffic.
  return new LanguageClient(SETTINGS_SECTION, '讲稿助手 Speech Draft', serverOptions, clientOptions);
}
