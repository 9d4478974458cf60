// cjk-space: stray spaces inside Chinese text, one finding per line; indentation, Latin and digits,
// comments and front matter left alone; the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Described, checkFixes, findings, readCorpus, readCorpusDev, settingsWith, M, type Msg } from '../helpers';
import { convertScript } from '../../../server/src/core/script';

const RULE = 'cjk-space';
// Each edit removes spaces only.
const fixedBy = (text: string) =>
  checkFixes(text, RULE, {}, (replaced, replacement) => {
    assert.match(replaced, /^[ \t\u3000\u00a0\u2002-\u200a]+$/);
    assert.equal(replacement, '');
  });
const ONE = M('one');
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

test('cjk-space: layout is not a stray space', () => {
  const layout: [string, string][] = [
    // U+3000 runs separating the paragraphs of a flattened copy (corpus-dev 01).
    ['flattened paragraphs', '习近平　　武汉新型冠状病毒肺炎疫情发生后，党中央高度重视。　　从年初一到现在，我主持召开了多次会议。'],
    // The space after a bare heading numeral (corpus-dev 03).
    ['bare numeral', '同志们：\n　　一 关于这次代表会议\n　　这次会议开得很好。\n　　二 关于第一个五年计划\n　　计划已经制定。'],
    // Headline separators (corpus-dev 07, 08, 02) and a signature (08).
    ['news headline', '中央军委举行座谈会 纪念陈毅同志诞辰100周年 江泽民发表重要讲话 胡锦涛出席\n同志们：\n今天我们开会。'],
    ['headline with U+3000', '王晨：修例風波煽動反中反共　23條立法實際很困難　任何外國干預措施將採一切反制\n各位代表：\n現在我作說明。'],
    ['title of a flattened copy', '建设中国特色中国风格中国气派的考古学 更好认识源远流长博大精深的中华文明※习近平我国是世界四大文明古国之一，中华民族有着悠久的历史和灿烂的文化。考古工作是一项重要的文化事业。'],
    ['signature', '我們要努力工作。\n全國人民代表大會常務委員會副委員長　王晨\n'],
    // A letter-spaced word is one paragraph (the notes heading of corpus-dev 05).
    ['letter-spaced', '正文到此结束。\n　　注　　释\n'],
  ];
  for (const [name, text] of layout) assert.deepEqual(findings(text, RULE), [], name);
  for (const [name, text] of layout) assert.deepEqual(findings(convertScript(text, 'traditional'), RULE), [], `${name} (traditional)`);
});

test('cjk-space: one ASCII space before a paragraph is debris; an indent is not', () => {
  assert.deepEqual(findings('同志们：\n 今天我们开会。', RULE).map((f) => [f.line, f.column, f.messageId, f.fixed]), [[2, 1, 'leading', '同志们：\n今天我们开会。']]);
  for (const text of ['同志们：\n    今天我们开会。', '同志们：\n　　今天我们开会。', '同志们：\n  2023年我们开会。', ' Hello']) assert.deepEqual(findings(text, RULE), [], text);
});

test('cjk-space: a stray space after a sentence or a comma in body text is still one', () => {
  // corpus-dev 01 `加强防控， 在全省范围` and 07's line breaks inside paragraphs.
  assert.deepEqual(findings('湖北省要全面加强防控， 在全省范围严格管控。', RULE).map((f) => f.column), [12]);
  assert.deepEqual(findings('陈毅同志建立了不朽的功绩。 江泽民说，陈毅同志是伟大的。', RULE).map((f) => f.column), [14]);
});

test('cjk-space: stray spaces', () => {
  const cases: [string, Described[]][] = [
    ['工作会 议', [at(1, 4, 5, ONE, '工作会议')]],
    ['市委、 市政府', [at(1, 4, 5, ONE, '市委、市政府')]],
    ['工作，　特别', [at(1, 4, 5, ONE, '工作，特别')]],
    ['工作\t会议', [at(1, 3, 4, ONE, '工作会议')]],
    ['工作\u00a0\u2002会议', [at(1, 3, 5, ONE, '工作会议')]],
    ['开展“三帮” “双促”活动。', [at(1, 7, 8, ONE, '开展“三帮”“双促”活动。')]],
    // A stray space in a line without punctuation still counts when it breaks a word.
    ['市委 市政府', [at(1, 3, 4, ONE, '市委市政府')]],
    ['工作 会 议', [at(1, 3, 4, ONE, '工作会 议'), at(1, 5, 6, ONE, '工作 会议')]],
    ['工作会 议\n市委 市政府', [at(1, 4, 5, ONE, '工作会议\n市委 市政府'), at(2, 3, 4, ONE, '工作会 议\n市委市政府')]],
  ];
  for (const [text, want] of cases) assert.deepEqual(findings(text, RULE), want, text);
});

test('cjk-space: traditional twins and Extension B columns', () => {
  assert.deepEqual(findings('工作會 議，市委、 市政府', RULE), [at(1, 4, 5, ONE, '工作會議，市委、 市政府'), at(1, 10, 11, ONE, '工作會 議，市委、市政府')]);
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
    // 002's spaces are all in its 相关热词搜索 leftover line, deleted whole by scrape-boilerplate.
    '002': [0],
    '003': [0],
    // 004: the OCR breaks inside words (工作会 议) on every body line, one finding per break (176 on 22
    // lines); not its chrome line 返回 下载 相关 举报.
    '004': [176, f(14, 50, 51, ONE), f(56, 353, 354, ONE)],
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

test('cjk-space: corpus-dev, as its README states', () => {
  const lines = (name: string) => findings(readCorpusDev(name), RULE).map((f) => f.line);
  // 01: one stray ASCII space after a full-width comma; the 　　 separators and caption spaces are not.
  assert.deepEqual(findings(readCorpusDev('01'), RULE).map((f) => [f.line, f.column]), [[1, 1857]]);
  // 07: the source's line breaks inside paragraphs, after 。/，, on lines 7, 9 and 28; not the headline (4).
  assert.deepEqual(lines('07'), [7, 9, 28]);
  // 08, 09, 10: one ASCII space before a paragraph (a <br> split of the page); 10 on 30 paragraphs. The
  // spaces padding ` **…** ` go with the markers (scrape-boilerplate), the footer's with the footer.
  assert.deepEqual(lines('08'), [30]);
  assert.deepEqual(lines('09'), [35, 49, 53]);
  assert.deepEqual(lines('10'), [12, 14, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 68, 70, 72, 74, 82, 84, 86, 88]);
  assert.deepEqual(findings(readCorpusDev('10'), RULE)[0].messageId, 'leading');
  for (const name of ['02', '03', '04', '05', '06']) assert.deepEqual(lines(name), [], name);
});
