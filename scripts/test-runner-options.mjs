// What the two extension-host runners (vscode-server-test.mjs, vscode-electron-test.mjs) share:
// the repository root, the result-file variable, --help from the script's header, and the paths.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULT_ENV = 'SPEECH_DRAFT_TEST_RESULT';
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Prints the comment block at the top of the calling script and exits. */
export function printHeaderHelp(scriptUrl) {
  const src = fs.readFileSync(fileURLToPath(scriptUrl), 'utf8').split('\n');
  console.log(src.slice(1, src.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}

/** The extension, suite, workspace and result paths: flag, else environment, else the default. */
export function runnerPaths(opts, resultFile) {
  const env = process.env;
  const abs = (p) => (p ? path.resolve(p) : p);
  return {
    extensionPath: abs(opts.extension ?? env.SPEECH_DRAFT_TEST_EXTENSION ?? repoRoot),
    testsPath: abs(opts.tests ?? env.SPEECH_DRAFT_TEST_TESTS ?? path.join(repoRoot, 'out/test/vscode/index.js')),
    workspaceSrc: abs(opts.workspace ?? env.SPEECH_DRAFT_TEST_WORKSPACE ?? path.join(repoRoot, 'test/vscode/workspace')),
    resultPath: abs(opts.result ?? env[RESULT_ENV] ?? path.join(repoRoot, 'test-results', resultFile)),
    abs,
  };
}
