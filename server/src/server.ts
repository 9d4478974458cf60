// The language server: a thin shell that wires the connection to the LSP conversion modules in
// lsp/. Every lint result comes from the core, once per document version (lsp/analysis.ts).
// Transport from the command line: `--node-ipc` (VS Code) or `--stdio` (any LSP editor).
import { inspect } from 'node:util';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  ResponseError,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type SymbolInformation,
  type DocumentSymbol,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type Analysis } from './lsp/analysis';
import { codeActions, isBulkFixData, resolveBulkFix } from './lsp/codeActions';
import { completions } from './lsp/completion';
import { sameDiagnostics, toDiagnostics } from './lsp/diagnostics';
import { SERVER_VERSION } from './lsp/package';
import { exportDraft, importWord } from './lsp/docx';
import { convertScriptEdits, renumber, setKindEdits } from './lsp/edits';
import { hover } from './lsp/hover';
import { nextMarkers, sectionTemplates } from './core/markers';
import { message } from './core/messages';
import type { Locale } from './core/i18n/format';
import { injectRuleFailure } from './fault-injection';
import { SettingsManager, describe } from './lsp/settings';
import { structure } from './lsp/structure';
import { documentSymbols, foldingRanges } from './lsp/symbols';
import { toOffset, toRange } from './lsp/convert';
import { ResyncingMessageReader } from './lsp/framing';
import { lintFiles } from './lsp/workspaceLint';
import {
  checkedDocumentEvents,
  codeActionProblem,
  documentProblem,
  invalidParams,
  lintFilesProblem,
  oneOfProblem,
  positionProblem,
  rangeProblem,
  uriOf,
  type Problem,
} from './lsp/params';
import {
  CONFIG_FILE_NAME,
  ConvertScriptRequest,
  ExportDocxRequest,
  FIX_ALL_KIND,
  ImportDocxRequest,
  LintFilesRequest,
  MemoryRequest,
  NextMarkersRequest,
  RenumberRequest,
  SETTINGS_SECTION,
  SectionTemplatesRequest,
  SetKindRequest,
  StructureRequest,
  type InitializationOptions,
} from './protocol';

/** Push-diagnostics debounce (clients without pull diagnostics). */
const PUSH_DELAY_MS = 150;

// Over stdio the messages are framed by Content-Length headers: a reader that survives bad framing.
// (IPC carries whole messages; sockets and pipes keep the library's reader.)
injectRuleFailure(process.env);

const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, new ResyncingMessageReader(process.stdin, (message) => logError(message)), new StreamMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let capabilities: ClientCapabilities = {};
let pullDiagnostics = false;
let documentChanges = false;
let hierarchicalSymbols = true;
let resolvesEdits = false;
let init: InitializationOptions = {};

const log = (message: string) => connection.console.info(message);
const logError = (message: string) => connection.console.error(message);

const settings = new SettingsManager({
  log,
  // A notification, not window/showMessageRequest: nothing waits for the user.
  notify: (problem) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: message('ui/settings-problem', { problem }, 'zh-Hans') }),
});
let analyzer: Analyzer;

// A rule that throws is shown once per rule (a notification, not on every keystroke); the status bar
// keeps showing it for as long as it fails (SpeechStructure.ruleErrors) and the output has each failure.
const announcedRuleErrors = new Set<string>();
function announceRuleErrors(_uri: string, errors: { rule: string }[], locale: Locale): void {
  for (const e of errors) {
    if (announcedRuleErrors.has(e.rule)) continue;
    announcedRuleErrors.add(e.rule);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: message('ui/rule-failed-notice', { rule: e.rule }, locale) });
  }
}

/** Runs a request handler; any failure is logged and answered with the fallback (bad params: InvalidParams). */
function guard<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError(`${name} failed: ${describe(error)}`);
      return fallback;
    }
  };
}

/**
 * The analysis of the document's latest version, for a handler that needs one. `check` looks at
 * the params beyond the document (a position, a range…) before any work is done.
 */
function withAnalysis<P extends { textDocument?: { uri: string }; uri?: string }, R>(
  name: string,
  fallback: R,
  handler: (analysis: Analysis, params: P) => R,
  check: (params: P & Record<string, unknown>) => Problem = () => undefined,
): (params: P) => Promise<R> {
  return guard(name, fallback, async (params: P) => {
    const problem = documentProblem(params) ?? check(params);
    if (problem) throw invalidParams(name, problem);
    const analysis = await analyzer.get(uriOf(params));
    return analysis ? handler(analysis, params) : fallback;
  });
}

const atPosition = (params: Record<string, unknown>) => positionProblem(params.position);

connection.onInitialize((params): InitializeResult => {
  capabilities = params.capabilities;
  init = (params.initializationOptions ?? {}) as InitializationOptions;
  pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
  documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
  hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  resolvesEdits = capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true;
  const pull = capabilities.workspace?.configuration
    ? (scopeUri: string) => connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })
    : undefined;
  settings.configure({ pull, init });
  analyzer = new Analyzer(documents, settings, { info: log, debug: (m) => connection.console.debug(m), error: logError }, announceRuleErrors);
  log(
    `speech-lint language server ${SERVER_VERSION} (Node ${process.version}, ${stdio ? 'stdio' : 'IPC'}) for ${params.clientInfo ? `${params.clientInfo.name} ${params.clientInfo.version ?? ''}`.trim() : 'an unnamed client'}; ` +
      `diagnostics ${pullDiagnostics ? 'pulled' : 'pushed'}, settings ${pull ? 'pulled per document' : init.settings ? 'from initializationOptions' : 'defaults until pushed'}`,
  );
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: pullDiagnostics ? { identifier: 'speech-lint', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND], resolveProvider: resolvesEdits },
      documentSymbolProvider: { label: '讲稿提纲' },
      foldingRangeProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['（', '('] },
    },
    serverInfo: { name: 'speech-lint', version: SERVER_VERSION },
  };
});

connection.onInitialized(() => {
  if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((e) => logError(`register didChangeConfiguration: ${describe(e)}`));
  }
  if (!init.watchesConfigFiles && capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
      .catch((e) => logError(`register didChangeWatchedFiles: ${describe(e)}`));
  }
});

// ---------------------------------------------------------------------------------------------
// Diagnostics: pulled (LSP 3.17) when the client can, else pushed after a short debounce.

const openIds = new Map<string, number>();
let nextOpenId = 1;
const timers = new Map<string, NodeJS.Timeout>();
const justOpened = new Set<string>();

function schedulePush(uri: string, delay: number): void {
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      void pushDiagnostics(uri);
    }, delay),
  );
}

async function pushDiagnostics(uri: string): Promise<void> {
  try {
    const analysis = await analyzer.get(uri);
    const current = documents.get(uri);
    // A newer version arrived meanwhile: its own push follows.
    if (!analysis || !current || current.version !== analysis.version) return;
    await connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: toDiagnostics(analysis) });
  } catch (error) {
    logError(`diagnostics for ${uri} failed: ${describe(error)}`);
  }
}

function refreshDiagnostics(): void {
  if (pullDiagnostics) {
    if (capabilities.workspace?.diagnostics?.refreshSupport) connection.languages.diagnostics.refresh().catch((e) => logError(`diagnostic refresh: ${describe(e)}`));
  } else {
    for (const document of documents.all()) schedulePush(document.uri, 0);
  }
}

/**
 * The last report per document. Its id names the diagnostics, not the version: an edit that leaves
 * them as they were (typing on a line without findings) is answered `unchanged`, and the client keeps
 * what it shows.
 */
const lastReports = new Map<string, { resultId: string; items: Diagnostic[] }>();
let nextResultId = 1;

connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
  const problem = documentProblem(params) ?? (params.previousResultId === undefined || typeof params.previousResultId === 'string' ? undefined : 'previousResultId must be a string');
  if (problem) throw invalidParams('textDocument/diagnostic', problem);
  const uri = params.textDocument.uri;
  try {
    const analysis = await analyzer.get(uri);
    if (!analysis) return { kind: 'full', items: [] };
    const items = toDiagnostics(analysis);
    const last = lastReports.get(uri);
    if (last && sameDiagnostics(last.items, items)) {
      return params.previousResultId === last.resultId ? { kind: 'unchanged', resultId: last.resultId } : { kind: 'full', resultId: last.resultId, items };
    }
    const resultId = `${openIds.get(uri) ?? 0}:${nextResultId++}`;
    lastReports.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
  } catch (error) {
    logError(`textDocument/diagnostic for ${uri} failed: ${describe(error)}`);
    return { kind: 'full', items: [] };
  }
});

documents.onDidOpen((e) => {
  openIds.set(e.document.uri, nextOpenId++);
  justOpened.add(e.document.uri);
});

documents.onDidChangeContent((e) => {
  const uri = e.document.uri;
  analyzer.drop(uri, e.document.version);
  if (pullDiagnostics) return;
  const opened = justOpened.delete(uri);
  schedulePush(uri, opened ? 0 : PUSH_DELAY_MS);
});

documents.onDidClose((e) => {
  const uri = e.document.uri;
  clearTimeout(timers.get(uri));
  timers.delete(uri);
  justOpened.delete(uri);
  openIds.delete(uri);
  lastReports.delete(uri);
  analyzer.forget(uri);
  settings.forget(uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((params) => {
  settings.changed(params.settings);
  analyzer.clear();
  refreshDiagnostics();
});

connection.onDidChangeWatchedFiles((params) => {
  if (!Array.isArray(params?.changes)) return logError('workspace/didChangeWatchedFiles: ignored, changes is not an array');
  if (!params.changes.some((c) => typeof c?.uri === 'string' && c.uri.endsWith(CONFIG_FILE_NAME))) return;
  settings.invalidate();
  analyzer.clear();
  refreshDiagnostics();
});

// ---------------------------------------------------------------------------------------------
// Language features, all from the cached analysis.

connection.onCodeAction(withAnalysis('textDocument/codeAction', [], (analysis, params) => codeActions(analysis, params, { documentChanges, resolvesEdits }), codeActionProblem));

// The bulk fixes' edits, computed when picked; a stale action comes back without an edit.
connection.onCodeActionResolve(async (action: CodeAction) => {
  try {
    if (!action || typeof action !== 'object' || !isBulkFixData(action.data)) return action;
    const analysis = await analyzer.get(action.data.uri);
    const edit = analysis && resolveBulkFix(analysis, action.data, { documentChanges });
    return edit ? { ...action, edit } : action;
  } catch (error) {
    logError(`codeAction/resolve failed: ${describe(error)}`);
    return action;
  }
});

connection.onDocumentSymbol(
  withAnalysis('textDocument/documentSymbol', [] as DocumentSymbol[] | SymbolInformation[], (analysis) => {
    const symbols = documentSymbols(analysis);
    return hierarchicalSymbols ? symbols : flatten(analysis.uri, symbols);
  }),
);

connection.onFoldingRanges(withAnalysis('textDocument/foldingRange', [], (analysis) => foldingRanges(analysis)));

connection.onHover(withAnalysis('textDocument/hover', null, (analysis, params) => hover(analysis, params.position), atPosition));

connection.onCompletion(withAnalysis('textDocument/completion', [], (analysis, params) => completions(analysis, params.position), atPosition));

// ---------------------------------------------------------------------------------------------
// Custom requests (protocol.ts).

connection.onRequest(StructureRequest, withAnalysis('speechDraft/structure', null, (analysis) => structure(analysis)));

connection.onRequest(
  ConvertScriptRequest,
  withAnalysis(
    'speechDraft/convertScript',
    [],
    (analysis, params) => convertScriptEdits(analysis, params.to, params.range),
    (params) => oneOfProblem(params.to, 'to', ['simplified', 'traditional']) ?? (params.range === undefined ? undefined : rangeProblem(params.range)),
  ),
);

connection.onRequest(RenumberRequest, withAnalysis('speechDraft/renumber', [], (analysis) => renumber(analysis)));

connection.onRequest(
  SetKindRequest,
  withAnalysis(
    'speechDraft/setKind',
    { kind: 'comprehensive' as const, edits: [] },
    (analysis, params) => setKindEdits(analysis, params.kind),
    (params) => oneOfProblem(params.kind, 'kind', ['single', 'comprehensive'], true),
  ),
);

connection.onRequest(
  NextMarkersRequest,
  withAnalysis(
    'speechDraft/nextMarkers',
    [],
    (analysis, params) => nextMarkers(analysis.doc, analysis.settings, params.position.line, toOffset(analysis.lines, params.position)),
    atPosition,
  ),
);

connection.onRequest(
  SectionTemplatesRequest,
  withAnalysis(
    'speechDraft/sectionTemplates',
    [],
    (analysis, params) =>
      sectionTemplates(analysis.doc, analysis.settings, params.position.line, analysis.locale, analysis.parts).map(({ span, ...template }) => ({ ...template, range: toRange(analysis.lines, span) })),
    atPosition,
  ),
);

connection.onRequest(ExportDocxRequest, guard('speechDraft/exportDocx', null, async (params) => {
  const analysis = await analyzer.get(params.uri);
  return analysis ? exportDraft(analysis) : null;
}));

connection.onRequest(ImportDocxRequest, guard('speechDraft/importDocx', { error: { zh: '导入时出错（见输出面板）', en: 'import failed (see the output panel)' } }, (params) => importWord(params.data)));

connection.onRequest(
  LintFilesRequest,
  guard('speechDraft/lintFiles', [], (params) => {
    const problem = lintFilesProblem(params);
    if (problem) throw invalidParams('speechDraft/lintFiles', problem);
    return lintFiles(params, analyzer, settings, (uri) => documents.get(uri) !== undefined);
  }),
);

connection.onRequest(MemoryRequest, () => {
  // Under --expose-gc (tests, benchmarks): what is still reachable, not what awaits collection.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, cachedDocuments: analyzer.size };
});

function flatten(uri: string, symbols: DocumentSymbol[], container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name, kind: s.kind, location: { uri, range: s.range }, containerName: container },
    ...flatten(uri, s.children ?? [], s.name),
  ]);
}

process.on('uncaughtException', (error) => logError(`uncaught: ${describe(error)}`));
process.on('unhandledRejection', (error) => logError(`unhandled rejection: ${describe(error)}`));

if (stdio) {
  // What the library does for a stdio stream it reads itself: stdout is the protocol, so console
  // output goes to the client's log; the end of input ends the server (exit 0 only after shutdown).
  const forward = (send: (message: string) => void) => (...args: unknown[]) => send(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
  console.log = console.info = console.debug = forward((m) => connection.console.log(m));
  console.warn = forward((m) => connection.console.warn(m));
  console.error = forward((m) => connection.console.error(m));
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const ended = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
}

documents.listen(checkedDocumentEvents(connection, documents, logError));
connection.listen();
