import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, lint } from '../../../server/src/core/engine';
import { type Described, findings, joinLines, readCorpus, settingsWith, tableTests, withoutFix, M, type Msg } from '../helpers';

const RULE = 'heading-sequence';
const L = joinLines;
const E = (line: number, column: number, endColumn: number, message: Msg, fixed: string): Described => ({
  line,
  column,
  endLine: line,
  endColumn,
  severity: 'error',
  ...message,
  fixed,
});

/** The same finding, its renumbering offered as a suggestion instead of a fix. */
const S = ({ fixed, ...rest }: Described): Described => ({ ...rest, suggested: fixed });

const valid: [string, string][] = [
  [
    'three level-1 headings with level-2 children',
    L('关于加强机关作风建设的讲话', '同志们：', '今天我讲三点意见。', '一、提高认识，统一思想', '机关作风建设是一项长期任务。', '二、突出重点，狠抓落实', '要抓好以下三个方面：', '（一）加强学习', '（二）改进作风', '（三）严格考核', '三、加强领导，确保实效', '各单位要切实负起责任。'),
  ],
  ['numbering restarts under each new parent', L('一、总体要求', '（一）指导思想', '（二）工作目标', '二、重点任务', '（一）抓好学习', '1.个人自学', '2.集中研讨', '（二）改进作风', '1.转变作风', '2.提高效率', '3.严格考核')],
  ['all four levels', L('一、总体要求', '（一）指导思想', '1.坚持问题导向', '（1）查找问题', '（2）整改落实', '2.坚持目标导向', '（1）明确目标')],
  ['two-digit numerals', Array.from({ length: 12 }, (_, i) => `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][i]}、第${i + 1}项工作`).join('\n')],
  ['Markdown heading prefixes', L('# 一、提高认识', '正文。', '## （一）加强学习', '## （二）改进作风', '# 二、狠抓落实')],
  ['no headings at all', '同志们：今天的会议很重要。大家要认真落实。'],
  ['an OCR look-alike of 一 counts as 一', L('（-）服务决策要超前', '（二）协调管理要有力')],
  ['a numbered list inside a sentence is not a heading', '这项工作分一、二、三个阶段推进，1、2、3月完成。'],
];

const invalid: [string, string, Described[]][] = [
  ['a gap', L('一、提高认识', '二、突出重点', '四、加强领导'), [E(3, 1, 3, M('gap', { expected: '三、', actual: '四、' }), L('一、提高认识', '二、突出重点', '三、加强领导'))]],
  [
    'a gap renumbers the siblings that continue it, in one finding',
    L('一、提高认识', '二、突出重点', '四、加强领导', '五、确保实效'),
    [E(3, 1, 3, M('gap', { expected: '三、', actual: '四、' }), L('一、提高认识', '二、突出重点', '三、加强领导', '四、确保实效'))],
  ],
  [
    'a duplicate',
    L('一、提高认识', '二、突出重点', '二、加强领导', '三、确保实效'),
    [E(3, 1, 3, M('duplicate', { expected: '三、', actual: '二、' }), L('一、提高认识', '二、突出重点', '三、加强领导', '四、确保实效'))],
  ],
  [
    // Swapped sections: renumbering by position may be the wrong remedy (moving them back may be), so
    // the renumbering is a suggestion.
    'an order error',
    L('一、提高认识', '三、突出重点', '二、加强领导'),
    [
      S(E(2, 1, 3, M('gap', { expected: '二、', actual: '三、' }), L('一、提高认识', '二、突出重点', '二、加强领导'))),
      S(E(3, 1, 3, M('order', { expected: '三、', actual: '二、' }), L('一、提高认识', '三、突出重点', '三、加强领导'))),
    ],
  ],
  [
    'the first sibling must be 一',
    L('一、总体要求', '（二）指导思想', '（三）工作目标'),
    [E(2, 1, 4, M('gap', { expected: '（一）', actual: '（二）' }), L('一、总体要求', '（一）指导思想', '（二）工作目标'))],
  ],
  [
    'numbering continued across parents instead of restarting',
    L('一、总体要求', '（一）指导思想', '（二）工作目标', '二、重点任务', '（三）抓好学习', '（四）改进作风'),
    [E(5, 1, 4, M('gap', { expected: '（一）', actual: '（三）' }), L('一、总体要求', '（一）指导思想', '（二）工作目标', '二、重点任务', '（一）抓好学习', '（二）改进作风'))],
  ],
  [
    'a restart under the same parent',
    L('一、重点任务', '1.抓好学习', '2.改进作风', '1.严格考核', '2.强化督查'),
    [E(4, 1, 3, M('restart', { expected: '3.', actual: '1.' }), L('一、重点任务', '1.抓好学习', '2.改进作风', '3.严格考核', '4.强化督查'))],
  ],
  ['the author’s marker form is kept', L('一.提高认识', '三.突出重点'), [E(2, 1, 3, M('gap', { expected: '二.', actual: '三.' }), L('一.提高认识', '二.突出重点'))]],
  [
    'level 4',
    L('一、重点任务', '（一）抓好学习', '1.个人自学', '（1）读原著', '（3）写体会'),
    [E(5, 1, 4, M('gap', { expected: '（2）', actual: '（3）' }), L('一、重点任务', '（一）抓好学习', '1.个人自学', '（1）读原著', '（2）写体会'))],
  ],
  [
    'two-digit numerals',
    L('八、第八项', '九、第九项', '十、第十项', '十二、第十二项').replace(/^/, L('一、一', '二、二', '三、三', '四、四', '五、五', '六、六', '七、七', '')),
    [E(11, 1, 4, M('gap', { expected: '十一、', actual: '十二、' }), L('一、一', '二、二', '三、三', '四、四', '五、五', '六、六', '七、七', '八、第八项', '九、第九项', '十、第十项', '十一、第十二项'))],
  ],
  [
    'an OCR look-alike in the wrong place is renumbered by its numeral span',
    L('（一）服务决策要超前', '（-）协调管理要有力'),
    [E(2, 1, 4, M('duplicate', { expected: '（二）', actual: '（-）' }), L('（一）服务决策要超前', '（二）协调管理要有力'))],
  ],
];

tableTests(RULE, valid, invalid);

for (const [name, text] of invalid) {
  test(`${RULE}: fixing '${name}' leaves nothing to fix and edits only numerals`, () => {
    const result = lint(text, { only: [RULE] });
    for (const f of result.findings) {
      for (const edit of (f.fix ?? f.suggestions![0].fix).edits) {
        assert.match(text.slice(edit.start, edit.end), /^[-一二三四五六七八九十\d]+$/);
        assert.match(edit.text, /^[一二三四五六七八九十\d]+$/);
      }
    }
    const fixed = fixAll(text, { only: [RULE] });
    // A renumbering offered as a suggestion is never applied in bulk.
    if (lint(text, { only: [RULE] }).findings.some((f) => !f.fix)) {
      assert.equal(fixed.text, text);
      return;
    }
    assert.deepEqual(fixed.result.findings, []);
    assert.equal(fixed.passes, 1, 'every run is fixed in one pass');
    // Only numerals changed: the text with numerals blanked out is identical.
    const blank = (s: string) => s.replace(/[-一二三四五六七八九十\d]+(?=[、.）)])/g, '#');
    assert.equal(blank(fixed.text), blank(text));
  });
}

test(`${RULE}: severity can be overridden or turned off`, () => {
  const text = L('一、提高认识', '三、突出重点');
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'off' } }) }), []);
  assert.deepEqual(
    findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'warning' } }) }).map((f) => f.severity),
    ['warning'],
  );
  assert.deepEqual(
    findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: { severity: 'info' } } }) }).map((f) => f.severity),
    ['info'],
  );
});

test(`${RULE}: a disable-next-line directive silences one heading`, () => {
  const text = L('一、提高认识', `<!-- speech-lint-disable-next-line ${RULE} -->`, '三、突出重点');
  assert.deepEqual(findings(text, RULE), []);
});


test(`${RULE}: corpus 000–002 are numbered correctly`, () => {
  for (const name of ['000', '001', '002']) assert.deepEqual(findings(readCorpus(name), RULE), [], name);
});

test(`${RULE}: corpus 003 restarts 1、… under 五、, after a paragraph that introduces the new run: a note (info) with a suggestion, never a bulk fix`, () => {
  // Line 52: 究竟怎样与群众交朋友呢?…着力在“诚”、“纯”、“实”三个字上下功夫。 then 1、“诚”… 2、“纯”… 3、“实”….
  assert.deepEqual(withoutFix(findings(readCorpus('003'), RULE)), [
    { line: 53, column: 1, endLine: 53, endColumn: 3, severity: 'info', ...M('restart', { expected: '5、', actual: '1、' }), fixable: false, suggestion: true },
  ]);
});

test(`${RULE}: corpus 004 (page chunks out of order) numbers its （一）… headings out of order: suggestions only`, () => {
  // Under 一、 the shuffled pages give (三)(四)(五) (lines 18–24) before (一)(二)(三) (30–40); under 二、 (-)(二) run in order.
  assert.deepEqual(withoutFix(findings(readCorpus('004'), RULE)), [
    { line: 18, column: 284, endLine: 18, endColumn: 287, severity: 'error', ...M('gap', { expected: '(一)', actual: '(三)' }), fixable: false, suggestion: true },
    { line: 30, column: 180, endLine: 30, endColumn: 183, severity: 'error', ...M('restart', { expected: '(四)', actual: '(一)' }), fixable: false, suggestion: true },
  ]);
});
