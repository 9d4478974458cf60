import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, lint } from '../../../server/src/core/engine';
import type { SpeechLintSettings } from '../../../server/src/core/settings';
import { type Described, findings, joinLines, readCorpus, settingsWith, tableTests, withoutFix, M, type Msg } from '../helpers';

const RULE = 'heading-marker';
const L = joinLines;
/** A finding on line `line`, columns 1 … endColumn, whose fix turns the text into `fixed`. */
const W = (line: number, endColumn: number, message: Msg, fixed: string, column = 1): Described => ({
  line,
  column,
  endLine: line,
  endColumn,
  severity: 'warning',
  ...message,
  fixed,
});

const dun = settingsWith({ level3Style: 'dun' });
const consistent = settingsWith({ rules: { [RULE]: { options: { level3: 'consistent' } } } });
const consistentDun = settingsWith({ level3Style: 'dun', rules: { [RULE]: { options: { level3: 'consistent' } } } });

const valid: [string, string, SpeechLintSettings?][] = [
  ['every level in its GB/T 9704 form', L('一、总体要求', '（一）指导思想', '1.坚持问题导向', '（1）查找问题', '（2）整改落实', '2.坚持目标导向', '二、重点任务')],
  ['level 3 written 1、 with level3Style dun', L('一、总体要求', '1、坚持问题导向', '2、坚持目标导向'), dun],
  ['level 3 written 1、 throughout, level3: consistent', L('一、总体要求', '1、坚持问题导向', '2、坚持目标导向'), consistent],
  ['level 3 written 1. throughout, level3: consistent, even with level3Style dun', L('一、总体要求', '1.坚持问题导向', '2.坚持目标导向'), consistentDun],
  ['decimals and dates at a line start are not headings', L('1.5亿元的投资已经到位。', '2023.6月完成。')],
  ['Markdown prefixes', L('# 一、总体要求', '## （一）指导思想')],
];

const invalid: [string, string, Described[], SpeechLintSettings?][] = [
  ['一.', L('一.总体要求', '二、重点任务'), [W(1, 3, M('level1', { expected: '一、', actual: '一.' }), L('一、总体要求', '二、重点任务'))]],
  ['一，', L('一，总体要求'), [W(1, 3, M('level1', { expected: '一、', actual: '一，' }), L('一、总体要求'))]],
  ['一．', L('一．总体要求'), [W(1, 3, M('level1', { expected: '一、', actual: '一．' }), L('一、总体要求'))]],
  ['a space inside 一 、', L('一 、总体要求'), [W(1, 4, M('spaces', { expected: '一、', actual: '一 、' }), L('一、总体要求'))]],
  ['（一）、', L('一、总体要求', '（一）、指导思想'), [W(2, 5, M('punctuation', { expected: '（一）', actual: '（一）、' }), L('一、总体要求', '（一）指导思想'))]],
  ['(一) half-width', L('一、总体要求', '(一)指导思想'), [W(2, 4, M('brackets', { expected: '（一）', actual: '(一)' }), L('一、总体要求', '（一）指导思想'))]],
  ['（一) mixed', L('一、总体要求', '（一)指导思想'), [W(2, 4, M('brackets', { expected: '（一）', actual: '（一)' }), L('一、总体要求', '（一）指导思想'))]],
  ['(一)、 half-width with punctuation', L('一、总体要求', '(一)、指导思想'), [W(2, 5, M('brackets', { expected: '（一）', actual: '(一)、' }), L('一、总体要求', '（一）指导思想'))]],
  ['(-) OCR look-alike', L('一、总体要求', '(-)指导思想'), [W(2, 4, M('lookalike', { numeral: '-', expected: '（一）', actual: '(-)' }), L('一、总体要求', '（一）指导思想'))]],
  ['（-） OCR look-alike', L('一、总体要求', '（-）指导思想'), [W(2, 4, M('lookalike', { numeral: '-', expected: '（一）', actual: '（-）' }), L('一、总体要求', '（一）指导思想'))]],
  [
    'level 3 1、 against GB/T 1. (default)',
    L('一、总体要求', '1、坚持问题导向', '2、坚持目标导向'),
    [
      W(2, 3, M('level3Standard', { expected: '1.', actual: '1、' }), L('一、总体要求', '1.坚持问题导向', '2、坚持目标导向')),
      W(3, 3, M('level3Standard', { expected: '2.', actual: '2、' }), L('一、总体要求', '1、坚持问题导向', '2.坚持目标导向')),
    ],
  ],
  ['level 3 1，', L('一、总体要求', '1，坚持问题导向'), [W(2, 3, M('level3Standard', { expected: '1.', actual: '1，' }), L('一、总体要求', '1.坚持问题导向'))]],
  ['level 3 1． full-width dot', L('一、总体要求', '1．坚持问题导向'), [W(2, 3, M('level3Standard', { expected: '1.', actual: '1．' }), L('一、总体要求', '1.坚持问题导向'))]],
  ['level 3 1. with level3Style dun', L('一、总体要求', '1.坚持问题导向'), [W(2, 3, M('level3Setting', { expected: '1、', actual: '1.' }), L('一、总体要求', '1、坚持问题导向'))], dun],
  [
    'mixed 1、/1. with level3: consistent: the majority wins',
    L('一、总体要求', '1、坚持问题导向', '2、坚持目标导向', '3.坚持结果导向'),
    [W(4, 3, M('level3Majority', { expected: '3、', actual: '3.' }), L('一、总体要求', '1、坚持问题导向', '2、坚持目标导向', '3、坚持结果导向'))],
    consistent,
  ],
  [
    'mixed 1、/1. with level3: consistent: a tie falls back to the setting',
    L('一、总体要求', '1、坚持问题导向', '2.坚持目标导向'),
    [W(2, 3, M('level3Majority', { expected: '1.', actual: '1、' }), L('一、总体要求', '1.坚持问题导向', '2.坚持目标导向'))],
    consistent,
  ],
  ['level 4 (1)', L('1.坚持问题导向', '(1)查找问题'), [W(2, 4, M('brackets', { expected: '（1）', actual: '(1)' }), L('1.坚持问题导向', '（1）查找问题'))]],
  ['level 4 （1）、', L('1.坚持问题导向', '（1）、查找问题'), [W(2, 5, M('punctuation', { expected: '（1）', actual: '（1）、' }), L('1.坚持问题导向', '（1）查找问题'))]],
];

tableTests(RULE, valid, invalid);

for (const [name, text, , settings] of invalid) {
  test(`${RULE}: fixing '${name}' leaves nothing to fix and changes only markers`, () => {
    for (const f of lint(text, { only: [RULE], settings }).findings) {
      for (const edit of f.fix!.edits) {
        assert.ok(edit.end <= f.end && /^[ \t\u3000]*$/.test(text.slice(edit.start, Math.max(edit.start, f.start))), 'edits stay inside the marker');
      }
    }
    const fixed = fixAll(text, { only: [RULE], settings });
    assert.deepEqual(fixed.result.findings, []);
    // The text after each marker is untouched.
    const titles = (s: string) => s.split('\n').map((line) => line.replace(/^[#\s]*[（(]?[-一二三四五六七八九十\d]+\s*[)）]?\s*[、.．，,]?/, ''));
    assert.deepEqual(titles(fixed.text), titles(text));
  });
}

// A page-chunked web copy: numbered page pieces with headings run into them.
const chunked = L(
  '在全市政府系统办公室工作会议上的讲话',
  '',
  '1、同志们：经市政府同意，今天我们召开全市政府系统办公室工作会议，这是我担任政府办公室主任后组织召开的第一次全市政府系统办公室工作会议。这次会议市长非常重视，多次过问会议筹备工作，市长百忙之中也亲临会议，充分体现了各级领导对我们',
  '',
  '2、工作的关心和支持。今年的政府系统办公室工作，我重点讲两个方面：（一）服务决策要超前。具体讲，就是提高办文水平，发挥以文辅政作用。办文是办公室发挥参谋助手作用最基本、也是最重要的手段，文字综合工作搞不好，就谈不上',
  '',
  '3、服务决策。要加强对文秘人员的培养，列入计划，逐步提高政府系统办公室的整体办文水平，努力为领导决策提供适时、对路、有效的信息服务。 (二)协调管理要有力。办公室工作涉及范围广、牵扯领域多，协调方方面面的任务很重，应急管理的',
);

test(`${RULE}: a heading run into the previous sentence gets its own line`, () => {
  const lines = chunked.split('\n');
  const split = (i: number, at: string, cut: string) => [...lines.slice(0, i), lines[i].slice(0, lines[i].indexOf(at)), lines[i].slice(lines[i].indexOf(at)).replace(cut, ''), ...lines.slice(i + 1)].join('\n');
  assert.deepEqual(findings(chunked, RULE), [
    W(5, 37, M('inline'), split(4, '（一）', ''), 34),
    W(7, 71, M('brackets', { expected: '（二）', actual: '(二)' }), chunked.replace('(二)', '（二）'), 68),
    // The space before the marker goes with the line break.
    W(7, 71, M('inline'), split(6, ' (二)', ' '), 68),
  ]);
  // Page pieces stay page pieces after the split: no `1、` is taken for a heading.
  const fixed = fixAll(chunked, { only: [RULE] });
  assert.equal(fixed.result.doc.pageChunkMarkers.length, 3);
  assert.deepEqual(fixed.result.doc.headings.map((h) => [h.markerText, h.inline, h.line]), [
    ['（一）', false, 5],
    ['（二）', false, 8],
  ]);
  assert.deepEqual(fixed.result.findings.filter((f) => f.fix), []);
});

test(`${RULE}: inline: false turns the line-break finding off; a CRLF draft gets CRLF breaks and the indentation is kept`, () => {
  const off = settingsWith({ rules: { [RULE]: { options: { inline: false } } } });
  assert.deepEqual(findings(chunked, RULE, { settings: off }).map((f) => M(f.messageId, f.data)), [M('brackets', { expected: '（二）', actual: '(二)' })]);
  const crlf = chunked.replace(/\n/g, '\r\n').replace('2、工作', '　　2、工作');
  const [first] = findings(crlf, RULE);
  assert.ok(first.fixed!.includes('我重点讲两个方面：\r\n　　（一）服务决策要超前'));
});

test(`${RULE}: severity can be overridden`, () => {
  const text = L('一.总体要求');
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'error' } }) }).map((f) => f.severity), ['error']);
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'off' } }) }), []);
});


test(`${RULE}: corpus 000–002 write every marker in its standard form`, () => {
  for (const name of ['000', '001', '002']) assert.deepEqual(findings(readCorpus(name), RULE), [], name);
});

test(`${RULE}: corpus 003 writes level 3 as 1、: GB/T expects 1. by default; none with level3Style dun or level3: consistent`, () => {
  const text = readCorpus('003');
  const lines = [10, 13, 15, 17, 21, 23, 25, 27, 30, 32, 34, 37, 39, 41, 48, 49, 50, 51, 53, 54, 55];
  const numbers = [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 1, 2, 3, 1, 2, 3, 4, 1, 2, 3];
  assert.deepEqual(
    withoutFix(findings(text, RULE)),
    lines.map((line, i) => ({ line, column: 1, endLine: line, endColumn: 3, severity: 'warning', ...M('level3Standard', { expected: `${numbers[i]}.`, actual: `${numbers[i]}、` }), fixable: true })),
  );
  assert.deepEqual(findings(text, RULE, { settings: dun }), []);
  assert.deepEqual(findings(text, RULE, { settings: consistent }), []);
});

test(`${RULE}: corpus 004: half-width (二), the (-) look-alike, and headings run into page pieces`, () => {
  // 一、 and 二、 are run into the text with no mark where their titles end (…下面,我先讲几点意 见。一、履职尽责,开创了…工作新局面过去的一年,…).
  const level1 = (line: number, column: number, marker: string, titleLength: number) => [
    { line, column, endLine: line, endColumn: column + 2, severity: 'warning', ...M('inline'), fixable: true },
    { line, column, endLine: line, endColumn: column + 2 + titleLength, severity: 'info', ...M('glued', { marker }), fixable: false },
  ];
  const at: [number, number, string, string][] = [
    [18, 284, '(三)', '（三）'],
    [22, 179, '(四)', '（四）'],
    [24, 88, '(五)', '（五）'],
    [30, 180, '(一)', '（一）'],
    [38, 62, '(二)', '（二）'],
    [40, 253, '(三)', '（三）'],
    [52, 93, '(-)', '（一）'],
    [56, 95, '(二)', '（二）'],
  ];
  const expected = at.flatMap(([line, column, was, want]) => [
    {
      line,
      column,
      endLine: line,
      endColumn: column + 3,
      severity: 'warning',
      ...(was === '(-)' ? M('lookalike', { expected: want, actual: was, numeral: '-' }) : M('brackets', { expected: want, actual: was })),
      fixable: true,
    },
    { line, column, endLine: line, endColumn: column + 3, severity: 'warning', ...M('inline'), fixable: true },
  ]);
  expected.splice(0, 0, ...level1(14, 198, '一、', 4));
  expected.splice(expected.findIndex((f) => f.line > 50), 0, ...level1(50, 185, '二、', 4));
  assert.deepEqual(withoutFix(findings(readCorpus('004'), RULE)), expected);
});

test(`${RULE}: fixing corpus 004 splits the headings off and keeps the page pieces`, () => {
  const text = readCorpus('004');
  const before = lint(text).doc.pageChunkMarkers.length;
  const fixed = fixAll(text, { only: [RULE] });
  // Left: 一、's title glued to its text (履职尽责,开创了…新局面过去的一年,…), which only the drafter can break off.
  assert.deepEqual(fixed.result.findings.map((f) => [f.messageId, f.data, f.fix]), [['glued', { marker: '一、' }, undefined]]);
  assert.equal(fixed.result.doc.pageChunkMarkers.length, before);
  assert.equal(fixed.result.doc.headings.filter((h) => h.inline).length, 0);
  assert.equal(fixed.result.doc.headings.length, 10);
  // Nothing but line breaks and markers changed.
  const squash = (s: string) => s.replace(/\n/g, '').replace(/[（(]([-一二三四五六七八九十])[)）]/g, '<$1>').replace(/<-?>/g, '<一>').replace(/-/g, '一');
  assert.equal(squash(fixed.text), squash(text));
});
