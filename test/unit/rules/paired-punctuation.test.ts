// paired-punctuation: marks without a partner in their paragraph, quotes the wrong way round, wrong
// nesting, straight quotes; quotations over several paragraphs, list markers, apostrophes and
// half-width parentheses left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFixes, findings, joinLines, M, tableTests } from '../helpers';
import type { Described } from '../helpers';
import { on, suggestionsOf } from '../proofread-helpers';

/** The finding with the text its first suggestion gives (a fix the user picks, never applied in bulk). */
const sug = (d: Described, suggested: string): Described => ({ ...d, suggested });

const RULE = 'paired-punctuation';

tableTests(
  RULE,
  [
    ['a closed quotation', '他说：“我们要努力。”'],
    ['single quotes inside double quotes', '他说：“我们要增强‘四个意识’。”'],
    ['brackets, title marks, lenticular brackets', '（一）强化组织领导。依据《条例》〈附则〉【注】办理（见附件）。'],
    ['a quotation over three paragraphs, each opening with “', joinLines('　　“同志们，这是第一段。', '　　“这是第二段。', '　　“这是最后一段。”')],
    ['a quotation opened mid-paragraph and run on into the next', joinLines('总书记强调：“第一段的话。', '“第二段的话。”')],
    ['list markers closed with ）', joinLines('1）加强学习；', '2）改进作风。', '一是做好准备，a）清点物资，b）落实人员。')],
    ['apostrophes between Latin letters', '西安（Xi’an）的发展'],
    ['unmatched half-width parentheses', '见下表 1) 和 2)，以及 (1'],
    ['straight quotes in English and in markup', joinLines('He said "hello" to me.', '<img src="a.jpg" alt="图片">')],
    ['a half-width parenthesis closing a full-width one (punctuation-width’s)', '（见附件)'],
  ],
  [
    ['an unclosed quotation', '他说：“我们要努力。', [on(1, 4, 5, M('unclosed', { mark: '“', pair: '”' }))]],
    ['a closing quote with no opening', '我们要努力。”大家说。', [on(1, 7, 8, M('unopened', { mark: '”', pair: '“' }))]],
    ['an unclosed title mark', '学习《条例的精神。', [on(1, 3, 4, M('unclosed', { mark: '《', pair: '》' }))]],
    ['an opening quote for a closing one', '落实“三帮双促“工作。', [sug(on(1, 8, 9, M('reversed', { right: '”' })), '落实“三帮双促”工作。')]],
    ['both quotes reversed', '他说：”我们要努力“。', [sug(on(1, 4, 5, M('reversed', { right: '“' })), '他说：“我们要努力“。'), sug(on(1, 10, 11, M('reversed', { right: '”' })), '他说：”我们要努力”。')]],
    ['“ closed by 》', '兼评《网络安全法》草案和“刑法》及其修正案', [on(1, 13, 17, M('mismatched', { open: '“', close: '》', pair: '”' }))]],
    ['an unclosed quotation holding a quoted phrase (not a nesting)', '他说：“要落实“两个维护”的要求。', [on(1, 4, 5, M('unclosed', { mark: '“', pair: '”' }))]],
    ['double quotes inside double quotes', '他说：“要落实“两个维护”的要求。”', [sug(on(1, 8, 14, M('nestedDouble', { open: '‘', close: '’' })), '他说：“要落实‘两个维护’的要求。”')]],
    ['single quotes outside double ones', '他说：‘要落实“两个维护”的要求。’', [sug(on(1, 4, 19, M('wrongNesting')), '他说：“要落实‘两个维护’的要求。”')]],
    ['straight double quotes around Chinese', '他说"我们要努力"。', [on(1, 3, 10, M('straight', { mark: '" "', open: '“', close: '”' }), '他说“我们要努力”。')]],
    ['straight single quotes inside double ones', '他说：“要增强\'四个意识\'。”', [on(1, 8, 14, M('straight', { mark: "' '", open: '‘', close: '’' }), '他说：“要增强‘四个意识’。”')]],
    ['a straight quote closing a curly one', '有人说，“‘左\'比右好”', [on(1, 8, 9, M('straightClose', { mark: "'", right: '’', pair: '‘' }), '有人说，“‘左’比右好”')]],
    [
      'a quotation over two paragraphs whose second does not open with “',
      joinLines('“这是第一段。', '这是第二段。”'),
      [on(1, 1, 2, M('unclosed', { mark: '“', pair: '”' })), on(2, 7, 8, M('unopened', { mark: '”', pair: '“' }))],
    ],
  ],
);

test('paired-punctuation: suggestions flip a reversed quote and fix the nesting; the bulk fixes only touch straight quotes', () => {
  assert.deepEqual(suggestionsOf('落实“三帮双促“工作。', RULE), [[{ ...M('flip', { right: '”' }), fixed: '落实“三帮双促”工作。' }]]);
  assert.deepEqual(suggestionsOf('他说：“要落实“两个维护”的要求。”', RULE), [[{ ...M('useInner', { open: '‘', close: '’' }), fixed: '他说：“要落实‘两个维护’的要求。”' }]]);
  assert.deepEqual(suggestionsOf('他说：‘要落实“两个维护”的要求。’', RULE), [[{ ...M('swap'), fixed: '他说：“要落实‘两个维护’的要求。”' }]]);
  assert.deepEqual(suggestionsOf('他说：“我们要努力。', RULE), [[]]);
  assert.equal(checkFixes('他说"我们要努力"，有人说“‘左\'比右好”。', RULE), '他说“我们要努力”，有人说“‘左’比右好”。');
});

test('paired-punctuation: drafts quoting with 「」 get corner quotes, and 「」『』 pair like “”‘’', () => {
  assert.deepEqual(findings('「一國兩制」方針。他說"我們要努力"。', RULE), [on(1, 12, 19, M('straight', { mark: '" "', open: '「', close: '」' }), '「一國兩制」方針。他說「我們要努力」。')]);
  assert.deepEqual(findings('他說：「要落實『兩個維護』。」', RULE), []);
  assert.deepEqual(findings('他說：「要落實「兩個維護」。」', RULE), [sug(on(1, 8, 14, M('nestedDouble', { open: '『', close: '』' })), '他說：「要落實『兩個維護』。」')]);
  assert.deepEqual(findings('他說：「我們要努力。', RULE), [on(1, 4, 5, M('unclosed', { mark: '「', pair: '」' }))]);
});

test('paired-punctuation: marks in comments and front matter are not read', () => {
  assert.deepEqual(findings(joinLines('---', '标题: “未闭合', '---', '正文<!-- 注释“ -->完整。'), RULE), []);
});
