#!/usr/bin/env node
// Runs the extension-host test suite (test/vscode/, compiled to out/test/vscode/index.js) in VS Code
// desktop via @vscode/test-electron, which downloads VS Code into .vscode-test/ (needs access to
// update.code.visualstudio.com). Where that is impossible, use scripts/vscode-server-test.mjs.
//
//   node scripts/vscode-electron-test.mjs [options]
//
//   --extension <dir>   extension under development  (env SPEECH_DRAFT_TEST_EXTENSION; default: repo root)
//   --tests <file>      compiled suite entry          (env SPEECH_DRAFT_TEST_TESTS; default: out/test/vscode/index.js)
//   --workspace <dir>   folder copied to a temp dir and opened (env SPEECH_DRAFT_TEST_WORKSPACE;
//                       default: test/vscode/workspace)
//   --result <file>     JSON result written by the suite (env SPEECH_DRAFT_TEST_RESULT;
//                       default: test-results/vscode-electron.json)
//   --version <v>       VS Code version to download: 'stable' (default), 'insiders' or e.g. 1.91.0
//                       (env VSCODE_TEST_VERSION)
//   --grep <regexp>     only run tests whose full title matches
//
// Unlike the VS Code server runner's default, the workspace is trusted here: @vscode/test-electron
// always passes --disable-workspace-trust.
//
// VSCODE_EXECUTABLE_PATH=/path/to/code skips the download and uses that VS Code.
// On a Linux machine without a display run it under `xvfb-run -a`.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RESULT_ENV, printHeaderHelp, repoRoot, runnerPaths } from './test-runner-options.mjs';

const require = createRequire(path.join(repoRoot, 'package.json'));

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string' },
    tests: { type: 'string' },
    workspace: { type: 'string' },
    result: { type: 'string' },
    version: { type: 'string' },
    grep: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) printHeaderHelp(import.meta.url);

const env = process.env;
const { extensionPath, testsPath, workspaceSrc, resultPath, abs } = runnerPaths(opts, 'vscode-electron.json');
const version = opts.version ?? env.VSCODE_TEST_VERSION ?? 'stable';
const log = (m) => console.log(`[vscode-electron-test] ${m}`);

function printResult(result) {
  console.log('');
  for (const t of (result.tests ?? []).filter((x) => x.state === 'failed')) {
    console.log(`  FAILED: ${t.fullTitle ?? t.title}`);
    const e = t.error ?? {};
    const body = e.stack && e.stack.includes(e.message ?? '') ? e.stack : [e.message, e.stack].filter(Boolean).join('\n');
    for (const l of String(body ?? '').split('\n').slice(0, 15)) console.log(`      ${l}`);
    if (e.actual !== undefined || e.expected !== undefined) {
      console.log(`      expected: ${e.expected}`);
      console.log(`      actual:   ${e.actual}`);
    }
  }
  if (result.pending) console.log(`${result.pending} pending`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
}

async function main() {
  if (!fs.existsSync(path.join(extensionPath, 'package.json'))) throw new Error(`no package.json in ${extensionPath}`);
  if (!fs.existsSync(testsPath)) throw new Error(`test suite ${testsPath} not found (run \`npm run build\` first?)`);
  if (!fs.existsSync(workspaceSrc)) throw new Error(`workspace folder ${workspaceSrc} does not exist`);

  const { downloadAndUnzipVSCode, runTests, TestRunFailedError } = require('@vscode/test-electron');

  let vscodeExecutablePath = env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(repoRoot, '.vscode-test'), timeout: 30_000 });
    } catch (err) {
      console.error(
        `[vscode-electron-test] ERROR: could not download VS Code '${version}' (${err?.message ?? err}).\n` +
          '  This machine probably cannot reach update.code.visualstudio.com. Either run the same suite in the\n' +
          '  VS Code server instead (`npm run test:vscode-server`), or point VSCODE_EXECUTABLE_PATH at an\n' +
          '  installed VS Code binary.',
      );
      return 2;
    }
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-vscode-electron-'));
  try {
    const workspace = path.join(tmp, 'workspace');
    fs.cpSync(workspaceSrc, workspace, { recursive: true });
    fs.mkdirSync(path.dirname(resultPath), { recursive: true });
    fs.rmSync(resultPath, { force: true });

    // runTests adds --no-sandbox --disable-gpu-sandbox --disable-updates --skip-welcome
    // --skip-release-notes --disable-workspace-trust itself.
    const launchArgs = [
      workspace,
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-gpu',
      '--user-data-dir', path.join(tmp, 'user-data'),
      '--extensions-dir', path.join(tmp, 'extensions'),
    ];

    // runTests passes --disable-workspace-trust: the suite expects a trusted workspace here.
    const extensionTestsEnv = { [RESULT_ENV]: resultPath, SPEECH_DRAFT_TEST_RUNNER: 'vscode-electron', SPEECH_DRAFT_TEST_WORKSPACE_TRUST: 'trusted' };
    if (opts.grep) extensionTestsEnv.SPEECH_DRAFT_TEST_GREP = opts.grep;

    let exitCode = 0;
    try {
      exitCode = await runTests({ vscodeExecutablePath, extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath, extensionTestsEnv, launchArgs });
    } catch (err) {
      if (err instanceof TestRunFailedError) exitCode = err.code ?? 1;
      else throw err;
    }

    if (!fs.existsSync(resultPath)) {
      log(`no result: ${resultPath} was not written (VS Code exited with ${exitCode})`);
      return 1;
    }
    const result = JSON.parse(fs.readFileSync(resultPath, 'utf8'));
    printResult(result);
    return exitCode === 0 && result.failed === 0 && result.passed > 0 ? 0 : 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[vscode-electron-test] ERROR: ${err?.message ?? err}`);
    process.exit(1);
  },
);
