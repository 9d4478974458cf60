// Shared by the command-line tests that need real files: the bundled CLI run as a process, temp
// folders with a config turning on chosen rules, and an in-process CliIO that records its output.
import { after } from 'node:test';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIO } from '../../server/src/cli/run';
import type { Rule } from '../../server/src/core/rule';
import { ruleById, rules } from '../../server/src/core/rules';
import { repoRoot } from './helpers';

export const bin = path.join(repoRoot, 'bin', 'speech-lint.js');

/** The real rules (captured before a test file adds its own). */
export const realRuleIds = rules.map((r) => r.meta.id);

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI; stdout and stderr as UTF-8 text. */
export function cli(args: string[], options: { cwd?: string; input?: string | Buffer; timeout?: number; env?: Record<string, string> } = {}): CliRun {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))) throw new Error('dist/cli.js missing: run `node scripts/bundle.mjs` first');
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? repoRoot, input: options.input ?? '', env, encoding: 'utf8', timeout: options.timeout });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDirs: string[] = [];
/** Run after each temp folder is removed (e.g. to lift `chattr +i` or unmount). */
const cleanups: (() => void)[] = [];
after(() => {
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch {
      // best effort: the folder removal below reports what is left
    }
  }
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function onCleanup(cleanup: () => void): void {
  cleanups.push(cleanup);
}

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-lint-io-'));
  tempDirs.push(dir);
  return dir;
}

export function write(file: string, content: string | Uint8Array): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** A config turning every rule off except the given ones (rule id → severity). */
export function onlyRules(enabled: Record<string, string> = {}, extraIds: string[] = []): string {
  const ids = [...realRuleIds, ...extraIds];
  return JSON.stringify({ rules: Object.fromEntries(ids.map((id) => [id, enabled[id] ?? 'off'])) });
}

/** A folder with `.speechlintrc.json` (only `enabled` rules on) and the given files. */
export function workspace(files: Record<string, string | Uint8Array>, enabled: Record<string, string> = {}, extraIds: string[] = []): string {
  const dir = tempDir();
  write(path.join(dir, '.speechlintrc.json'), onlyRules(enabled, extraIds));
  for (const [name, content] of Object.entries(files)) write(path.join(dir, name), content);
  return dir;
}

export type MemoryIO = CliIO & { out: string; err: string; outBytes: Buffer[] };

export function memoryIO(cwd: string, stdin: string | Uint8Array = ''): MemoryIO {
  const io: MemoryIO = {
    cwd,
    env: {},
    out: '',
    err: '',
    outBytes: [],
    isTTY: false,
    stdout(text: string | Uint8Array) {
      if (typeof text !== 'string') io.outBytes.push(Buffer.from(text));
      io.out += typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
    },
    stderr(text: string) {
      io.err += text;
    },
    readStdin: () => Promise.resolve(typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin),
  };
  return io;
}

/** `test-comma`: an error for each `,` between Han characters, fixed to `，`. Added once per process. */
export function addCommaRule(): string {
  const id = 'test-comma';
  if (ruleById.has(id)) return id;
  const rule: Rule = {
    meta: { id, description: { zh: id, en: id }, defaultSeverity: 'error', fixable: 'code', docs: `docs/rules/${id}.md`, options: {}, messages: { comma: { zh: '半角逗号', en: 'half-width comma' } } },
    check(ctx) {
      const re = /(?<=[\u4e00-\u9fff]),(?=[\u4e00-\u9fff])/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(ctx.doc.text))) {
        ctx.report({ start: m.index, end: m.index + 1, messageId: 'comma', fix: { edits: [{ start: m.index, end: m.index + 1, text: '，' }] } });
      }
    },
  };
  rules.push(rule);
  ruleById.set(id, rule);
  return id;
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Files in `dir` (recursively, sorted) with their bytes, to show that nothing else changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = prefix + entry.name;
      const full = path.join(d, entry.name);
      if (entry.isSymbolicLink()) out[rel] = `-> ${fs.readlinkSync(full)}`;
      else if (entry.isDirectory()) walk(full, `${rel}/`);
      else out[rel] = fs.readFileSync(full).toString('base64');
    }
  };
  walk(dir, '');
  return out;
}
