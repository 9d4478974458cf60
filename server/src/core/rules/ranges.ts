// What a `line` rule scans: the ranges of its context (the whole text, or the lines an edit changed).
import type { RuleContext } from '../rule';
import type { LineInfo } from '../types';

/**
 * The matches of a global regex that start inside the ranges, as a scan of the whole text finds them
 * (lookbehinds and lookaheads see the whole text). The caller may move `lastIndex` between matches.
 */
export function* matchesIn(re: RegExp, text: string, ctx: Pick<RuleContext, 'ranges'>): Generator<RegExpExecArray> {
  for (const range of ctx.ranges) {
    // The search stops at the range's end (its last line break included), not at the end of the text.
    const scanned = range.end > text.length ? text : text.slice(0, range.end);
    re.lastIndex = range.start;
    let m: RegExpExecArray | null;
    while ((m = re.exec(scanned))) yield m;
  }
}

/** The document's lines that start inside the ranges (all of them in a full lint). */
export function linesIn(ctx: Pick<RuleContext, 'ranges' | 'doc'>): readonly LineInfo[] {
  const { lines, text } = ctx.doc;
  const [only] = ctx.ranges;
  if (ctx.ranges.length === 1 && only.start === 0 && only.end > text.length) return lines;
  const out: LineInfo[] = [];
  for (const range of ctx.ranges) {
    let i = lineAtOrAfter(lines, range.start);
    for (; i < lines.length && lines[i].start < range.end; i++) out.push(lines[i]);
  }
  return out;
}

function lineAtOrAfter(lines: readonly LineInfo[], offset: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans (sorted by start) that start inside the ranges. */
export function spansIn<T extends { start: number }>(spans: readonly T[], ctx: Pick<RuleContext, 'ranges' | 'doc'>): readonly T[] {
  const [only] = ctx.ranges;
  if (ctx.ranges.length === 1 && only.start === 0 && only.end > ctx.doc.text.length) return spans;
  return spans.filter((s) => ctx.ranges.some((r) => s.start >= r.start && s.start < r.end));
}
