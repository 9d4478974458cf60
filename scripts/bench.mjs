// Speed and memory figures, side by side with the peers, in one run (nothing here fails a build):
//   in-process: our warm lint against markdownlint, zhlint and autocorrect (WASM), and against a bare
//     for…of code-point scan of the same text, on a 5000-字 draft, the corpus, 1 MB and 10 MB;
//   linearity: 10 MB ÷ 1 MB against the byte ratio; each rule's share of the time at each size;
//   start-up: a fresh process linting one short draft, and the script tables alone;
//   the command line over the five corpus files against autocorrect's; the CLI's peak memory on 10 MB;
//   the lint after a one-character edit against a full lint; the shapes that once stalled, at n and 2n;
//   the language server over stdio.
// `node scripts/bench.mjs --quick` skips 10 MB and the language server.
import { createRequire } from 'node:module';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { autocorrectCli, loadPeers } from './peers.mjs';
import { benchShapes } from './bench-shapes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { lint, relint } = require(path.join(root, 'out/server/src/core/engine.js'));
const { defaultSettings } = require(path.join(root, 'out/server/src/core/settings.js'));
const { countText } = require(path.join(root, 'out/server/src/core/count.js'));
const quick = process.argv.includes('--quick');

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

function repeatTo(bytes) {
  const whole = corpus.join('\n') + '\n';
  return whole.repeat(Math.ceil(bytes / Buffer.byteLength(whole)));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median of `runs` warm runs of each function, interleaved so that a loaded machine slows all alike. */
function timeInterleaved(fns, runs) {
  for (const fn of Object.values(fns)) fn(); // warm up
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t = performance.now();
      fn();
      times[name].push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

/** The floor: a for…of over the code points of every text, touching each. */
function scan(texts) {
  let n = 0;
  for (const t of texts) for (const ch of t) n += ch.length;
  return n;
}

const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

const peers = await loadPeers();
const draft5000 = draftOf(5000);
const oneMb = repeatTo(1024 * 1024);
const tenMb = quick ? undefined : repeatTo(10 * 1024 * 1024);
const cases = [
  { name: `5000-字 draft (${countText(draft5000, 'word')} 字)`, texts: [draft5000], runs: 40 },
  { name: 'corpus (5 files)', texts: corpus, runs: 20 },
  { name: `1 MB (${mb(Buffer.byteLength(oneMb))})`, texts: [oneMb], runs: 5 },
  ...(tenMb ? [{ name: `10 MB (${mb(Buffer.byteLength(tenMb))})`, texts: [tenMb], runs: 3, slowPeersRuns: 1 }] : []),
];

console.log(`speech-lint benchmark — ${os.cpus().length} cores, Node ${process.version}, median of warm runs, interleaved\n`);
const rows = [];
const ours = {};
for (const c of cases) {
  const fns = { ours: () => c.texts.forEach((t) => lint(t)), scan: () => scan(c.texts) };
  for (const [name, peer] of Object.entries(peers)) fns[name] = () => peer(c.texts);
  const t = timeInterleaved(fns, c.runs);
  ours[c.name] = t.ours;
  const row = { input: c.name, 'speech-lint ms': fmt(t.ours), '÷ scan (≤ 5)': (t.ours / t.scan).toFixed(1) };
  for (const name of Object.keys(peers)) row[`÷ ${name} (≤ 0.5)`] = `${(t.ours / t[name]).toFixed(2)} (${fmt(t[name])} ms)`;
  rows.push(row);
}
console.table(rows);

if (tenMb) {
  const bytes = Buffer.byteLength(tenMb) / Buffer.byteLength(oneMb);
  const time = ours[cases[3].name] / ours[cases[2].name];
  console.log(`linearity: 10 MB ÷ 1 MB = ${time.toFixed(2)}× the time for ${bytes.toFixed(2)}× the bytes: ${(time / bytes).toFixed(2)}× the byte ratio (target ≤ 1.15)`);
}

// Each rule's share of the lint at each size (the same shares at every size: nothing grows faster).
{
  const shares = {};
  const sizes = cases.filter((c) => c.texts.length === 1);
  for (const c of sizes) {
    const timings = {};
    const runs = Math.min(c.runs, 5);
    for (let i = 0; i < runs; i++) lint(c.texts[0], { timings });
    const total = Object.values(timings).reduce((a, b) => a + b, 0);
    for (const [id, ms] of Object.entries(timings)) (shares[id] ??= {})[c.name] = `${((ms / total) * 100).toFixed(1)} % (${fmt(ms / runs)} ms)`;
  }
  const ranked = Object.entries(shares).sort((a, b) => parseFloat(b[1][sizes[sizes.length - 1].name]) - parseFloat(a[1][sizes[sizes.length - 1].name]));
  console.log('\nper rule: share of the lint (ms per lint)');
  console.table(Object.fromEntries(ranked));
}

// Start-up: a fresh process, the script tables alone and a whole short lint.
{
  const probe = `
    const t0 = performance.now();
    const script = require(${JSON.stringify(path.join(root, 'out/server/src/core/script.js'))});
    const t1 = performance.now();
    script.scriptTables();
    const t2 = performance.now();
    const { lint } = require(${JSON.stringify(path.join(root, 'out/server/src/core/engine.js'))});
    lint('同志们：\\n一、总体要求\\n我们要认真落实。\\n');
    const t3 = performance.now();
    lint('同志們：\\n一、總體要求\\n我們要認真落實，乾部要帶頭。\\n');
    const t4 = performance.now();
    console.log(JSON.stringify({ load: t1 - t0, tables: t2 - t1, simplified: t3 - t2, traditional: t4 - t3 }));`;
  const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })));
  const m = (k) => median(runs.map((r) => r[k])).toFixed(1);
  console.log(`\nstart-up (fresh process, median of 5): script tables ${m('tables')} ms (target < 20), first simplified lint ${m('simplified')} ms, first traditional lint ${m('traditional')} ms`);
}

// The command line over the five corpus files, wall time of a fresh process, against autocorrect's CLI.
const cli = path.join(root, 'bin', 'speech-lint.js');
if (fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
  const wall = (args) => {
    const t = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    return performance.now() - t;
  };
  const theirs = autocorrectCli();
  const oursWall = [];
  const theirsWall = [];
  for (let i = 0; i < 5; i++) {
    oursWall.push(wall([cli, '--format', 'json', ...corpusFiles]));
    if (theirs) theirsWall.push(wall([theirs, '--lint', ...corpusFiles]));
  }
  const line = `\nCLI over the five corpus files: ${median(oursWall).toFixed(0)} ms wall`;
  console.log(theirs ? `${line}, autocorrect's CLI ${median(theirsWall).toFixed(0)} ms: ${(median(oursWall) / median(theirsWall)).toFixed(2)}× (target ≤ 1.0)` : line);

  if (tenMb) {
    // Peak memory of the CLI on a 10 MB file, per input byte.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-lint-bench-'));
    const file = path.join(dir, 'ten.txt');
    // Just under the command line's 10 MiB limit per file (a larger one is skipped, not linted).
    const whole = Buffer.from(tenMb, 'utf8');
    const tenFile = whole.subarray(0, whole.lastIndexOf(0x0a, 10 * 1000 * 1000 - 1) + 1);
    fs.writeFileSync(file, tenFile);
    const hook = path.join(dir, 'rss.cjs');
    // The child's own high-water mark (VmHWM). Not resourceUsage().maxRSS: on Linux a spawned child's
    // starts at its parent's RSS at the fork, and this process holds the 10 MB texts and the peers.
    fs.writeFileSync(hook, `process.on('exit', () => { const fs = require('fs'); let kb; try { kb = /VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]; } catch { kb = process.resourceUsage().maxRSS; } fs.writeSync(2, '\\nmaxRSS ' + kb + '\\n'); });`);
    const r = spawnSync(process.execPath, ['--require', hook, cli, '--format', 'json', file], { maxBuffer: 1 << 30 });
    const rss = Number(/maxRSS (\d+)/.exec(r.stderr.toString())?.[1] ?? NaN) * 1024;
    // Only a run that linted the file counts (exit 0 or 1 with its diagnostics), not one that refused it.
    const diagnostics = r.status === 0 || r.status === 1 ? (JSON.parse(r.stdout.toString()).files[0]?.diagnostics.length ?? 0) : undefined;
    if (diagnostics === undefined) console.log(`CLI on 10 MB: not linted (exit ${r.status}): ${r.stderr.toString().trim().split('\n')[0]}`);
    else console.log(`CLI on 10 MB (${mb(tenFile.length)}, ${diagnostics.toLocaleString('en-US')} diagnostics as JSON): peak ${mb(rss)} RSS, ${(rss / tenFile.length).toFixed(1)} bytes per input byte (target < 25)`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The editor's lint after a one-character edit (relint takes over from the lint before) against a full
// lint of the same text, in-process.
{
  const rows = [];
  for (const target of [5000, 100000]) {
    const text = draftOf(target);
    const lines = text.split('\n');
    const at = lines.slice(0, Math.floor(lines.length / 2)).join('\n').length + 1;
    const edited = text.slice(0, at) + '的' + text.slice(at);
    const settings = defaultSettings();
    let previous = lint(text, { settings });
    let flip = false;
    const times = timeInterleaved(
      {
        relint: () => {
          flip = !flip;
          previous = relint(previous, flip ? edited : text, { settings });
        },
        full: () => lint(flip ? edited : text, { settings }),
      },
      target > 10000 ? 60 : 400,
    );
    rows.push({ case: `after a one-character edit, ${target.toLocaleString('en-US')} 字`, 'relint ms': times.relint.toFixed(2), 'full lint ms': times.full.toFixed(2), ratio: `${(times.relint / times.full).toFixed(2)}×` });
  }
  console.log('\nincremental lint (in-process; the language server runs it on every edit)');
  console.table(rows);
}

console.log('');
benchShapes({ base: quick ? 4000 : 16000 });

const lspBench = path.join(root, 'scripts', 'bench-lsp.mjs');
if (!quick && fs.existsSync(path.join(root, 'dist', 'server.js'))) {
  const { benchLsp } = await import(lspBench);
  console.log('\nlanguage server (bundled, over stdio)');
  await benchLsp();
}
