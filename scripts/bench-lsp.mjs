// Language-server figures, with the bundled server (dist/server.js --stdio) as an editor runs it:
//   edit → diagnostics round trip (didChange, then textDocument/diagnostic), median of ~30 edits,
//     for a 5000-字 draft (target < 30 ms) and a 100,000-字 document (target < 150 ms);
//   server start → first diagnostics; server memory (speechDraft/memory and /proc VmRSS).
// `node scripts/bench-lsp.mjs` prints them; `benchLsp()` prints and returns them (scripts/bench.mjs).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const serverPath = path.join(root, 'dist', 'server.js');
const corpusDir = path.join(root, '..', 'shared', 'corpus');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

const HAN = /[\u3400-\u9fff]/g;

/** Paragraphs of corpus 001 repeated until about `target` 字 (the server reports the exact count). */
function draftOf(target) {
  const file = fs.readdirSync(corpusDir).find((f) => f.startsWith('001'));
  const paragraphs = fs.readFileSync(path.join(corpusDir, file), 'utf8').split('\n').filter((l) => l.trim());
  let text = '';
  let count = 0;
  for (let i = 0; count < target; i++) {
    const p = paragraphs[i % paragraphs.length];
    text += p + '\n';
    count += (p.match(HAN) ?? []).length + (p.match(/[，。、；：？！“”（）]/g) ?? []).length;
  }
  return text;
}

function withTimeout(promise, ms, label) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${label}`)), ms);
    }),
  ]);
}

async function startServer() {
  const started = performance.now();
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await withTimeout(
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: true } },
        textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: {} },
      },
    }),
    30000,
    'initialize',
  );
  await connection.sendNotification('initialized', {});
  return { child, connection, started };
}

/** didChange (one inserted or deleted character in the middle) → textDocument/diagnostic, `edits` times. */
async function roundTrips(connection, uri, text, edits) {
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2);
  const times = [];
  let version = 1;
  let inserted = false;
  for (let i = 0; i < edits + 3; i++) {
    const change = inserted
      ? { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' }
      : { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '的' };
    inserted = !inserted;
    version++;
    const t = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const report = await withTimeout(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), 60000, 'diagnostic');
    const elapsed = performance.now() - t;
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    if (i >= 3) times.push(elapsed); // the first few warm the server up
  }
  return times;
}

function vmRss(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the benchmark; prints a table unless `{ quiet: true }`; returns the figures. */
export async function benchLsp({ edits = 30, quiet = false } = {}) {
  if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build first`);
  const { child, connection, started } = await startServer();
  try {
    const small = draftOf(5000);
    const smallUri = pathToFileURL(path.join(root, 'bench-5000.speech')).href;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'speech', version: 1, text: small } });
    await withTimeout(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: smallUri } }), 60000, 'first diagnostics');
    const firstDiagnostics = performance.now() - started;
    const smallCount = (await connection.sendRequest('speechDraft/structure', { uri: smallUri })).count.total;
    const smallTimes = await roundTrips(connection, smallUri, small, edits);

    const big = draftOf(100000);
    const bigUri = pathToFileURL(path.join(root, 'bench-100000.speech')).href;
    const openBig = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'speech', version: 1, text: big } });
    await withTimeout(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: bigUri } }), 60000, 'first diagnostics (100,000 字)');
    const bigOpen = performance.now() - openBig;
    const bigCount = (await connection.sendRequest('speechDraft/structure', { uri: bigUri })).count.total;
    const bigTimes = await roundTrips(connection, bigUri, big, edits);

    const memory = await connection.sendRequest('speechDraft/memory');
    const rss = vmRss(child.pid) ?? memory.rss;
    const results = {
      startToFirstDiagnosticsMs: firstDiagnostics,
      small: { count: smallCount, bytes: Buffer.byteLength(small), medianMs: median(smallTimes), p90Ms: percentile(smallTimes, 90), targetMs: 30 },
      big: { count: bigCount, bytes: Buffer.byteLength(big), openMs: bigOpen, medianMs: median(bigTimes), p90Ms: percentile(bigTimes, 90), targetMs: 150 },
      memory: { rssBytes: rss, heapUsedBytes: memory.heapUsed, cachedDocuments: memory.cachedDocuments },
    };
    if (!quiet) {
      const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
      console.table([
        { case: `edit → diagnostics, ${smallCount.toLocaleString('en-US')} 字 (${edits} edits)`, 'median ms': results.small.medianMs.toFixed(1), 'p90 ms': results.small.p90Ms.toFixed(1), target: '< 30 ms' },
        { case: `edit → diagnostics, ${bigCount.toLocaleString('en-US')} 字 (${edits} edits)`, 'median ms': results.big.medianMs.toFixed(1), 'p90 ms': results.big.p90Ms.toFixed(1), target: '< 150 ms' },
        { case: 'server start → first diagnostics (5000 字)', 'median ms': firstDiagnostics.toFixed(0), 'p90 ms': '', target: '' },
        { case: `open → first diagnostics (${bigCount.toLocaleString('en-US')} 字)`, 'median ms': bigOpen.toFixed(0), 'p90 ms': '', target: '' },
      ]);
      console.log(`server memory: ${mb(rss)} RSS, ${mb(memory.heapUsed)} heap used, ${memory.cachedDocuments} documents cached`);
    }
    return results;
  } finally {
    try {
      await withTimeout(connection.sendRequest('shutdown'), 10000, 'shutdown');
      await connection.sendNotification('exit');
    } catch {
      child.kill();
    }
    connection.dispose();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchLsp();
}
