// Shape checks for what clients send, so that bad params are refused (requests: InvalidParams) or
// ignored with one log line (notifications) before any handler sees them. A handler that gets a
// missing position or a number for a text would otherwise throw somewhere deep, or, for a didChange,
// apply half of its changes and leave the document out of step with the client for good.
import { ErrorCodes, ResponseError, type Connection, type Disposable, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** What TextDocuments.listen registers its handlers on (the type is not exported by the package). */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

/** Why params are unusable, or undefined when they are fine. */
export type Problem = string | undefined;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

export function positionProblem(value: unknown, name = 'position'): Problem {
  if (!isObject(value)) return `${name} is missing`;
  if (!isCount(value.line) || !isCount(value.character)) return `${name} needs a line and a character that are whole numbers ≥ 0`;
  return undefined;
}

export function rangeProblem(value: unknown, name = 'range'): Problem {
  if (!isObject(value)) return `${name} is missing`;
  return positionProblem(value.start, `${name}.start`) ?? positionProblem(value.end, `${name}.end`);
}

/** `textDocument.uri` (LSP requests) or `uri` (this server's own requests) must be a string. */
export function documentProblem(params: unknown): Problem {
  if (!isObject(params)) return 'params are missing';
  const uri = isObject(params.textDocument) ? params.textDocument.uri : params.uri;
  return typeof uri === 'string' ? undefined : 'textDocument.uri (or uri) must be a string';
}

export function uriOf(params: { textDocument?: { uri: string }; uri?: string }): string {
  return params.textDocument?.uri ?? params.uri!;
}

export function codeActionProblem(params: Record<string, unknown>): Problem {
  const range = rangeProblem(params.range);
  if (range) return range;
  const context = params.context;
  if (!isObject(context)) return 'context is missing';
  if (context.diagnostics !== undefined) {
    if (!Array.isArray(context.diagnostics)) return 'context.diagnostics must be an array';
    for (const [i, d] of context.diagnostics.entries()) {
      const problem = isObject(d) ? rangeProblem(d.range, `context.diagnostics[${i}].range`) : `context.diagnostics[${i}] is not an object`;
      if (problem) return problem;
    }
  }
  if (context.only !== undefined && (!Array.isArray(context.only) || !context.only.every((k) => typeof k === 'string'))) return 'context.only must be an array of strings';
  return undefined;
}

/** speechDraft/lintFiles: `{ files: [{ uri, text? }] }`. */
export function lintFilesProblem(params: unknown): Problem {
  if (!isObject(params) || !Array.isArray(params.files)) return 'files must be an array of { uri, text? }';
  for (const [i, f] of params.files.entries()) {
    if (!isObject(f) || typeof f.uri !== 'string') return `files[${i}].uri must be a string`;
    if (f.text !== undefined && typeof f.text !== 'string') return `files[${i}].text must be a string`;
  }
  return undefined;
}

export function oneOfProblem(value: unknown, name: string, allowed: readonly string[], optional = false): Problem {
  if (optional && value === undefined) return undefined;
  return typeof value === 'string' && allowed.includes(value) ? undefined : `${name} must be ${allowed.map((a) => `"${a}"`).join(' or ')}`;
}

export function invalidParams(method: string, problem: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}`);
}

function openProblem(params: unknown): Problem {
  if (!isObject(params) || !isObject(params.textDocument)) return 'textDocument is missing';
  const { uri, languageId, version, text } = params.textDocument;
  if (typeof uri !== 'string') return 'textDocument.uri is not a string';
  if (typeof languageId !== 'string') return `${uri}: languageId is not a string`;
  if (!Number.isSafeInteger(version)) return `${uri}: version is not a whole number`;
  if (typeof text !== 'string') return `${uri}: text is not a string`;
  return undefined;
}

function changeProblem(params: unknown, documents: TextDocuments<TextDocument>): Problem {
  if (!isObject(params) || !isObject(params.textDocument)) return 'textDocument is missing';
  const { uri, version } = params.textDocument;
  if (typeof uri !== 'string') return 'textDocument.uri is not a string';
  if (!Number.isSafeInteger(version)) return `${uri}: version is not a whole number`;
  if (!documents.get(uri)) return `${uri} is not open`;
  if (!Array.isArray(params.contentChanges)) return `${uri}: contentChanges is not an array`;
  for (const [i, change] of params.contentChanges.entries()) {
    // All or nothing: the changes are applied one after another to the same document.
    if (!isObject(change) || typeof change.text !== 'string') return `${uri}: contentChanges[${i}] has no text`;
    if (change.range !== undefined) {
      const range = rangeProblem(change.range, `contentChanges[${i}].range`);
      if (range) return `${uri}: ${range}`;
    }
  }
  return undefined;
}

function closeProblem(params: unknown): Problem {
  return isObject(params) && isObject(params.textDocument) && typeof params.textDocument.uri === 'string' ? undefined : 'textDocument.uri is not a string';
}

/**
 * The connection as TextDocuments.listen sees it: open, change, close and save notifications with
 * bad params are logged and dropped instead of reaching the document store.
 */
export function checkedDocumentEvents(connection: Connection, documents: TextDocuments<TextDocument>, log: (message: string) => void): TextDocumentConnection {
  const checked = <P>(method: string, problem: (params: unknown) => Problem, register: (handler: (params: P) => void) => Disposable) =>
    (handler: (params: P) => void): Disposable =>
      register((params: P) => {
        const why = problem(params);
        if (why) log(`${method}: ignored, ${why}`);
        else handler(params);
      });
  return {
    onDidOpenTextDocument: checked('textDocument/didOpen', openProblem, (h) => connection.onDidOpenTextDocument(h)),
    onDidChangeTextDocument: checked('textDocument/didChange', (p) => changeProblem(p, documents), (h) => connection.onDidChangeTextDocument(h)),
    onDidCloseTextDocument: checked('textDocument/didClose', closeProblem, (h) => connection.onDidCloseTextDocument(h)),
    onWillSaveTextDocument: checked('textDocument/willSave', closeProblem, (h) => connection.onWillSaveTextDocument(h)),
    onWillSaveTextDocumentWaitUntil: (handler) =>
      connection.onWillSaveTextDocumentWaitUntil((params, token) => {
        const why = closeProblem(params);
        if (why) throw invalidParams('textDocument/willSaveWaitUntil', why);
        return handler(params, token);
      }),
    onDidSaveTextDocument: checked('textDocument/didSave', closeProblem, (h) => connection.onDidSaveTextDocument(h)),
  };
}
