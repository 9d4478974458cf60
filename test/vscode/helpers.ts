// Helpers for the extension-host suite. Every wait here is driven by a VS Code event
// (onDidChangeDiagnostics, the structure service's onDidChange, onDidChangeTextDocument, …): the
// condition is checked once right away and again after each event, never on a timer. The timer
// only bounds the wait and turns a hang into a failure that says what was last seen.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SpeechDraftEntry } from '../../client/src/bootstrap';
import type { SpeechDraftApi } from '../../client/src/extension';
import type { SpeechStructure } from '../../server/src/protocol';

export const EXTENSION_ID = 'speech-draft.speech-draft';
/** <repo>/ (this file runs as <repo>/out/test/vscode/helpers.js). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** The five real speeches, beside the project (never copied into it). */
export const corpusDir = process.env.SPEECH_DRAFT_CORPUS ?? path.join(repoRoot, '..', 'shared', 'corpus');

/** Which runner started the suite: `vscode-server` (code-server + Chromium) or `vscode-electron`. */
export const runner = process.env.SPEECH_DRAFT_TEST_RUNNER ?? 'unknown';
/** `untrusted` when the runner opened the folder in Restricted Mode, `trusted` otherwise. */
export const expectedTrust = process.env.SPEECH_DRAFT_TEST_WORKSPACE_TRUST;

export const DEFAULT_TIMEOUT_MS = 10_000;

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return folder.uri;
}

/** The extension's entry module's exports (activating it if need be; that loads nothing else). */
export async function entry(): Promise<SpeechDraftEntry> {
  const ext = vscode.extensions.getExtension<SpeechDraftEntry>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  return ext.activate();
}

/** The extension's live parts (loading the rest of the extension if need be). */
export async function api(): Promise<SpeechDraftApi> {
  return (await entry()).api();
}

/**
 * Resolves with `check()`'s first truthy value, checked now and after every `event` (any of them).
 * Rejects after `timeoutMs` with `what` and `describe()` of the state last seen.
 */
export function waitFor<T>(
  events: vscode.Event<unknown> | vscode.Event<unknown>[],
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  describe?: () => unknown,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      fn();
    };
    const test = () => {
      if (done) return;
      try {
        const value = check();
        if (value) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
    };
    const timer = setTimeout(() => {
      let seen = '';
      try {
        seen = describe ? `; last seen: ${JSON.stringify(describe(), null, 1)}` : '';
      } catch {
        /* ignore */
      }
      finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}`)));
    }, timeoutMs);
    for (const event of Array.isArray(events) ? events : [events]) subscriptions.push(event(() => test()));
    test();
  });
}

/** Resolves on the next `event` whose value satisfies `predicate`. */
export function nextEvent<T>(event: vscode.Event<T>, what: string, predicate: (value: T) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const sub = event((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

/** The document's diagnostics once `predicate` holds for them (checked on onDidChangeDiagnostics). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  what = `diagnostics of ${path.basename(uri.path)}`,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  const onChange: vscode.Event<unknown> = (listener, thisArgs, disposables) =>
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) listener.call(thisArgs, e);
    }, undefined, disposables);
  return waitFor(
    onChange,
    () => {
      const d = vscode.languages.getDiagnostics(uri);
      return predicate(d) ? d : undefined;
    },
    what,
    timeoutMs,
    () => vscode.languages.getDiagnostics(uri).map(summarize),
  );
}

/** The rule id of a diagnostic (its `code`, which carries a link to the rule page). */
export const codeOf = (d: vscode.Diagnostic): string | undefined =>
  typeof d.code === 'object' && d.code !== null ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** `line:col-line:col severity [rule] message`, 1-based like the editor shows it. */
export function summarize(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${SEVERITY[d.severity]} [${codeOf(d)}] ${d.message}`;
}

/** The structure of `document` as the extension shows it (tree, status bar), once it is current. */
export async function waitForStructure(
  document: vscode.TextDocument,
  predicate: (s: SpeechStructure) => boolean = () => true,
  what = `the structure of ${path.basename(document.uri.path)}`,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<SpeechStructure> {
  const { structure, structureView } = await api();
  const key = document.uri.toString();
  // The tree and the status bar update on structure.onDidChange before any later listener.
  return waitFor(
    [structure.onDidChange, structureView.onDidChangeTreeData as vscode.Event<unknown>],
    () => {
      const s = structure.current;
      return s && s.uri === key && s.version === document.version && predicate(s) ? s : undefined;
    },
    what,
    timeoutMs,
    () => (structure.current ? { uri: structure.current.uri, version: structure.current.version, documentVersion: document.version, kind: structure.current.kind, total: structure.current.count.total } : null),
  );
}

/** The document's text once `predicate` holds (checked on onDidChangeTextDocument). */
export function waitForText(document: vscode.TextDocument, predicate: (text: string) => boolean, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
  return waitFor(
    vscode.workspace.onDidChangeTextDocument as vscode.Event<unknown>,
    () => (predicate(document.getText()) ? document.getText() : undefined),
    what,
    timeoutMs,
    () => document.getText(),
  );
}

let scratchCounter = 0;

/**
 * A fresh copy of a fixture (a file of test/vscode/workspace/, or any text) under scratch/ in the
 * workspace, so that no test sees another's edits. Resolves with the file's URI.
 */
export async function scratchFile(name: string, text?: string): Promise<vscode.Uri> {
  const folder = workspaceFolder();
  const content = text ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
  const uri = vscode.Uri.joinPath(folder, 'scratch', `${++scratchCounter}-${path.basename(name)}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

/** Opens a fresh copy of the fixture in an editor; with `diagnostics`, also waits for the first ones. */
export async function openScratch(name: string, options: { text?: string; diagnostics?: boolean } = {}): Promise<{ uri: vscode.Uri; document: vscode.TextDocument; editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = await scratchFile(name, options.text);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const diagnostics = options.diagnostics ? await waitForDiagnostics(uri) : [];
  return { uri, document, editor, diagnostics };
}

/** A file of the reference corpus (../shared/corpus), by its number (`000` …). */
export function readCorpus(prefix: string): { name: string; text: string } | undefined {
  if (!fs.existsSync(corpusDir)) return undefined;
  const name = fs.readdirSync(corpusDir).find((f) => f.startsWith(prefix));
  return name ? { name, text: fs.readFileSync(path.join(corpusDir, name), 'utf8') } : undefined;
}

/** Applies the edit and checks that VS Code accepted it. */
export async function applyEdit(edit: vscode.WorkspaceEdit | undefined): Promise<void> {
  assert.ok(edit, 'the code action has no edit');
  assert.strictEqual(await vscode.workspace.applyEdit(edit), true, 'workspace.applyEdit refused the edit');
}

/** Sets a `speechDraft.*` (or other) setting in the workspace and resolves once VS Code has taken it. */
export async function setWorkspaceSetting(section: string, key: string, value: unknown, languageId?: string): Promise<void> {
  const full = `${section}.${key}`;
  const scope = languageId ? { languageId } : undefined;
  const config = vscode.workspace.getConfiguration(section, scope);
  const inspected = config.inspect(key);
  const current = languageId ? inspected?.workspaceLanguageValue : inspected?.workspaceValue;
  if (JSON.stringify(current) === JSON.stringify(value)) return; // no change, no event
  const changed = nextEvent(vscode.workspace.onDidChangeConfiguration, `a configuration change of ${full}`, (e) => e.affectsConfiguration(full, scope));
  await config.update(key, value, vscode.ConfigurationTarget.Workspace, languageId ? true : undefined);
  await changed;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Places the cursor (or a selection) in the editor. */
export function select(editor: vscode.TextEditor, startLine: number, startCharacter: number, endLine = startLine, endCharacter = startCharacter): void {
  editor.selection = new vscode.Selection(startLine, startCharacter, endLine, endCharacter);
}
