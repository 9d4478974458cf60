// Text primitives: lines, code points, character classes. Offsets are UTF-16 code units throughout;
// user-facing columns and 字数 are code points.
import type { LineInfo } from './types';

export function splitLines(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ index: index++, start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ index, start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Index of the line containing `offset` (binary search). */
export function lineIndexAt(lines: LineInfo[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units (LSP). */
  character: number;
  /** 0-based column in code points (command line). */
  codePoint: number;
}

export function positionAt(lines: LineInfo[], offset: number): Position {
  const line = lines[lineIndexAt(lines, offset)];
  const character = Math.max(0, Math.min(offset, line.end) - line.start);
  return { line: line.index, character, codePoint: codePointColumn(line, character) };
}

/** Per line, the surrogate pairs completed before each UTF-16 column (null: the line has none). */
const pairsBefore = new WeakMap<LineInfo, Int32Array | null>();

/**
 * The code-point column of a UTF-16 column: the same unless the line holds characters beyond the BMP.
 * Counted once per line, so that thousands of findings on one long line cost no more than one.
 */
function codePointColumn(line: LineInfo, character: number): number {
  let table = pairsBefore.get(line);
  if (table === undefined) {
    table = null;
    const text = line.text;
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) continue;
      const h = text.charCodeAt(i - 1);
      if (h < 0xd800 || h > 0xdbff) continue;
      table ??= new Int32Array(text.length + 1);
      table[i + 1] = 1;
    }
    if (table) for (let i = 1; i < table.length; i++) table[i] += table[i - 1];
    pairsBefore.set(line, table);
  }
  return table ? character - table[Math.min(character, table.length - 1)] : character;
}

export function offsetAt(lines: LineInfo[], line: number, character: number): number {
  if (line < 0) return 0;
  if (line >= lines.length) return lines[lines.length - 1].end;
  const info = lines[line];
  return Math.min(info.start + Math.max(0, character), info.end);
}

/** Number of code points in text[start, end). */
export function codePointLength(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** CJK ideographs, including the extensions beyond the BMP (Extension B … ) and compatibility ideographs. */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f) ||
    cp === 0x3007
  );
}

/** Full-width punctuation and symbols that Word counts as one 字 each. */
export function isFullWidthPunctuation(cp: number): boolean {
  return (
    (cp >= 0x3001 && cp <= 0x303f && cp !== 0x3007) ||
    (cp >= 0xff01 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65) ||
    (cp >= 0xffe0 && cp <= 0xffee) ||
    (cp >= 0x2010 && cp <= 0x2027) || // dashes, “ ” ‘ ’, …
    (cp >= 0x2030 && cp <= 0x205e) ||
    cp === 0x00b7 ||
    cp === 0x00d7 ||
    (cp >= 0xfe10 && cp <= 0xfe1f) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0x2460 && cp <= 0x24ff) || // ① …
    (cp >= 0x25a0 && cp <= 0x25ff) || // □ ■ ○ …
    (cp >= 0x2600 && cp <= 0x26ff)
  );
}

/** Full-width Latin letters and digits: Word counts each as one 字. */
export function isFullWidthAlnum(cp: number): boolean {
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/** Letters and digits that Word counts as one 字 per run. */
export function isLatinWordChar(cp: number): boolean {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x370 && cp <= 0x3ff) ||
    (cp >= 0x400 && cp <= 0x4ff)
  );
}

export function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x3000 || cp === 0xa0 || cp === 0x0a || cp === 0x0d || cp === 0x0b || cp === 0x0c || cp === 0xfeff || (cp >= 0x2000 && cp <= 0x200b);
}

/** A CJK character in the wide sense used by the punctuation and spacing rules: Han, kana, full-width punctuation. */
export function isCjkContext(cp: number): boolean {
  return isHan(cp) || (cp >= 0x3001 && cp <= 0x30ff && cp !== 0x3000) || (cp >= 0xff01 && cp <= 0xff60) || (cp >= 0x201c && cp <= 0x201d) || (cp >= 0x2018 && cp <= 0x2019);
}

export function codePointBefore(text: string, offset: number): number | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(offset - 2);
  }
  return low;
}

/** The line break the text uses (its first one), `\n` when it has none: inserted lines use it. */
export function eolOf(text: string): string {
  const i = text.search(/\r\n|\r|\n/);
  if (i === -1) return '\n';
  return text[i] === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

/** Finds every occurrence of `needle` in `haystack` (literal, non-overlapping). */
export function findAll(haystack: string, needle: string, from = 0, to = haystack.length): number[] {
  const found: number[] = [];
  if (!needle) return found;
  let i = haystack.indexOf(needle, from);
  while (i !== -1 && i + needle.length <= to) {
    found.push(i);
    i = haystack.indexOf(needle, i + needle.length);
  }
  return found;
}

/**
 * A deleted line's range, grown so that the deletion never joins a CR before it and an LF after it
 * into one CRLF (files mixing CR and LF): the blank LF lines after it go with it.
 */
export function withoutJoinedBreaks(text: string, range: { start: number; end: number }): { start: number; end: number } {
  let end = range.end;
  if (text[range.start - 1] === '\r') while (text[end] === '\n') end++;
  return { start: range.start, end };
}
