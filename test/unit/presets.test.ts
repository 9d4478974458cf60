// Settings presets: `presets: ["proofread-strict"]` turns the proofreading rules up, under the rules
// the same settings list; a later layer's rules still win; an unknown preset is a settings problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeSettings, type SettingsProblem } from '../../server/src/core/config-schema';
import { lint } from '../../server/src/core/engine';
import { ruleById } from '../../server/src/core/rules';
import { defaultSettings, SETTINGS_PRESETS } from '../../server/src/core/settings';
import { settingsWith } from './helpers';

test('presets: proofread-strict sets every proofreading rule to warning and turns on the opt-in options', () => {
  const settings = settingsWith({ presets: ['proofread-strict'] });
  assert.deepEqual(settings.presets, ['proofread-strict']);
  assert.deepEqual(settings.rules['sentence-length'], { severity: 'warning' });
  assert.deepEqual(settings.rules['enumeration-comma'], { severity: 'warning', options: { quotedItems: true } });
  for (const id of Object.keys(SETTINGS_PRESETS['proofread-strict'].rules)) assert.ok(ruleById.has(id), `${id} is a rule`);
  const text = '学习《条例》、《规定》。';
  assert.deepEqual(lint(text, { only: ['enumeration-comma'] }).findings, []);
  assert.deepEqual(lint(text, { only: ['enumeration-comma'], settings }).findings.map((f) => [f.messageId, f.severity]), [['quoted', 'warning']]);
});

test('presets: a rule the same settings list keeps its severity; options merge, its own winning', () => {
  const settings = settingsWith({ presets: ['proofread-strict'], rules: { 'sentence-length': 'off', 'enumeration-comma': 'error', typo: { options: { disabled: ['做为'] } } } });
  assert.equal(settings.rules['sentence-length'], 'off');
  assert.deepEqual(settings.rules['enumeration-comma'], { severity: 'error', options: { quotedItems: true } });
  assert.deepEqual(settings.rules.typo, { severity: 'warning', options: { disabled: ['做为'] } });
});

test('presets: a later layer (the config file over the editor) overrides the preset rule by rule', () => {
  const problems: SettingsProblem[] = [];
  const editor = mergeSettings(defaultSettings(), { presets: ['proofread-strict'] }, problems);
  const file = mergeSettings(editor, { rules: { 'sentence-length': 'info' } }, problems);
  assert.deepEqual(problems, []);
  assert.equal(file.rules['sentence-length'], 'info');
  assert.deepEqual(file.rules['number-format'], { severity: 'warning' });
});

test('presets: an unknown preset is reported and ignored', () => {
  const problems: SettingsProblem[] = [];
  const settings = mergeSettings(defaultSettings(), { presets: ['strict'] }, problems);
  assert.deepEqual(problems.map((p) => [p.field, p.code]), [['presets[0]', 'not-one-of']]);
  assert.deepEqual(settings.rules, {});
});
