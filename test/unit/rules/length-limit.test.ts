// length-limit: exact findings for kinds, presets, count modes, the crossing offset and the 90% note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/core/engine';
import { lengthLimit } from '../../../server/src/core/rules/length-limit';
import { findings, readCorpus, settingsWith, type Described, M, type Msg } from '../helpers';

const RULE = 'length-limit';
const over = (line: number, column: number, endColumn: number, message: Msg): Described => ({
  line,
  column,
  endLine: line,
  endColumn,
  severity: 'error',
  ...message,
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
  assert.deepEqual(findings('讲话\n' + '字'.repeat(5000), RULE), [over(2, 4999, 5001, M('over', { total: 5002, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, over: 2, unit: { id: 'length-limit/modeWord' } }))]);
  // Crossing in the middle of a line: the range stops at that line's end, not the document's.
  assert.deepEqual(findings('---\n字数上限: 5\n---\n讲话\n我们开会。\n再见。', RULE), [over(5, 4, 6, M('over', { total: 10, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerDraft' }, limit: 5, over: 5, unit: { id: 'length-limit/modeWord' } }))]);
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
    { line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', ...M('near', { total: 10, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 10, percent: 100, unit: { id: 'length-limit/modeWord' } }) },
  ]);
});

test('length-limit: Extension B characters count one and the range starts on the character, not inside it', () => {
  const text = '---\n字数上限: 5\n---\n' + '𠀀'.repeat(6);
  assert.deepEqual(findings(text, RULE), [over(4, 6, 7, M('over', { total: 6, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerDraft' }, limit: 5, over: 1, unit: { id: 'length-limit/modeWord' } }))]);
  const result = lint(text, { only: [RULE] });
  assert.equal(text.codePointAt(result.findings[0].start), 0x20000);
  assert.equal(result.findings[0].start, text.length - 2);
});

test('length-limit: the near-limit note on the title', () => {
  assert.deepEqual(findings('讲话\n' + '字'.repeat(4498), RULE), [
    { line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', ...M('near', { total: 4500, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, percent: 90, unit: { id: 'length-limit/modeWord' } }) },
  ]);
  assert.deepEqual(findings('讲话\n' + '字'.repeat(4618), RULE), [
    { line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', ...M('near', { total: 4620, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, percent: 92, unit: { id: 'length-limit/modeWord' } }) },
  ]);
  assert.deepEqual(findings('讲话\n' + '字'.repeat(4998), RULE), [
    { line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', ...M('near', { total: 5000, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, percent: 100, unit: { id: 'length-limit/modeWord' } }) },
  ]);
  // No title: the first line with text, without its indentation.
  assert.deepEqual(findings('\n　　同志们，今天开会。\n' + '字'.repeat(4500), RULE), [
    { line: 2, column: 3, endLine: 2, endColumn: 12, severity: 'info', ...M('near', { total: 4509, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, percent: 90, unit: { id: 'length-limit/modeWord' } }) },
  ]);
});

test('length-limit: option warnAt', () => {
  const text = '讲话\n' + '字'.repeat(3998);
  const at = (warnAt: number) => findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: { options: { warnAt } } } }) });
  assert.deepEqual(at(0.8), [{ line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', ...M('near', { total: 4000, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, percent: 80, unit: { id: 'length-limit/modeWord' } }) }]);
  assert.deepEqual(at(0.81), []);
  assert.deepEqual(findings('讲话\n' + '字'.repeat(4600), RULE, { settings: settingsWith({ rules: { [RULE]: { options: { warnAt: 0 } } } }) }), []);
});

test('length-limit: kinds from front matter (simplified and traditional), the command line and settings', () => {
  const body = '讲话\n' + '字'.repeat(3000);
  const single = over(5, 2999, 3001, M('over', { total: 3002, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerSingle' }, limit: 3000, over: 2, unit: { id: 'length-limit/modeWord' } }));
  assert.deepEqual(findings('---\n类型: 单项\n---\n' + body, RULE), [single]);
  assert.deepEqual(findings('---\n類型: 單項\n---\n' + body, RULE), [single]);
  assert.deepEqual(findings('---\nkind: single\n---\n' + body, RULE), [single]);
  // Command line and settings.
  assert.deepEqual(findings(body, RULE, { kind: 'single' }), [over(2, 2999, 3001, M('over', { total: 3002, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerSingle' }, limit: 3000, over: 2, unit: { id: 'length-limit/modeWord' } }))]);
  assert.deepEqual(findings(body, RULE, { settings: settingsWith({ kind: 'single' }) }), [over(2, 2999, 3001, M('over', { total: 3002, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerSingle' }, limit: 3000, over: 2, unit: { id: 'length-limit/modeWord' } }))]);
  // The front matter wins over the command line.
  assert.deepEqual(findings('---\n类型: 综合\n---\n' + body, RULE, { kind: 'single' }), []);
  // 字数上限 in the front matter wins over the kind's limit.
  assert.deepEqual(findings('---\n类型: 综合\n字数上限: 2,000\n---\n' + body, RULE), [over(6, 1999, 3001, M('over', { total: 3002, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerDraft' }, limit: 2000, over: 1002, unit: { id: 'length-limit/modeWord' } }))]);
});

test('length-limit: presets', () => {
  const text = (n: number) => '讲话\n' + '字'.repeat(n - 2);
  const run = (n: number, settings: Record<string, unknown>, kind?: 'single' | 'comprehensive') => findings(text(n), RULE, { settings: settingsWith(settings), kind });
  assert.deepEqual(run(4001, { lengthPreset: 'central2024' }, 'single'), [over(2, 3999, 4000, M('over', { total: 4001, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerSingle' }, limit: 4000, over: 1, unit: { id: 'length-limit/modeWord' } }))]);
  assert.deepEqual(run(4000, { lengthPreset: 'central2024', rules: { [RULE]: { options: { warnAt: 1 } } } }, 'single'), [
    { line: 1, column: 1, endLine: 1, endColumn: 3, severity: 'info', ...M('near', { total: 4000, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerSingle' }, limit: 4000, percent: 100, unit: { id: 'length-limit/modeWord' } }) },
  ]);
  assert.deepEqual(run(5001, { lengthPreset: 'central2024' }), [over(2, 4999, 5000, M('over', { total: 5001, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, over: 1, unit: { id: 'length-limit/modeWord' } }))]);
  assert.deepEqual(run(8001, { lengthPreset: 'speech' }), [over(2, 7999, 8000, M('over', { total: 8001, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 8000, over: 1, unit: { id: 'length-limit/modeWord' } }))]);
  assert.deepEqual(run(7000, { lengthPreset: 'speech' }), []);
  assert.deepEqual(run(5001, { lengthPreset: 'speech' }, 'single'), [over(2, 4999, 5000, M('over', { total: 5001, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerSingle' }, limit: 5000, over: 1, unit: { id: 'length-limit/modeWord' } }))]);
  assert.deepEqual(run(1201, { lengthPreset: 'custom', limits: { single: 1200, comprehensive: 2400 } }, 'single'), [over(2, 1199, 1200, M('over', { total: 1201, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerSingle' }, limit: 1200, over: 1, unit: { id: 'length-limit/modeWord' } }))]);
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
  assert.deepEqual(findings(text, RULE, { settings: custom('word', 11) }), [over(1, 18, 19, M('over', { total: 12, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 11, over: 1, unit: { id: 'length-limit/modeWord' } }))]);
  assert.deepEqual(findings(text, RULE, { settings: custom('chars', 17) }), [over(1, 18, 19, M('over', { total: 18, mode: { id: 'length-limit/modeChars' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 17, over: 1, unit: { id: 'length-limit/modeChars' } }))]);
  assert.deepEqual(findings(text, RULE, { settings: custom('hanzi', 6) }), [over(1, 17, 19, M('over', { total: 7, mode: { id: 'length-limit/modeHanzi' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 6, over: 1, unit: { id: 'length-limit/modeHanzi' } }))]);
  // word mode: the 5th counted unit is the run 2023, which starts at its first digit.
  assert.deepEqual(findings(text, RULE, { settings: custom('word', 3) }), [over(1, 4, 19, M('over', { total: 12, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 3, over: 9, unit: { id: 'length-limit/modeWord' } }))]);
  assert.deepEqual(findings(text, RULE, { settings: custom('hanzi', 5) }), [over(1, 16, 19, M('over', { total: 7, mode: { id: 'length-limit/modeHanzi' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5, over: 2, unit: { id: 'length-limit/modeHanzi' } }))]);
  assert.deepEqual(findings(text, RULE, { settings: custom('chars', 21) }), []);
  assert.deepEqual(findings(text, RULE, { settings: custom('hanzi', 7) }), [
    { line: 1, column: 1, endLine: 1, endColumn: 19, severity: 'info', ...M('near', { total: 7, mode: { id: 'length-limit/modeHanzi' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 7, percent: 100, unit: { id: 'length-limit/modeHanzi' } }) },
  ]);
});

test('length-limit: front-matter problems are warnings', () => {
  assert.deepEqual(findings('---\n类型: 其他\n字数上限: 十\n---\n讲话', RULE), [
    { line: 2, column: 5, endLine: 2, endColumn: 7, severity: 'warning', ...M('front-matter-kind', { value: '其他' }) },
    { line: 3, column: 7, endLine: 3, endColumn: 8, severity: 'warning', ...M('front-matter-limit', { value: '十' }) },
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
    '001': [over(17, 180, 409, M('over', { total: 7080, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, over: 2080, unit: { id: 'length-limit/modeWord' } }))],
    '002': [over(45, 335, 534, M('over', { total: 11546, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, over: 6546, unit: { id: 'length-limit/modeWord' } }))],
    '003': [over(42, 36, 566, M('over', { total: 9299, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, over: 4299, unit: { id: 'length-limit/modeWord' } }))],
    '004': [over(48, 185, 304, M('over', { total: 6492, mode: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' }, limit: 5000, over: 1492, unit: { id: 'length-limit/modeWord' } }))],
  };
  for (const [name, want] of Object.entries(expected)) assert.deepEqual(findings(readCorpus(name), RULE), want, name);
  // 000 has 2,160 字: a single-topic limit of 2,000 is exceeded, the `speech` preset's 8,000 for 001 is not.
  assert.equal(findings(readCorpus('000'), RULE, { kind: 'single', settings: settingsWith({ lengthPreset: 'custom', limits: { single: 2000, comprehensive: 5000 } }) }).length, 1);
  assert.deepEqual(findings(readCorpus('001'), RULE, { settings: settingsWith({ lengthPreset: 'speech' }) }), []);
});
