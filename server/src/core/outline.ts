// The outline of a draft (提纲): the heading tree with each section's 字数, for the command line's
// --stats and JSON output and for the editor's outline views. Pure: no fs, no vscode.
import type { HeadingLevel, Section, SpeechDocument } from './types';

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

function toNode(doc: SpeechDocument, section: Section): OutlineNode {
  const h = section.heading;
  return {
    level: h.level,
    marker: h.markerText,
    number: h.number,
    title: h.titleText,
    line: h.line + 1,
    count: section.count,
    children: section.children.map((child) => toNode(doc, child)),
  };
}

/** The heading tree of the document (built from `doc.sections`). */
export function outline(doc: SpeechDocument): OutlineNode[] {
  return doc.sections.map((section) => toNode(doc, section));
}

/**
 * The sections containing `offset` (a UTF-16 offset), outermost first; empty in the preamble
 * (before the first heading).
 */
export function sectionPath(doc: SpeechDocument, offset: number): Section[] {
  const path: Section[] = [];
  let level = doc.sections;
  for (;;) {
    const inside = level.find((s) => s.span.start <= offset && offset < s.span.end) ??
      // The very end of the text belongs to the last section.
      (offset === doc.text.length ? level.find((s) => s.span.end === offset && s.span.start <= offset) : undefined);
    if (!inside) return path;
    path.push(inside);
    level = inside.children;
  }
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
