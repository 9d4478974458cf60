// npm run fuzz [-- --runs N --seed S]: checks N documents (half generated, half mutated corpus text)
// against every invariant of test/fuzz/fuzz.ts and prints the figures; the first failure is printed
// with its seed and document, and the run exits 1.
import * as fc from 'fast-check';
import { checkDocument, corpusTexts, FuzzFailure, mutatedCorpus, randomDraft, type DocumentFigures } from './fuzz';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at !== -1 ? Number(process.argv[at + 1]) : fallback;
}

const runs = option('runs', 100_000);
const seed = option('seed', Date.now() % 2 ** 31);
const texts = corpusTexts();
const totals = { documents: 0, findings: 0, fixes: 0, suggestions: 0, passes: 0, ms: 0, slowest: 0, characters: 0 };
const started = performance.now();
const add = (text: string, f: DocumentFigures) => {
  totals.documents++;
  totals.findings += f.findings;
  totals.fixes += f.fixes;
  totals.suggestions += f.suggestions;
  totals.passes += f.passes;
  totals.ms += f.ms;
  totals.characters += text.length;
  totals.slowest = Math.max(totals.slowest, f.ms);
  if (totals.documents % 10_000 === 0) process.stderr.write(`… ${totals.documents} documents, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
};

try {
  const generated = Math.ceil(runs / 2);
  fc.assert(fc.property(randomDraft, (text) => add(text, checkDocument(text, { eachFix: true }))), { numRuns: generated, seed, endOnFailure: true });
  if (texts.length) fc.assert(fc.property(mutatedCorpus(texts), (text) => add(text, checkDocument(text, { eachFix: false }))), { numRuns: runs - generated, seed: seed + 1, endOnFailure: true });
} catch (error) {
  process.stderr.write(`fuzz: failed after ${totals.documents} documents (seed ${seed})\n${error instanceof FuzzFailure ? error.message : String(error)}\n`);
  process.exit(1);
}
const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: ${totals.documents} documents (seed ${seed}), ${(totals.characters / 1e6).toFixed(1)} M characters, every invariant held`);
console.log(`  findings ${totals.findings}, fixes ${totals.fixes} (each applied alone and checked in the generated drafts; in the mutated corpus through fix-all), suggestions ${totals.suggestions}, fix-all passes ${totals.passes}`);
console.log(`  ${seconds.toFixed(1)} s in all, ${(totals.ms / totals.documents).toFixed(2)} ms per document, slowest ${totals.slowest.toFixed(0)} ms`);
