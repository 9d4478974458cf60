// readScript reads the script and writes the simplified-normalized text in one pass. It must give what a
// character-by-character reading gives: same length, lone surrogates and a leading BOM kept.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readScript, scriptTables } from '../../server/src/core/script';
import { corpusDevDir, corpusDir } from './helpers';

/** Each code point (a lone surrogate as itself) converted where its simplified form has its length. */
function byCharacter(text: string): { normalized: string; simplifiedOnly: number; traditionalOnly: number } {
  const t = scriptTables();
  let normalized = '';
  let simplifiedOnly = 0;
  let traditionalOnly = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (t.simplifiedOnly.has(code)) simplifiedOnly++;
    else if (t.traditionalOnly.has(code)) traditionalOnly++;
    const simplified = t.toSimplified.get(code);
    normalized += simplified !== undefined && (simplified > 0xffff) === (code > 0xffff) && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(simplified) : text.slice(i, i + width);
    i += width;
  }
  return { normalized, simplifiedOnly, traditionalOnly };
}

function check(text: string): void {
  const read = readScript(text);
  const expected = byCharacter(text);
  assert.equal(read.normalized.length, text.length);
  assert.equal(read.normalized, expected.normalized);
  assert.deepEqual([read.script.simplifiedOnly, read.script.traditionalOnly], [expected.simplifiedOnly, expected.traditionalOnly]);
}

test('the fifteen corpus files read as a character-by-character reading reads them', () => {
  for (const dir of [corpusDir, corpusDevDir]) {
    for (const f of fs.readdirSync(dir).filter((name) => name.endsWith('.txt'))) check(fs.readFileSync(path.join(dir, f), 'utf8'));
  }
});

test('a BOM, lone surrogates and characters beyond the BMP keep their places', () => {
  assert.equal(readScript('\ufeff這是測試').normalized, '\ufeff这是测试');
  assert.equal(readScript('臺\ud800灣').normalized, '台\ud800湾');
  assert.equal(readScript('臺\udc00灣').normalized, '台\udc00湾');
  assert.equal(readScript('𠀀說話').normalized, '𠀀说话');
  const simplified = '同志们：简体文稿';
  assert.equal(readScript(simplified).normalized, simplified);
  assert.equal(readScript('這個問題').script.script, 'traditional');
  assert.equal(readScript('這個問題', 'simplified').script.script, 'simplified');
});

test('random mixes of both scripts, Latin, surrogates and spaces', () => {
  const pieces = ['臺', '灣', '說', '话', '干', '乾', '幹', '發', '髮', '后', '後', 'a', ' ', '\n', '\ufeff', '\ud800', '\udc00', '𠀀', '𠮷', '，', '“'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (chars) => check(chars.join(''))), { numRuns: 2000 });
});

test('long texts: pairs and lone surrogates on either side of where the normalized text is cut into pieces', () => {
  // The pieces hold 16,384 code units from the first conversion on (臺 at 0).
  for (const at of [16381, 16382, 16383, 16384, 16385, 32767, 32768]) {
    for (const put of ['𠀀', '\ud800', '\udc00', '說']) {
      const text = `臺${'话'.repeat(at - 1)}${put}${'灣x'.repeat(9000)}${put}`;
      check(text);
    }
  }
});
