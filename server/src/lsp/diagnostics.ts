// Findings → LSP diagnostics: code = rule id, codeDescription = the rule's page, source speech-lint.
import * as fs from 'node:fs';
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

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The folder holding the extension's package.json (dist/.. when bundled). */
export const extensionRoot = (() => {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.resolve(__dirname, '..');
})();

/** The package's version (package.json beside the bundle), as the server reports it. */
export const SERVER_VERSION = (() => {
  try {
    return (JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();

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
