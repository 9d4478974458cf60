// length-limit: exact findings for kinds, presets, count modes, the crossing offset and the 90% note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/core/engine';
import { lengthLimit } from '../../../server/src/core/rules/length-limit';
import { findings, readCorpus, settingsWith, type Described } from '../helpers';

const RULE = 'length-limit';
const over = (line: number, column: number, endColumn: number, message: string): Described => ({
  line,
  column,
  endLine: line,
  endColumn,
  severity: 'error',
  message,
});

test('length-limit: the 90% note is the default', () => {
  assert.equal(lengthLimit.meta.options.warnAt.default, 0.9);
});

test('length-limit: valid texts', () => {
  const valid = [
    '',
    '讲话',
    // 4,499 of 5,000: under 90%.
    '讲话\n' + '字'.repeat(4497),
    // Comments and front matter are not counted.
    '---\n类型: 综合\n---\n讲话\n<!-- ' + '字'.repeat(6000) + ' -->\n正文。',
    // Latin runs count one each in `word` mode, half-width punctuation and spaces none: 4,400 (88%).
    'word, '.repeat(4400),
  ];
  for (const text of valid) assert.deepEqual(findings(text, RULE), [], JSON.stringify(text.slice(0, 40)));
});

test('length-limit: over the default limit, from the crossing character to the end of its line', () => {
  assert.deepEqual(findings('讲话\n' + '字'.repeat(5000), RULE), [over(2, 4999, 5001, '全文 5,002 字，超出综合性文稿上限 5,000 字 2 字（自此处起超出）')]);
  // Crossing in the middle of a line: the range stops at that line's end, not the document's.
  assert.deepEqual(findings('---\n字数上限: 5\n---\n讲话\n我们开会。\n再见。', RULE), [over(5, 4, 6, '全文 10 字，超出本稿设定的上限 5 字 5 字（自此处起超出）')]);
});

test('length-limit: the exact crossing offset', () => {
  const text = '讲话\n我们开会。\n再见。';
  const result = lint(text, { only: [RULE], settings: settingsWith({ lengthPreset: 'custom', limits: { comprehensive: 5 } }) });
  assert.equal(result.findings.length, 1);
  // 讲话 + 我们开 = 5: the sixth counted character is 会 at offset 6.
  assert.equal(result.findings[0].start, 6);
  assert.equal(text[result.findings[0].start], '会');
  assert.equal(result.findings[0].end, text.indexOf('\n', 6));
  // A limit equal to the count is not exceeded.
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ lengthPreset: 'custom', limits: { comprehensive: 10 }, rules: { [RULE]: { options: { warnAt: 1 } } } }) }), [
    { line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', message: '全文 10 字，已达综合性文稿上限 10 字的 100%' },
  ]);
});

test('length-limit: Extension B characters count one and the range starts on the character, not inside it', () => {
  const text = '---\n字数上限: 5\n---\n' + '𠀀'.repeat(6);
  assert.deepEqual(findings(text, RULE), [over(4, 6, 7, '全文 6 字，超出本稿设定的上限 5 字 1 字（自此处起超出）')]);
  const result = lint(text, { only: [RULE] });
  assert.equal(text.codePointAt(result.findings[0].start), 0x20000);
  assert.equal(result.findings[0].start, text.length - 2);
});

test('length-limit: the near-limit note on the title', () => {
  assert.deepEqual(findings('讲话\n' + '字'.repeat(4498), RULE), [
    { line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', message: '全文 4,500 字，已达综合性文稿上限 5,000 字的 90%' },
  ]);
  assert.deepEqual(findings('讲话\n' + '字'.repeat(4618), RULE), [
    { line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', message: '全文 4,620 字，已达综合性文稿上限 5,000 字的 92%' },
  ]);
  assert.deepEqual(findings('讲话\n' + '字'.repeat(4998), RULE), [
    { line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', message: '全文 5,000 字，已达综合性文稿上限 5,000 字的 100%' },
  ]);
  // No title: the first line with text, without its indentation.
  assert.deepEqual(findings('\n　　同志们，今天开会。\n' + '字'.repeat(4500), RULE), [
    { line: 2, column: 3, endLine: 2, endColumn: 12, severity: 'info', message: '全文 4,509 字，已达综合性文稿上限 5,000 字的 90%' },
  ]);
});

test('length-limit: option warnAt', () => {
  const text = '讲话\n' + '字'.repeat(3998);
  const at = (warnAt: number) => findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: { options: { warnAt } } } }) });
  assert.deepEqual(at(0.8), [{ line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', message: '全文 4,000 字，已达综合性文稿上限 5,000 字的 80%' }]);
  assert.deepEqual(at(0.81), []);
  assert.deepEqual(findings('讲话\n' + '字'.repeat(4600), RULE, { settings: settingsWith({ rules: { [RULE]: { options: { warnAt: 0 } } } }) }), []);
});

test('length-limit: kinds from front matter (simplified and traditional), the command line and settings', () => {
  const body = '讲话\n' + '字'.repeat(3000);
  const single = over(5, 2999, 3001, '全文 3,002 字，超出单项工作文稿上限 3,000 字 2 字（自此处起超出）');
  assert.deepEqual(findings('---\n类型: 单项\n---\n' + body, RULE), [single]);
  assert.deepEqual(findings('---\n類型: 單項\n---\n' + body, RULE), [single]);
  assert.deepEqual(findings('---\nkind: single\n---\n' + body, RULE), [single]);
  // Command line and settings.
  assert.deepEqual(findings(body, RULE, { kind: 'single' }), [over(2, 2999, 3001, '全文 3,002 字，超出单项工作文稿上限 3,000 字 2 字（自此处起超出）')]);
  assert.deepEqual(findings(body, RULE, { settings: settingsWith({ kind: 'single' }) }), [over(2, 2999, 3001, '全文 3,002 字，超出单项工作文稿上限 3,000 字 2 字（自此处起超出）')]);
  // The front matter wins over the command line.
  assert.deepEqual(findings('---\n类型: 综合\n---\n' + body, RULE, { kind: 'single' }), []);
  // 字数上限 in the front matter wins over the kind's limit.
  assert.deepEqual(findings('---\n类型: 综合\n字数上限: 2,000\n---\n' + body, RULE), [over(6, 1999, 3001, '全文 3,002 字，超出本稿设定的上限 2,000 字 1,002 字（自此处起超出）')]);
});

test('length-limit: presets', () => {
  const text = (n: number) => '讲话\n' + '字'.repeat(n - 2);
  const run = (n: number, settings: Record<string, unknown>, kind?: 'single' | 'comprehensive') => findings(text(n), RULE, { settings: settingsWith(settings), kind });
  assert.deepEqual(run(4001, { lengthPreset: 'central2024' }, 'single'), [over(2, 3999, 4000, '全文 4,001 字，超出单项工作文稿上限 4,000 字 1 字（自此处起超出）')]);
  assert.deepEqual(run(4000, { lengthPreset: 'central2024', rules: { [RULE]: { options: { warnAt: 1 } } } }, 'single'), [
    { line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', message: '全文 4,000 字，已达单项工作文稿上限 4,000 字的 100%' },
  ]);
  assert.deepEqual(run(5001, { lengthPreset: 'central2024' }), [over(2, 4999, 5000, '全文 5,001 字，超出综合性文稿上限 5,000 字 1 字（自此处起超出）')]);
  assert.deepEqual(run(8001, { lengthPreset: 'speech' }), [over(2, 7999, 8000, '全文 8,001 字，超出综合性文稿上限 8,000 字 1 字（自此处起超出）')]);
  assert.deepEqual(run(7000, { lengthPreset: 'speech' }), []);
  assert.deepEqual(run(5001, { lengthPreset: 'speech' }, 'single'), [over(2, 4999, 5000, '全文 5,001 字，超出单项工作文稿上限 5,000 字 1 字（自此处起超出）')]);
  assert.deepEqual(run(1201, { lengthPreset: 'custom', limits: { single: 1200, comprehensive: 2400 } }, 'single'), [over(2, 1199, 1200, '全文 1,201 字，超出单项工作文稿上限 1,200 字 1 字（自此处起超出）')]);
  // `limits` only applies to the custom preset.
  assert.deepEqual(run(1201, { lengthPreset: 'local', limits: { single: 1200, comprehensive: 2400 } }, 'single'), []);
});

test('length-limit: count modes on Latin runs, digits, full-width punctuation and Extension B', () => {
  // 我们在 2023 年用 GPT - 4 ， 𠀀 字 。
  const text = '我们在2023年用GPT-4，𠀀字。';
  const custom = (countMode: string, limit: number) => settingsWith({ countMode, lengthPreset: 'custom', limits: { comprehensive: limit } });
  // word: 3 + 1 (2023) + 2 + 1 (GPT) + 0 (-) + 1 (4) + 1 (，) + 1 (𠀀) + 1 + 1 (。) = 12.
  assert.equal(lint(text, { settings: custom('word', 100) }).doc.count.total, 12);
  assert.equal(lint(text, { settings: custom('chars', 100) }).doc.count.total, 18);
  assert.equal(lint(text, { settings: custom('hanzi', 100) }).doc.count.total, 7);
  assert.deepEqual(findings(text, RULE, { settings: custom('word', 11) }), [over(1, 18, 19, '全文 12 字，超出综合性文稿上限 11 字 1 字（自此处起超出）')]);
  assert.deepEqual(findings(text, RULE, { settings: custom('chars', 17) }), [over(1, 18, 19, '全文 18 字（按字符数计），超出综合性文稿上限 17 字 1 字（自此处起超出）')]);
  assert.deepEqual(findings(text, RULE, { settings: custom('hanzi', 6) }), [over(1, 17, 19, '全文 7 字（按汉字数计），超出综合性文稿上限 6 字 1 字（自此处起超出）')]);
  // word mode: the 5th counted unit is the run 2023, which starts at its first digit.
  assert.deepEqual(findings(text, RULE, { settings: custom('word', 3) }), [over(1, 4, 19, '全文 12 字，超出综合性文稿上限 3 字 9 字（自此处起超出）')]);
  assert.deepEqual(findings(text, RULE, { settings: custom('hanzi', 5) }), [over(1, 16, 19, '全文 7 字（按汉字数计），超出综合性文稿上限 5 字 2 字（自此处起超出）')]);
  assert.deepEqual(findings(text, RULE, { settings: custom('chars', 21) }), []);
  assert.deepEqual(findings(text, RULE, { settings: custom('hanzi', 7) }), [
    { line: 1, column: 1, endLine: 1, endColumn: 19, severity: 'info', message: '全文 7 字（按汉字数计），已达综合性文稿上限 7 字的 100%' },
  ]);
});

test('length-limit: front-matter problems are warnings', () => {
  assert.deepEqual(findings('---\n类型: 其他\n字数上限: 十\n---\n讲话', RULE), [
    { line: 2, column: 5, endLine: 2, endColumn: 7, severity: 'warning', message: '类型“其他”无法识别：应为“单项”或“综合”' },
    { line: 3, column: 7, endLine: 3, endColumn: 8, severity: 'warning', message: '字数上限“十”应为正整数' },
  ]);
});

test('length-limit: severity override', () => {
  const text = '讲话\n' + '字'.repeat(5000);
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'off' } }) }), []);
  assert.deepEqual(
    findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'warning' } }) }).map((f) => f.severity),
    ['warning'],
  );
  // The note stays a note.
  assert.deepEqual(
    findings('讲话\n' + '字'.repeat(4600), RULE, { settings: settingsWith({ rules: { [RULE]: { severity: 'warning' } } }) }).map((f) => f.severity),
    ['info'],
  );
});

test('length-limit: corpus (local preset, comprehensive)', () => {
  const expected: Record<string, Described[]> = {
    '000': [],
    '001': [over(17, 180, 409, '全文 7,080 字，超出综合性文稿上限 5,000 字 2,080 字（自此处起超出）')],
    '002': [over(45, 335, 534, '全文 11,546 字，超出综合性文稿上限 5,000 字 6,546 字（自此处起超出）')],
    '003': [over(42, 36, 566, '全文 9,299 字，超出综合性文稿上限 5,000 字 4,299 字（自此处起超出）')],
    '004': [over(48, 185, 304, '全文 6,492 字，超出综合性文稿上限 5,000 字 1,492 字（自此处起超出）')],
  };
  for (const [name, want] of Object.entries(expected)) assert.deepEqual(findings(readCorpus(name), RULE), want, name);
  // 000 has 2,160 字: a single-topic limit of 2,000 is exceeded, the `speech` preset's 8,000 for 001 is not.
  assert.equal(findings(readCorpus('000'), RULE, { kind: 'single', settings: settingsWith({ lengthPreset: 'custom', limits: { single: 2000, comprehensive: 5000 } }) }).length, 1);
  assert.deepEqual(findings(readCorpus('001'), RULE, { settings: settingsWith({ lengthPreset: 'speech' }) }), []);
});
