// Helpers for the proofreading rules' tests: findings on one line, and the suggestions a finding offers.
import { applyEdits, lint, type LintOptions } from '../../server/src/core/engine';
import type { Described, Msg } from './helpers';

/** A finding on line `line` from column `column` to `endColumn` (1-based code points). */
export function on(line: number, column: number, endColumn: number, message: Msg, fixed?: string, severity = 'warning'): Described {
  return { line, column, endLine: line, endColumn, severity, ...message, ...(fixed !== undefined ? { fixed } : {}) };
}

export interface Suggested extends Msg {
  /** The whole text with this suggestion applied. */
  fixed: string;
}

/** Each finding's suggestions (in order), as the messages they show and the text they leave. */
export function suggestionsOf(text: string, rule: string, options: LintOptions = {}): Suggested[][] {
  const result = lint(text, { ...options, only: [rule] });
  return result.findings.map((f) => (f.suggestions ?? []).map((s) => ({ messageId: s.messageId, data: s.data, fixed: applyEdits(text, s.fix.edits) })));
}
