// Code actions: a quick fix per fixable finding and one per suggestion, "fix all of this rule" (when the rule has more
// than one fixable finding), "disable for this line" and "for this file", renumber the outline, "fix all" among the
// quick fixes, and source.fixAll.speech-lint (one minimal WorkspaceEdit of the core's fixAll end result). The bulk
// fixes are computed when picked (codeAction/resolve) for clients that resolve edits, at once for the others.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { fixAll } from '../core/engine';
import { renumberEdits } from '../core/renumber';
import { findingMessage, message, suggestionMessage } from '../core/messages';
import { eolOf } from '../core/text';
import type { Finding } from '../core/types';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND } from '../protocol';
import type { Analysis } from './analysis';
import { toSpan, toTextEdits } from './convert';
import { sameDiagnostic, toDiagnostic } from './diagnostics';
import { diffEdits } from './diff';

export interface EditOptions {
  /** The client accepts `documentChanges` (versioned edits). */
  documentChanges: boolean;
  /** The client resolves a code action's `edit` lazily (codeAction/resolve). */
  resolvesEdits?: boolean;
}

/** What a bulk action carries until it is resolved. */
export interface BulkFixData {
  uri: string;
  version: number;
  /** Every fixable finding, or those of one rule. */
  rule?: string;
}

export function isBulkFixData(value: unknown): value is BulkFixData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.uri === 'string' && typeof v.version === 'number' && (v.rule === undefined || typeof v.rule === 'string');
}

export function workspaceEdit(analysis: Analysis, edits: TextEdit[], options: EditOptions): WorkspaceEdit {
  if (options.documentChanges) return { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits }] };
  return { changes: { [analysis.uri]: edits } };
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Edits that apply every fix (as `speech-lint --fix` would), or every fix of one rule, as minimal edits of the current text. */
export function fixAllEdits(analysis: Analysis, rule?: string): TextEdit[] {
  const text = analysis.doc.text;
  const fixed = fixAll(text, { settings: analysis.settings, only: rule ? [rule] : undefined, markup: analysis.markup });
  return toTextEdits(analysis.lines, diffEdits(text, fixed.text));
}

/** The bulk action's edit, for codeAction/resolve; undefined when the document has moved on. */
export function resolveBulkFix(analysis: Analysis, data: BulkFixData, options: EditOptions): WorkspaceEdit | undefined {
  if (analysis.version !== data.version) return undefined;
  return workspaceEdit(analysis, fixAllEdits(analysis, data.rule), options);
}

/** `<!-- speech-lint-disable rule -->` at the top of the file (after the front matter), or the rule added to one there. */
export function disableFileEdits(analysis: Analysis, rule: string): TextEdit[] {
  const { doc, lines } = analysis;
  const firstContent = doc.blocks[0]?.start ?? doc.text.length;
  const existing = doc.directives.find((d) => d.type === 'disable' && d.rules.length > 0 && d.end <= firstContent && (!doc.frontMatter || d.start >= doc.frontMatter.end));
  if (existing) {
    if (existing.rules.includes(rule)) return [];
    return toTextEdits(lines, [{ start: existing.start, end: existing.end, text: `<!-- speech-lint-disable ${[...existing.rules, rule].join(' ')} -->` }]);
  }
  const eol = eolOf(doc.text);
  const directive = `<!-- speech-lint-disable ${rule} -->`;
  if (doc.frontMatter) return toTextEdits(lines, [{ start: doc.frontMatter.end, end: doc.frontMatter.end, text: `${eol}${directive}` }]);
  const at = doc.text.startsWith('\uFEFF') ? 1 : 0;
  return toTextEdits(lines, [{ start: at, end: at, text: `${directive}${eol}` }]);
}

/** `<!-- speech-lint-disable-next-line rule -->` above the finding's line (or the rule added to one there). */
export function disableLineEdits(analysis: Analysis, finding: Finding): TextEdit[] {
  const { doc, lines } = analysis;
  const line = lines[lines.findIndex((l) => l.start <= finding.start && finding.start <= l.end)] ?? lines[0];
  const existing = doc.directives.find((d) => d.type === 'disable-next-line' && d.line === line.index - 1 && d.rules.length > 0);
  if (existing) {
    if (existing.rules.includes(finding.rule)) return [];
    return toTextEdits(lines, [{ start: existing.start, end: existing.end, text: `<!-- speech-lint-disable-next-line ${[...existing.rules, finding.rule].join(' ')} -->` }]);
  }
  const indent = /^[ \t\u3000]*/.exec(line.text)![0];
  return toTextEdits(lines, [{ start: line.start, end: line.start, text: `${indent}<!-- speech-lint-disable-next-line ${finding.rule} -->${eolOf(doc.text)}` }]);
}

export function codeActions(analysis: Analysis, params: CodeActionParams, options: EditOptions): CodeAction[] {
  const { lines, result, doc, locale } = analysis;
  const only = params.context.only;
  const span = toSpan(lines, params.range);
  const actions: CodeAction[] = [];
  // The findings under the range or behind the client's diagnostics (matched by code and range);
  // only those are converted (this runs on every cursor move).
  const reported = (params.context.diagnostics ?? [])
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .map((d) => ({ diagnostic: d, span: toSpan(lines, d.range) }));
  const relevant: { finding: Finding; diagnostic: Diagnostic }[] = [];
  for (const finding of result.findings) {
    const overlaps = finding.start <= span.end && span.start <= finding.end;
    const candidates = reported.filter((r) => r.diagnostic.code === finding.rule && r.span.start === finding.start && r.span.end === finding.end);
    if (!overlaps && candidates.length === 0) continue;
    const diagnostic = toDiagnostic(analysis, finding);
    relevant.push({ finding, diagnostic: candidates.find((c) => sameDiagnostic(c.diagnostic, diagnostic))?.diagnostic ?? diagnostic });
  }
  const bulk = (title: string, kind: string, diagnostics: Diagnostic[] | undefined, rule?: string): CodeAction => {
    const data: BulkFixData = { uri: analysis.uri, version: analysis.version, rule };
    return options.resolvesEdits ? { title, kind, diagnostics, data } : { title, kind, diagnostics, edit: resolveBulkFix(analysis, data, options) };
  };
  const fixable = result.findings.filter((f) => f.fix);
  /** Rules offered "fix all of this rule". */
  const bulkRules = new Set<string>();
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const { finding, diagnostic } of relevant) {
      if (finding.fix) {
        actions.push({
          title: message('action/fix', { message: findingMessage(finding, locale) }, locale),
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          diagnostics: [diagnostic],
          edit: workspaceEdit(analysis, toTextEdits(lines, finding.fix.edits), options),
        });
      }
      // Suggestions: quick fixes the user picks, never preferred (so never applied by "auto fix").
      for (const suggestion of finding.suggestions ?? []) {
        actions.push({
          title: message('action/suggestion', { message: suggestionMessage(finding.rule, suggestion, locale) }, locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(analysis, toTextEdits(lines, suggestion.fix.edits), options),
        });
      }
    }
    // Fix all of a rule: for each rule here with more than one fixable finding in the document.
    const rulesHere = [...new Set(relevant.filter((r) => r.finding.fix).map((r) => r.finding.rule))];
    for (const rule of rulesHere) {
      const count = fixable.filter((f) => f.rule === rule).length;
      if (count < 2) continue;
      const diagnostics = relevant.filter((r) => r.finding.rule === rule).map((r) => r.diagnostic);
      bulkRules.add(rule);
      actions.push(bulk(message('action/fix-rule', { rule, count }, locale), CodeActionKind.QuickFix, diagnostics, rule));
    }
    const disabled = new Set<string>();
    for (const { finding, diagnostic } of relevant) {
      const key = `${finding.rule}:${diagnostic.range.start.line}`;
      if (disabled.has(key)) continue;
      disabled.add(key);
      const edits = disableLineEdits(analysis, finding);
      if (edits.length === 0) continue;
      actions.push({
        title: message('action/disable-line', { rule: finding.rule }, locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(analysis, edits, options),
      });
    }
    for (const rule of [...new Set(relevant.map((r) => r.finding.rule))]) {
      const edits = disableFileEdits(analysis, rule);
      if (edits.length === 0) continue;
      actions.push({
        title: message('action/disable-file', { rule }, locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: relevant.filter((r) => r.finding.rule === rule).map((r) => r.diagnostic),
        edit: workspaceEdit(analysis, edits, options),
      });
    }
  }
  // Renumbering: offered on heading and enumeration lines and for numbering findings.
  const numberingDiagnostics = relevant.filter((r) => r.finding.rule === 'heading-sequence' || r.finding.rule === 'enumeration-sequence').map((r) => r.diagnostic);
  const renumberKind = numberingDiagnostics.length ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite;
  const firstLine = params.range.start.line;
  const lastLine = params.range.end.line;
  const onNumberedLine =
    doc.headings.some((h) => h.line >= firstLine && h.line <= lastLine) ||
    doc.enumerations.some((e) => e.items.some((i) => i.line >= firstLine && i.line <= lastLine));
  if ((numberingDiagnostics.length || onNumberedLine) && wants(only, renumberKind)) {
    const edits = renumberEdits(doc);
    if (edits.length) {
      actions.push({
        title: message('action/renumber', undefined, locale),
        kind: renumberKind,
        diagnostics: numberingDiagnostics.length ? numberingDiagnostics : undefined,
        edit: workspaceEdit(analysis, toTextEdits(lines, edits), options),
      });
    }
  }
  // Fix all among the quick fixes (the Ctrl+. menu), when it does more than the fixes offered here.
  if (wants(only, CodeActionKind.QuickFix) && relevant.length > 0 && fixable.length > 1 && fixable.some((f) => !bulkRules.has(f.rule))) {
    actions.push(bulk(message('action/fix-all', undefined, locale), CodeActionKind.QuickFix, undefined));
  }
  // The source action: only when asked for source actions (the Source Action menu, codeActionsOnSave),
  // always with its edit (saving waits for it).
  if (only && wants(only, FIX_ALL_KIND) && fixable.length > 0) {
    const edits = fixAllEdits(analysis);
    if (edits.length) {
      actions.push({
        title: message('action/fix-all', undefined, locale),
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(analysis, edits, options),
      });
    }
  }
  return actions;
}
