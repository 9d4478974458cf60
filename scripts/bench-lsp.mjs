// Language-server figures, with the bundled server (dist/server.js --stdio) as an editor runs it:
//   edit → diagnostics round trip (didChange, then textDocument/diagnostic with the previous result id,
//     as VS Code sends it), median over many edits, for a 5000-字 draft (target < 3 ms) and a
//     100,000-字 document (target < 10 ms): typing on a line without findings (the report is
//     `unchanged`) and on a line with one (a full report of every diagnostic);
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

/**
 * didChange (one character inserted at the start of `line`, then deleted again) → textDocument/diagnostic,
 * `edits` times; the request carries the previous result id, as VS Code's does.
 */
async function roundTrips(connection, uri, line, edits, state) {
  const times = [];
  const kinds = { full: 0, unchanged: 0 };
  let inserted = false;
  for (let i = 0; i < edits + 5; i++) {
    const change = inserted
      ? { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' }
      : { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '的' };
    inserted = !inserted;
    state.version++;
    const t = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: state.version }, contentChanges: [change] });
    const report = await withTimeout(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: state.resultId }), 60000, 'diagnostic');
    const elapsed = performance.now() - t;
    state.resultId = report.resultId;
    if (i >= 5) {
      // The first few warm the server up.
      times.push(elapsed);
      kinds[report.kind]++;
    }
  }
  return { times, kinds };
}

/** The lines nearest the middle of the document with no diagnostic and with one (from its first report). */
function linesToEdit(text, report) {
  const count = text.split('\n').length;
  const flagged = new Set(report.items.map((d) => d.range.start.line));
  const middle = Math.floor(count / 2);
  const nearest = (wanted) => {
    for (let d = 0; d < count; d++) for (const l of [middle - d, middle + d]) if (l >= 0 && l < count - 1 && flagged.has(l) === wanted) return l;
    return middle;
  };
  return { quiet: nearest(false), flagged: nearest(true) };
}

/** Opens `text`, then edits a line without findings and a line with one. */
async function editCase(connection, name, text, edits) {
  const uri = pathToFileURL(path.join(root, name)).href;
  const opened = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'speech', version: 1, text } });
  const first = await withTimeout(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), 60000, `first diagnostics (${name})`);
  const firstAt = performance.now();
  const openMs = firstAt - opened;
  const count = (await connection.sendRequest('speechDraft/structure', { uri })).count.total;
  const lines = linesToEdit(text, first);
  const state = { version: 1, resultId: first.resultId };
  const quiet = await roundTrips(connection, uri, lines.quiet, edits, state);
  const flagged = await roundTrips(connection, uri, lines.flagged, edits, state);
  const figures = (r) => ({ medianMs: median(r.times), p90Ms: percentile(r.times, 90), kinds: r.kinds });
  return { count, bytes: Buffer.byteLength(text), diagnostics: first.items.length, openMs, firstAt, quiet: figures(quiet), flagged: figures(flagged), transport: transportFloor(first) };
}

/**
 * What carrying one full report costs with no lint at all: the server's JSON.stringify and UTF-8
 * encoding, the client's decoding and JSON.parse (median of 15), and its size.
 */
function transportFloor(report) {
  const message = { jsonrpc: '2.0', id: 1, result: report };
  const times = [];
  let bytes = 0;
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    const encoded = Buffer.from(JSON.stringify(message), 'utf8');
    JSON.parse(encoded.toString('utf8'));
    times.push(performance.now() - t);
    bytes = encoded.length;
  }
  return { ms: median(times), bytes };
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
export async function benchLsp({ edits = 200, quiet = false } = {}) {
  if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build first`);
  const { child, connection, started } = await startServer();
  try {
    const small = await editCase(connection, 'bench-5000.speech', draftOf(5000), edits);
    const firstDiagnostics = small.firstAt - started;
    const big = await editCase(connection, 'bench-100000.speech', draftOf(100000), Math.max(20, Math.floor(edits / 4)));
    const memory = await connection.sendRequest('speechDraft/memory');
    const rss = vmRss(child.pid) ?? memory.rss;
    const results = {
      startToFirstDiagnosticsMs: firstDiagnostics,
      small: { ...small, targetMs: 3 },
      big: { ...big, targetMs: 10 },
      memory: { rssBytes: rss, heapUsedBytes: memory.heapUsed, cachedDocuments: memory.cachedDocuments },
    };
    if (!quiet) {
      const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
      const rows = [];
      for (const [c, target] of [
        [small, '< 3 ms'],
        [big, '< 10 ms'],
      ]) {
        const size = `${c.count.toLocaleString('en-US')} 字, ${c.diagnostics.toLocaleString('en-US')} diagnostics`;
        for (const [where, f] of [
          ['a line without findings', c.quiet],
          ['a line with a finding', c.flagged],
        ]) {
          rows.push({ case: `edit → diagnostics, ${size}, ${where}`, 'median ms': f.medianMs.toFixed(2), 'p90 ms': f.p90Ms.toFixed(2), reports: `${f.kinds.unchanged} unchanged, ${f.kinds.full} full`, target });
        }
        rows.push({ case: `  encoding + decoding one full report alone (${(c.transport.bytes / 1024).toFixed(0)} KB, no lint)`, 'median ms': c.transport.ms.toFixed(2), 'p90 ms': '', reports: '', target: '' });
      }
      rows.push({ case: 'server start → first diagnostics (5000 字)', 'median ms': firstDiagnostics.toFixed(0), 'p90 ms': '', reports: '', target: '' });
      rows.push({ case: `open → first diagnostics (${big.count.toLocaleString('en-US')} 字)`, 'median ms': big.openMs.toFixed(0), 'p90 ms': '', reports: '', target: '' });
      console.table(rows);
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
