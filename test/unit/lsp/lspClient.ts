// A real JSON-RPC client for the bundled language server (dist/server.js --stdio), for the LSP tests:
// documents are tracked as TextDocuments so edits can be applied exactly as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type MessageConnection,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../helpers';

export const serverPath = path.join(repoRoot, 'dist', 'server.js');

export interface StartOptions {
  /** Advertise pull diagnostics (default true). */
  pull?: boolean;
  /** Answer workspace/configuration (default true). */
  configuration?: boolean;
  /** The `speechDraft` section for a scope URI (default: {}). */
  settings?: (scopeUri: string | undefined) => unknown;
  initializationOptions?: unknown;
  /** Node options for the server process (e.g. --expose-gc). */
  execArgv?: string[];
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  /** Advertise codeAction/resolve of `edit` (default false). */
  resolveCodeActions?: boolean;
}

interface Waiter {
  method: string;
  predicate: (params: any) => boolean;
  resolve: (params: any) => void;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${label}`)), ms);
    }),
  ]);
}

export class LspClient {
  readonly documents = new Map<string, TextDocument>();
  /** Every notification and server request received, in order. */
  readonly received: { method: string; params: any }[] = [];
  readonly logs: string[] = [];
  /** scopeUris of the workspace/configuration requests the server sent. */
  readonly configurationRequests: (string | undefined)[] = [];
  settings: (scopeUri: string | undefined) => unknown;
  private waiters: Waiter[] = [];
  private exited: Promise<number | null>;
  stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? (() => ({}));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr!.on('data', (d) => (this.stderr += d));
    const record = (method: string, params: any) => {
      this.received.push({ method, params });
      if (method === 'window/logMessage') this.logs.push(params.message);
      for (const w of [...this.waiters]) {
        if (w.method === method && w.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(params);
        }
      }
    };
    // Star handlers: every notification and request from the server.
    const raw = connection as unknown as MessageConnection;
    raw.onNotification((method: string, params: any) => record(method, params));
    raw.onRequest((method: string, params: any) => {
      let result: unknown = null;
      if (method === 'workspace/configuration') {
        result = (params.items as { scopeUri?: string; section?: string }[]).map((item) => {
          this.configurationRequests.push(item.scopeUri);
          return this.settings(item.scopeUri);
        });
      }
      record(method, params);
      return result;
    });
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options);
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
        diagnostics: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
          ...(options.resolveCodeActions ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
        },
        completion: { completionItem: { snippetSupport: true } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        ...(options.pull === false ? {} : { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }),
      },
    };
    await withTimeout(
      connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions: options.initializationOptions }),
      20000,
      'initialize',
    );
    await connection.sendNotification('initialized', {});
    return client;
  }

  request<R = any>(method: string, params: unknown, ms = 20000): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), ms, method);
  }

  /** Bytes straight onto the server's input, bypassing the JSON-RPC framing (malformed input tests). */
  writeRaw(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.child.stdin!.write(data, (error) => (error ? reject(error) : resolve())));
  }

  /** Resolves with the exit code once the server process has exited. */
  exit(ms = 10000): Promise<number | null> {
    return withTimeout(this.exited, ms, 'server exit');
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** The next notification or server request of `method` matching `predicate` (register before triggering it). */
  next<T = any>(method: string, predicate: (params: T) => boolean = () => true, ms = 20000): Promise<T> {
    return withTimeout(new Promise<T>((resolve) => this.waiters.push({ method, predicate, resolve })), ms, `waiting for ${method}`);
  }

  async open(uri: string, text: string, languageId = 'speech'): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, doc);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  /** Applies incremental changes locally and sends them with the next version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<TextDocument> {
    const doc = this.documents.get(uri)!;
    const version = doc.version + 1;
    TextDocument.update(doc, changes, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return doc;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  diagnostics(uri: string, previousResultId?: string): Promise<any> {
    return this.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  }

  /** The text after applying a WorkspaceEdit's edits for `uri` (the document itself is not changed). */
  applied(uri: string, edit: WorkspaceEdit): string {
    const doc = this.documents.get(uri)!;
    const edits: TextEdit[] = [];
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change && change.textDocument.uri === uri) {
        if (change.textDocument.version !== null && change.textDocument.version !== doc.version) throw new Error(`edit for version ${change.textDocument.version}, document is at ${doc.version}`);
        edits.push(...(change.edits as TextEdit[]));
      }
    }
    edits.push(...(edit.changes?.[uri] ?? []));
    return TextDocument.applyEdits(doc, edits);
  }

  applyEdits(uri: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(this.documents.get(uri)!, edits);
  }

  /** shutdown + exit; resolves with the exit code. */
  async stop(ms = 10000): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    await this.request('shutdown', undefined, ms);
    await this.notify('exit', undefined);
    const code = await withTimeout(this.exited, ms, 'server exit');
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
