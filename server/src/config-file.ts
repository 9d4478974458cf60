// `.speechlintrc.json`: found upward from a draft's folder (or given with --config), validated and
// merged over base settings. Shared by the command line and the language server (node fs only; no
// vscode). A bad field never stops linting: it is reported and its default stays.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergeSettings, type SettingsProblem } from './core/config-schema';
import type { DataValue, Locale, MessageData, MessageRef } from './core/i18n/format';
import { message } from './core/messages';
import { defaultSettings, type SpeechLintSettings } from './core/settings';

export const CONFIG_FILE_NAME = '.speechlintrc.json';

export interface ConfigProblem {
  /** The config file (absolute path), or `(settings)` for problems not tied to a file. */
  file: string;
  /** Dotted path of the bad field (`rules.heading-sequnce`, `countMode`); empty for file-level problems. */
  field: string;
  /** `unreadable`: the file could not be read; `syntax`: not valid JSON; `invalid`: a bad field. */
  code: 'unreadable' | 'syntax' | 'invalid';
  /** The message: `settings/<what>` with its data. */
  what: string;
  data: MessageData;
  /** 1-based position of a JSON syntax error. */
  line?: number;
  column?: number;
  /** For an unknown rule id or field: the known name it most likely meant. */
  suggestion?: string;
}

export interface LoadedConfig {
  settings: SpeechLintSettings;
  /** The config file that applied (absolute path), if any. */
  file?: string;
  problems: ConfigProblem[];
}

export interface LoadConfigOptions {
  /** A config file given explicitly (`--config F`), relative to the working directory: no search. */
  explicit?: string;
  /** Settings the file is merged over (defaults, or the editor's settings). */
  base?: SpeechLintSettings;
}

interface ParsedFile {
  key: string;
  /** The file's settings object (already JSON-parsed) or undefined when unusable. */
  value?: unknown;
  problems: ConfigProblem[];
}

/** Parsed config files by absolute path, checked against mtime/size/ctime on every use. */
const fileCache = new Map<string, ParsedFile>();

/** Forgets every cached config file (tests; the server after a workspace change). */
export function clearConfigCache(): void {
  fileCache.clear();
}

function statKey(stat: fs.Stats): string {
  return `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}:${stat.ino}`;
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

function unreadable(file: string, error: unknown): ConfigProblem {
  return { file, field: '', code: 'unreadable', what: 'unreadable', data: { reason: errorCode(error) } };
}

/** A settings problem found in `file` (or in the editor's settings). */
export function configProblem(file: string, p: SettingsProblem): ConfigProblem {
  return { file, field: p.field, code: 'invalid', what: p.code, data: p.data, ...(p.suggestion ? { suggestion: p.suggestion } : {}) };
}

/** Reads and JSON-parses one config file, using the cache while the file is unchanged. */
function readConfigFile(file: string): ParsedFile {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    fileCache.delete(file);
    return { key: '', problems: [unreadable(file, error)] };
  }
  const key = statKey(stat);
  const cached = fileCache.get(file);
  if (cached && cached.key === key) return cached;
  let parsed: ParsedFile;
  try {
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    let text = fs.readFileSync(file, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const syntax = jsonSyntaxError(text);
    if (syntax) {
      const at = lineColumn(text, syntax.offset);
      parsed = { key, problems: [{ file, field: '', code: 'syntax', what: 'json-syntax', data: { detail: syntax.detail }, line: at.line, column: at.column }] };
    } else {
      parsed = { key, value: JSON.parse(text), problems: [] };
    }
  } catch (error) {
    parsed = { key, problems: [unreadable(file, error)] };
  }
  fileCache.set(file, parsed);
  return parsed;
}

/** The nearest `.speechlintrc.json` at or above `dir`, stopping at the filesystem root. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    // A stat per folder: a config created, edited or removed while the server runs is seen at once.
    const stat = fs.statSync(candidate, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) return candidate;
    const up = path.dirname(current);
    if (up === current) return undefined;
    current = up;
  }
}

/**
 * Settings for the draft at `filePath` (which need not exist: `<stdin>` in the working folder).
 * Problems name the config file and the field; bad fields keep their base values.
 */
export function loadConfigFor(filePath: string, options: LoadConfigOptions = {}): LoadedConfig {
  const base = options.base ?? defaultSettings();
  const file = options.explicit !== undefined ? path.resolve(options.explicit) : findConfigFile(path.dirname(path.resolve(filePath)));
  if (!file) return { settings: mergeSettings(base, undefined, []), problems: [] };
  const parsed = readConfigFile(file);
  const problems: ConfigProblem[] = [...parsed.problems];
  if (parsed.value === undefined) return { settings: mergeSettings(base, undefined, []), file, problems };
  const settingsProblems: SettingsProblem[] = [];
  const settings = mergeSettings(base, parsed.value, settingsProblems);
  for (const p of settingsProblems) problems.push(configProblem(file, p));
  return { settings, file, problems };
}

/**
 * `file: field: message` (or `file:line:column: message` for JSON errors), with the file shown
 * relative to `cwd` when below it.
 */
export function formatConfigProblem(problem: ConfigProblem, locale: Locale = 'en', cwd = process.cwd()): string {
  let where = problem.file;
  if (path.isAbsolute(where)) {
    const rel = path.relative(cwd, where);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) where = rel;
  }
  if (problem.line !== undefined) where += `:${problem.line}:${problem.column ?? 1}`;
  let text = message(`settings/${problem.what}`, problem.data, locale);
  if (problem.suggestion) text += message('settings/did-you-mean', { name: problem.suggestion }, locale);
  return problem.field ? `${where}: ${problem.field}: ${text}` : `${where}: ${text}`;
}

/** 1-based line and code-point column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = Array.from(text.slice(lineStart, offset)).length + 1;
  return { line, column };
}

/**
 * Where strict JSON first goes wrong, with a short description (JSON.parse's messages do not always
 * carry a position). Undefined when the text is valid JSON.
 */
export function jsonSyntaxError(text: string): { offset: number; detail: MessageRef } | undefined {
  let i = 0;
  class Fail extends Error {
    constructor(
      readonly offset: number,
      readonly detail: MessageRef,
    ) {
      super(detail.id);
    }
  }
  const describe = (at: number): DataValue => {
    if (at >= text.length) return { id: 'json/end-of-file' };
    return JSON.stringify(String.fromCodePoint(text.codePointAt(at)!));
  };
  const fail = (id: string, data?: MessageData, at = i): never => {
    throw new Fail(at, { id: `json/${id}`, ...(data ? { data } : {}) });
  };
  const ws = () => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('comment');
      else return;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated-string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('control-character');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad-unicode-escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('bad-escape', { escape: `\\${e ?? ''}` });
        continue;
      }
      i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('unexpected', { found: describe(i) });
    i += m![0].length;
  };
  // Iterative over nesting (a deeply nested file must not exhaust the stack): `stack` holds the open containers.
  const stack: ('{' | '[')[] = [];
  const value = (): void => {
    for (;;) {
      ws();
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
        } else {
          stack.push(c);
          if (c === '{') member();
          continue;
        }
      } else if (c === '"') string();
      else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
      else if (text.startsWith('true', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else if (text.startsWith('null', i)) i += 4;
      else fail(i >= text.length ? 'unexpected-end' : 'unexpected', i >= text.length ? undefined : { found: describe(i) });
      // After a value: close containers or go on to the next member or element.
      for (;;) {
        const open = stack[stack.length - 1];
        if (!open) return;
        ws();
        const close = open === '{' ? '}' : ']';
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === close) fail('trailing-comma');
          if (open === '{') member();
          break;
        }
        if (text[i] === close) {
          i++;
          stack.pop();
          continue;
        }
        fail('expected-comma', { close, found: describe(i) });
      }
    }
  };
  const member = () => {
    ws();
    if (text[i] !== '"') fail(text[i] === '}' ? 'trailing-comma' : 'expected-name', text[i] === '}' ? undefined : { found: describe(i) });
    string();
    ws();
    if (text[i] !== ':') fail('expected-colon', { found: describe(i) });
    i++;
  };
  try {
    value();
    ws();
    if (i < text.length) fail('unexpected-after', { found: describe(i) });
    return undefined;
  } catch (error) {
    if (error instanceof Fail) return { offset: error.offset, detail: error.detail };
    throw error;
  }
}
