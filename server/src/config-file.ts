// `.speechlintrc.json`: found upward from a draft's folder (or given with --config), validated and
// merged over base settings. Shared by the command line and the language server (node fs only; no
// vscode). A bad field never stops linting: it is reported and its default stays.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unknownRuleProblems } from './core/engine';
import { ruleById } from './core/rules';
import { defaultSettings, mergeSettings, type SettingsProblem, type SpeechLintSettings } from './core/settings';

export const CONFIG_FILE_NAME = '.speechlintrc.json';

export interface ConfigProblem {
  /** The config file (absolute path), or `(settings)` for problems not tied to a file. */
  file: string;
  /** Dotted path of the bad field (`rules.heading-sequnce`, `countMode`); empty for file-level problems. */
  field: string;
  message: string;
  /** 1-based position of a JSON syntax error. */
  line?: number;
  column?: number;
  /** `unreadable`: the file could not be read; `syntax`: not valid JSON; `invalid`: a bad field. */
  code: 'unreadable' | 'syntax' | 'invalid';
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

/** Reads and JSON-parses one config file, using the cache while the file is unchanged. */
function readConfigFile(file: string): ParsedFile {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    fileCache.delete(file);
    return { key: '', problems: [{ file, field: '', message: `cannot read file (${errorCode(error)})`, code: 'unreadable' }] };
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
      parsed = { key, problems: [{ file, field: '', message: `invalid JSON: ${syntax.message}`, line: at.line, column: at.column, code: 'syntax' }] };
    } else {
      parsed = { key, value: JSON.parse(text), problems: [] };
    }
  } catch (error) {
    parsed = { key, problems: [{ file, field: '', message: `cannot read file (${errorCode(error)})`, code: 'unreadable' }] };
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
  // Unknown rule ids that this file introduced (the base's own are not this file's fault).
  const baseUnknown = new Set(unknownRuleProblems(base).map((p) => p.field));
  settingsProblems.push(...unknownRuleProblems(settings).filter((p) => !baseUnknown.has(p.field)));
  for (const p of settingsProblems) {
    const problem: ConfigProblem = { file, field: p.field, message: p.message, code: 'invalid' };
    const suggestion = suggest(p);
    if (suggestion) problem.suggestion = suggestion;
    problems.push(problem);
  }
  return { settings, file, problems };
}

/** Levenshtein distance (small strings only). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest known name, when the unknown one looks like a typo of it. */
function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(name.length / 3))) ? best : undefined;
}

function suggest(problem: SettingsProblem): string | undefined {
  if (problem.message === 'unknown rule' && problem.field.startsWith('rules.')) return closest(problem.field.slice(6), ruleById.keys());
  if (problem.message === 'unknown field' && !problem.field.includes('.')) return closest(problem.field, Object.keys(defaultSettings()));
  return undefined;
}

/**
 * Problems the lint itself found in the settings (rule options), attributed to the config file.
 * Skips those already in `known` (e.g. unknown rule ids reported by loadConfigFor).
 */
export function lintSettingsProblems(problems: SettingsProblem[], file: string | undefined, known: ConfigProblem[] = []): ConfigProblem[] {
  const seen = new Set(known.map((p) => `${p.field}\u0000${p.message}`));
  const out: ConfigProblem[] = [];
  for (const p of problems) {
    const id = `${p.field}\u0000${p.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ file: file ?? '(settings)', field: p.field, message: p.message, code: 'invalid' });
  }
  return out;
}

const ZH_MESSAGES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unknown rule$/, () => '未知规则'],
  [/^unknown field$/, () => '未知字段'],
  [/^unknown option$/, () => '未知选项'],
  [/^must be one of (.*)$/, (m) => `应为 ${m[1].replace(/ or \{.*\}$/, '').replace(/, /g, '、')} 之一${/ or \{/.test(m[1]) ? '，或 { "severity", "options" }' : ''}`],
  [/^must be a positive integer$/, () => '应为正整数'],
  [/^must be an array of non-empty strings$/, () => '应为非空字符串数组'],
  [/^must be a JSON object$/, () => '应为 JSON 对象'],
  [/^must be an object keyed by rule id$/, () => '应为以规则 ID 为键的对象'],
  [/^must be an object$/, () => '应为对象'],
  [/^must be a string$/, () => '应为字符串'],
  [/^must be a (number|boolean|string\[\])$/, (m) => `应为${({ number: '数字', boolean: '布尔值（true 或 false）', 'string[]': '字符串数组' } as Record<string, string>)[m[1]]}`],
  [/^cannot read file \((.*)\)$/, (m) => `无法读取文件（${m[1]}）`],
  [/^invalid JSON: (.*)$/, (m) => `JSON 语法错误：${jsonDetailZh(m[1])}`],
];

const JSON_DETAILS_ZH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^comments are not allowed in JSON$/, () => 'JSON 中不能写注释'],
  [/^unterminated string$/, () => '字符串缺少结尾的引号'],
  [/^control character \(such as a line break\) inside a string$/, () => '字符串中有控制字符（如换行）'],
  [/^bad \\u escape$/, () => '\\u 转义不正确'],
  [/^bad escape (.*)$/, (m) => `转义 ${m[1]} 不正确`],
  [/^trailing comma$/, () => '末尾多了逗号'],
  [/^expected a double-quoted property name, found (.*)$/, (m) => `应为带双引号的字段名，实为 ${zhFound(m[1])}`],
  [/^expected ':' after property name, found (.*)$/, (m) => `字段名后应为“:”，实为 ${zhFound(m[1])}`],
  [/^expected ',' or '(.)', found (.*)$/, (m) => `应为“,”或“${m[1]}”，实为 ${zhFound(m[2])}`],
  [/^unexpected end of file$/, () => '文件意外结束'],
  [/^unexpected (.*) after the JSON value$/, (m) => `JSON 值之后多出 ${zhFound(m[1])}`],
  [/^unexpected (.*)$/, (m) => `意外的 ${zhFound(m[1])}`],
];

function zhFound(found: string): string {
  return found === 'end of file' ? '文件结尾' : found;
}

function jsonDetailZh(detail: string): string {
  for (const [re, zh] of JSON_DETAILS_ZH) {
    const m = re.exec(detail);
    if (m) return zh(m);
  }
  return detail;
}

/** The problem's message in Chinese (falls back to the English text). */
export function problemMessageZh(message: string): string {
  for (const [re, zh] of ZH_MESSAGES) {
    const m = re.exec(message);
    if (m) return zh(m);
  }
  return message;
}

/**
 * `file: field: message` (or `file:line:column: message` for JSON errors), with the file shown
 * relative to `cwd` when below it.
 */
export function formatConfigProblem(problem: ConfigProblem, language: 'zh' | 'en' = 'en', cwd = process.cwd()): string {
  let where = problem.file;
  if (path.isAbsolute(where)) {
    const rel = path.relative(cwd, where);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) where = rel;
  }
  if (problem.line !== undefined) where += `:${problem.line}:${problem.column ?? 1}`;
  let message = language === 'zh' ? problemMessageZh(problem.message) : problem.message;
  if (problem.suggestion) message += language === 'zh' ? `（是否应为“${problem.suggestion}”？）` : ` (did you mean "${problem.suggestion}"?)`;
  return problem.field ? `${where}: ${problem.field}: ${message}` : `${where}: ${message}`;
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
export function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  class Fail {
    constructor(readonly offset: number, readonly message: string) {}
  }
  const describe = (at: number): string => {
    if (at >= text.length) return 'end of file';
    const ch = String.fromCodePoint(text.codePointAt(at)!);
    return JSON.stringify(ch);
  };
  const fail = (message: string, at = i): never => {
    throw new Fail(at, message);
  };
  const ws = () => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('comments are not allowed in JSON');
      else return;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('control character (such as a line break) inside a string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`bad escape \\${e ?? ''}`);
        continue;
      }
      i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(`unexpected ${describe(i)}`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma' : `expected a double-quoted property name, found ${describe(i)}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ':' after property name, found ${describe(i)}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}', found ${describe(i)}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('trailing comma');
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']', found ${describe(i)}`);
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(i >= text.length ? 'unexpected end of file' : `unexpected ${describe(i)}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe(i)} after the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof Fail) return { offset: error.offset, message: error.message };
    throw error;
  }
}
