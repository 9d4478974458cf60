// Output formats of the command line: text (terminal), JSON and SARIF 2.1.0. Lines and columns are
// 1-based; columns count code points (SARIF says so with columnKind).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintResult } from '../core/engine';
import type { Locale } from '../core/i18n/format';
import { findingMessage, message, ruleDescription } from '../core/messages';
import { draftParts, outline, outlineText, type OutlineNode } from '../core/outline';
import type { Rule } from '../core/rule';
import type { SpeechLintSettings } from '../core/settings';
import { speakingTime } from '../core/stats';
import { positionAt } from '../core/text';
import type { CountMode, Finding, Severity } from '../core/types';

export interface FileReport {
  /** The path as shown (as given on the command line, `<stdin>` for standard input). */
  file: string;
  /** Absolute path; undefined for standard input. */
  absolute?: string;
  result: LintResult;
  settings: SpeechLintSettings;
  /** How many fixes --fix applied. */
  fixed: number;
  /** The language of this file's messages (the draft's script decides unless fixed). */
  locale: Locale;
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
  messageId: string;
  fixable: boolean;
  /** Suggestions the user may apply by hand (never by --fix). */
  suggestions: number;
}

export interface JsonFile {
  file: string;
  script: string;
  kind: string;
  count: { mode: CountMode; total: number; limit: number };
  outline: OutlineNode[];
  diagnostics: JsonDiagnostic[];
}

export function diagnostic(result: LintResult, f: Finding, locale: Locale, locate?: FileReport['locate']): JsonDiagnostic {
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
    message: findingMessage(f, locale),
    messageId: f.messageId,
    fixable: f.fix !== undefined,
    suggestions: f.suggestions?.length ?? 0,
  };
}

export function jsonFile(report: FileReport, locale: Locale): JsonFile {
  const { result } = report;
  return {
    file: report.file,
    script: result.doc.script.script,
    kind: result.kind,
    count: { mode: result.doc.count.mode, total: result.doc.count.total, limit: result.limit },
    outline: outline(result.doc),
    diagnostics: result.findings.map((f) => diagnostic(result, f, locale, report.locate)),
  };
}

/** Each file's messages in its own locale unless `locale` fixes one. */
export function formatJson(reports: FileReport[], locale?: Locale): string {
  let text = '';
  for (const chunk of jsonChunks(reports, locale)) text += chunk;
  return text;
}

/**
 * The same text as `formatJson`, in pieces of about 64 KB: a file with half a million findings is
 * written as it is formatted, never held whole (a 10 MB draft's report is 200 MB of JSON).
 */
export function* jsonChunks(reports: FileReport[], locale?: Locale): Generator<string> {
  if (reports.length === 0) {
    yield '{\n  "files": []\n}\n';
    return;
  }
  let pending = '{\n  "files": [\n';
  for (let r = 0; r < reports.length; r++) {
    const report = reports[r];
    const { diagnostics: _all, ...rest } = jsonFile({ ...report, result: { ...report.result, findings: [] } }, locale ?? report.locale);
    // The file's own fields as JSON.stringify(…, null, 2) writes them at this depth (4 spaces in).
    const head = indent(JSON.stringify({ ...rest, diagnostics: [] }, null, 2), '    ');
    const findings = report.result.findings;
    if (findings.length === 0) {
      pending += `    ${head}`;
    } else {
      pending += `    ${head.slice(0, head.length - '[]\n    }'.length)}[\n`;
      for (let i = 0; i < findings.length; i++) {
        pending += `        ${diagnosticJson(diagnostic(report.result, findings[i], locale ?? report.locale, report.locate))}${i + 1 < findings.length ? ',' : ''}\n`;
        if (pending.length > 65536) {
          yield pending;
          pending = '';
        }
      }
      pending += '      ]\n    }';
    }
    pending += r + 1 < reports.length ? ',\n' : '\n';
  }
  yield `${pending}  ]\n}\n`;
}

/**
 * A diagnostic as `JSON.stringify(d, null, 2)` writes it eight spaces in (its fields are fixed), without
 * the generic walk: half a million of them make the report.
 */
function diagnosticJson(d: JsonDiagnostic): string {
  const at = '\n          ';
  return (
    `{${at}"rule": ${JSON.stringify(d.rule)},${at}"severity": ${JSON.stringify(d.severity)},${at}"line": ${d.line},${at}"column": ${d.column},` +
    `${at}"endLine": ${d.endLine},${at}"endColumn": ${d.endColumn},${at}"message": ${JSON.stringify(d.message)},${at}"messageId": ${JSON.stringify(d.messageId)},` +
    `${at}"fixable": ${d.fixable},${at}"suggestions": ${d.suggestions}\n        }`
  );
}

/** Every line but the first indented by `by`. */
function indent(json: string, by: string): string {
  return json.replace(/\n/g, `\n${by}`);
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

/** `file:line:column severity message [rule]`, one line per finding. */
export function textLines(report: FileReport, locale: Locale, colors: Colors): string[] {
  const { result } = report;
  return result.findings.map((f) => {
    const d = diagnostic(result, f, locale, report.locate);
    const word = message(`severity/${f.severity}`, undefined, locale);
    const severity = f.severity === 'error' ? colors.red(colors.bold(word)) : f.severity === 'warning' ? colors.yellow(word) : colors.blue(word);
    // A message is one line in a terminal.
    const text = d.message.replace(/\s*[\r\n]+\s*/g, ' ');
    return `${colors.bold(`${report.file}:${d.line}:${d.column}`)} ${severity} ${text} ${colors.dim(`[${f.rule}]`)}`;
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

/** `3 个错误，12 个警告，2 条提示` (and how many --fix could fix). */
export function summaryLine(t: Totals, locale: Locale, fixMode: boolean): string {
  const summary = message('cli/summary', { error: t.error, warning: t.warning, info: t.info }, locale);
  return t.fixable && !fixMode ? message('cli/summary-fixable', { summary, fixable: t.fixable }, locale) : summary;
}

export function fixedLine(reports: FileReport[], locale: Locale): string | undefined {
  const changed = reports.filter((r) => r.fixed > 0);
  const count = changed.reduce((sum, r) => sum + r.fixed, 0);
  if (count === 0) return undefined;
  return message('cli/fixed', { count, files: changed.length }, locale);
}

/** The --stats block of one file: outline with 字数, then the total, limit, kind and script. */
export function statsLines(report: FileReport, locale: Locale): string[] {
  const { result, settings } = report;
  const doc = result.doc;
  const say = (id: string, data?: Parameters<typeof message>[1]) => message(id, data, locale);
  const unit = say(`cli/unit.${doc.count.mode}`);
  const lines: string[] = [say('cli/outline-of', { file: report.file })];
  if (doc.title) lines.push(`  ${say('cli/title', { title: doc.text.slice(doc.title.start, doc.title.end).trim() })}`);
  const parts = draftParts(doc);
  if (doc.sections.length === 0 || parts.openingCount > 0) lines.push(`  ${say('cli/opening')} …… ${parts.openingCount} ${unit}`);
  for (const line of outlineText(outline(doc, parts), { unit })) lines.push(`  ${line}`);
  if (parts.closing) lines.push(`  ${say('cli/closing')} …… ${parts.closing.count} ${unit}`);
  const total = doc.count.total;
  const over = total - result.limit;
  lines.push(
    `  ${say('cli/total', {
      total,
      unit,
      limit: result.limit,
      kind: { id: `kind/${result.kind}` },
      over: over > 0 ? { id: 'cli/over', data: { over, unit } } : '',
      script: { id: `script/${doc.script.script}` },
      rate: settings.speakingRate,
      time: speakingTime(total, settings.speakingRate),
    })}`,
  );
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
  notifications: { message: string; level: 'note' | 'warning' | 'error' }[];
}

function artifactUri(report: FileReport, cwd: string): { uri: string; uriBaseId?: string } {
  if (!report.absolute) return { uri: encodeURIComponent(report.file) };
  const rel = path.relative(cwd, report.absolute);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(report.absolute).href };
}

export function formatSarif(reports: FileReport[], locale: Locale | undefined, ctx: SarifContext): string {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.meta.id, i]));
  const helpUri = (docs: string) => (ctx.docsBase ? `${ctx.docsBase.replace(/\/$/, '')}/${docs}` : pathToFileURL(path.join(ctx.packageRoot, docs)).href);
  const rules = ctx.rules.map((rule) => {
    const description = ruleDescription(rule.meta.id, locale ?? reports[0]?.locale ?? 'zh-Hans');
    return {
      id: rule.meta.id,
      name: rule.meta.id,
      shortDescription: { text: description },
      helpUri: helpUri(rule.meta.docs),
      defaultConfiguration: { level: SARIF_LEVEL[rule.meta.defaultSeverity] },
      properties: { fixable: rule.meta.fixable === 'code', hasSuggestions: rule.meta.hasSuggestions === true },
    };
  });
  const results = reports.flatMap((report) =>
    report.result.findings.map((f) => {
      const d = diagnostic(report.result, f, locale ?? report.locale, report.locate);
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
