// The engine: directives, the user's severities, rules that throw, settings problems, fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, compatibleFixes, fixAll, lint } from '../../server/src/core/engine';
import { rules } from '../../server/src/core/rules';
import { mergeSettings, type SettingsProblem } from '../../server/src/core/config-schema';
import { defaultSettings, limitFor, sharedDefaultSettings } from '../../server/src/core/settings';
import { findings, joinLines, readCorpus, settingsWith } from './helpers';

const DRAFT = joinLines('同志们：', '这是XX市的会议。', '某某同志参加。', '还有XX。');
const placeholderLines = (text: string, options = {}) => findings(text, 'placeholder', options).map((f) => f.line);

test('engine: disable … enable turns a rule off for a block', () => {
  const text = joinLines('这是XX。', '<!-- speech-lint-disable placeholder -->', '这是XX。', '<!-- speech-lint-enable placeholder -->', '这是XX。');
  assert.deepEqual(placeholderLines(text), [1, 5]);
});

test('engine: disable without rules turns every rule off until enable', () => {
  const text = joinLines('这是XX。', '<!-- speech-lint-disable -->', '这是XX,会议。', '<!-- speech-lint-enable -->', '这是XX。');
  assert.deepEqual(findings(text).map((f) => f.line), [1, 5]);
});

test('engine: disable-next-line affects only the next line and only the named rules', () => {
  const text = joinLines('<!-- speech-lint-disable-next-line placeholder -->', '这是XX,会议。', '这是XX。');
  assert.deepEqual(findings(text).map((f) => `${f.line}`), ['2', '3']);
  assert.deepEqual(placeholderLines(text), [3]);
});

test('engine: a disable left open runs to the end of the draft', () => {
  assert.deepEqual(placeholderLines(joinLines('这是XX。', '<!-- speech-lint-disable placeholder -->', '这是XX。', '还有XX。')), [1]);
});

test('engine: enable x after a bare disable re-enables x alone', () => {
  const text = joinLines('<!-- speech-lint-disable -->', '这是XX，会 议。', '<!-- speech-lint-enable placeholder -->', '这是XX，会 议。', '<!-- speech-lint-enable -->', '这是XX，会 议。');
  assert.deepEqual(findings(text, 'placeholder').map((f) => f.line), [4, 6]);
  assert.deepEqual(findings(text, 'cjk-space').map((f) => f.line), [6]);
});

test('engine: enable x closes only x of a listed disable', () => {
  const text = joinLines('<!-- speech-lint-disable placeholder, cjk-space -->', '这是XX，会 议。', '<!-- speech-lint-enable cjk-space -->', '这是XX，会 议。');
  assert.deepEqual(findings(text, 'placeholder'), []);
  assert.deepEqual(findings(text, 'cjk-space').map((f) => f.line), [4]);
});

test('engine: a note after -- in a directive is not a rule id', () => {
  const text = joinLines('<!-- speech-lint-disable-next-line placeholder -- 引文保留原样 -->', '这是XX。');
  assert.deepEqual(findings(text), []);
});

test('engine: comments and front matter are never linted, by any rule', () => {
  const noisy = '一、 三、 XX 某某 版权所有 上一篇: 工作,会议 工作 会议 並且 (二) 一是 三是 我讲五点意见';
  const text = joinLines('---', `备注: ${noisy}`, '---', `<!-- ${noisy} -->`, '标题', '同志们：', '正文。');
  assert.deepEqual(findings(text), []);
});

test('engine: severity is the user\'s: off, info, warning, error per rule', () => {
  assert.deepEqual(placeholderLines(DRAFT, { settings: settingsWith({ rules: { placeholder: 'off' } }) }), []);
  for (const severity of ['info', 'warning', 'error'] as const) {
    const settings = settingsWith({ rules: { placeholder: { severity } } });
    assert.deepEqual([...new Set(findings(DRAFT, 'placeholder', { settings }).map((f) => f.severity))], [severity]);
  }
});

test('engine: unknown rules and bad options are reported once, when settings are read; the rest still applies', () => {
  const problems: SettingsProblem[] = [];
  const settings = mergeSettings(defaultSettings(), { rules: { 'no-such-rule': 'error', placeholder: { options: { nope: 1 } }, 'length-limit': { options: { warnAt: 'x' } } } }, problems);
  assert.deepEqual(problems, [
    { field: 'rules.no-such-rule', code: 'unknown-rule', data: { name: 'no-such-rule' } },
    { field: 'rules.placeholder.options.nope', code: 'unknown-option', data: { name: 'nope' } },
    { field: 'rules.length-limit.options.warnAt', code: 'wrong-type', data: { expected: [{ id: 'settings/type.number' }] } },
  ]);
  const result = lint(DRAFT, { settings });
  assert.equal(result.findings.filter((f) => f.rule === 'placeholder').length, 3);
});

test('engine: mergeSettings reports each bad field and keeps the good ones', () => {
  const problems: SettingsProblem[] = [];
  const settings = mergeSettings(defaultSettings(), { countMode: 'pages', kind: 'single', limits: { single: -1, comprehensive: 4500 }, rules: { placeholder: 'loud' }, extra: true, bannedPhrases: [{ phrase: '' }, '空话'] }, problems);
  assert.deepEqual(problems, [
    { field: 'countMode', code: 'not-one-of', data: { values: ['"word"', '"chars"', '"hanzi"'] } },
    { field: 'limits.single', code: 'too-small', data: { min: 1 } },
    { field: 'rules.placeholder', code: 'not-one-of', data: { values: ['"off"', '"info"', '"warning"', '"error"'] } },
    { field: 'extra', code: 'unknown-field', data: { name: 'extra' } },
    { field: 'bannedPhrases[0].phrase', code: 'too-short', data: { min: 1 } },
  ]);
  assert.equal(settings.countMode, 'word');
  assert.equal(settings.kind, 'single');
  assert.deepEqual(settings.limits, { single: 3000, comprehensive: 4500 });
  assert.deepEqual(settings.bannedPhrases, [{ phrase: '空话' }]);
});

test('engine: kind and limit — front matter over the command line over settings; presets', () => {
  assert.deepEqual([lint('正文').kind, lint('正文').limit], ['comprehensive', 5000]);
  assert.deepEqual([lint('正文', { kind: 'single' }).kind, lint('正文', { kind: 'single' }).limit], ['single', 3000]);
  const withFrontMatter = joinLines('---', '类型: 综合', '字数上限: 1234', '---', '正文');
  assert.deepEqual([lint(withFrontMatter, { kind: 'single' }).kind, lint(withFrontMatter).limit], ['comprehensive', 1234]);
  const limits = (preset: string) => {
    const s = settingsWith({ lengthPreset: preset, limits: { single: 100, comprehensive: 200 } });
    return [limitFor(s, 'single'), limitFor(s, 'comprehensive')];
  };
  assert.deepEqual(['local', 'central2024', 'speech', 'custom'].map(limits), [[3000, 5000], [4000, 5000], [5000, 8000], [100, 200]]);
});

test('engine: a rule that throws is reported and the others still run', () => {
  const broken = { meta: { ...rules[0].meta, id: 'test-broken' }, check: () => { throw new Error('boom'); } };
  rules.push(broken);
  try {
    const result = lint(DRAFT);
    assert.deepEqual(result.ruleErrors, [{ rule: 'test-broken', error: 'boom' }]);
    assert.ok(result.findings.some((f) => f.rule === 'placeholder'));
  } finally {
    rules.pop();
  }
});

test('engine: overlapping fixes are applied one at a time, and fixAll converges', () => {
  const fixes = [
    { edits: [{ start: 0, end: 2, text: 'a' }] },
    { edits: [{ start: 1, end: 3, text: 'b' }] },
    { edits: [{ start: 3, end: 4, text: 'c' }] },
  ];
  assert.deepEqual(compatibleFixes(fixes), [fixes[0], fixes[2]]);
  assert.equal(applyEdits('0123', compatibleFixes(fixes).flatMap((f) => f.edits)), 'a2c');
  const text = joinLines('下面是小编为大家整理的讲话稿，供大家参考。', '同志们：', '一、甲,乙', '三、丙 丁', '(二)戊');
  const result = fixAll(text);
  assert.deepEqual(result.result.findings.filter((f) => f.fix), []);
  assert.equal(result.text, joinLines('同志们：', '一、甲，乙', '二、丙丁', '（一）戊'));
});

test('more findings, edits or open marks than a call takes arguments (~125k) never throw', () => {
  // 130,000 stray spaces on one line: one finding with 130,000 edits.
  const spaced = '工 '.repeat(130_000) + '作';
  const fixed = fixAll(spaced);
  assert.equal(fixed.text, '工'.repeat(130_000) + '作');
  // 130,000 half-width parentheses never closed: each one a lone mark.
  const open = '('.repeat(130_000) + '我们';
  assert.doesNotThrow(() => lint(open));
  // 130,000 unclosed 《 in one paragraph.
  const titles = '《'.repeat(130_000) + '条例';
  assert.equal(lint(titles).findings.filter((f) => f.rule === 'paired-punctuation').length, 130_000);
});

test('a lint given no settings reads the defaults, shared and frozen: the same findings as with a fresh copy of them', () => {
  const shared = sharedDefaultSettings();
  assert.deepEqual(shared, defaultSettings());
  assert.equal(sharedDefaultSettings(), shared);
  const frozen = (value: unknown): boolean => value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(frozen));
  assert.ok(frozen(shared));
  for (const name of ['000_78acb782d8b8e43a.txt', '002_1e7242e4f7d32e7b.txt']) {
    const text = readCorpus(name);
    assert.deepEqual(lint(text).findings, lint(text, { settings: defaultSettings() }).findings);
  }
});
