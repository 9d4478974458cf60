// A fixed-seed slice of `npm run fuzz` (test/fuzz/fuzz.ts): generated drafts and mutated corpus text
// hold every invariant — no throw, valid ranges, fixes that stay inside their finding and out of
// comments, directives and front matter, fix-all that converges and keeps line endings and the BOM.
import { test } from 'node:test';
import * as fc from 'fast-check';
import { checkDocument, corpusTexts, mutatedCorpus, randomDraft } from '../fuzz/fuzz';

test('fuzz slice: 1500 generated drafts (seed 20261201)', () => {
  fc.assert(fc.property(randomDraft, (text) => void checkDocument(text)), { numRuns: 1500, seed: 20261201 });
});

test('fuzz slice: 300 mutated corpus files (seed 20261202)', () => {
  const texts = corpusTexts();
  fc.assert(fc.property(mutatedCorpus(texts), (text) => void checkDocument(text, { eachFix: false })), { numRuns: 300, seed: 20261202 });
});
