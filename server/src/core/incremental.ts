// Which lines an edit changed, and whether a `line` rule's findings on the others can be kept: they
// can when everything the parse found off the changed lines is the same, only moved.
import { usesCornerQuotes } from './proofread/common';
import { lineIndexAt } from './text';
import type { SpeechDocument, Span } from './types';

export interface ChangedLines {
  /** The changed lines in the new text, whole, with their line breaks (one more line each side). */
  range: Span;
  /** Where those lines end in the previous text. */
  previousEnd: number;
  /** How far everything after them moved. */
  delta: number;
}

/** The changed lines, or undefined when the edit changed what the parse found elsewhere (lint it all). */
export function carriedRange(previous: SpeechDocument, doc: SpeechDocument): ChangedLines | undefined {
  const a = previous.text;
  const b = doc.text;
  if (a === b) return { range: { start: 0, end: 0 }, previousEnd: 0, delta: 0 };
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;

  // One line more on each side: a rule may look at the line break and the character past it.
  const first = Math.max(0, lineIndexAt(doc.lines, prefix) - 1);
  const lastNew = lineIndexAt(doc.lines, b.length - suffix) + 1;
  const lastOld = lineIndexAt(previous.lines, a.length - suffix) + 1;
  const start = doc.lines[first].start;
  // Up to the start of the line after the last one checked (past the end: the text's length + 1).
  const end = lastNew + 1 < doc.lines.length ? doc.lines[lastNew + 1].start : b.length + 1;
  const previousEnd = lastOld + 1 < previous.lines.length ? previous.lines[lastOld + 1].start : a.length + 1;
  const delta = b.length - a.length;
  if (end - previousEnd !== delta || previous.lines[first]?.start !== start) return undefined;
  const lineDelta = doc.lines.length - previous.lines.length;
  const changed: Changed = { start, end, previousEnd, delta, lineDelta };

  if (previous.script.script !== doc.script.script || previous.script.region !== doc.script.region) return undefined;
  if (previous.pageChunked !== doc.pageChunked) return undefined;
  // A fix written in the draft's quotation marks (「」 where it uses them most).
  if (usesCornerQuotes(previous) !== usesCornerQuotes(doc)) return undefined;
  if (!sameSpans(previous.frontMatter ? [previous.frontMatter] : [], doc.frontMatter ? [doc.frontMatter] : [], changed, (x, y) => x.end === y.end)) return undefined;
  if (!sameSpans(previous.comments, doc.comments, changed)) return undefined;
  // A directive reaches past its line (disable … enable): any change to one, lint it all.
  if (!sameSpans(previous.directives, doc.directives, changed, (x, y, d) => x.type === y.type && x.rules.join() === y.rules.join() && x.line + d.lines === y.line, true)) return undefined;
  if (!sameSpans(previous.pageChunkMarkers, doc.pageChunkMarkers, changed)) return undefined;
  if (!sameSpans(previous.paragraphs, doc.paragraphs, changed, (x, y, d) => x.contentStart + d.offset === y.contentStart && x.split === y.split && x.line + d.lines === y.line)) return undefined;
  const leftoverParts = (l: SpeechDocument['leftovers'][number]) => JSON.stringify([l.kind, l.kinds, l.whole, l.shown && [l.shown.start - l.start, l.shown.end - l.start], l.parts?.map((p) => [p.start - l.start, p.end - l.start])]);
  if (!sameSpans(previous.leftovers, doc.leftovers, changed, (x, y) => leftoverParts(x) === leftoverParts(y))) return undefined;
  const headingSpans = (h: SpeechDocument['headings'][number]) => JSON.stringify([h.level, h.form, h.inline, h.marker.end - h.marker.start, h.title.start - h.marker.start, h.title.end - h.marker.start]);
  const headings = (d: SpeechDocument) => d.headings.map((h) => ({ start: h.marker.start, end: h.title.end, heading: h }));
  if (!sameSpans(headings(previous), headings(doc), changed, (x, y) => headingSpans(x.heading) === headingSpans(y.heading))) return undefined;
  return { range: { start, end }, previousEnd, delta };
}

interface Changed {
  start: number;
  end: number;
  previousEnd: number;
  delta: number;
  lineDelta: number;
}

/**
 * The spans off the changed lines are the same in both documents (those after them moved by `delta`),
 * and none crosses into the changed lines. `same` compares what else matters, given the move.
 */
function sameSpans<T extends Span>(
  previous: readonly T[],
  current: readonly T[],
  changed: Changed,
  same: (x: T, y: T, moved: { offset: number; lines: number }) => boolean = () => true,
  /** None may be on the changed lines either. */
  noneChanged = false,
): boolean {
  const outside = (spans: readonly T[], end: number) => {
    const before: T[] = [];
    const after: T[] = [];
    for (const s of spans) {
      if (s.end <= changed.start && s.start < changed.start) before.push(s);
      else if (s.start >= end) after.push(s);
      else if (s.start < changed.start || s.end > end) return undefined;
    }
    return { before, after };
  };
  const p = outside(previous, changed.previousEnd);
  const c = outside(current, changed.end);
  if (!p || !c || p.before.length !== c.before.length || p.after.length !== c.after.length) return false;
  if (noneChanged && (p.before.length + p.after.length !== previous.length || c.before.length + c.after.length !== current.length)) return false;
  const still = { offset: 0, lines: 0 };
  for (let i = 0; i < p.before.length; i++) {
    const x = p.before[i];
    const y = c.before[i];
    if (x.start !== y.start || x.end !== y.end || !same(x, y, still)) return false;
  }
  const moved = { offset: changed.delta, lines: changed.lineDelta };
  for (let i = 0; i < p.after.length; i++) {
    const x = p.after[i];
    const y = c.after[i];
    if (x.start + changed.delta !== y.start || x.end + changed.delta !== y.end || !same(x, y, moved)) return false;
  }
  return true;
}
