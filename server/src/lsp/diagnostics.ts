// Findings → LSP diagnostics: code = rule id, codeDescription = the rule's page, source speech-lint.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { docsPath } from '../core/rule';
import { ruleById } from '../core/rules';
import { findingMessage } from '../core/messages';
import type { Locale, MessageData } from '../core/i18n/format';
import type { Finding, Severity } from '../core/types';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { Analysis } from './analysis';
import { toRange } from './convert';
import { extensionRoot } from './package';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The rule's documentation page: `<base>/<id>.md`, or the file inside the installed extension. */
const fileUrls = new Map<string, string>();

export function ruleDocsUrl(rule: string, base?: string): string {
  if (base) return `${base.replace(/\/+$/, '')}/${rule}.md`;
  let url = fileUrls.get(rule);
  if (!url) {
    const docs = ruleById.get(rule)?.meta.docs ?? docsPath(rule);
    url = pathToFileURL(path.join(extensionRoot, docs)).href;
    fileUrls.set(rule, url);
  }
  return url;
}

/**
 * A document's diagnostics by finding, and its messages by message data, taken over from the analysis
 * of its previous version: after an edit the findings before the changed lines are the same objects at
 * the same places, and those after them keep their message data, so neither is built again. Only the
 * latest version's entries are kept.
 */
export class DiagnosticCache {
  private readonly diagnostics = new Map<Finding, Diagnostic>();
  private readonly messages = new Map<MessageData, { id: string; text: string }>();

  constructor(
    readonly locale: Locale,
    readonly base: string | undefined,
    private previous?: DiagnosticCache,
  ) {
    if (previous && (previous.locale !== locale || previous.base !== base)) this.previous = undefined;
    // The previous version's own predecessor is not needed any more.
    if (this.previous) this.previous.previous = undefined;
  }

  /** `movedFrom`: the finding it was carried from past the changed lines, and how many lines they gained. */
  diagnostic(finding: Finding, build: () => Diagnostic, movedFrom?: { finding: Finding | undefined; lines: number }): Diagnostic {
    let diagnostic = this.diagnostics.get(finding) ?? this.previous?.diagnostics.get(finding);
    if (!diagnostic && movedFrom?.finding) {
      const before = this.previous?.diagnostics.get(movedFrom.finding);
      // Its line is as it was: the same columns, on a line moved by as many lines as the edit added.
      if (before) diagnostic = movedFrom.lines === 0 ? before : { ...before, range: movedLines(before.range, movedFrom.lines) };
    }
    diagnostic ??= build();
    this.diagnostics.set(finding, diagnostic);
    return diagnostic;
  }

  message(finding: Finding): string {
    const id = `${finding.rule}/${finding.messageId}`;
    const known = this.messages.get(finding.data) ?? this.previous?.messages.get(finding.data);
    if (known && known.id === id) {
      this.messages.set(finding.data, known);
      return known.text;
    }
    const text = findingMessage(finding, this.locale);
    if (!known) this.messages.set(finding.data, { id, text });
    return text;
  }
}

export function toDiagnostic(analysis: Analysis, finding: Finding): Diagnostic {
  const cache = analysis.diagnostics;
  const build = (): Diagnostic => ({
    range: toRange(analysis.lines, finding),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule, analysis.resolved.docsBaseUrl) },
    source: DIAGNOSTIC_SOURCE,
    message: cache ? cache.message(finding) : findingMessage(finding, analysis.locale),
  });
  const moved = analysis.result.movedFrom;
  return cache ? cache.diagnostic(finding, build, moved && { finding: moved.findings.get(finding), lines: moved.lines }) : build();
}

function movedLines(range: Diagnostic['range'], lines: number): Diagnostic['range'] {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

export function toDiagnostics(analysis: Analysis): Diagnostic[] {
  return analysis.result.findings.map((f) => toDiagnostic(analysis, f));
}

/** Two reports say the same: every diagnostic the same object, or equal in what the client shows. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!sameDiagnostic(x, y) || x.message !== y.message || x.severity !== y.severity || x.source !== y.source || x.codeDescription?.href !== y.codeDescription?.href) return false;
  }
  return true;
}

/** Identifies the diagnostic (range + code) of a finding, to match a client's diagnostic back to it. */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}
