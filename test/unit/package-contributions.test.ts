// What package.json contributes for the editor beyond the generated settings: the problem matchers
// read the command line's text output exactly as its JSON output says (every finding, in zh-Hans,
// zh-Hant and en, with its severity), typing prose gets no word suggestions, every enum setting has
// a localised label and description, and the .vsix has its icon and repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTINGS } from '../../server/src/core/settings';
import type { SettingSchema } from '../../server/src/core/schema';
import { cli, workspace } from './cliHarness';
import { readCorpus, repoRoot } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

interface Matcher {
  name: string;
  severity: string;
  fileLocation: string[];
  pattern: { regexp: string; file: number; line: number; column: number; message: number; code: number };
}

/** What VS Code's problem matchers would report for the lines: [file, line, column, severity, message, code]. */
function matched(output: string): string[][] {
  const matchers: Matcher[] = pkg.contributes.problemMatchers;
  const found: string[][] = [];
  for (const line of output.split('\n')) {
    for (const m of matchers) {
      const x = new RegExp(m.pattern.regexp).exec(line);
      if (x) found.push([x[m.pattern.file], x[m.pattern.line], x[m.pattern.column], m.severity, x[m.pattern.message], x[m.pattern.code]]);
    }
  }
  return found;
}

test('problem matchers: one per severity, each line of the text output matched once, as the JSON output says', () => {
  assert.deepEqual(
    pkg.contributes.problemMatchers.map((m: Matcher) => [m.name, m.severity, m.fileLocation.join(' ')]),
    [
      ['speech-lint-error', 'error', 'autoDetect ${workspaceFolder}'],
      ['speech-lint-warning', 'warning', 'autoDetect ${workspaceFolder}'],
      ['speech-lint-info', 'info', 'autoDetect ${workspaceFolder}'],
    ],
  );
  // A simplified and a traditional draft (simplified leftovers are infos), every rule on.
  const dir = workspace({ 'a.speech': readCorpus('001'), 'sub/b.speech': readCorpus('000') });
  fs.rmSync(path.join(dir, '.speechlintrc.json'));
  const json = JSON.parse(cli(['-f', 'json', '**/*.speech'], { cwd: dir }).stdout) as { files: { file: string; diagnostics: { severity: string; line: number; column: number; message: string; rule: string }[] }[] };
  const expected = json.files.flatMap((f) => f.diagnostics.map((d) => [f.file, String(d.line), String(d.column), d.severity, d.message.replace(/\s*[\r\n]+\s*/g, ' '), d.rule]));
  assert.ok(expected.some((e) => e[3] === 'error') && expected.some((e) => e[3] === 'warning') && expected.some((e) => e[3] === 'info'), 'all three severities occur');
  for (const lang of [[], ['--lang', 'en'], ['--lang', 'zh-Hant']]) {
    const text = cli(['**/*.speech', ...lang], { cwd: dir }).stdout;
    const ours = lang.length ? JSON.parse(cli(['-f', 'json', '**/*.speech', ...lang], { cwd: dir }).stdout) as typeof json : json;
    const want = lang.length ? ours.files.flatMap((f) => f.diagnostics.map((d) => [f.file, String(d.line), String(d.column), d.severity, d.message.replace(/\s*[\r\n]+\s*/g, ' '), d.rule])) : expected;
    assert.deepEqual(matched(text), want, lang.join(' ') || 'zh');
  }
});

test('typing prose in a speech draft: no word-based or quick suggestions, Enter never accepts one', () => {
  const defaults = pkg.contributes.configurationDefaults['[speech]'];
  assert.equal(defaults['editor.wordBasedSuggestions'], 'off');
  assert.deepEqual(defaults['editor.quickSuggestions'], { other: 'off', comments: 'off', strings: 'off' });
  assert.equal(defaults['editor.acceptSuggestionOnEnter'], 'off');
  // The heading markers still come on （ and ( (and Ctrl+Space).
  assert.equal(defaults['editor.suggestOnTriggerCharacters'], undefined);
});

test('settings: every enum value has a label and a description, in both languages', () => {
  const walk = (schema: SettingSchema, where: string) => {
    if (schema.enum) {
      assert.equal(schema.enumItemLabels?.length, schema.enum.length, `${where}: enumItemLabels`);
      assert.equal(schema.enumDescriptions?.length, schema.enum.length, `${where}: enumDescriptions`);
      for (const t of [...(schema.enumItemLabels ?? []), ...(schema.enumDescriptions ?? [])]) assert.ok(t.zh && t.en, where);
    }
    if (schema.items) walk(schema.items, `${where}[]`);
    for (const [key, value] of Object.entries(schema.properties ?? {})) walk(value, `${where}.${key}`);
  };
  // The export's 字号 names (初号 … 八号) are their own labels.
  for (const spec of SETTINGS) if (spec.key !== 'export') walk(spec.schema, spec.key);
  const properties = pkg.contributes.configuration.properties;
  const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.zh-cn.json'), 'utf8'));
  for (const [key, label] of [['speechDraft.kind', '单项'], ['speechDraft.lengthPreset', '地方常用（3000 / 5000）'], ['speechDraft.trace.server', '关闭']]) {
    assert.equal(nls[properties[key].enumItemLabels[0].replace(/%/g, '')], label, key);
  }
  for (const [key, value] of Object.entries<{ description?: string; markdownDescription?: string }>(properties)) {
    assert.ok(value.description ?? value.markdownDescription, `${key} has a description`);
  }
});

test('the package: icon, a repository (a placeholder to change), packaged without --allow-missing-repository', () => {
  assert.equal(pkg.icon, 'images/icon.png');
  const icon = fs.readFileSync(path.join(repoRoot, pkg.icon));
  // A PNG of at least 128 × 128 (the Marketplace's minimum).
  assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128);
  assert.match(pkg.repository.url, /^https:\/\//);
  assert.ok(!pkg.scripts.package.includes('--allow-missing-repository'));
  const ignore = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8');
  for (const file of ['!dist/client.js', '!dist/client-main.js', '!dist/server.js', '!dist/opencc.js', '!dist/docx.js', '!images/icon.png']) assert.ok(ignore.split('\n').includes(file), `.vscodeignore keeps ${file}`);
});

test('the command line and the server start without the Word libraries: they load dist/docx.js when a Word file is met', () => {
  for (const bundle of ['cli.js', 'server.js']) {
    const code = fs.readFileSync(path.join(repoRoot, 'dist', bundle), 'utf8');
    assert.ok(!code.includes('@xmldom/xmldom') && !code.includes('node_modules/docx/'), `dist/${bundle} holds no Word library`);
  }
  const word = fs.readFileSync(path.join(repoRoot, 'dist', 'docx.js'), 'utf8');
  assert.ok(word.includes('@xmldom/xmldom') && word.includes('node_modules/docx/'));
});
