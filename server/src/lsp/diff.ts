// Minimal edits between two versions of a text (for fix-all and script conversion): the text outside
// the edits stays untouched, so the editor keeps cursors, folding and markers.
//
// Common prefix/suffix first, then a Myers diff of the lines in between, then a Myers diff of the
// code points inside each changed block of lines. Each step has an edit-distance budget; past it the
// block falls back to a position-by-position comparison (same length) or one replacement.
import type { TextEdit } from '../core/types';

interface Hunk {
  /** Old [a0, a1) is replaced by new [b0, b1). */
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * Myers' O(ND) difference of two sequences, or undefined when the edit distance exceeds `maxD`.
 * Returns the changed hunks in order.
 */
export function myers(a: ArrayLike<number>, b: ArrayLike<number>, maxD: number): Hunk[] | undefined {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxD);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
  }
  if (found < 0) return undefined;
  // Backtrack: collect the single steps (deletions / insertions), last to first.
  const steps: { x: number; y: number; del: boolean }[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const saved = trace[d]; // v before step d, window [-(d) - 1, d + 1] around offset d + 1
    const get = (k: number) => saved[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && get(k - 1) < get(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = get(prevK);
    const prevY = prevX - prevK;
    steps.push({ x: prevX, y: prevY, del: !down });
    x = prevX;
    y = prevY;
  }
  steps.reverse();
  const hunks: Hunk[] = [];
  for (const s of steps) {
    const a0 = s.x;
    const b0 = s.y;
    const a1 = s.del ? a0 + 1 : a0;
    const b1 = s.del ? b0 : b0 + 1;
    const last = hunks[hunks.length - 1];
    if (last && last.a1 === a0 && last.b1 === b0) {
      last.a1 = a1;
      last.b1 = b1;
    } else {
      hunks.push({ a0, a1, b0, b1 });
    }
  }
  return hunks;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Splits into lines, each keeping its line break; returns the line start offsets too. */
function lineStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  if (starts[starts.length - 1] === to && starts.length > 1) starts.pop();
  return starts;
}

function lineIds(text: string, starts: number[], to: number, ids: Map<string, number>): Int32Array {
  const out = new Int32Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    const line = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : to);
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    out[i] = id;
  }
  return out;
}

/** Code points of text[from, to) and the UTF-16 offset of each (plus the end). */
function codePoints(text: string, from: number, to: number): { cps: Int32Array; offsets: Int32Array } {
  const cps: number[] = [];
  const offsets: number[] = [];
  for (let i = from; i < to; i++) {
    offsets.push(i);
    const c = text.charCodeAt(i);
    if (isHigh(c) && i + 1 < to && isLow(text.charCodeAt(i + 1))) {
      cps.push(text.codePointAt(i)!);
      i++;
    } else cps.push(c);
  }
  offsets.push(to);
  return { cps: Int32Array.from(cps), offsets: Int32Array.from(offsets) };
}

const LINE_BUDGET = 2000;
const CHAR_BUDGET = 400;

/** Edits (old-text offsets, non-overlapping, in order) that turn `before` into `after`. */
export function diffEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  // Common prefix and suffix, never splitting a surrogate pair.
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && start < before.length && isLow(before.charCodeAt(start)) && isHigh(before.charCodeAt(start - 1))) start--;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before.charCodeAt(endA - 1) === after.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  if (endA < before.length && endA > start && isLow(before.charCodeAt(endA)) && isHigh(before.charCodeAt(endA - 1))) {
    endA++;
    endB++;
  }
  // Widen to whole lines for the line diff.
  const lineStartA = lastLineStart(before, start);
  const lineStartB = lineStartA; // the prefix is shared
  const lineEndA = nextLineEnd(before, endA);
  const lineEndB = endB + (lineEndA - endA);
  const ids = new Map<string, number>();
  const startsA = lineStarts(before, lineStartA, lineEndA);
  const startsB = lineStarts(after, lineStartB, lineEndB);
  const linesA = lineEndA > lineStartA ? lineIds(before, startsA, lineEndA, ids) : new Int32Array(0);
  const linesB = lineEndB > lineStartB ? lineIds(after, startsB, lineEndB, ids) : new Int32Array(0);
  const offsetOf = (starts: number[], i: number, end: number) => (i < starts.length ? starts[i] : end);
  const lineHunks = myers(linesA, linesB, LINE_BUDGET) ?? [{ a0: 0, a1: linesA.length, b0: 0, b1: linesB.length }];
  const edits: TextEdit[] = [];
  for (const h of lineHunks) {
    const a0 = offsetOf(startsA, h.a0, lineEndA);
    const a1 = offsetOf(startsA, h.a1, lineEndA);
    const b0 = offsetOf(startsB, h.b0, lineEndB);
    const b1 = offsetOf(startsB, h.b1, lineEndB);
    // A loop, not push(...): a block can have more edits than a call takes arguments.
    for (const edit of diffBlock(before, a0, a1, after, b0, b1)) edits.push(edit);
  }
  return snapLineBreaks(before, edits);
}

/**
 * An LSP position cannot point between the \r and \n of a line break: widen such edits over the
 * whole break (the widened part is unchanged text) and merge edits that then touch.
 */
function snapLineBreaks(before: string, edits: TextEdit[]): TextEdit[] {
  const between = (offset: number) => offset > 0 && offset < before.length && before.charCodeAt(offset - 1) === 13 && before.charCodeAt(offset) === 10;
  const out: TextEdit[] = [];
  for (const edit of edits) {
    let { start, end, text } = edit;
    if (between(start)) {
      start--;
      text = '\r' + text;
    }
    if (between(end)) {
      end++;
      text += '\n';
    }
    const last = out[out.length - 1];
    if (last && last.end >= start) {
      last.text += before.slice(last.end, start) + text;
      last.end = end;
    } else out.push({ start, end, text });
  }
  return out;
}

function lastLineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

function nextLineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    i++;
  }
  return i;
}

/** Character-level edits for one changed block old[a0, a1) → new[b0, b1). */
function diffBlock(before: string, a0: number, a1: number, after: string, b0: number, b1: number): TextEdit[] {
  const A = codePoints(before, a0, a1);
  const B = codePoints(after, b0, b1);
  let hunks = A.cps.length * B.cps.length === 0 ? undefined : myers(A.cps, B.cps, CHAR_BUDGET);
  if (!hunks) {
    if (A.cps.length === B.cps.length) {
      // Same number of characters (e.g. script conversion): compare position by position.
      hunks = [];
      for (let i = 0; i < A.cps.length; i++) {
        if (A.cps[i] === B.cps[i]) continue;
        const last = hunks[hunks.length - 1];
        if (last && last.a1 === i) {
          last.a1 = i + 1;
          last.b1 = i + 1;
        } else hunks.push({ a0: i, a1: i + 1, b0: i, b1: i + 1 });
      }
    } else {
      let s = 0;
      while (s < A.cps.length && s < B.cps.length && A.cps[s] === B.cps[s]) s++;
      let ea = A.cps.length;
      let eb = B.cps.length;
      while (ea > s && eb > s && A.cps[ea - 1] === B.cps[eb - 1]) {
        ea--;
        eb--;
      }
      hunks = [{ a0: s, a1: ea, b0: s, b1: eb }];
    }
  }
  return hunks.map((h) => ({
    start: A.offsets[h.a0],
    end: A.offsets[h.a1],
    text: after.slice(B.offsets[h.b0], B.offsets[h.b1]),
  }));
}
