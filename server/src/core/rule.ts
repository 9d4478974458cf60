// What a rule is. Its metadata lives in the rule (ESLint style) and is the contract every layer reads:
// the config schema, VS Code's settings, the nls files, the grammar, the docs table and the message
// catalogue are generated from it. Severity is the user's to override.
import type { MessageData, Template } from './i18n/format';
import type { SettingSchema } from './schema';
import type { SpeechLintSettings } from './settings';
import type { Fix, Kind, Severity, Span, SpeechDocument, Suggestion } from './types';

export interface RuleMeta {
  /** Stable id, used in config, directives, diagnostics' `code`. */
  id: string;
  description: Template;
  defaultSeverity: Severity;
  /** `code`: the rule's fixes are certain and may be applied in bulk (--fix, fix-all, fix on save). */
  fixable?: 'code';
  /** The rule offers suggestions: edits the user picks one by one, never applied in bulk. */
  hasSuggestions?: boolean;
  /** Doc page path relative to the repository root. */
  docs: string;
  /** Options, each a JSON Schema with a default and a bilingual description. */
  options: Record<string, SettingSchema>;
  /** Message templates by messageId (catalogue id `<rule id>/<messageId>`). */
  messages: Record<string, Template>;
  /**
   * `line`: what the rule finds on a line depends on that line alone (its text and what the parse found
   * on it), and it checks only `ranges`; after an edit the engine re-checks the changed lines and keeps
   * its findings elsewhere. Unset: the rule reads the whole document and runs on every lint.
   */
  scope?: 'line';
}

export interface SuggestionReport {
  messageId: string;
  data?: MessageData;
  fix: Fix;
}

export interface Report {
  start: number;
  end: number;
  messageId: string;
  data?: MessageData;
  /** A certain fix (only kept when the rule is `fixable`). */
  fix?: Fix;
  /** Fixes resting on a doubtful reading: offered to the user, never applied in bulk. */
  suggestions?: SuggestionReport[];
  /** A lower severity than the rule's for less certain findings (mixed-script by phrase context, the near-limit note). */
  severity?: Severity;
}

export interface RuleContext {
  doc: SpeechDocument;
  settings: SpeechLintSettings;
  /** The rule's options, defaults filled in. */
  options: Record<string, unknown>;
  /** The document's kind: front matter, else the command line/settings. */
  kind: Kind;
  /** 字数 limit for this document. */
  limit: number;
  /** Every rule id the engine knows (for rules that check what a directive names). */
  ruleIds: ReadonlySet<string>;
  /**
   * Where a `line` rule looks: whole lines with their line breaks, in order. A full lint passes the whole
   * text; a lint after an edit, the changed lines.
   */
  ranges: readonly Span[];
  report: (report: Report) => void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The suggestion as the engine stores it on a finding. */
export type { Suggestion };
