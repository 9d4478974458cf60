// 字数 counting. `word` counts like Word's 字数: each CJK character and each full-width punctuation
// mark 1, each run of Latin letters or digits 1, spaces and half-width punctuation 0. `chars` counts
// every non-space character, `hanzi` CJK characters only. A character is a code point.
import { isFullWidthAlnum, isFullWidthPunctuation, isHan, isLatinWordChar, isSpace } from './text';
import type { CountMode } from './types';

/**
 * prefix[i] is the count of text[0, i). Front matter and comments must already be blanked out.
 * In `word` mode a Latin run counts at its first character.
 */
/** What a BMP code unit adds in a mode: 0 nothing, 1 one 字, 2 a letter or digit of a Latin run. Built on first use. */
const unitClasses = new Map<CountMode, Uint8Array>();

function classes(mode: CountMode): Uint8Array {
  let table = unitClasses.get(mode);
  if (!table) {
    table = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (mode === 'hanzi') table[c] = isHan(c) ? 1 : 0;
      else if (mode === 'chars') table[c] = isSpace(c) ? 0 : 1;
      else table[c] = isLatinWordChar(c) ? 2 : isHan(c) || isFullWidthPunctuation(c) || isFullWidthAlnum(c) ? 1 : 0;
    }
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
  const table = classes(mode);
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
