// Test helpers: lint text and describe findings in user terms (1-based lines, code-point columns).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, lint, type LintOptions } from '../../server/src/core/engine';
import { defaultSettings, mergeSettings, type SpeechLintSettings } from '../../server/src/core/settings';
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

export function settingsWith(partial: Record<string, unknown>): SpeechLintSettings {
  const problems: { field: string; message: string }[] = [];
  const settings = mergeSettings(defaultSettings(), partial, problems);
  if (problems.length) throw new Error(`bad test settings: ${JSON.stringify(problems)}`);
  return settings;
}

export interface Described {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  message: string;
  /** The whole text after applying only this finding's fix. */
  fixed?: string;
}

export function describeFinding(text: string, lines: LineInfo[], f: Finding): Described {
  const s = positionAt(lines, f.start);
  const e = positionAt(lines, f.end);
  const d: Described = { line: s.line + 1, column: s.codePoint + 1, endLine: e.line + 1, endColumn: e.codePoint + 1, severity: f.severity, message: f.message.zh };
  if (f.fix) d.fixed = applyEdits(text, f.fix.edits);
  return d;
}

/** Findings of one rule (or all rules when `rule` is undefined), described. */
export function findings(text: string, rule?: string, options: LintOptions = {}): Described[] {
  const result = lint(text, { ...options, only: rule ? [rule] : options.only });
  return result.findings.map((f) => describeFinding(text, result.doc.lines, f));
}

/** Shorthand: just the messages of one rule. */
export function messages(text: string, rule: string, options: LintOptions = {}): string[] {
  return findings(text, rule, options).map((f) => f.message);
}
