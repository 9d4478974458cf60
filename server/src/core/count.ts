// 字数 counting. `word` counts like Word's 字数: each CJK character and each full-width punctuation
// mark 1, each run of Latin letters or digits 1, spaces and half-width punctuation 0. `chars` counts
// every non-space character, `hanzi` CJK characters only. A character is a code point.
import { isFullWidthAlnum, isFullWidthPunctuation, isHan, isLatinWordChar, isSpace } from './text';
import type { CountMode } from './types';

/**
 * prefix[i] is the count of text[0, i). Front matter and comments must already be blanked out.
 * In `word` mode a Latin run counts at its first character.
 */
export function countPrefix(text: string, mode: CountMode): Int32Array {
  const prefix = new Int32Array(text.length + 1);
  let total = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    const cp = pair ? text.codePointAt(i)! : c;
    let add = 0;
    if (mode === 'hanzi') {
      add = isHan(cp) ? 1 : 0;
    } else if (mode === 'chars') {
      add = isSpace(cp) ? 0 : 1;
    } else if (isLatinWordChar(cp)) {
      add = inRun ? 0 : 1;
      inRun = true;
    } else {
      inRun = false;
      add = isHan(cp) || isFullWidthPunctuation(cp) || isFullWidthAlnum(cp) || (cp > 0xffff && !isSpace(cp)) ? 1 : 0;
    }
    prefix[i] = total;
    total += add;
    if (pair) {
      // The low surrogate gets the count after its character, so the first offset past a limit is
      // always the character's start.
      prefix[i + 1] = total;
      i++;
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
