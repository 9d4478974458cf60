// Snippets produce clean text: the whole-speech skeletons, expanded with their defaults (and with
// every choice), lint clean with all rules; every other snippet is clean for the rules that can
// judge a fragment (the outline and count rules need the whole speech around it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/core/engine';
import { repoRoot, settingsWith } from './helpers';
import { expandChoiceVariants } from './snippet-expand';

interface Snippet {
  prefix: string[];
  body: string | string[];
  isFileTemplate?: boolean;
}

const snippets = Object.entries(JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', 'speech.json'), 'utf8')) as Record<string, Snippet>);
const skeletons = snippets.filter(([, s]) => s.isFileTemplate);
const FRAGMENT_RULES = [
  'scrape-boilerplate',
  'banned-phrase',
  'placeholder',
  'mixed-script',
  'punctuation-width',
  'cjk-space',
  'paired-punctuation',
  'ellipsis-dash',
  'repeated-punctuation',
  'enumeration-comma',
  'number-format',
  'typo',
  'formulation',
  'repeated-word',
  'sentence-length',
];
const describe = (text: string, options = {}) => lint(text, options).findings.map((f) => `${f.rule}/${f.messageId} «${text.slice(f.start, f.end)}»`);

test('snippets: the five whole-speech skeletons are there', () => {
  assert.deepEqual(skeletons.map(([, s]) => s.prefix[0]), ['jh-dongyuan', 'jh-zongjie', 'jh-zuotan', 'jh-biaozhang', 'jh-zhuanti']);
});

for (const [name, snippet] of skeletons) {
  test(`snippets: skeleton “${name}” expanded with its defaults and every choice lints clean`, () => {
    const variants = expandChoiceVariants(snippet.body);
    assert.ok(variants.length >= 1);
    for (const text of variants) {
      assert.deepEqual(describe(text), []);
      // Also with the opt-in 文风 preset: the defaults are not stock phrases.
      assert.deepEqual(describe(text, { settings: settingsWith({ bannedPhrasePresets: ['wenfeng'] }) }), []);
      const doc = lint(text).doc;
      assert.ok(doc.headings.length >= 3, 'a skeleton has an outline');
      assert.ok(doc.announcements.some((a) => a.number !== null && a.actual === a.number), 'its announced count matches');
    }
  });
}

test('snippets: every fragment is clean for the rules that can judge a fragment', () => {
  for (const [name, snippet] of snippets) {
    for (const text of expandChoiceVariants(snippet.body)) {
      assert.deepEqual(describe(text, { only: FRAGMENT_RULES }), [], name);
    }
  }
});
