// What a rule is: its metadata lives in the rule (ESLint style); severity is the user's to override.
import type { SpeechLintSettings } from './settings';
import type { Fix, Kind, Message, Severity, SpeechDocument } from './types';

export interface RuleOptionMeta {
  type: 'string' | 'number' | 'boolean' | 'string[]';
  default: unknown;
  description: Message;
  enum?: readonly string[];
}

export interface RuleMeta {
  /** Stable id, used in config, directives, diagnostics' `code`. */
  id: string;
  description: Message;
  defaultSeverity: Severity;
  fixable: boolean;
  /** Doc page path relative to the repository root. */
  docs: string;
  options: Record<string, RuleOptionMeta>;
}

export interface Report {
  start: number;
  end: number;
  message: Message;
  fix?: Fix;
  /** A lower severity than the rule's for less certain findings (mixed-script by phrase context, 90% note). */
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
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
