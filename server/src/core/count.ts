// 字数 counting. `word` counts like Word's 字数: each CJK character and each full-width punctuation
// mark 1, each run of Latin letters or digits 1, spaces and half-width punctuation 0. `chars` counts
// every non-space character, `hanzi` CJK characters only. A character is a code point.
import { isHan, isSpace } from './text';
import type { CountMode } from './types';

/**
 * prefix[i] is the count of text[0, i). Front matter and comments must already be blanked out.
 * In `word` mode a Latin run counts at its first character.
 */
/** What a BMP code unit adds in a mode: 0 nothing, 1 one 字, 2 a letter or digit of a Latin run. Built on first use. */
const unitClasses = new Map<CountMode, Uint8Array>();

// The BMP ranges of text.ts's predicates, so that a table is a few fills instead of 65,536 calls in a
// cold process (10 ms). count.test.ts checks every code unit of each table against the predicates.
const HAN_BMP: readonly [number, number][] = [[0x3007, 0x3007], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]];
const FULL_WIDTH_BMP: readonly [number, number][] = [
  [0x00b7, 0x00b7], [0x00d7, 0x00d7], [0x2010, 0x2027], [0x2030, 0x205e], [0x2460, 0x24ff], [0x25a0, 0x26ff],
  [0x3001, 0x3006], [0x3008, 0x303f], [0xfe10, 0xfe1f], [0xfe30, 0xfe4f], [0xff01, 0xff65], [0xffe0, 0xffee],
];
const LATIN_WORD_BMP: readonly [number, number][] = [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x24f], [0x370, 0x4ff]];
const SPACE_BMP: readonly [number, number][] = [[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x2000, 0x200b], [0x3000, 0x3000], [0xfeff, 0xfeff]];

function fill(table: Uint8Array, ranges: readonly [number, number][], value: number): void {
  for (const [from, to] of ranges) table.fill(value, from, to + 1);
}

export function unitClassTable(mode: CountMode): Uint8Array {
  let table = unitClasses.get(mode);
  if (!table) {
    table = new Uint8Array(0x10000);
    if (mode === 'hanzi') fill(table, HAN_BMP, 1);
    else if (mode === 'chars') {
      table.fill(1);
      fill(table, SPACE_BMP, 0);
    } else {
      fill(table, HAN_BMP, 1);
      fill(table, FULL_WIDTH_BMP, 1);
      fill(table, LATIN_WORD_BMP, 2);
    }
    table.fill(0, 0xd800, 0xe000);
    unitClasses.set(mode, table);
  }
  return table;
}

/** What a character beyond the BMP adds (never part of a Latin run); a lone high surrogate is `cp` itself. */
function astralAdds(cp: number, mode: CountMode): number {
  if (mode === 'hanzi') return isHan(cp) ? 1 : 0;
  if (mode === 'chars') return isSpace(cp) ? 0 : 1;
  return cp > 0xffff && !isSpace(cp) ? 1 : 0;
}

/**
 * prefix[i] is the count of text[0, i). Front matter and comments must already be blanked out.
 * In `word` mode a Latin run counts at its first character.
 */
export function countPrefix(text: string, mode: CountMode): Int32Array {
  const prefix = new Int32Array(text.length + 1);
  const table = unitClassTable(mode);
  let total = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    prefix[i] = total;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // The low surrogate gets the count after its character, so the first offset past a limit is
      // always the character's start.
      total += astralAdds(text.codePointAt(i)!, mode);
      inRun = false;
      prefix[++i] = total;
      continue;
    }
    const cls = table[c];
    if (cls === 2) {
      if (!inRun) total++;
      inRun = true;
    } else {
      inRun = false;
      total += cls;
    }
  }
  prefix[text.length] = total;
  return prefix;
}

export function countText(text: string, mode: CountMode): number {
  const prefix = countPrefix(text, mode);
  return prefix[text.length];
}

/** First offset at which the running count exceeds `limit`, or -1. */
export function offsetExceeding(prefix: Int32Array, limit: number): number {
  const n = prefix.length - 1;
  if (prefix[n] <= limit) return -1;
  // Smallest i with prefix[i + 1] > limit: the character at i is the (limit + 1)-th.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prefix[mid + 1] > limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
