// The outline of a draft (提纲): the heading tree with each section's 字数, for the command line's
// --stats and JSON output and for the editor's outline views. Pure: no fs, no vscode.
import { closingSpan } from './closing';
import type { HeadingLevel, Section, Span, SpeechDocument } from './types';

/** 字数 of text[span] (front matter and comments excluded). */
export function countIn(doc: SpeechDocument, span: Span): number {
  return doc.countPrefix[span.end] - doc.countPrefix[span.start];
}

/**
 * A draft's three parts: the opening (开头) before the first heading, the sections, and the closing
 * (结尾) after the last section. The parse's sections run to the end of the text; here the last
 * ones stop where the closing starts, and their 字数 leave it out.
 */
export interface DraftParts {
  /** 字数 before the first heading (without the closing, when there is no heading). */
  openingCount: number;
  closing?: Span & { count: number };
  /** The section's span, up to the closing. */
  sectionSpan(section: Section): Span;
  /** The section's 字数, children included, the closing left out. */
  sectionCount(section: Section): number;
}

export function draftParts(doc: SpeechDocument, closing: Span | undefined = closingSpan(doc)): DraftParts {
  const first = doc.headings[0];
  const openingEnd = Math.min(first ? first.prefix?.start ?? first.marker.start : doc.text.length, closing?.start ?? Infinity);
  const sectionSpan = (section: Section): Span =>
    closing && section.span.start < closing.start && closing.start < section.span.end ? { start: section.span.start, end: closing.start } : section.span;
  return {
    openingCount: countIn(doc, { start: 0, end: openingEnd }),
    closing: closing && { ...closing, count: countIn(doc, closing) },
    sectionSpan,
    sectionCount: (section) => (sectionSpan(section) === section.span ? section.count : countIn(doc, sectionSpan(section))),
  };
}

export interface OutlineNode {
  level: HeadingLevel;
  /** The marker as written, e.g. `一、` or `(二)`. */
  marker: string;
  /** The heading's parsed number. */
  number: number;
  title: string;
  /** 1-based line of the heading. */
  line: number;
  /** 字数 of the section, its children included. */
  count: number;
  children: OutlineNode[];
}

function toNode(parts: DraftParts, section: Section): OutlineNode {
  const h = section.heading;
  return {
    level: h.level,
    marker: h.markerText,
    number: h.number,
    title: h.titleText,
    line: h.line + 1,
    count: parts.sectionCount(section),
    children: section.children.map((child) => toNode(parts, child)),
  };
}

/** The heading tree of the document (built from `doc.sections`); counts leave the closing out. */
export function outline(doc: SpeechDocument, parts: DraftParts = draftParts(doc)): OutlineNode[] {
  return doc.sections.map((section) => toNode(parts, section));
}

/**
 * The sections containing `offset` (a UTF-16 offset), outermost first; empty in the preamble
 * (before the first heading).
 */
export function sectionPath(doc: SpeechDocument, offset: number): Section[] {
  const path: Section[] = [];
  let level = doc.sections;
  for (;;) {
    const inside = sectionHolding(level, offset) ??
      // The very end of the text belongs to the last section.
      (offset === doc.text.length ? level.find((s) => s.span.end === offset && s.span.start <= offset) : undefined);
    if (!inside) return path;
    path.push(inside);
    level = inside.children;
  }
}

/** The section of one level (in document order, not overlapping) whose span holds `offset`: a binary search. */
function sectionHolding(sections: readonly Section[], offset: number): Section | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const { start, end } = sections[mid].span;
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return sections[mid];
  }
  return undefined;
}

/** The innermost section containing `offset`, or undefined in the preamble. */
export function sectionAt(doc: SpeechDocument, offset: number): Section | undefined {
  const path = sectionPath(doc, offset);
  return path[path.length - 1];
}

export interface OutlineTextOptions {
  /** Unit after each count; `字` by default. */
  unit?: string;
  /** Longest title shown, in code points (longer ones end in `…`); 0 = no limit. Default 40. */
  maxTitle?: number;
  /** Spaces per level below 1. Default 2. */
  indent?: number;
}

function truncate(text: string, max: number): string {
  if (max <= 0) return text;
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
}

/**
 * The outline as terminal lines, indented by heading level:
 * `一、标题 …… 812 字`, `  （一）小标题 …… 300 字`.
 */
export function outlineText(nodes: OutlineNode[], options: OutlineTextOptions = {}): string[] {
  const unit = options.unit ?? '字';
  const maxTitle = options.maxTitle ?? 40;
  const indent = options.indent ?? 2;
  const lines: string[] = [];
  const walk = (list: OutlineNode[]) => {
    for (const node of list) {
      const title = truncate(node.title, maxTitle);
      lines.push(`${' '.repeat(indent * (node.level - 1))}${node.marker}${title} …… ${node.count} ${unit}`);
      walk(node.children);
    }
  };
  walk(nodes);
  return lines;
}
