// The outline as document symbols (hierarchical by level) and folding ranges (sections, front
// matter, comments).
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { lineIndexAt } from '../core/text';
import type { Section, Span, SpeechDocument } from '../core/types';
import type { Analysis } from './analysis';
import { toRange } from './convert';

/** Symbol kinds per heading level (1 一、 → Namespace, （一） → Class, 1. → Field, （1） → EnumMember): distinct icons. */
const KINDS: SymbolKind[] = [SymbolKind.Namespace, SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Field, SymbolKind.EnumMember];

/** The span without the blank lines and spaces it ends with. */
export function trimmedSpan(doc: SpeechDocument, span: Span): Span {
  let end = span.end;
  while (end > span.start && /[\s\u3000]/.test(doc.text[end - 1])) end--;
  return { start: span.start, end };
}

/** The heading's marker and title (the selection range of its symbol). */
export function headingSpan(section: Section): Span {
  const h = section.heading;
  return { start: h.marker.start, end: Math.max(h.title.end, h.marker.end) };
}

export function countLabel(count: number): string {
  return `${count.toLocaleString('en-US')} 字`;
}

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { doc, lines } = analysis;
  const convert = (section: Section): DocumentSymbol => {
    const h = section.heading;
    const selection = headingSpan(section);
    const span = trimmedSpan(doc, section.span);
    return {
      name: `${h.markerText}${h.titleText}`.trim() || h.markerText,
      detail: countLabel(section.count),
      kind: KINDS[h.level],
      range: toRange(lines, { start: Math.min(span.start, selection.start), end: Math.max(span.end, selection.end) }),
      selectionRange: toRange(lines, selection),
      children: section.children.map(convert),
    };
  };
  return doc.sections.map(convert);
}

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const { doc, lines } = analysis;
  const ranges: FoldingRange[] = [];
  const lineOf = (offset: number) => lineIndexAt(lines, offset);
  const add = (span: Span, kind?: FoldingRangeKind) => {
    const startLine = lineOf(span.start);
    const endLine = lineOf(Math.max(span.start, span.end - 1));
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  if (doc.frontMatter) add(doc.frontMatter, FoldingRangeKind.Region);
  for (const comment of doc.comments) add(comment, FoldingRangeKind.Comment);
  const walk = (sections: Section[]) => {
    for (const section of sections) {
      add(trimmedSpan(doc, section.span), FoldingRangeKind.Region);
      walk(section.children);
    }
  };
  walk(doc.sections);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
