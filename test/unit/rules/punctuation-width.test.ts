// punctuation-width: half-width , : ; ? ! ( ) in Chinese text, one finding per mark, run or pair, fixes that change
// nothing but the marks (and the spaces around them), and the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LintOptions } from '../../../server/src/core/engine';
import { type Described, checkFixes, findings, readCorpus, settingsWith, M, type Msg } from '../helpers';

const RULE = 'punctuation-width';
// Each edit replaces one mark (and spaces) by one full-width mark.
const fixedBy = (text: string, options?: LintOptions) =>
  checkFixes(text, RULE, options, (replaced, replacement) => {
    assert.match(replaced, /^[ \t\u3000]*[,:;?!()][ \t\u3000]*$/);
    assert.match(replacement, /^[，：；？！（）]$/);
  });
const NAMES: Record<string, string> = { 逗号: 'comma', 冒号: 'colon', 分号: 'semicolon', 问号: 'question', 叹号: 'exclamation', 括号: 'parenthesis' };
const one = (name: string, mark: string, full: string) => M('one', { name: { id: `${RULE}/name.${NAMES[name]}` }, mark, full });
const many = (count: number, marks: string) => M('many', { count, marks });
const pair = M('pair', {});
const at = (line: number, column: number, endColumn: number, message: Msg, fixed: string): Described => ({
  line,
  column,
  endLine: line,
  endColumn,
  severity: 'warning',
  ...message,
  fixed,
});


test('punctuation-width: valid texts', () => {
  const valid = [
    '10:50:00',
    '时间10:50:00开会',
    '1,000元',
    'http://a.cn/?q=1',
    'Hello, world!',
    '客服QQ:136780468',
    '国内生产总值(GDP)',
    '第(1)条',
    '以下五个方面:'.replace(':', '：') + '(-)服务决策',
    '他说“Hello, world!”',
    '工作<!-- a,b -->会议',
    '---\n标题: 讲话,草稿\n---\n正文。',
    '工作。我们，全角的标点；没问题！',
    '版本v2.0.1，文件a.txt。',
  ];
  for (const text of valid) assert.deepEqual(findings(text, RULE), [], text);
});

test('punctuation-width: single marks', () => {
  const cases: [string, Described[]][] = [
    ['工作,我们', [at(1, 3, 4, one('逗号', ',', '，'), '工作，我们')]],
    ['同志们:', [at(1, 4, 5, one('冒号', ':', '：'), '同志们：')]],
    ['为什么?究其原因', [at(1, 4, 5, one('问号', '?', '？'), '为什么？究其原因')]],
    ['好!我们', [at(1, 2, 3, one('叹号', '!', '！'), '好！我们')]],
    ['一;二', [at(1, 2, 3, one('分号', ';', '；'), '一；二')]],
    ['单位,20个', [at(1, 3, 4, one('逗号', ',', '，'), '单位，20个')]],
    ['“三帮”,“双促”', [at(1, 5, 6, one('逗号', ',', '，'), '“三帮”，“双促”')]],
    ['全体(扩大）会议', [at(1, 3, 4, one('括号', '(', '（'), '全体（扩大）会议')]],
    // Spaces around the mark go with it; indentation stays.
    ['事务, 特别是', [at(1, 3, 4, one('逗号', ',', '，'), '事务，特别是')]],
    ['率99% ,群众', [at(1, 6, 7, one('逗号', ',', '，'), '率99%，群众')]],
    ['　　,我们', [at(1, 3, 4, one('逗号', ',', '，'), '　　，我们')]],
  ];
  for (const [text, want] of cases) assert.deepEqual(findings(text, RULE), want, text);
});

test('punctuation-width: one finding per mark, per run of adjacent marks and per pair, on the marks themselves', () => {
  assert.deepEqual(findings('全体(扩大)会议', RULE), [at(1, 3, 7, pair, '全体（扩大）会议')]);
  assert.deepEqual(findings('纲要(2021—2025年)》', RULE), [at(1, 3, 15, pair, '纲要（2021—2025年）》')]);
  assert.deepEqual(findings('什么?!我们', RULE), [at(1, 3, 5, many(2, '？！'), '什么？！我们')]);
  assert.deepEqual(findings('(扩大):会议', RULE), [at(1, 1, 5, pair, '（扩大）:会议'), at(1, 5, 6, one('冒号', ':', '：'), '(扩大)：会议')]);
  const text = '问题:一是,二是;三是?对!(扩大)';
  assert.deepEqual(findings(text, RULE), [
    at(1, 3, 4, one('冒号', ':', '：'), '问题：一是,二是;三是?对!(扩大)'),
    at(1, 6, 7, one('逗号', ',', '，'), '问题:一是，二是;三是?对!(扩大)'),
    at(1, 9, 10, one('分号', ';', '；'), '问题:一是,二是；三是?对!(扩大)'),
    at(1, 12, 13, one('问号', '?', '？'), '问题:一是,二是;三是？对!(扩大)'),
    at(1, 14, 15, one('叹号', '!', '！'), '问题:一是,二是;三是?对！(扩大)'),
    at(1, 15, 19, pair, '问题:一是,二是;三是?对!（扩大）'),
  ]);
  // Never a squiggle across the line: each mark on its own.
  assert.deepEqual(findings('工作,我们\n好的\n会议:开始,结束', RULE), [
    at(1, 3, 4, one('逗号', ',', '，'), '工作，我们\n好的\n会议:开始,结束'),
    at(3, 3, 4, one('冒号', ':', '：'), '工作,我们\n好的\n会议：开始,结束'),
    at(3, 6, 7, one('逗号', ',', '，'), '工作,我们\n好的\n会议:开始，结束'),
  ]);
});

test('punctuation-width: heading markers are left to heading-marker', () => {
  assert.deepEqual(findings('讲话\n一、总体要求\n(一)工作目标\n1,具体任务', RULE), []);
  // Only the marker: the rest of the heading line is still checked.
  assert.deepEqual(findings('讲话\n一、总体要求\n(一)工作目标,任务', RULE), [at(3, 8, 9, one('逗号', ',', '，'), '讲话\n一、总体要求\n(一)工作目标，任务')]);
});

test('punctuation-width: traditional twins and Extension B columns', () => {
  assert.deepEqual(findings('全體(擴大)會議,我們', RULE), [at(1, 3, 7, pair, '全體（擴大）會議,我們'), at(1, 9, 10, one('逗号', ',', '，'), '全體(擴大)會議，我們')]);
  assert.deepEqual(findings('𠀀,𠀁', RULE), [at(1, 2, 3, one('逗号', ',', '，'), '𠀀，𠀁')]);
  assert.deepEqual(findings('𠀀𠀁讲话\n𠀂𠀃工作,我们', RULE), [at(2, 5, 6, one('逗号', ',', '，'), '𠀀𠀁讲话\n𠀂𠀃工作，我们')]);
});

test('punctuation-width: fixes', () => {
  assert.equal(fixedBy('工作,我们\n好的\n会议:开始,结束'), '工作，我们\n好的\n会议：开始，结束');
  assert.equal(fixedBy('全體(擴大)會議,我們 , 一起'), '全體（擴大）會議，我們，一起');
});

test('punctuation-width: severity override', () => {
  assert.deepEqual(findings('工作,我们', RULE, { settings: settingsWith({ rules: { [RULE]: 'off' } }) }), []);
  assert.deepEqual(findings('工作,我们', RULE, { settings: settingsWith({ rules: { [RULE]: 'info' } }) }).map((f) => f.severity), ['info']);
});

/** The text with spaces dropped and the seven marks read as half-width: what a fix may not change. */
function skeleton(text: string): string {
  const half: Record<string, string> = { '，': ',', '：': ':', '；': ';', '？': '?', '！': '!', '（': '(', '）': ')' };
  return text.replace(/[ \t\u3000]/g, '').replace(/[，：；？！（）]/g, (c) => half[c]);
}

test('punctuation-width: corpus', () => {
  const f = (line: number, column: number, endColumn: number, message: Msg) => ({ line, column, endLine: line, endColumn, severity: 'warning', ...message });
  const expected: Record<string, [number, object, object]> = {
    // One finding per mark (a pair of parentheses or a run of touching marks is one): the same edits as
    // one finding per line gave, 122 / 361 / 575 / 550 / 358 of them.
    '000': [121, f(3, 3, 4, one('冒号', ':', '：')), f(19, 138, 139, one('逗号', ',', '，'))],
    '001': [357, f(2, 3, 4, one('冒号', ':', '：')), f(27, 6, 7, one('冒号', ':', '：'))],
    '002': [571, f(5, 3, 4, one('冒号', ':', '：')), f(80, 44, 45, one('冒号', ':', '：'))],
    '003': [539, f(2, 3, 4, one('冒号', ':', '：')), f(60, 6, 7, one('冒号', ':', '：'))],
    '004': [355, f(3, 4, 5, one('冒号', ':', '：')), f(66, 7, 8, one('冒号', ':', '：'))],
  };
  for (const [name, [count, first, last]] of Object.entries(expected)) {
    const text = readCorpus(name);
    const found = findings(text, RULE).map(({ fixed, ...rest }) => rest);
    assert.equal(found.length, count, name);
    assert.deepEqual(found[0], first, name);
    assert.deepEqual(found[found.length - 1], last, name);
    const fixed = fixedBy(text);
    // Nothing but the marks and the spaces next to them changed; line structure kept.
    assert.equal(skeleton(fixed), skeleton(text), name);
    assert.equal(fixed.split('\n').length, text.split('\n').length, name);
  }
  // The marks a Chinese reader would call half-width are gone, times and numbers are not touched.
  const fixed = fixedBy(readCorpus('000'));
  assert.ok(fixed.includes('10:50:00'));
  assert.ok(fixed.includes('同志們：'));
  assert.ok(!/[\u4e00-\u9fff][,;?!]/.test(fixed));
});
