import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, lint } from '../../../server/src/core/engine';
import type { SpeechLintSettings } from '../../../server/src/core/settings';
import { type Described, findings, readCorpus, settingsWith, tableTests, withoutFix, M, type Msg } from '../helpers';

const RULE = 'enumeration-sequence';
const W = (column: number, endColumn: number, message: Msg, fixed: string, line = 1): Described => ({
  line,
  column,
  endLine: line,
  endColumn,
  severity: 'warning',
  ...message,
  fixed,
});
/** The same finding, its renumbering offered as a suggestion instead of a fix. */
const S = ({ fixed, ...rest }: Described): Described => ({ ...rest, suggested: fixed });

const valid: [string, string, SpeechLintSettings?][] = [
  ['一是…五是', '要做到：一是加强学习，二是改进作风，三是严格考核，四是强化督查，五是狠抓落实。'],
  ['一要…三要', '一要加强学习，二要改进作风，三要严格考核。'],
  ['a nested list (corpus 000 style)', '要做到：一是加强学习：一是读原著，二是写体会，三是学先进，四是找差距；二是改进作风。'],
  ['a one-item nested list of another series', '一是加强学习，一要读原著，二是改进作风。'],
  ['lists restart in each paragraph', '一是加强学习，二是改进作风。\n一是严格考核，二是强化督查。'],
  ['lists close at headings', '一、提高认识\n一是加强学习，二是改进作风。\n二、狠抓落实\n一是严格考核，二是强化督查。'],
  ['第一，第二，第三，', '要做到：第一，加强学习；第二，改进作风；第三，严格考核。'],
  ['首先，其次，再次，最后，', '首先，加强学习；其次，改进作风；再次，严格考核；最后，强化督查。'],
  ['首先…再次… without 其次 (only repeats and order are checked)', '首先，加强学习；再次，改进作风；最后，严格考核。'],
  ['idioms and words are not lists', '把握好三要素。一是一、二是二，不能含糊。'],
  ['a lone item not at 一 is too weak a sign', '这个问题，二是指第二种情况。'],
  ['mixed series with mixedSeries: false', '一是加强学习，二要改进作风，三是严格考核。', settingsWith({ rules: { [RULE]: { options: { mixedSeries: false } } } })],
];

const invalid: [string, string, Described[]][] = [
  ['a gap', '要做到：一是加强学习，三是改进作风。', [W(12, 14, M('gap', { expected: '二是', actual: '三是' }), '要做到：一是加强学习，二是改进作风。')]],
  [
    'a gap renumbers the items that continue it, in one finding',
    '要做到：一是加强学习，二是改进作风，四是严格考核，五是强化督查。',
    [W(19, 21, M('gap', { expected: '三是', actual: '四是' }), '要做到：一是加强学习，二是改进作风，三是严格考核，四是强化督查。')],
  ],
  [
    'a duplicate',
    '要做到：一是加强学习，二是改进作风，二是严格考核，三是强化督查。',
    [W(19, 21, M('duplicate', { expected: '三是', actual: '二是' }), '要做到：一是加强学习，二是改进作风，三是严格考核，四是强化督查。')],
  ],
  [
    // Swapped items: the user decides between renumbering and moving them back.
    'an order error',
    '要做到：一是加强学习，三是改进作风，二是严格考核。',
    [
      S(W(12, 14, M('gap', { expected: '二是', actual: '三是' }), '要做到：一是加强学习，二是改进作风，二是严格考核。')),
      S(W(19, 21, M('order', { expected: '三是', actual: '二是' }), '要做到：一是加强学习，三是改进作风，三是严格考核。')),
    ],
  ],
  ['a list that does not start at 一', '要做到：二是改进作风，三是严格考核。', [W(5, 7, M('gap', { expected: '一是', actual: '二是' }), '要做到：一是改进作风，二是严格考核。')]],
  ['mixed 是 and 要', '要做到：一是加强学习，二要改进作风，三是严格考核。', [W(12, 14, M('mixedSeries', { series: '是', other: '要', expected: '二是', actual: '二要' }), '要做到：一是加强学习，二是改进作风，三是严格考核。')]],
  ['a gap in 第一，第二，', '要做到：第一，加强学习；第二，改进作风；第四，严格考核。', [W(21, 23, M('gap', { expected: '第三', actual: '第四' }), '要做到：第一，加强学习；第二，改进作风；第三，严格考核。')]],
  ['two 其次', '首先，加强学习；其次，改进作风；其次，严格考核；最后，强化督查。', [W(17, 19, M('sequenceDuplicate', { expected: '再次', actual: '其次' }), '首先，加强学习；其次，改进作风；再次，严格考核；最后，强化督查。')]],
  [
    '再次 before 其次',
    '首先，加强学习；再次，改进作风；其次，严格考核。',
    [
      W(9, 11, M('sequenceOrder', { expected: '其次', actual: '再次' }), '首先，加强学习；其次，改进作风；其次，严格考核。'),
      W(17, 19, M('sequenceOrder', { expected: '再次', actual: '其次' }), '首先，加强学习；再次，改进作风；再次，严格考核。'),
    ],
  ],
  [
    'an error in a nested list',
    '要做到：一是加强学习：一是读原著，三是写体会；二是改进作风。',
    [W(18, 20, M('gap', { expected: '二是', actual: '三是' }), '要做到：一是加强学习：一是读原著，二是写体会；二是改进作风。')],
  ],
];

tableTests(RULE, valid, invalid);

for (const [name, text] of invalid) {
  test(`${RULE}: fixing '${name}' leaves nothing to fix and edits only numerals, 是/要 and 其次/再次`, () => {
    for (const f of lint(text, { only: [RULE] }).findings) {
      for (const edit of (f.fix ?? f.suggestions![0].fix).edits) {
        assert.match(text.slice(edit.start, edit.end), /^(?:[一二三四五六七八九十]+|是|要|其次|再次)$/);
        assert.match(edit.text, /^(?:[一二三四五六七八九十]+|是|要|其次|再次)$/);
      }
    }
    const fixed = fixAll(text, { only: [RULE] });
    // A renumbering offered as a suggestion is never applied in bulk.
    if (lint(text, { only: [RULE] }).findings.some((f) => !f.fix)) {
      assert.equal(fixed.text, text);
      return;
    }
    assert.deepEqual(fixed.result.findings, []);
    assert.equal(fixed.passes, 1);
    const blank = (s: string) => s.replace(/[一二三四五六七八九十](?=[是要，])/g, '#').replace(/[是要](?=[加改严强读写])/g, '@').replace(/其次|再次/g, '$');
    assert.equal(blank(fixed.text), blank(text));
  });
}

test(`${RULE}: severity can be overridden`, () => {
  const text = '一是加强学习，三是改进作风。';
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'error' } }) }).map((f) => f.severity), ['error']);
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'off' } }) }), []);
});

test(`${RULE}: corpus 000–003 have no list errors (000 nests 一是…四是 inside its first 一是)`, () => {
  for (const name of ['000', '001', '002', '003']) assert.deepEqual(findings(readCorpus(name), RULE), [], name);
  const lists = lint(readCorpus('000'), { only: [RULE] }).doc.enumerations.map((e) => [e.depth, e.items.map((i) => i.text).join('')]);
  assert.deepEqual(lists, [
    [0, '一是二是'],
    [1, '一是二是三是四是'],
  ]);
});

test(`${RULE}: corpus 004's damage shows in its lists: suggestions only, its pages were shuffled`, () => {
    assert.deepEqual(withoutFix(findings(readCorpus('004'), RULE)), [
    // Page piece 2 runs 一是 of one list into 四是 of another.
    { line: 16, column: 266, endLine: 16, endColumn: 268, severity: 'warning', ...M('gap', { expected: '二是', actual: '四是' }), fixable: false, suggestion: true },
    // Page piece 7, after the speech's closing words, runs on with 二是 of a list whose 一是 is on another piece.
    { line: 26, column: 118, endLine: 26, endColumn: 120, severity: 'warning', ...M('gap', { expected: '一是', actual: '二是' }), fixable: false, suggestion: true },
    // OCR split 一 是 (not read as an item), so 二是 seems to continue the list before it.
    { line: 46, column: 184, endLine: 46, endColumn: 186, severity: 'warning', ...M('order', { expected: '四是', actual: '二是' }), fixable: false, suggestion: true },
  ]);
});
