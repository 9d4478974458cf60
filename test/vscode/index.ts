/**
 * Entry point of the extension-host test suite (compiled to out/test/vscode/index.js).
 *
 * VS Code loads this module inside the extension host and calls `run()`, both when started by
 * `@vscode/test-electron` (scripts/vscode-electron-test.mjs) and by the VS Code server runner
 * (scripts/vscode-server-test.mjs). Every `*.test.js` file next to this one is run with Mocha's
 * TDD interface (`suite`, `test`, `suiteSetup`, `suiteTeardown`, `setup`, `teardown`).
 *
 * The result is written as JSON to the path in SPEECH_DRAFT_TEST_RESULT (when set), because the
 * extension host's exit code does not reach the runner in the VS Code server setup:
 *
 *   { passed, failed, pending, durationMs,
 *     tests: [{ title, fullTitle, file?, state: 'passed' | 'failed' | 'pending', durationMs,
 *               error?: { message, stack?, actual?, expected? } }] }
 *
 * Optional environment: SPEECH_DRAFT_TEST_GREP (only run tests whose full title matches this
 * regular expression), SPEECH_DRAFT_MOCHA_TIMEOUT (per-test timeout in ms, default 20000).
 */
import * as fs from 'fs';
import * as path from 'path';
// Default import (esModuleInterop): a namespace import `import * as Mocha` cannot be constructed.
import Mocha from 'mocha';

export const RESULT_ENV = 'SPEECH_DRAFT_TEST_RESULT';

export type TestState = 'passed' | 'failed' | 'pending';

export interface TestError {
  message: string;
  stack?: string;
  actual?: string;
  expected?: string;
}

export interface TestRecord {
  title: string;
  fullTitle: string;
  file?: string;
  state: TestState;
  durationMs: number;
  error?: TestError;
}

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestRecord[];
}

function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function toTestError(err: unknown): TestError {
  if (err && typeof err === 'object') {
    const e = err as { message?: unknown; stack?: unknown; actual?: unknown; expected?: unknown; showDiff?: unknown };
    const out: TestError = { message: typeof e.message === 'string' ? e.message : Object.prototype.toString.call(err) };
    if (typeof e.stack === 'string') out.stack = e.stack;
    if ('actual' in e && 'expected' in e && e.showDiff !== false) {
      out.actual = describeValue(e.actual);
      out.expected = describeValue(e.expected);
    }
    return out;
  }
  return { message: String(err) };
}

function writeResult(file: string, result: SuiteResult): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so that a watcher never reads a half-written file.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(result, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

export function run(): Promise<void> {
  const started = Date.now();
  const tests: TestRecord[] = [];
  const resultFile = process.env[RESULT_ENV];

  /** Spec output (visible in the extension host log / browser console) plus a record of each test. */
  class RecordingReporter extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
      const base = (t: Mocha.Runnable) => ({
        title: t.title,
        fullTitle: t.fullTitle(),
        ...(t.file ? { file: t.file } : {}),
        durationMs: t.duration ?? 0,
      });
      runner.on(EVENT_TEST_PASS, (t: Mocha.Test) => tests.push({ ...base(t), state: 'passed' }));
      runner.on(EVENT_TEST_PENDING, (t: Mocha.Test) => tests.push({ ...base(t), state: 'pending' }));
      // Also fired for failing hooks ("before all" hook for ...), which count as failures.
      runner.on(EVENT_TEST_FAIL, (t: Mocha.Runnable, err: unknown) =>
        tests.push({ ...base(t), state: 'failed', error: toTestError(err) }),
      );
    }
  }

  const summarize = (): SuiteResult => ({
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    durationMs: Date.now() - started,
    tests,
  });

  const finish = (extraError?: unknown): SuiteResult => {
    if (extraError !== undefined) {
      tests.push({ title: 'load test files', fullTitle: 'load test files', state: 'failed', durationMs: 0, error: toTestError(extraError) });
    }
    const result = summarize();
    console.log(`[speech-draft tests] ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
    if (resultFile) {
      try {
        writeResult(resultFile, result);
      } catch (err) {
        console.error(`[speech-draft tests] could not write ${resultFile}:`, err);
      }
    } else {
      console.log(`[speech-draft tests] ${RESULT_ENV} is not set; no result file written`);
    }
    return result;
  };

  const timeout = Number(process.env.SPEECH_DRAFT_MOCHA_TIMEOUT) || 20000;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout, reporter: RecordingReporter });
  const grep = process.env.SPEECH_DRAFT_TEST_GREP;
  if (grep) mocha.grep(new RegExp(grep));

  return new Promise<void>((resolve, reject) => {
    try {
      const dir = __dirname;
      const files = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.test.js'))
        .sort();
      for (const f of files) mocha.addFile(path.join(dir, f));
      if (files.length === 0) throw new Error(`no *.test.js files in ${dir}`);

      mocha.run(() => {
        const result = finish();
        if (result.failed > 0) reject(new Error(`${result.failed} test(s) failed`));
        else if (result.passed === 0) reject(new Error('no test passed'));
        else resolve();
      });
    } catch (err) {
      // A test file that throws at load time ends up here (mocha.run loads files synchronously).
      finish(err);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
