// Findings → LSP diagnostics: code = rule id, codeDescription = the rule's page, source speech-lint.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { docsPath } from '../core/rule';
import { ruleById } from '../core/rules';
import { findingMessage } from '../core/messages';
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

export function toDiagnostic(analysis: Analysis, finding: Finding): Diagnostic {
  return {
    range: toRange(analysis.lines, finding),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule, analysis.resolved.docsBaseUrl) },
    source: DIAGNOSTIC_SOURCE,
    message: findingMessage(finding, analysis.locale),
  };
}

export function toDiagnostics(analysis: Analysis): Diagnostic[] {
  return analysis.result.findings.map((f) => toDiagnostic(analysis, f));
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
