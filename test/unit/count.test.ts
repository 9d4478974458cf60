// The count tables are filled from ranges; every BMP code unit must get what text.ts's predicates say.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { countText, unitClassTable } from '../../server/src/core/count';
import { isFullWidthAlnum, isFullWidthPunctuation, isHan, isLatinWordChar, isSpace } from '../../server/src/core/text';

function expected(mode: 'word' | 'chars' | 'hanzi', c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return 0;
  if (mode === 'hanzi') return isHan(c) ? 1 : 0;
  if (mode === 'chars') return isSpace(c) ? 0 : 1;
  return isLatinWordChar(c) ? 2 : isHan(c) || isFullWidthPunctuation(c) || isFullWidthAlnum(c) ? 1 : 0;
}

for (const mode of ['word', 'chars', 'hanzi'] as const) {
  test(`the ${mode} table agrees with the predicates at every BMP code unit`, () => {
    const table = unitClassTable(mode);
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (table[c] !== expected(mode, c)) wrong.push(`U+${c.toString(16)}: ${table[c]}`);
    assert.deepEqual(wrong, []);
  });
}

test('字数 of a line with Latin runs, full-width marks, an Extension B character and spaces', () => {
  // word: 同志们 3 + ： 1 + ABC 1 + 〇 ① ｘ 𠀀 4; spaces and the half-width comma 0. chars: every non-space, 12.
  assert.equal(countText('同志们： ABC,〇①ｘ𠀀 ', 'word'), 9);
  assert.equal(countText('同志们： ABC,〇①ｘ𠀀 ', 'hanzi'), 5);
  assert.equal(countText('同志们： ABC,〇①ｘ𠀀 ', 'chars'), 12);
});
