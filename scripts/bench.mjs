// Prints speed and memory figures (targets are in the README; nothing here fails a build).
//   5000-字 draft warm lint < 5 ms; 1 MB < 300 ms; CLI over the five corpus files < 1 s wall.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint as markdownlint } from 'markdownlint/sync';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { lint } = require(path.join(root, 'out/server/src/core/engine.js'));
const { countText } = require(path.join(root, 'out/server/src/core/count.js'));

const corpusDir = path.join(root, '..', 'shared', 'corpus');
const corpusFiles = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(corpusDir, f));
const corpus = corpusFiles.map((f) => fs.readFileSync(f, 'utf8'));

/** A realistic 5000-字 draft: paragraphs of corpus 001 until the count reaches 5000. */
function draftOf(target) {
  const paragraphs = corpus[1].split('\n').filter((l) => l.trim());
  let text = '';
  for (let i = 0; countText(text, 'word') < target; i++) text += paragraphs[i % paragraphs.length] + '\n';
  return text;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn, runs) {
  for (let i = 0; i < Math.min(3, runs); i++) fn(); // warm up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const draft5000 = draftOf(5000);
const whole = corpus.join('\n');
let megabyte = '';
while (Buffer.byteLength(megabyte) < 1024 * 1024) megabyte += whole + '\n';

const cases = [
  { name: `5000-字 draft (${countText(draft5000, 'word')} 字, ${Buffer.byteLength(draft5000)} bytes)`, texts: [draft5000], runs: 50, target: 5 },
  { name: `whole corpus (5 files, ${Buffer.byteLength(whole)} bytes)`, texts: corpus, runs: 30 },
  { name: `1 MB concatenation (${Buffer.byteLength(megabyte)} bytes)`, texts: [megabyte], runs: 7, target: 300 },
];

console.log('speech-lint benchmark (median of warm runs)\n');
const rows = [];
for (const c of cases) {
  const ours = time(() => c.texts.forEach((t) => lint(t)), c.runs);
  const theirs = time(() => markdownlint({ strings: Object.fromEntries(c.texts.map((t, i) => [`f${i}`, t])) }), c.runs);
  rows.push({ input: c.name, 'speech-lint ms': ours.toFixed(2), 'markdownlint ms': theirs.toFixed(2), ratio: (ours / theirs).toFixed(2), target: c.target ? `< ${c.target} ms` : '' });
}
console.table(rows);

// The command line over the five corpus files, wall time of a fresh process (opencc included).
const cli = path.join(root, 'bin', 'speech-lint.js');
if (fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
  const walls = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    try {
      execFileSync(process.execPath, [cli, '--format', 'json', ...corpusFiles], { stdio: 'ignore' });
    } catch {
      // exit 1 (error findings) is expected
    }
    walls.push(performance.now() - t);
  }
  console.log(`\nCLI over the five corpus files: median ${median(walls).toFixed(0)} ms wall (target < 1000 ms)`);
}

const usage = process.resourceUsage();
console.log(`peak memory (this process): ${(usage.maxRSS / 1024).toFixed(0)} MB RSS, heap used now ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);

const lspBench = path.join(root, 'scripts', 'bench-lsp.mjs');
if (fs.existsSync(lspBench) && fs.existsSync(path.join(root, 'dist', 'server.js'))) {
  const { benchLsp } = await import(lspBench);
  console.log('\nlanguage server (bundled, over stdio)');
  await benchLsp();
}
