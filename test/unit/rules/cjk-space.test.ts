// cjk-space: stray spaces inside Chinese text, one finding per line; indentation, Latin and digits,
// comments and front matter left alone; the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Described, checkFixes, findings, readCorpus, settingsWith, M, type Msg } from '../helpers';

const RULE = 'cjk-space';
// Each edit removes spaces only.
const fixedBy = (text: string) =>
  checkFixes(text, RULE, {}, (replaced, replacement) => {
    assert.match(replaced, /^[ \t\u3000\u00a0\u2002-\u200a]+$/);
    assert.equal(replacement, '');
  });
const ONE = M('one');
const many = (count: number) => M('many', { count });
const at = (line: number, column: number, endColumn: number, message: Msg, fixed: string): Described => ({
  line,
  column,
  endLine: line,
  endColumn,
  severity: 'warning',
  ...message,
  fixed,
});


test('cjk-space: valid texts', () => {
  const valid = [
    '　　工作会议',
    '    工作会议',
    '工作会议  ',
    '2023 年',
    'GDP 增长',
    'A 工作',
    '工作 2023',
    '工作<!-- x --> 会议',
    '工作 <!-- x -->会议',
    '---\n标题: 工作 会议\n---\n正文。',
    'Hello world',
  ];
  for (const text of valid) assert.deepEqual(findings(text, RULE), [], text);
});

test('cjk-space: stray spaces', () => {
  const cases: [string, Described[]][] = [
    ['工作会 议', [at(1, 4, 5, ONE, '工作会议')]],
    ['市委、 市政府', [at(1, 4, 5, ONE, '市委、市政府')]],
    ['工作，　特别', [at(1, 4, 5, ONE, '工作，特别')]],
    ['工作\t会议', [at(1, 3, 4, ONE, '工作会议')]],
    ['工作\u00a0\u2002会议', [at(1, 3, 5, ONE, '工作会议')]],
    ['“三帮” “双促”', [at(1, 5, 6, ONE, '“三帮”“双促”')]],
    ['工作 会 议', [at(1, 3, 6, many(2), '工作会议')]],
    ['工作会 议\n市委 市政府', [at(1, 4, 5, ONE, '工作会议\n市委 市政府'), at(2, 3, 4, ONE, '工作会 议\n市委市政府')]],
  ];
  for (const [text, want] of cases) assert.deepEqual(findings(text, RULE), want, text);
});

test('cjk-space: traditional twins and Extension B columns', () => {
  assert.deepEqual(findings('工作會 議，市委、 市政府', RULE), [at(1, 4, 11, many(2), '工作會議，市委、市政府')]);
  assert.deepEqual(findings('𠀀 𠀁', RULE), [at(1, 2, 3, ONE, '𠀀𠀁')]);
  assert.deepEqual(findings('𠀀𠀁讲话\n𠀂会 议', RULE), [at(2, 3, 4, ONE, '𠀀𠀁讲话\n𠀂会议')]);
});

test('cjk-space: fixes', () => {
  assert.equal(fixedBy('　　工作 会 议，市委、 市政府\n　　2023 年 GDP 增长'), '　　工作会议，市委、市政府\n　　2023 年 GDP 增长');
});

test('cjk-space: severity override', () => {
  assert.deepEqual(findings('工作会 议', RULE, { settings: settingsWith({ rules: { [RULE]: 'off' } }) }), []);
  assert.deepEqual(findings('工作会 议', RULE, { settings: settingsWith({ rules: { [RULE]: { severity: 'error' } } }) }).map((f) => f.severity), ['error']);
});

test('cjk-space: corpus', () => {
  const f = (line: number, column: number, endColumn: number, message: Msg) => ({ line, column, endLine: line, endColumn, severity: 'warning', ...message });
  const expected: Record<string, [number, object?, object?]> = {
    '000': [0],
    '001': [0],
    '002': [1, f(75, 11, 20, many(3)), f(75, 11, 20, many(3))],
    '003': [0],
    '004': [23, f(4, 3, 10, many(3)), f(56, 10, 354, many(11))],
  };
  for (const [name, [count, first, last]] of Object.entries(expected)) {
    const text = readCorpus(name);
    const found = findings(text, RULE).map(({ fixed, ...rest }) => rest);
    assert.equal(found.length, count, name);
    if (first) assert.deepEqual(found[0], first, name);
    if (last) assert.deepEqual(found[found.length - 1], last, name);
    const fixed = fixedBy(text);
    // Only spaces were removed.
    assert.equal(fixed.replace(/\s/g, ''), text.replace(/\s/g, ''), name);
    assert.equal(fixed.split('\n').length, text.split('\n').length, name);
  }
  assert.ok(fixedBy(readCorpus('004')).includes('今天我们召开全市政府系统办公室工作会议,'));
});
