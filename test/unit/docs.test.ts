// The README's rules table and the doc pages follow the rules' metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/core/rules';
import { withRulesTable } from '../../server/src/core/rules-table';
import { repoRoot } from './helpers';

test('docs: the README rules table is generated from rule metadata (npm run docs)', () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  assert.ok(readme.includes('rules-table:start'), 'README has the rules table markers');
  assert.equal(withRulesTable(readme), readme, 'README rules table is stale: run npm run docs');
});

test('docs: every rule has complete metadata and a doc page', () => {
  const ids = new Set<string>();
  for (const rule of rules) {
    const { id, description, defaultSeverity, docs, options } = rule.meta;
    assert.match(id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(!ids.has(id), `duplicate id ${id}`);
    ids.add(id);
    assert.ok(description.zh && description.en, `${id} description`);
    assert.ok(['error', 'warning', 'info'].includes(defaultSeverity));
    assert.equal(docs, `docs/rules/${id}.md`);
    const page = fs.readFileSync(path.join(repoRoot, docs), 'utf8');
    assert.ok(page.startsWith(`# ${id}\n`), `${docs} starts with its id`);
    for (const [name, option] of Object.entries(options)) {
      assert.ok(option.description.zh && option.description.en, `${id}.${name} description`);
      assert.ok(page.includes(name), `${docs} documents option ${name}`);
    }
  }
  assert.equal(ids.size, 12);
});

test('docs: each rule\'s default severity and fixability (the table in the README)', () => {
  assert.deepEqual(
    rules.map((r) => [r.meta.id, r.meta.defaultSeverity, r.meta.fixable]),
    [
      ['heading-sequence', 'error', true],
      ['heading-marker', 'warning', true],
      ['heading-level', 'warning', false],
      ['announced-count', 'warning', false],
      ['enumeration-sequence', 'warning', true],
      ['length-limit', 'error', false],
      ['scrape-boilerplate', 'warning', true],
      ['banned-phrase', 'warning', true],
      ['placeholder', 'warning', false],
      ['mixed-script', 'warning', true],
      ['punctuation-width', 'warning', true],
      ['cjk-space', 'warning', true],
    ],
  );
});
