// Everything generated from the rules' metadata and the settings table is up to date, and every rule's
// metadata is complete (the contract every layer reads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/core/rules';
import { generatedFiles } from '../../server/src/generate/generate';
import { repoRoot } from './helpers';

test('generated files are up to date (npm run generate)', () => {
  const files = generatedFiles(repoRoot);
  assert.deepEqual(files.map((f) => f.path).sort(), [
    'README.md',
    'package.json',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'package.nls.zh-tw.json',
    'schemas/speechlintrc.schema.json',
    'server/src/core/data/formulations.ts',
    'server/src/core/data/typos.ts',
    'server/src/core/i18n/zh-hant.ts',
    'syntaxes/speech.tmLanguage.json',
  ]);
  for (const file of files) {
    const onDisk = fs.readFileSync(path.join(repoRoot, file.path), 'utf8');
    assert.ok(onDisk === file.content, `${file.path} is stale: run npm run generate`);
  }
});

test('docs: every rule has complete metadata and a doc page', () => {
  const ids = new Set<string>();
  for (const rule of rules) {
    const { id, description, defaultSeverity, docs, options, messages } = rule.meta;
    assert.match(id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(!ids.has(id), `duplicate id ${id}`);
    ids.add(id);
    assert.ok(description.zh && description.en, `${id} description`);
    assert.ok(['error', 'warning', 'info'].includes(defaultSeverity));
    assert.equal(docs, `docs/rules/${id}.md`);
    assert.ok(Object.keys(messages).length > 0, `${id} has messages`);
    const page = fs.readFileSync(path.join(repoRoot, docs), 'utf8');
    assert.ok(page.startsWith(`# ${id}\n`), `${docs} starts with its id`);
    for (const [name, option] of Object.entries(options)) {
      assert.ok(option.description?.zh && option.description.en, `${id}.${name} description`);
      assert.ok(option.default !== undefined, `${id}.${name} default`);
      assert.ok(page.includes(name), `${docs} documents option ${name}`);
    }
  }
});

test('docs: each rule\'s default severity, fix and suggestion kinds (the table in the README)', () => {
  assert.deepEqual(
    rules.map((r) => [r.meta.id, r.meta.defaultSeverity, r.meta.fixable ?? null, r.meta.hasSuggestions ?? false]),
    [
      ['heading-sequence', 'error', 'code', true],
      ['heading-marker', 'warning', 'code', false],
      ['heading-level', 'warning', null, false],
      ['announced-count', 'warning', null, false],
      ['enumeration-sequence', 'warning', 'code', true],
      ['length-limit', 'error', null, false],
      ['scrape-boilerplate', 'warning', 'code', false],
      ['banned-phrase', 'warning', 'code', false],
      ['placeholder', 'warning', null, false],
      ['mixed-script', 'warning', 'code', false],
      ['punctuation-width', 'warning', 'code', false],
      ['cjk-space', 'warning', 'code', false],
      ['paired-punctuation', 'warning', 'code', true],
      ['ellipsis-dash', 'warning', 'code', true],
      ['repeated-punctuation', 'warning', 'code', true],
      ['enumeration-comma', 'warning', 'code', false],
      ['heading-punctuation', 'warning', 'code', false],
      ['number-format', 'warning', 'code', true],
      ['typo', 'warning', 'code', true],
      ['formulation', 'warning', 'code', true],
      ['repeated-word', 'warning', 'code', false],
      ['duplicate-paragraph', 'warning', null, true],
      ['sentence-length', 'info', null, false],
      ['unknown-rule', 'warning', null, true],
    ],
  );
});
