import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, lint } from '../../server/src/core/engine';
import { parse } from '../../server/src/core/parse';
import { renumberEdits, wrongRuns } from '../../server/src/core/renumber';
import { convertScript } from '../../server/src/core/script';
import { corpusDevDir, corpusDir, readCorpus } from './helpers';

const L = (...lines: string[]) => lines.join('\n');
const renumber = (text: string) => applyEdits(text, renumberEdits(parse(text)));

const messy = L(
  '关于加强机关作风建设的讲话',
  '同志们：',
  '今天我讲三点意见。',
  '一、提高认识，统一思想',
  '要做到：一是加强学习，三是改进作风，三是严格考核。',
  '三、突出重点，狠抓落实',
  '（二）加强学习',
  '1.个人自学',
  '1.集中研讨',
  '（二）改进作风',
  '第一，转变作风；第三，提高效率。',
  '首先，加强学习；其次，改进作风；其次，严格考核。',
  '三. 加强领导，确保实效',
  '(-)明确责任',
  '(三)强化督查',
  '一要加强领导，二要落实责任，二要强化考核。',
);

const tidy = L(
  '关于加强机关作风建设的讲话',
  '同志们：',
  '今天我讲三点意见。',
  '一、提高认识，统一思想',
  '要做到：一是加强学习，二是改进作风，三是严格考核。',
  '二、突出重点，狠抓落实',
  '（一）加强学习',
  '1.个人自学',
  '2.集中研讨',
  '（二）改进作风',
  '第一，转变作风；第二，提高效率。',
  // Sequence words are not numerals: renumbering leaves them to enumeration-sequence's fix.
  '首先，加强学习；其次，改进作风；其次，严格考核。',
  // The marker's form (一. and half-width brackets, the look-alike -) is heading-marker's business.
  '三. 加强领导，确保实效',
  '(-)明确责任',
  '(二)强化督查',
  '一要加强领导，二要落实责任，三要强化考核。',
);

test('renumber: gaps, duplicates and continued numbering become 1 … n, numerals only', () => {
  assert.equal(renumber(messy), tidy);
});

test('renumber: the traditional twin renumbers alike', () => {
  assert.equal(renumber(convertScript(messy, 'traditional')), convertScript(tidy, 'traditional'));
});

test('renumber: a consistent draft gives no edits', () => {
  assert.deepEqual(renumberEdits(parse(tidy)), []);
  assert.deepEqual(renumberEdits(parse('')), []);
});

test('renumber: every edit replaces a numeral by a numeral; everything else is byte-identical', () => {
  const edits = renumberEdits(parse(messy));
  assert.ok(edits.length > 0);
  for (const edit of edits) {
    assert.match(messy.slice(edit.start, edit.end), /^[一二三四五六七八九十\d]+$/);
    assert.match(edit.text, /^[一二三四五六七八九十\d]+$/);
  }
  let at = 0;
  const after = applyEdits(messy, edits);
  let out = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const kept = messy.slice(at, edit.start);
    assert.equal(after.slice(out, out + kept.length), kept);
    out += kept.length + edit.text.length;
    at = edit.end;
  }
  assert.equal(after.slice(out), messy.slice(at));
});

test('renumber: two-digit numerals and Arabic level 3/4', () => {
  const text = L('九、第九项', '十、第十项', '十二、第十二项', '（3）小项', '（5）小项');
  const prefix = Array.from({ length: 8 }, (_, i) => `${'一二三四五六七八'[i]}、第${i + 1}项`).join('\n');
  assert.equal(
    renumber(`${prefix}\n${text}`),
    `${prefix}\n${L('九、第九项', '十、第十项', '十一、第十二项', '（1）小项', '（2）小项')}`,
  );
});

test('renumber: corpus 000–002 need nothing; 003 continues its second 1、 list under 五、', () => {
  for (const name of ['000', '001', '002']) assert.deepEqual(renumberEdits(parse(readCorpus(name))), [], name);
  const text = readCorpus('003');
  const edits = renumberEdits(parse(text));
  assert.deepEqual(
    edits.map((e) => [text.slice(e.start, e.end), e.text]),
    [
      ['1', '5'],
      ['2', '6'],
      ['3', '7'],
    ],
  );
});

test('renumber: wrongRuns splits a sequence into runs that continue each other', () => {
  assert.deepEqual(wrongRuns([1, 2, 3]), []);
  assert.deepEqual(wrongRuns([1, 2, 4, 5]), [{ start: 2, end: 4, kind: 'gap' }]);
  assert.deepEqual(wrongRuns([1, 2, 2, 3]), [{ start: 2, end: 4, kind: 'duplicate' }]);
  assert.deepEqual(wrongRuns([1, 3, 2]), [
    { start: 1, end: 2, kind: 'gap' },
    { start: 2, end: 3, kind: 'order' },
  ]);
  assert.deepEqual(wrongRuns([1, 2, 1, 2]), [{ start: 2, end: 4, kind: 'restart' }]);
  assert.deepEqual(wrongRuns([2, 3]), [{ start: 0, end: 2, kind: 'gap' }]);
});

test('renumber: on every corpus file and its traditional twin, nothing is left for the sequence rules to renumber', () => {
  const files = [
    ...fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(corpusDir, f)),
    ...fs.readdirSync(corpusDevDir).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').map((f) => path.join(corpusDevDir, f)),
  ];
  for (const file of files) {
    const original = fs.readFileSync(file, 'utf8');
    for (const text of [original, convertScript(original, 'traditional')]) {
      const renumbered = applyEdits(text, renumberEdits(parse(text)));
      const left = lint(renumbered).findings.filter((f) => (f.rule === 'heading-sequence' || f.rule === 'enumeration-sequence') && f.messageId !== 'mixedSeries' && !f.messageId.startsWith('sequence'));
      assert.deepEqual(left.map((f) => [f.rule, f.messageId, renumbered.slice(f.start, f.end)]), [], path.basename(file));
    }
  }
});
