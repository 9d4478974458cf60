// Runs every rule on one parse, applies directives and the user's severities, and applies fixes.
import { parse } from './parse';
import { append } from './append';
import { carriedRange } from './incremental';
import { inRanges, mergeSpans } from './parse/exclusions';
import type { Rule, RuleContext } from './rule';
import { rules as allRules } from './rules';
import { limitFor, sharedDefaultSettings, type SpeechLintSettings } from './settings';
import type { Finding, Fix, Kind, Severity, SeveritySetting, Span, SpeechDocument, TextEdit } from './types';

export interface LintOptions {
  settings?: SpeechLintSettings;
  /** Kind from the command line; the draft's front matter still wins. */
  kind?: Kind;
  /** Restrict to these rules (tests, quick fixes). */
  only?: string[];
  /** `markdown`: the draft is a Markdown file, whose `#`, `**` and `---` are its own syntax. */
  markup?: 'plain' | 'markdown';
  /** Milliseconds per rule id (and `parse`), added to: the benchmark's per-rule figures. */
  timings?: Record<string, number>;
}

export interface LintResult {
  doc: SpeechDocument;
  findings: Finding[];
  kind: Kind;
  limit: number;
  /** Rules that threw: reported, never fatal. */
  ruleErrors: { rule: string; error: string }[];
  /** After an edit: the lines the `line` rules checked again (undefined: every rule read the whole text). */
  recheckedRange?: Span;
  /**
   * After an edit: the findings carried over from past the changed lines, each with the finding of the
   * previous lint it was moved from, and how many lines the edit added (the editor moves its diagnostic).
   */
  movedFrom?: { findings: Map<Finding, Finding>; lines: number };
  /** What a lint of the next version may take over (see `relint`). */
  reuse?: {
    settings: SpeechLintSettings;
    markup: 'plain' | 'markdown';
    kind?: Kind;
    only?: string[];
    byRule: Map<string, Finding[]>;
  };
}

export function ruleSeverity(rule: Rule, settings: SpeechLintSettings): SeveritySetting {
  const setting = settings.rules[rule.meta.id];
  if (typeof setting === 'string') return setting;
  return setting?.severity ?? rule.meta.defaultSeverity;
}

/** The rule's options: its defaults, overridden by the (already validated) settings. */
export function ruleOptions(rule: Rule, settings: SpeechLintSettings): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(rule.meta.options)) options[key] = schema.default;
  const setting = settings.rules[rule.meta.id];
  if (setting && typeof setting === 'object' && setting.options) {
    for (const [key, value] of Object.entries(setting.options)) if (Object.prototype.hasOwnProperty.call(rule.meta.options, key)) options[key] = value;
  }
  return options;
}

/**
 * Where one rule is disabled by directives: `disable` (all rules or a list) opens a range for every rule
 * it names, `enable` closes it only for the rules it names (`enable x` after a bare `disable` re-enables
 * `x` alone), `disable-next-line` covers the next line.
 */
export function disabledRanges(doc: SpeechDocument, rule: string): Span[] {
  const ranges: Span[] = [];
  let openedAt: number | undefined;
  for (const d of doc.directives) {
    if (d.rules.length > 0 && !d.rules.includes(rule)) continue;
    if (d.type === 'disable-next-line') {
      const next = doc.lines[d.line + 1];
      if (next) ranges.push({ start: next.start, end: next.end + 1 });
    } else if (d.type === 'disable') {
      openedAt ??= d.end;
    } else if (openedAt !== undefined) {
      ranges.push({ start: openedAt, end: d.start });
      openedAt = undefined;
    }
  }
  if (openedAt !== undefined) ranges.push({ start: openedAt, end: doc.text.length + 1 });
  return mergeSpans(ranges);
}

export function lintDocument(doc: SpeechDocument, options: LintOptions = {}): LintResult {
  return lintParsed(doc, options);
}

/** What a lint after an edit takes over from the lint before it: a `line` rule's findings off the changed lines. */
export interface Carried {
  previous: LintResult;
  /** The changed lines in the new text (whole lines, line breaks included): `line` rules check these. */
  range: Span;
  /** Where the changed lines end in the previous text; findings after it move by `delta`. */
  previousEnd: number;
  delta: number;
}

function lintParsed(doc: SpeechDocument, options: LintOptions, carried?: Carried): LintResult {
  const settings = options.settings ?? sharedDefaultSettings();
  const kind = doc.frontMatter?.kind ?? options.kind ?? settings.kind;
  const limit = doc.frontMatter?.limit ?? limitFor(settings, kind);
  const ruleErrors: LintResult['ruleErrors'] = [];
  const findings: Finding[] = [];
  const byRule = new Map<string, Finding[]>();
  const origins = new Map<Finding, Finding>();
  const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.meta.id));
  // One array for every rule of this lint: the typo and formulation rules share their scan by it.
  const ranges: readonly Span[] = carried ? [carried.range] : [{ start: 0, end: doc.text.length + 1 }];
  const wholeText: readonly Span[] = carried ? [{ start: 0, end: doc.text.length + 1 }] : ranges;
  for (const rule of allRules) {
    if (options.only && !options.only.includes(rule.meta.id)) continue;
    const severity = ruleSeverity(rule, settings);
    if (severity === 'off') continue;
    const id = rule.meta.id;
    const reused = rule.meta.scope === 'line' && carried ? carriedFindings(carried, id, origins) : undefined;
    const own: Finding[] = [];
    const disabled = doc.directives.length ? disabledRanges(doc, id) : [];
    const context: RuleContext = {
      doc,
      settings,
      ruleIds,
      options: ruleOptions(rule, settings),
      kind,
      limit,
      ranges: reused ? ranges : wholeText,
      report(report) {
        const start = Math.max(0, Math.min(report.start, doc.text.length));
        const end = Math.max(start, Math.min(report.end, doc.text.length));
        if (!Object.prototype.hasOwnProperty.call(rule.meta.messages, report.messageId)) throw new Error(`unknown messageId "${report.messageId}"`);
        if (inRanges(disabled, start)) return;
        // A rule's lower certainty lowers the user's severity too, never raises it.
        const level = report.severity ? lower(severity, report.severity) : severity;
        const data = report.data ?? {};
        // Built whole (no property added later, which costs every finding a second object).
        const finding: Finding =
          report.fix && rule.meta.fixable === 'code'
            ? { rule: id, severity: level, start, end, messageId: report.messageId, data, fix: report.fix }
            : { rule: id, severity: level, start, end, messageId: report.messageId, data };
        if (report.suggestions?.length && rule.meta.hasSuggestions) {
          finding.suggestions = report.suggestions.map((s) => ({ messageId: s.messageId, data: s.data ?? {}, fix: s.fix }));
        }
        own.push(finding);
      },
    };
    const started = options.timings ? performance.now() : 0;
    try {
      rule.check(context);
    } catch (error) {
      ruleErrors.push({ rule: id, error: error instanceof Error ? error.message : String(error) });
    }
    if (options.timings) options.timings[id] = (options.timings[id] ?? 0) + performance.now() - started;
    const kept = reused ? [...reused.before, ...own.filter((f) => f.start >= carried!.range.start && f.start < carried!.range.end), ...reused.after] : own;
    byRule.set(id, kept);
    append(findings, kept);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const moved = carried ? { recheckedRange: carried.range, movedFrom: { findings: origins, lines: doc.lines.length - carried.previous.doc.lines.length } } : {};
  return { doc, findings, kind, limit, ruleErrors, ...moved, reuse: { settings, markup: options.markup ?? 'plain', kind: options.kind, only: options.only, byRule } };
}

/** A `line` rule's findings before and after the changed lines, moved to where they are now. */
function carriedFindings({ previous, range, previousEnd, delta }: Carried, id: string, origins: Map<Finding, Finding>): { before: Finding[]; after: Finding[] } | undefined {
  const old = previous.reuse?.byRule.get(id);
  if (!old) return undefined;
  const before: Finding[] = [];
  const after: Finding[] = [];
  for (const f of old) {
    if (f.start < range.start) {
      // A finding (or its fix) reaching into the changed lines is checked again with the whole rule.
      if (f.end > range.start || reachesPast(f, range.start)) return undefined;
      before.push(f);
    } else if (f.start >= previousEnd) {
      // Likewise a fix reaching back into them.
      if (reachesBefore(f, previousEnd)) return undefined;
      if (delta === 0) {
        after.push(f);
        continue;
      }
      const m = moved(f, delta);
      origins.set(m, f);
      after.push(m);
    }
  }
  return { before, after };
}

function reachesPast(f: Finding, offset: number): boolean {
  const past = (fix: Fix | undefined) => fix !== undefined && fix.edits.some((e) => e.end > offset);
  return past(f.fix) || (f.suggestions?.some((s) => past(s.fix)) ?? false);
}

function reachesBefore(f: Finding, offset: number): boolean {
  const before = (fix: Fix | undefined) => fix !== undefined && fix.edits.some((e) => e.start < offset);
  return before(f.fix) || (f.suggestions?.some((s) => before(s.fix)) ?? false);
}

function moved(f: Finding, delta: number): Finding {
  const move = (fix: Fix): Fix => ({ edits: fix.edits.map((e) => ({ start: e.start + delta, end: e.end + delta, text: e.text })) });
  const out: Finding = { rule: f.rule, severity: f.severity, start: f.start + delta, end: f.end + delta, messageId: f.messageId, data: f.data };
  if (f.fix) out.fix = move(f.fix);
  if (f.suggestions) out.suggestions = f.suggestions.map((s) => ({ ...s, fix: move(s.fix) }));
  return out;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
function lower(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Parses with the settings the lint uses (the defaults built once for the parse and the rules alike). */
function parseFor(text: string, options: LintOptions, settings: SpeechLintSettings, previous?: { doc?: SpeechDocument }): SpeechDocument {
  const started = options.timings ? performance.now() : 0;
  const doc = parse(text, { settings, markup: options.markup, ...(previous ? { memoize: true, previous: previous.doc } : {}) });
  if (options.timings) options.timings.parse = (options.timings.parse ?? 0) + performance.now() - started;
  return doc;
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const settings = options.settings ?? sharedDefaultSettings();
  return lintParsed(parseFor(text, options, settings), options.settings ? options : { ...options, settings });
}

/**
 * Lints a new version of a text linted before: the document is parsed again, the rules that read the
 * whole document run again, and the `line` rules check only the lines that changed, their findings
 * elsewhere carried over. The result is the same as `lint(text, options)`.
 */
export function relint(previous: LintResult | undefined, text: string, options: LintOptions = {}): LintResult {
  const settings = options.settings ?? sharedDefaultSettings();
  const doc = parseFor(text, options, settings, { doc: previous?.doc });
  // Findings are taken over only under the very settings (and options) they were found with.
  const reuse = previous?.reuse;
  const same = options.settings !== undefined && reuse?.settings === options.settings && reuse.markup === (options.markup ?? 'plain') && reuse.kind === options.kind && reuse.only === options.only;
  const carried = same ? carriedRange(previous!.doc, doc) : undefined;
  return lintParsed(doc, options.settings ? options : { ...options, settings }, carried && { previous: previous!, ...carried });
}

/** Applies edits (non-overlapping; overlapping ones after the first are skipped). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/**
 * Chooses fixes that do not overlap each other (first come first served). The edits taken so far are
 * kept sorted and disjoint, so each new edit is checked against its two neighbours only.
 */
export function compatibleFixes(fixes: Fix[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: Span[] = [];
  const clashes = (e: Span) => {
    const i = insertionPoint(taken, e.start);
    const near = [taken[i - 1], taken[i], taken[i + 1]];
    return near.some((t) => t !== undefined && ((e.start < t.end && t.start < e.end) || (e.start === e.end && e.start > t.start && e.start < t.end) || (t.start === t.end && t.start > e.start && t.start < e.end) || (e.start === e.end && t.start === t.end && e.start === t.start)));
  };
  for (const fix of fixes) {
    if (fix.edits.some(clashes)) continue;
    chosen.push(fix);
    for (const e of fix.edits) {
      const at = insertionPoint(taken, e.start);
      if (at === taken.length) taken.push({ start: e.start, end: e.end });
      else taken.splice(at, 0, { start: e.start, end: e.end });
    }
  }
  return chosen;
}

/** Where an edit starting at `start` goes in `taken` (sorted by start). */
function insertionPoint(taken: Span[], start: number): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid].start <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface FixResult {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
  passes: number;
  result: LintResult;
}

/** Applies every fix, re-linting until nothing fixable is left (at most 10 passes). */
export function fixAll(text: string, options: LintOptions = {}): FixResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  let result = lint(current, options);
  while (passes < 10) {
    const fixes = compatibleFixes(result.findings.filter((f) => f.fix).map((f) => f.fix!));
    if (fixes.length === 0) break;
    const next = applyEdits(current, fixes.flatMap((f) => f.edits));
    passes++;
    if (next === current) break;
    applied += fixes.length;
    current = next;
    result = lint(current, options);
  }
  return { text: current, applied, passes, result };
}
