// Output formats of the command line: text (terminal), JSON and SARIF 2.1.0. Lines and columns are
// 1-based; columns count code points (SARIF says so with columnKind).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintResult } from '../core/engine';
import { outline, outlineText, type OutlineNode } from '../core/outline';
import type { Rule } from '../core/rule';
import type { SpeechLintSettings } from '../core/settings';
import { positionAt } from '../core/text';
import type { CountMode, Finding, Language, Severity } from '../core/types';

export interface FileReport {
  /** The path as shown (as given on the command line, `<stdin>` for standard input). */
  file: string;
  /** Absolute path; undefined for standard input. */
  absolute?: string;
  result: LintResult;
  settings: SpeechLintSettings;
  /** How many fixes --fix applied. */
  fixed: number;
  /** 1-based line and column of an offset when lines are not the text's own (a Word file: its paragraphs). */
  locate?: (offset: number) => { line: number; column: number };
}

export interface JsonDiagnostic {
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fixable: boolean;
}

export interface JsonFile {
  file: string;
  script: string;
  kind: string;
  count: { mode: CountMode; total: number; limit: number };
  outline: OutlineNode[];
  diagnostics: JsonDiagnostic[];
}

export function diagnostic(result: LintResult, f: Finding, lang: Language, locate?: FileReport['locate']): JsonDiagnostic {
  const at = (offset: number) => {
    if (locate) return locate(offset);
    const p = positionAt(result.doc.lines, offset);
    return { line: p.line + 1, column: p.codePoint + 1 };
  };
  const s = at(f.start);
  const e = at(f.end);
  return {
    rule: f.rule,
    severity: f.severity,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    message: f.message[lang] || f.message.zh || f.message.en,
    fixable: f.fix !== undefined,
  };
}

export function jsonFile(report: FileReport, lang: Language): JsonFile {
  const { result } = report;
  return {
    file: report.file,
    script: result.doc.script.script,
    kind: result.kind,
    count: { mode: result.doc.count.mode, total: result.doc.count.total, limit: result.limit },
    outline: outline(result.doc),
    diagnostics: result.findings.map((f) => diagnostic(result, f, lang, report.locate)),
  };
}

export function formatJson(reports: FileReport[], lang: Language): string {
  return `${JSON.stringify({ files: reports.map((r) => jsonFile(r, lang)) }, null, 2)}\n`;
}

// ---------------------------------------------------------------- text

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const ansi: Colors = { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
const identity = (s: string) => s;
export const plain: Colors = { red: identity, yellow: identity, blue: identity, dim: identity, bold: identity };

const SEVERITY_WORD: Record<Language, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** `file:line:column severity message [rule]`, one line per finding. */
export function textLines(report: FileReport, lang: Language, colors: Colors): string[] {
  const { result } = report;
  return result.findings.map((f) => {
    const d = diagnostic(result, f, lang, report.locate);
    const word = SEVERITY_WORD[lang][f.severity];
    const severity = f.severity === 'error' ? colors.red(colors.bold(word)) : f.severity === 'warning' ? colors.yellow(word) : colors.blue(word);
    // A message is one line in a terminal.
    const message = d.message.replace(/\s*[\r\n]+\s*/g, ' ');
    return `${colors.bold(`${report.file}:${d.line}:${d.column}`)} ${severity} ${message} ${colors.dim(`[${f.rule}]`)}`;
  });
}

export interface Totals {
  error: number;
  warning: number;
  info: number;
  fixable: number;
}

export function totals(reports: FileReport[]): Totals {
  const t: Totals = { error: 0, warning: 0, info: 0, fixable: 0 };
  for (const r of reports) {
    for (const f of r.result.findings) {
      t[f.severity]++;
      if (f.fix) t.fixable++;
    }
  }
  return t;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `3 个错误，12 个警告，2 条提示` (and how many --fix could fix). */
export function summaryLine(t: Totals, lang: Language, fixMode: boolean): string {
  if (lang === 'en') {
    const base = `${plural(t.error, 'error', 'errors')}, ${plural(t.warning, 'warning', 'warnings')}, ${plural(t.info, 'info', 'infos')}`;
    return t.fixable && !fixMode ? `${base} (${t.fixable} fixable with --fix)` : base;
  }
  const base = `${t.error} 个错误，${t.warning} 个警告，${t.info} 条提示`;
  return t.fixable && !fixMode ? `${base}（其中 ${t.fixable} 个可用 --fix 自动修复）` : base;
}

export function fixedLine(reports: FileReport[], lang: Language): string | undefined {
  const changed = reports.filter((r) => r.fixed > 0);
  const n = changed.reduce((sum, r) => sum + r.fixed, 0);
  if (n === 0) return undefined;
  return lang === 'en'
    ? `fixed ${plural(n, 'problem', 'problems')} in ${plural(changed.length, 'file', 'files')}`
    : `已自动修复 ${n} 处（${changed.length} 个文件）`;
}

const UNITS: Record<Language, Record<CountMode, string>> = {
  zh: { word: '字', chars: '字符', hanzi: '汉字' },
  en: { word: 'words', chars: 'chars', hanzi: 'hanzi' },
};

/** The --stats block of one file: outline with 字数, then the total, limit, kind and script. */
export function statsLines(report: FileReport, lang: Language): string[] {
  const { result, settings } = report;
  const doc = result.doc;
  const unit = UNITS[lang][doc.count.mode];
  const lines: string[] = [lang === 'en' ? `Outline of ${report.file}` : `${report.file} 提纲`];
  if (doc.title) {
    const title = doc.text.slice(doc.title.start, doc.title.end).trim();
    lines.push(lang === 'en' ? `  Title: ${title}` : `  标题：${title}`);
  }
  if (doc.sections.length === 0 || doc.preambleCount > 0) {
    lines.push(`  ${lang === 'en' ? '(opening)' : '（开头）'} …… ${doc.preambleCount} ${unit}`);
  }
  for (const line of outlineText(outline(doc), { unit })) lines.push(`  ${line}`);
  const total = doc.count.total;
  const over = total - result.limit;
  const minutes = Math.max(1, Math.round(total / (settings.speakingRate || 200)));
  if (lang === 'en') {
    const kind = result.kind === 'single' ? 'single-topic' : 'comprehensive';
    const script = doc.script.script;
    lines.push(
      `  Total ${total} ${unit}, limit ${result.limit} (${kind})${over > 0 ? `, ${over} over` : ''}; ${script}; about ${minutes} min at ${settings.speakingRate}/min`,
    );
  } else {
    const kind = result.kind === 'single' ? '单项' : '综合';
    const script = doc.script.script === 'traditional' ? '繁体' : '简体';
    lines.push(`  合计 ${total} ${unit}，上限 ${result.limit} ${unit}（${kind}）${over > 0 ? `，超出 ${over} ${unit}` : ''}；${script}；按每分钟 ${settings.speakingRate} 字约讲 ${minutes} 分钟`);
  }
  return lines;
}

// ---------------------------------------------------------------- SARIF

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifContext {
  version: string;
  /** The package root: rule docs are linked there (helpUri must be an absolute URI). */
  packageRoot: string;
  /** A web base for docs (e.g. a repository's blob URL), used instead of file URIs when known. */
  docsBase?: string;
  cwd: string;
  rules: Rule[];
  notifications: { message: string; level: 'warning' | 'error' }[];
}

function artifactUri(report: FileReport, cwd: string): { uri: string; uriBaseId?: string } {
  if (!report.absolute) return { uri: encodeURIComponent(report.file) };
  const rel = path.relative(cwd, report.absolute);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(report.absolute).href };
}

export function formatSarif(reports: FileReport[], lang: Language, ctx: SarifContext): string {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.meta.id, i]));
  const helpUri = (docs: string) => (ctx.docsBase ? `${ctx.docsBase.replace(/\/$/, '')}/${docs}` : pathToFileURL(path.join(ctx.packageRoot, docs)).href);
  const rules = ctx.rules.map((rule) => {
    const description = rule.meta.description[lang] || rule.meta.description.zh || rule.meta.description.en || rule.meta.id;
    return {
      id: rule.meta.id,
      name: rule.meta.id,
      shortDescription: { text: description },
      helpUri: helpUri(rule.meta.docs),
      defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
      properties: { fixable: rule.meta.fixable },
    };
  });
  const results = reports.flatMap((report) =>
    report.result.findings.map((f) => {
      const d = diagnostic(report.result, f, lang, report.locate);
      const result: Record<string, unknown> = {
        ruleId: f.rule,
        level: SARIF_LEVEL[f.severity],
        message: { text: d.message || f.rule },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactUri(report, ctx.cwd),
              region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
            },
          },
        ],
      };
      const index = ruleIndex.get(f.rule);
      if (index !== undefined) result.ruleIndex = index;
      return result;
    }),
  );
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'speech-lint',
        version: ctx.version,
        informationUri: ctx.docsBase ?? pathToFileURL(path.join(ctx.packageRoot, 'README.md')).href,
        rules,
      },
    },
    columnKind: 'unicodeCodePoints',
    originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd + path.sep).href } },
    invocations: [
      {
        executionSuccessful: !ctx.notifications.some((n) => n.level === 'error'),
        toolExecutionNotifications: ctx.notifications.map((n) => ({ level: n.level, message: { text: n.message } })),
      },
    ],
    results,
  };
  const log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
