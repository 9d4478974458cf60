// Property tests over random and mutated corpus text: linting never throws, every range lies inside
// the document on character boundaries, and fixes apply cleanly and converge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { applyEdits, compatibleFixes, fixAll, lint } from '../../server/src/core/engine';
import { outline } from '../../server/src/core/outline';
import { renumberEdits } from '../../server/src/core/renumber';
import { readCorpus } from './helpers';

const corpus = ['000', '001', '002', '003', '004'].map(readCorpus);

// Pieces that exercise every part of the parser and the rules.
const PIECES = [
  '一、', '二、', '十二、', '（一）', '(二)', '（-）', '1.', '2、', '（1）', '(3)', '# ', '一是', '二要', '第三，', '首先，', '其次，', '最后，',
  '我讲三点意见。', '以下五个方面：', '“六看”', '提几点要求：', '同志们：', '---\n', '类型: 单项\n', '字数上限: 12\n', '<!--', '-->',
  '<!-- speech-lint-disable -->', '<!-- speech-lint-enable -->', '<!-- speech-lint-disable-next-line placeholder -->',
  '时间:2022-04-20 10:50:00', '导语:', '上一篇:', '版权所有', '下面是小编为大家整理的', '供大家参考', 'XX', '某某', '*市', '【】',
  '干部', '並且', '關於', '于', '们', '們', '工作会 议', '工作,会议', '(扩大)', 'Powered by', '。', '，', '！', '？', '：', ' ', '\u3000',
  '\n', '\r\n', '\r', '\n\n', '𠀀', '𪚥', '\uD800', '\uDC00', 'abc 123', '2,000', '\t', '“', '”', '\uFEFF',
];

const randomDraft = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 80 }).map((parts) => parts.join(''));

const mutatedCorpus = fc
  .tuple(fc.integer({ min: 0, max: corpus.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 200 }), fc.constantFrom(...PIECES, '')), { minLength: 1, maxLength: 6 }))
  .map(([which, mutations]) => {
    let text = corpus[which];
    for (const [at, length, insert] of mutations) {
      const start = at % (text.length + 1);
      text = text.slice(0, start) + insert + text.slice(start + length);
    }
    return text;
  });

// A numeral, or the OCR look-alike of 一 (`(-)`) that heading-marker reads as one.
const NUMERAL = /^(?:[一二三四五六七八九十百零〇]+|\d+|[-－—‐])$/;

function isCharBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

function checkText(text: string): void {
  const result = lint(text);
  assert.deepEqual(result.ruleErrors, []);
  for (const f of result.findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.rule} range ${f.start}-${f.end} outside 0-${text.length}`);
    assert.ok(isCharBoundary(text, f.start) && isCharBoundary(text, f.end), `${f.rule} splits a surrogate pair`);
    for (const e of f.fix?.edits ?? []) {
      assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${f.rule} fix edit outside the document`);
      assert.ok(isCharBoundary(text, e.start) && isCharBoundary(text, e.end), `${f.rule} fix splits a surrogate pair`);
    }
  }
  // All compatible fixes at once apply cleanly, and fixing converges.
  const fixes = compatibleFixes(result.findings.filter((f) => f.fix).map((f) => f.fix!));
  applyEdits(text, fixes.flatMap((f) => f.edits));
  const fixed = fixAll(text);
  assert.deepEqual(fixed.result.ruleErrors, []);
  assert.ok(fixed.passes < 10, `fixes did not converge in ${fixed.passes} passes`);
  // The outline and renumbering never throw either.
  outline(result.doc);
  // Renumbering replaces numerals by numerals and nothing else (on mangled text a list may regroup
  // afterwards, so "nothing left to renumber" is asserted on real text, in renumber.test.ts).
  for (const e of renumberEdits(result.doc)) {
    assert.match(text.slice(e.start, e.end), NUMERAL, 'a renumbering edit replaces a numeral');
    assert.match(e.text, NUMERAL, 'a renumbering edit writes a numeral');
  }
}

test('property: random drafts never throw, ranges lie inside the document, fixes apply', () => {
  fc.assert(fc.property(randomDraft, (text) => checkText(text)), { numRuns: 500, seed: 20261211 });
});

test('property: mutated corpus text never throws, ranges lie inside the document, fixes apply', () => {
  fc.assert(fc.property(mutatedCorpus, (text) => checkText(text)), { numRuns: 100, seed: 20261212 });
});

test('property: fixAll leaves nothing fixable on random drafts', () => {
  fc.assert(
    fc.property(randomDraft, (text) => {
      const fixed = fixAll(text);
      assert.deepEqual(fixed.result.findings.filter((f) => f.fix).map((f) => `${f.rule}/${f.messageId}`), []);
    }),
    { numRuns: 200, seed: 20261213 },
  );
});
