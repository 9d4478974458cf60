// Fixture tests (markdownlint style): test/fixtures/rules/<rule>/<name>.speech holds a draft, and
// <name>.expected.json beside it the exact findings of that rule. Every fixture's fixes are then
// applied and re-linted: nothing fixable may remain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll } from '../../server/src/core/engine';
import { findings, repoRoot, settingsWith, withoutFix } from './helpers';

const root = path.join(repoRoot, 'test', 'fixtures', 'rules');

for (const rule of fs.existsSync(root) ? fs.readdirSync(root) : []) {
  for (const file of fs.readdirSync(path.join(root, rule)).filter((f) => f.endsWith('.speech'))) {
    const base = path.join(root, rule, file.replace(/\.speech$/, ''));
    const text = fs.readFileSync(`${base}.speech`, 'utf8');
    const expected = JSON.parse(fs.readFileSync(`${base}.expected.json`, 'utf8'));
    const settingsFile = `${base}.settings.json`;
    const settings = fs.existsSync(settingsFile) ? settingsWith(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))) : undefined;
    test(`fixture ${rule}/${file}`, () => {
      const actual = withoutFix(findings(text, rule, { settings }));
      assert.deepEqual(actual, expected);
    });
    test(`fixture ${rule}/${file}: fixing all leaves nothing fixable`, () => {
      const result = fixAll(text, { settings });
      assert.deepEqual(result.result.findings.filter((f) => f.fix).map((f) => `${f.rule}/${f.messageId}`), []);
    });
  }
}
