// Test helpers: lint text and describe findings in user terms (1-based lines, code-point columns).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint, type LintOptions } from '../../server/src/core/engine';
import { mergeSettings, type SettingsProblem } from '../../server/src/core/config-schema';
import type { DataValue, MessageData } from '../../server/src/core/i18n/format';
import { convertScript } from '../../server/src/core/script';
import { defaultSettings, type SpeechLintSettings } from '../../server/src/core/settings';
import { positionAt } from '../../server/src/core/text';
import type { Finding, LineInfo } from '../../server/src/core/types';

/** The repository root (the folder holding package.json), found from the compiled test's folder. */
export const repoRoot = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.readFileSync(path.join(dir, 'package.json'), 'utf8').includes('"speech-draft"')) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
})();

export const corpusDir = path.join(repoRoot, '..', 'shared', 'corpus');

export function readCorpus(name: string): string {
  const file = fs.readdirSync(corpusDir).find((f) => f.startsWith(name));
  if (!file) throw new Error(`corpus file ${name} not found in ${corpusDir}`);
  return fs.readFileSync(path.join(corpusDir, file), 'utf8');
}

export const corpusDevDir = path.join(repoRoot, '..', 'shared', 'corpus-dev');

/** A file of ../shared/corpus-dev by its number (`08`). */
export function readCorpusDev(name: string): string {
  const file = fs.readdirSync(corpusDevDir).find((f) => f.startsWith(`${name}_`));
  if (!file) throw new Error(`corpus-dev file ${name} not found in ${corpusDevDir}`);
  return fs.readFileSync(path.join(corpusDevDir, file), 'utf8');
}

export function settingsWith(partial: Record<string, unknown>): SpeechLintSettings {
  const problems: SettingsProblem[] = [];
  const settings = mergeSettings(defaultSettings(), partial, problems);
  if (problems.length) throw new Error(`bad test settings: ${JSON.stringify(problems)}`);
  return settings;
}

/** What a finding says: its message id and data (the catalogue renders the words). */
export interface Msg {
  messageId: string;
  data: MessageData;
}

export const M = (messageId: string, data: MessageData = {}): Msg => ({ messageId, data });

export interface Described extends Msg {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  /** The whole text after applying only this finding's fix. */
  fixed?: string;
  /** The whole text after applying its first suggestion (a fix the user picks, never applied in bulk). */
  suggested?: string;
}

export function describeFinding(text: string, lines: LineInfo[], f: Finding): Described {
  const s = positionAt(lines, f.start);
  const e = positionAt(lines, f.end);
  const d: Described = { line: s.line + 1, column: s.codePoint + 1, endLine: e.line + 1, endColumn: e.codePoint + 1, severity: f.severity, messageId: f.messageId, data: f.data };
  if (f.fix) d.fixed = applyEdits(text, f.fix.edits);
  if (f.suggestions?.length) d.suggested = applyEdits(text, f.suggestions[0].fix.edits);
  return d;
}

/** Findings of one rule (or all rules when `rule` is undefined), described. */
export function findings(text: string, rule?: string, options: LintOptions = {}): Described[] {
  const result = lint(text, { ...options, only: rule ? [rule] : options.only });
  return result.findings.map((f) => describeFinding(text, result.doc.lines, f));
}

/** Shorthand: just the message ids and data of one rule's findings. */
export function messages(text: string, rule: string, options: LintOptions = {}): Msg[] {
  return findings(text, rule, options).map((f) => M(f.messageId, f.data));
}

/**
 * Applies each fix of `rule` on its own (text outside the fix's edits must stay byte-identical, and
 * `eachEdit` may check every edit), then fixes everything: nothing of the rule may be left. Returns
 * the fully fixed text.
 */
export function checkFixes(text: string, rule: string, options: LintOptions = {}, eachEdit?: (replaced: string, replacement: string) => void): string {
  const result = lint(text, { ...options, only: [rule] });
  for (const f of result.findings) {
    if (!f.fix) continue;
    const fixed = applyEdits(text, f.fix.edits);
    const lo = Math.min(...f.fix.edits.map((e) => e.start));
    const hi = Math.max(...f.fix.edits.map((e) => e.end));
    assert.equal(fixed.slice(0, lo), text.slice(0, lo));
    assert.equal(fixed.slice(fixed.length - (text.length - hi)), text.slice(hi));
    for (const e of f.fix.edits) eachEdit?.(text.slice(e.start, e.end), e.text);
  }
  const all = fixAll(text, { ...options, only: [rule] });
  assert.deepEqual(all.result.findings.filter((f) => f.fix).map((f) => `${f.rule}/${f.messageId}`), []);
  return all.text;
}

/** Lines joined with `\n`. */
export const joinLines = (...lines: string[]) => lines.join('\n');

/** An expected message's data with its text in traditional script (for the traditional twins). */
export function traditionalData(data: MessageData): MessageData {
  const convert = (value: DataValue): DataValue => (typeof value === 'string' ? convertScript(value, 'traditional') : Array.isArray(value) ? value.map(convert) : value);
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, convert(value)]));
}

/** Described findings as the fixture files hold them: `fixable` instead of the fixed text. */
export const withoutFix = (list: Described[]) => list.map(({ fixed, suggested, ...rest }) => ({ ...rest, fixable: fixed !== undefined, ...(suggested !== undefined ? { suggestion: true } : {}) }));

export type ValidCase = [name: string, text: string, settings?: SpeechLintSettings];
export type InvalidCase = [name: string, text: string, expected: Described[], settings?: SpeechLintSettings];

/**
 * Table tests for one rule: every valid text has no finding and every invalid one exactly the
 * expected findings, in simplified script and as a traditional twin (whose fixed text is the
 * expected fixed text converted; with `twinMessages`, so is the text in the message's data).
 */
export function tableTests(rule: string, valid: ValidCase[], invalid: InvalidCase[], { twinMessages = false } = {}): void {
  for (const [name, text, settings] of valid) {
    test(`${rule}: valid: ${name}`, () => assert.deepEqual(findings(text, rule, { settings }), []));
    test(`${rule}: valid (traditional twin): ${name}`, () => assert.deepEqual(findings(convertScript(text, 'traditional'), rule, { settings }), []));
  }
  for (const [name, text, expected, settings] of invalid) {
    test(`${rule}: invalid: ${name}`, () => assert.deepEqual(findings(text, rule, { settings }), expected));
    test(`${rule}: invalid (traditional twin): ${name}`, () => {
      const twin = convertScript(text, 'traditional');
      assert.notEqual(twin, text);
      const twinExpected = expected.map((e) => ({
        ...e,
        ...(twinMessages ? { data: traditionalData(e.data) } : {}),
        ...(e.fixed !== undefined ? { fixed: convertScript(e.fixed, 'traditional') } : {}),
        ...(e.suggested !== undefined ? { suggested: convertScript(e.suggested, 'traditional') } : {}),
      }));
      assert.deepEqual(findings(twin, rule, { settings }), twinExpected);
    });
  }
}
