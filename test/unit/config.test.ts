// `.speechlintrc.json` loading: upward search, --config, the per-file cache, and clear problems that
// name the file and the field while the rest of the settings still apply.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  clearConfigCache,
  findConfigFile,
  formatConfigProblem,
  jsonSyntaxError,
  lineColumn,
  loadConfigFor,
} from '../../server/src/config-file';
import { lint } from '../../server/src/core/engine';
import { defaultSettings } from '../../server/src/core/settings';
import { repoRoot } from './helpers';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'config');

const tempDirs: string[] = [];
after(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-lint-config-'));
  tempDirs.push(dir);
  return dir;
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

test('found upward from the draft folder; the nearest wins; none gives the defaults', () => {
  const root = tempDir();
  write(path.join(root, 'a', '.speechlintrc.json'), '{ "countMode": "chars" }');
  const deep = path.join(root, 'a', 'b', 'c', 'draft.speech');
  fs.mkdirSync(path.dirname(deep), { recursive: true });
  let loaded = loadConfigFor(deep);
  assert.equal(loaded.file, path.join(root, 'a', '.speechlintrc.json'));
  assert.equal(loaded.settings.countMode, 'chars');
  assert.deepEqual(loaded.problems, []);

  write(path.join(root, 'a', 'b', '.speechlintrc.json'), '{ "countMode": "hanzi" }');
  loaded = loadConfigFor(deep);
  assert.equal(loaded.file, path.join(root, 'a', 'b', '.speechlintrc.json'), 'a config created later is seen at once');
  assert.equal(loaded.settings.countMode, 'hanzi');

  // Outside any config (the temp root has none; nothing above it is expected to).
  const outside = loadConfigFor(path.join(root, 'draft.speech'));
  if (!findConfigFile(path.dirname(root))) {
    assert.equal(outside.file, undefined);
    assert.deepEqual(outside.settings, defaultSettings());
    assert.deepEqual(outside.problems, []);
  }
});

test('the draft need not exist (standard input is linted as <stdin> in the working folder)', () => {
  const root = tempDir();
  write(path.join(root, '.speechlintrc.json'), '{ "kind": "single" }');
  const loaded = loadConfigFor(path.join(root, '<stdin>'));
  assert.equal(loaded.settings.kind, 'single');
});

test('a folder named .speechlintrc.json is not a config', () => {
  const root = tempDir();
  write(path.join(root, '.speechlintrc.json'), '{ "kind": "single" }');
  fs.mkdirSync(path.join(root, 'sub', '.speechlintrc.json'), { recursive: true });
  const loaded = loadConfigFor(path.join(root, 'sub', 'draft.speech'));
  assert.equal(loaded.file, path.join(root, '.speechlintrc.json'));
});

test('--config: the explicit file is used, nothing is searched', () => {
  const root = tempDir();
  write(path.join(root, 'near', '.speechlintrc.json'), '{ "countMode": "hanzi" }');
  write(path.join(root, 'other.json'), '{ "countMode": "chars" }');
  const loaded = loadConfigFor(path.join(root, 'near', 'draft.speech'), { explicit: path.join(root, 'other.json') });
  assert.equal(loaded.file, path.join(root, 'other.json'));
  assert.equal(loaded.settings.countMode, 'chars');
});

test('an unreadable config is a problem and the defaults apply', () => {
  const root = tempDir();
  const missing = path.join(root, 'missing.json');
  const loaded = loadConfigFor(path.join(root, 'draft.speech'), { explicit: missing });
  assert.deepEqual(loaded.settings, defaultSettings());
  assert.deepEqual(loaded.problems, [{ file: missing, field: '', code: 'unreadable', what: 'unreadable', data: { reason: 'ENOENT' } }]);
  assert.equal(formatConfigProblem(loaded.problems[0], 'en', root), 'missing.json: cannot read the file (ENOENT)');
});

test('cache: re-read after the file changes, forgotten after it is removed', () => {
  const root = tempDir();
  const config = path.join(root, '.speechlintrc.json');
  const draft = path.join(root, 'draft.speech');
  write(config, '{ "countMode": "chars" }');
  const first = loadConfigFor(draft);
  assert.equal(first.settings.countMode, 'chars');
  // Unchanged: the cached parse is reused (same settings).
  assert.deepEqual(loadConfigFor(draft).settings, first.settings);

  // Same size, new content, mtime moved on: re-read.
  write(config, '{ "countMode": "hanzi" }');
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(config, later, later);
  assert.equal(loadConfigFor(draft).settings.countMode, 'hanzi');

  // Broken, then fixed again.
  write(config, '{ "countMode": ');
  assert.equal(loadConfigFor(draft).problems[0]?.code, 'syntax');
  write(config, '{ "countMode": "word", "kind": "single" }');
  const fixed = loadConfigFor(draft);
  assert.deepEqual(fixed.problems, []);
  assert.equal(fixed.settings.kind, 'single');

  fs.unlinkSync(config);
  const gone = loadConfigFor(draft);
  assert.notEqual(gone.file, config);
  clearConfigCache();
});

test('JSON syntax error: one problem with line:column, defaults apply', () => {
  const file = path.join(fixtures, 'syntax-error', '.speechlintrc.json');
  const loaded = loadConfigFor(path.join(fixtures, 'syntax-error', 'draft.speech'));
  assert.equal(loaded.file, file);
  assert.deepEqual(loaded.settings, defaultSettings());
  assert.deepEqual(loaded.problems, [{ file, field: '', code: 'syntax', what: 'json-syntax', data: { detail: { id: 'json/unexpected', data: { found: '"s"' } } }, line: 3, column: 11 }]);
  assert.equal(formatConfigProblem(loaded.problems[0], 'en', path.dirname(file)), '.speechlintrc.json:3:11: invalid JSON: unexpected "s"');
});

test('unknown rule: named with a suggestion; the other settings still apply', () => {
  const file = path.join(fixtures, 'unknown-rule', '.speechlintrc.json');
  const loaded = loadConfigFor(path.join(fixtures, 'unknown-rule', 'draft.speech'));
  assert.deepEqual(loaded.problems, [
    { file, field: 'rules.heading-sequnce', code: 'invalid', what: 'unknown-rule', data: { name: 'heading-sequnce' }, suggestion: 'heading-sequence' },
  ]);
  assert.equal(loaded.settings.countMode, 'hanzi');
  assert.equal(loaded.settings.rules.placeholder, 'error');
  const dir = path.dirname(file);
  assert.equal(
    formatConfigProblem(loaded.problems[0], 'en', dir),
    '.speechlintrc.json: rules.heading-sequnce: unknown rule (did you mean "heading-sequence"?)',
  );
});

test('wrong types: each bad field named, its default kept, the good ones applied', () => {
  const file = path.join(fixtures, 'wrong-type', '.speechlintrc.json');
  const loaded = loadConfigFor(path.join(fixtures, 'wrong-type', 'draft.speech'));
  assert.deepEqual(loaded.problems, [
    { file, field: 'countMode', code: 'invalid', what: 'not-one-of', data: { values: ['"word"', '"chars"', '"hanzi"'] } },
    { file, field: 'kind', code: 'invalid', what: 'not-one-of', data: { values: ['"single"', '"comprehensive"'] } },
  ]);
  assert.equal(loaded.settings.countMode, 'word');
  assert.equal(loaded.settings.kind, 'comprehensive');
  assert.equal(loaded.settings.speakingRate, 150);
  const dir = path.dirname(file);
  assert.equal(formatConfigProblem(loaded.problems[0], 'en', dir), '.speechlintrc.json: countMode: must be one of "word", "chars", "hanzi"');
});

test('keys named like Object.prototype members are unknown fields, never a crash; the other settings still apply', () => {
  const cases: [string, string[]][] = [
    ['{"__proto__":{}, "countMode":"chars"}', ['__proto__']],
    ['{"hasOwnProperty":1, "countMode":"chars"}', ['hasOwnProperty']],
    ['{"valueOf":"x", "constructor":{}, "countMode":"chars"}', ['valueOf', 'constructor']],
    ['{"rules":{"__proto__":"off","toString":"error","placeholder":"error"}, "countMode":"chars"}', ['rules.__proto__', 'rules.toString']],
  ];
  for (const [json, fields] of cases) {
    const dir = tempDir();
    write(path.join(dir, '.speechlintrc.json'), json);
    clearConfigCache();
    const loaded = loadConfigFor(path.join(dir, 'draft.speech'));
    assert.deepEqual(loaded.problems.map((p) => p.field), fields, json);
    assert.equal(loaded.settings.countMode, 'chars', json);
    // Nothing leaked into the settings' prototype chain.
    assert.equal(Object.getPrototypeOf(loaded.settings), Object.prototype, json);
    assert.equal(typeof loaded.settings.rules.hasOwnProperty, 'function', json);
    if (json.includes('"placeholder":"error"')) assert.equal(loaded.settings.rules.placeholder, 'error');
    assert.deepEqual(lint('同志们：XX同志', { settings: loaded.settings }).findings.map((f) => f.rule), ['placeholder'], json);
  }
});

test('a good config: every field applied, no problems', () => {
  const loaded = loadConfigFor(path.join(fixtures, 'good', 'draft.speech'));
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(loaded.settings, {
    ...defaultSettings(),
    kind: 'single',
    lengthPreset: 'central2024',
    countMode: 'chars',
    level3Style: 'dun',
    rules: { placeholder: 'off', 'heading-sequence': { severity: 'warning' } },
    bannedPhrases: [{ phrase: '高度重视' }, { phrase: '狠抓', replacement: '抓好' }],
    placeholders: ['【待定】'],
    language: 'en',
    speakingRate: 180,
  });
});

test('merged over a base: the base stays where the file says nothing; a base rule id is not the file’s problem', () => {
  const root = tempDir();
  write(path.join(root, '.speechlintrc.json'), '{ "countMode": "hanzi", "rules": { "placeholder": "off" } }');
  const base = { ...defaultSettings(), kind: 'single' as const, rules: { 'no-such-rule': 'off' as const } };
  const loaded = loadConfigFor(path.join(root, 'draft.speech'), { base });
  assert.equal(loaded.settings.kind, 'single');
  assert.equal(loaded.settings.countMode, 'hanzi');
  assert.deepEqual(loaded.settings.rules, { 'no-such-rule': 'off', placeholder: 'off' });
  assert.deepEqual(loaded.problems, []);
});

test('a BOM at the start of the config is accepted; a non-object is reported', () => {
  const root = tempDir();
  write(path.join(root, '.speechlintrc.json'), '\uFEFF{ "kind": "single" }');
  assert.equal(loadConfigFor(path.join(root, 'x.speech')).settings.kind, 'single');
  const other = tempDir();
  write(path.join(other, '.speechlintrc.json'), '[1, 2]');
  const loaded = loadConfigFor(path.join(other, 'x.speech'));
  assert.deepEqual(loaded.problems.map((p) => [p.field, p.what, p.data]), [['(root)', 'wrong-type', { expected: [{ id: 'settings/type.object' }] }]]);
});

test('rule options are checked against the rule’s own schema when the config is read', () => {
  const file = path.join(fixtures, 'rule-option', '.speechlintrc.json');
  const loaded = loadConfigFor(path.join(fixtures, 'rule-option', 'draft.speech'));
  assert.deepEqual(loaded.problems, [{ file, field: 'rules.announced-count.options.weak', code: 'invalid', what: 'wrong-type', data: { expected: [{ id: 'settings/type.boolean' }] } }]);
  // The bad option is dropped: the rule runs with its default.
  assert.deepEqual(loaded.settings.rules['announced-count'], { options: {} });
  assert.deepEqual(lint('今天开会。', { settings: loaded.settings }).ruleErrors, []);
});

test('user phrases in the config are literal text, never patterns', () => {
  const root = tempDir();
  write(path.join(root, '.speechlintrc.json'), JSON.stringify({ bannedPhrases: ['(.*'], placeholders: ['[待定]+'] }));
  const loaded = loadConfigFor(path.join(root, 'x.speech'));
  assert.deepEqual(loaded.problems, []);
  // Linting with them does not throw (the rules treat them literally).
  const result = lint('这里有(.*和[待定]+两处。', { settings: loaded.settings });
  assert.deepEqual(result.ruleErrors, []);
});

test('jsonSyntaxError: positions of common mistakes', () => {
  const at = (text: string) => {
    const e = jsonSyntaxError(text);
    return e && { ...lineColumn(text, e.offset), detail: e.detail };
  };
  assert.equal(jsonSyntaxError('{"a": [1, 2, {"b": null}], "c": "\\u00e9"}'), undefined);
  assert.deepEqual(at('{\n  "a": 1,\n}'), { line: 3, column: 1, detail: { id: 'json/trailing-comma' } });
  assert.deepEqual(at('{\n  "a": 1\n  "b": 2\n}'), { line: 3, column: 3, detail: { id: 'json/expected-comma', data: { close: '}', found: '"\\""' } } });
  assert.deepEqual(at('{ // comment\n}'), { line: 1, column: 3, detail: { id: 'json/comment' } });
  assert.deepEqual(at('{ "a": 1 '), { line: 1, column: 10, detail: { id: 'json/expected-comma', data: { close: '}', found: { id: 'json/end-of-file' } } } });
  assert.deepEqual(at(''), { line: 1, column: 1, detail: { id: 'json/unexpected-end' } });
  assert.deepEqual(at('{ "标题": "一、", x }'), { line: 1, column: 15, detail: { id: 'json/expected-name', data: { found: '"x"' } } });
  assert.deepEqual(at('{ "a": "line\nbreak" }'), { line: 1, column: 13, detail: { id: 'json/control-character' } });
  assert.deepEqual(at('{} {}'), { line: 1, column: 4, detail: { id: 'json/unexpected-after', data: { found: '"{"' } } });
  assert.deepEqual(at('[1,]'), { line: 1, column: 4, detail: { id: 'json/trailing-comma' } });
  assert.deepEqual(at('{"a": 01}'), { line: 1, column: 8, detail: { id: 'json/expected-comma', data: { close: '}', found: '"1"' } } });
  assert.deepEqual(at('\r\n\r\n  x'), { line: 3, column: 3, detail: { id: 'json/unexpected', data: { found: '"x"' } } });
});

test('jsonSyntaxError agrees with JSON.parse (property)', () => {
  fc.assert(
    fc.property(fc.json(), (text) => jsonSyntaxError(text) === undefined),
    { numRuns: 300, seed: 20261214 },
  );
  const accepts = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  const pieces = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"', '1', '-', '0.5', 'true', 'null', ' ', '\n', 'x', '\\', '"\\u12"', '1e5', '01');
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      return (jsonSyntaxError(text) === undefined) === accepts(text);
    }),
    { numRuns: 2000, seed: 20261215 },
  );
});
