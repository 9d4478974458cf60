// banned-phrase: user phrases and the wenfeng preset, in both scripts, literal matching, replacements in
// the draft's script, overlaps, and the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type LintOptions } from '../../../server/src/core/engine';
import { wenfeng } from '../../../server/src/core/presets/wenfeng';
import { BANNED_PHRASE_PRESETS } from '../../../server/src/core/rules/banned-phrase';
import { normalizeToSimplified } from '../../../server/src/core/script';
import { type Described, checkFixes, findings, readCorpus, settingsWith, M, type Msg } from '../helpers';
import { mergeSettings, type SettingsProblem } from '../../../server/src/core/config-schema';
import { BANNED_PHRASE_PRESET_NAMES, defaultSettings } from '../../../server/src/core/settings';

const RULE = 'banned-phrase';
const fixedBy = (text: string, options?: LintOptions) => checkFixes(text, RULE, options);

const banned = (bannedPhrases: unknown[], extra: Record<string, unknown> = {}) => ({ settings: settingsWith({ bannedPhrases, ...extra }) });
const preset = (extra: Record<string, unknown> = {}) => ({ settings: settingsWith({ bannedPhrasePresets: ['wenfeng'], ...extra }) });

function at(line: number, column: number, endColumn: number, message: Msg, severity = 'warning', fixed?: string): Described {
  const d: Described = { line, column, endLine: line, endColumn, severity, ...message };
  if (fixed !== undefined) d.fixed = fixed;
  return d;
}


test('banned-phrase: the wenfeng preset', () => {
  assert.deepEqual(Object.keys(BANNED_PHRASE_PRESETS), ['wenfeng']);
  assert.ok(wenfeng.length >= 30 && wenfeng.length <= 60, `${wenfeng.length} phrases`);
  for (const p of wenfeng) {
    assert.ok(['pledge', 'degree', 'verdict', 'formula'].includes(p.kind), p.phrase);
    // Written in simplified script, so that normalizing does not change them.
    assert.equal(normalizeToSimplified(p.phrase), p.phrase);
  }
  assert.equal(new Set(wenfeng.map((p) => p.phrase)).size, wenfeng.length);
});

test('banned-phrase: valid texts', () => {
  // No list, no preset: nothing is banned.
  assert.deepEqual(findings('各单位要高度重视，进一步加强管理。', RULE), []);
  assert.deepEqual(findings('要找准工作重点。', RULE, banned(['抓手'])), []);
  // Literal text, not a pattern.
  assert.deepEqual(findings('abc', RULE, banned(['.*', 'a|b', '(a'])), []);
  // Inside a comment or the front matter.
  assert.deepEqual(findings('---\n备注: 抓手\n---\n<!-- 抓手 -->\n正文。', RULE, banned(['抓手'])), []);
  // Unknown presets are ignored.
  // An unknown preset is a settings problem (named field), and the rest of the settings still apply.
  const problems: SettingsProblem[] = [];
  const settings = mergeSettings(defaultSettings(), { bannedPhrasePresets: ['nope', 'wenfeng'] }, problems);
  assert.deepEqual(problems, [{ field: 'bannedPhrasePresets[0]', code: 'not-one-of', data: { values: ['"wenfeng"'] } }]);
  assert.deepEqual(settings.bannedPhrasePresets, ['wenfeng']);
  assert.deepEqual(Object.keys(BANNED_PHRASE_PRESETS), BANNED_PHRASE_PRESET_NAMES);
});

test('banned-phrase: user phrases, with and without replacement or message', () => {
  assert.deepEqual(findings('要找准抓手，用好抓手。', RULE, banned([{ phrase: '抓手', replacement: '具体举措' }])), [
    at(1, 4, 6, M('replace', { found: '抓手', replacement: '具体举措' }), 'warning', '要找准具体举措，用好抓手。'),
    at(1, 9, 11, M('replace', { found: '抓手', replacement: '具体举措' }), 'warning', '要找准抓手，用好具体举措。'),
  ]);
  assert.equal(fixedBy('要找准抓手，用好抓手。', banned([{ phrase: '抓手', replacement: '具体举措' }])), '要找准具体举措，用好具体举措。');
  assert.deepEqual(findings('要找准抓手。', RULE, banned(['抓手'])), [at(1, 4, 6, M('banned', { found: '抓手' }))]);
  assert.deepEqual(findings('要找准抓手。', RULE, banned([{ phrase: '抓手', message: '不用“抓手”，写明具体措施' }])), [at(1, 4, 6, M('custom', { found: '抓手', text: '不用“抓手”，写明具体措施' }))]);
  assert.deepEqual(findings('要切实地做好。', RULE, banned([{ phrase: '切实地', replacement: '' }])), [at(1, 2, 5, M('delete', { found: '切实地' }), 'warning', '要做好。')]);
  assert.deepEqual(findings('要找准抓手。', RULE, banned([{ phrase: '抓手', replacement: '措施', message: '换个说法' }])), [at(1, 4, 6, M('custom', { found: '抓手', replacement: '措施', text: '换个说法' }), 'warning', '要找准措施。')]);
});

test('banned-phrase: literal matching of characters that mean something in patterns', () => {
  assert.deepEqual(findings('见 a.*b 和 (注) 与 $1。', RULE, banned(['.*', '(注)', '$1'])), [
    at(1, 4, 6, M('banned', { found: '.*' })),
    at(1, 10, 13, M('banned', { found: '(注)' })),
    at(1, 16, 18, M('banned', { found: '$1' })),
  ]);
});

test('banned-phrase: phrase twins — either script finds both, the replacement follows the draft', () => {
  const simplified = '我们要找准抓手，进一步开创新局面。';
  const traditional = '我們要找準抓手，進一步開創新局面。';
  // A simplified phrase in a traditional draft: the replacement is written in traditional script.
  assert.deepEqual(findings(traditional, RULE, banned([{ phrase: '抓手', replacement: '具体举措' }])), [
    at(1, 6, 8, M('replace', { found: '抓手', replacement: '具體舉措' }), 'warning', '我們要找準具體舉措，進一步開創新局面。'),
  ]);
  // A traditional phrase and replacement in a simplified draft.
  assert.deepEqual(findings(simplified, RULE, banned([{ phrase: '進一步', replacement: '更加' }])), [
    at(1, 9, 12, M('replace', { found: '进一步', replacement: '更加' }), 'warning', '我们要找准抓手，更加开创新局面。'),
  ]);
  assert.deepEqual(findings(traditional, RULE, banned([{ phrase: '进一步', replacement: '更加' }])), [
    at(1, 9, 12, M('replace', { found: '進一步', replacement: '更加' }), 'warning', '我們要找準抓手，更加開創新局面。'),
  ]);
  assert.deepEqual(findings(simplified, RULE, banned([{ phrase: '開創', replacement: '開拓' }])), [
    at(1, 12, 14, M('replace', { found: '开创', replacement: '开拓' }), 'warning', '我们要找准抓手，进一步开拓新局面。'),
  ]);
  assert.equal(fixedBy(traditional, banned([{ phrase: '開創', replacement: '开拓' }])), '我們要找準抓手，進一步開拓新局面。');
});

test('banned-phrase: overlaps — the longer phrase, and the user entry over the preset', () => {
  assert.deepEqual(findings('要进一步加强管理。', RULE, banned(['加强', '进一步加强'])), [at(1, 2, 7, M('banned', { found: '进一步加强' }))]);
  assert.deepEqual(findings('要高度重视。', RULE, banned([{ phrase: '高度重视', replacement: '重视' }], { bannedPhrasePresets: ['wenfeng'] })), [
    at(1, 2, 6, M('replace', { found: '高度重视', replacement: '重视' }), 'warning', '要重视。'),
  ]);
  // A replacement containing the phrase would be found again: a suggestion, not a fix.
  assert.deepEqual(findings('要加强管理。', RULE, banned([{ phrase: '加强', replacement: '切实加强' }])), [at(1, 2, 4, M('replace', { found: '加强', replacement: '切实加强' }))]);
  fixedBy('要加强管理。', banned([{ phrase: '加强', replacement: '切实加强' }]));
});

test('banned-phrase: the wenfeng preset gives notes, in both scripts', () => {
  const s = '在市委的正确领导下，各单位要高度重视，进一步加强管理，取得了显著成效。';
  const t = '在市委的正確領導下，各單位要高度重視，進一步加強管理，取得了顯著成效。';
  assert.deepEqual(findings(s, RULE, preset()), [
    at(1, 4, 10, M('preset', { found: '的正确领导下', why: { id: 'banned-phrase/why.formula' } }), 'info'),
    at(1, 15, 19, M('preset', { found: '高度重视', why: { id: 'banned-phrase/why.pledge' } }), 'info'),
    at(1, 20, 25, M('preset', { found: '进一步加强', why: { id: 'banned-phrase/why.degree' } }), 'info'),
    at(1, 28, 35, M('preset', { found: '取得了显著成效', why: { id: 'banned-phrase/why.verdict' } }), 'info'),
  ]);
  assert.deepEqual(findings(t, RULE, preset()), [
    at(1, 4, 10, M('preset', { found: '的正確領導下', why: { id: 'banned-phrase/why.formula' } }), 'info'),
    at(1, 15, 19, M('preset', { found: '高度重視', why: { id: 'banned-phrase/why.pledge' } }), 'info'),
    at(1, 20, 25, M('preset', { found: '進一步加強', why: { id: 'banned-phrase/why.degree' } }), 'info'),
    at(1, 28, 35, M('preset', { found: '取得了顯著成效', why: { id: 'banned-phrase/why.verdict' } }), 'info'),
  ]);
  // Preset findings carry no fix: what to say instead depends on the work.
  assert.equal(lint(s, { only: [RULE], ...preset() }).findings.filter((f) => f.fix).length, 0);
});

test('banned-phrase: Extension B characters before a finding', () => {
  assert.deepEqual(findings('𠀀𠀁讲话\n𠀂要找准抓手。', RULE, banned([{ phrase: '抓手', replacement: '措施' }])), [
    at(2, 5, 7, M('replace', { found: '抓手', replacement: '措施' }), 'warning', '𠀀𠀁讲话\n𠀂要找准措施。'),
  ]);
});

test('banned-phrase: severity override', () => {
  const text = '要找准抓手，高度重视。';
  const options = (rules: Record<string, unknown>) => ({ settings: settingsWith({ bannedPhrases: ['抓手'], bannedPhrasePresets: ['wenfeng'], rules }) });
  assert.deepEqual(findings(text, RULE, options({ [RULE]: 'error' })).map((f) => f.severity), ['error', 'info']);
  assert.deepEqual(findings(text, RULE, options({ [RULE]: 'info' })).map((f) => f.severity), ['info', 'info']);
  assert.deepEqual(findings(text, RULE, options({ [RULE]: 'off' })), []);
});

test('banned-phrase: corpus with the wenfeng preset', () => {
  const expected: Record<string, [number, Described, Described]> = {
    '000': [4, at(13, 7, 11, M('preset', { found: '高度重視', why: { id: 'banned-phrase/why.pledge' } }), 'info'), at(19, 41, 45, M('preset', { found: '統一思想', why: { id: 'banned-phrase/why.pledge' } }), 'info')],
    '001': [29, at(4, 156, 160, M('preset', { found: '高度重视', why: { id: 'banned-phrase/why.pledge' } }), 'info'), at(23, 236, 240, M('preset', { found: '不断提高', why: { id: 'banned-phrase/why.degree' } }), 'info')],
    '002': [16, at(19, 662, 666, M('preset', { found: '狠抓落实', why: { id: 'banned-phrase/why.pledge' } }), 'info'), at(73, 632, 636, M('preset', { found: '取得实效', why: { id: 'banned-phrase/why.pledge' } }), 'info')],
    '003': [18, at(11, 57, 66, M('preset', { found: '具有十分重要的意義', why: { id: 'banned-phrase/why.verdict' } }), 'info'), at(56, 16, 20, M('preset', { found: '引向深入', why: { id: 'banned-phrase/why.pledge' } }), 'info')],
    '004': [14, at(14, 233, 239, M('preset', { found: '的正确领导下', why: { id: 'banned-phrase/why.formula' } }), 'info'), at(56, 59, 63, M('preset', { found: '不断提高', why: { id: 'banned-phrase/why.degree' } }), 'info')],
  };
  for (const [name, [count, first, last]] of Object.entries(expected)) {
    const found = findings(readCorpus(name), RULE, preset());
    assert.equal(found.length, count, name);
    assert.deepEqual(found[0], first, name);
    assert.deepEqual(found[found.length - 1], last, name);
  }
});

test('banned-phrase: corpus twins — a traditional phrase finds the simplified 干部 left in traditional 003', () => {
  const text = readCorpus('003');
  const simplifiedLeftovers = text.split('干部').length - 1;
  assert.equal(simplifiedLeftovers, 36);
  const found = findings(text, RULE, banned([{ phrase: '幹部', replacement: '同志' }]));
  assert.equal(found.length, 36);
  assert.deepEqual(found[0], { ...at(6, 41, 43, M('replace', { found: '干部', replacement: '同志' })), fixed: found[0].fixed });
  const fixed = fixedBy(text, banned([{ phrase: '幹部', replacement: '同志' }]));
  assert.equal(fixed, text.split('干部').join('同志'));
});
