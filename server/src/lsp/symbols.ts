// The outline as document symbols (hierarchical by level, the closing 结尾 after the sections) and
// folding ranges (sections, the closing, front matter, comments).
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { message } from '../core/messages';
import { lineIndexAt } from '../core/text';
import type { Section, Span, SpeechDocument } from '../core/types';
import type { Analysis } from './analysis';
import { toRange } from './convert';

/** A heading is text, not code: the kind Markdown's outline uses for its headings (one icon for every level). */
export const HEADING_SYMBOL_KIND = SymbolKind.String;

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
  const { doc, lines, parts, locale } = analysis;
  const convert = (section: Section): DocumentSymbol => {
    const h = section.heading;
    const selection = headingSpan(section);
    const span = trimmedSpan(doc, parts.sectionSpan(section));
    return {
      name: `${h.markerText}${h.titleText}`.trim() || h.markerText,
      detail: countLabel(parts.sectionCount(section)),
      kind: HEADING_SYMBOL_KIND,
      range: toRange(lines, { start: Math.min(span.start, selection.start), end: Math.max(span.end, selection.end) }),
      selectionRange: toRange(lines, selection),
      children: section.children.map(convert),
    };
  };
  const symbols = doc.sections.map(convert);
  const closing = parts.closing;
  if (closing) {
    // Selected by its first line, as a heading is.
    const firstLine = lines[lineIndexAt(lines, closing.start)];
    symbols.push({
      name: message('ui/closing', undefined, locale),
      detail: countLabel(closing.count),
      kind: HEADING_SYMBOL_KIND,
      range: toRange(lines, closing),
      selectionRange: toRange(lines, { start: closing.start, end: Math.min(closing.end, firstLine.end) }),
      children: [],
    });
  }
  return symbols;
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
      add(trimmedSpan(doc, analysis.parts.sectionSpan(section)), FoldingRangeKind.Region);
      walk(section.children);
    }
  };
  walk(doc.sections);
  if (analysis.parts.closing) add(analysis.parts.closing, FoldingRangeKind.Region);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
