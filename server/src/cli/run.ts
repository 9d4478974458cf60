// The command line, testable in-process: `run(argv, io)` resolves to the exit status
// (0 no error-severity finding, 1 some, 2 usage or I/O error).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, lint, type LintResult } from '../core/engine';
import { rules } from '../core/rules';
import type { SpeechLintSettings } from '../core/settings';
import type { Language } from '../core/types';
import { formatConfigProblem, lintSettingsProblems, loadConfigFor, type ConfigProblem } from '../config-file';
import { helpText, parseArgs, UsageError, type CliArgs } from './args';
import { decode, encode, restoreLineEndings, type Decoded } from './decode';
import { ansi, fixedLine, formatJson, formatSarif, plain, statsLines, summaryLine, textLines, totals, type FileReport } from './format';
import { isDocxCommand, isWordFile, lintWordFile, runDocxCommand } from './docx';
import { expandInputs, type ExpandedInput } from './glob';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Bytes only for `--fix -` (the fixed input, in its own encoding). */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
}

/** Larger files are not drafts (and would make the rules crawl): skipped with a message. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const STDIN_NAME = '<stdin>';

interface PackageInfo {
  root: string;
  version: string;
  docsBase?: string;
}

let packageInfo: PackageInfo | undefined;

/** The package's root, version and docs URL, from the package.json above this file (bundled or not). */
export function packageInfoFor(start = __dirname): PackageInfo {
  if (packageInfo) return packageInfo;
  let dir = start;
  for (;;) {
    const file = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (pkg.name === 'speech-draft') {
        const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
        const web = typeof repo === 'string' ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
        const docsBase = web && /^https?:\/\//.test(web) ? `${web}/blob/HEAD` : undefined;
        packageInfo = { root: dir, version: String(pkg.version ?? '0.0.0'), docsBase };
        return packageInfo;
      }
    } catch {
      // not here
    }
    const up = path.dirname(dir);
    if (up === dir) {
      packageInfo = { root: path.resolve(start, '..'), version: '0.0.0' };
      return packageInfo;
    }
    dir = up;
  }
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  /** What went to stderr, for SARIF's toolExecutionNotifications (English). */
  const notes: { message: string; level: 'warning' | 'error' }[] = [];
  const say = (zh: string, en: string, level: 'warning' | 'error' = 'error') => {
    notes.push({ message: en, level });
    io.stderr(`speech-lint: ${zh} / ${en}\n`);
  };
  if (isDocxCommand(argv[0])) return runDocxCommand(argv[0], argv.slice(1), io);
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      say(error.zh, error.en);
      say('运行 speech-lint --help 查看用法', 'run speech-lint --help for usage');
      return 2;
    }
    throw error;
  }
  const pkg = packageInfoFor();
  if (args.help) {
    io.stdout(helpText(args.lang ?? 'zh', pkg.version));
    return 0;
  }
  if (args.version) {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  if (args.files.length === 0) {
    say('没有指定要检查的文件', 'no files given');
    say('运行 speech-lint --help 查看用法', 'run speech-lint --help for usage');
    return 2;
  }

  let status = 0;
  const fail = () => (status = 2);

  const { inputs, unmatched } = expandInputs(args.files, io.cwd);
  for (const pattern of unmatched) {
    say(`没有找到与“${pattern}”匹配的稿件`, `no drafts match "${pattern}"`);
    fail();
  }

  // Config problems: each reported once however many drafts share the config.
  const reported = new Set<string>();
  const reportConfig = (problems: ConfigProblem[]) => {
    for (const p of problems) {
      const key = `${p.file}\u0000${p.field}\u0000${p.message}`;
      if (reported.has(key)) continue;
      reported.add(key);
      if (p.code === 'unreadable') {
        say(
          `无法读取配置文件，已改用默认设置：${formatConfigProblem(p, 'zh', io.cwd)}`,
          `cannot read config, defaults used: ${formatConfigProblem(p, 'en', io.cwd)}`,
          args.config !== undefined ? 'error' : 'warning',
        );
        // A config named on the command line that cannot be read is an I/O error.
        if (args.config !== undefined) fail();
      } else if (p.code === 'syntax') {
        say(`配置文件不是有效的 JSON，已改用默认设置：${formatConfigProblem(p, 'zh', io.cwd)}`, `config is not valid JSON, defaults used: ${formatConfigProblem(p, 'en', io.cwd)}`, 'warning');
      } else {
        say(`配置有误，该项已忽略：${formatConfigProblem(p, 'zh', io.cwd)}`, `bad config, field ignored: ${formatConfigProblem(p, 'en', io.cwd)}`, 'warning');
      }
    }
  };

  const reports: FileReport[] = [];
  const fixedStdin: Uint8Array[] = [];
  for (const input of inputs) {
    const report = await lintInput(input, args, io, say, fail, reportConfig, fixedStdin);
    if (report) reports.push(report);
  }

  const lang: Language = args.lang ?? reports[0]?.settings.language ?? 'zh';
  const stdinFixed = args.fix && inputs.some((i) => i.absolute === undefined);
  // With `--fix -` standard output carries the fixed text: the report goes to standard error.
  const out = stdinFixed ? io.stderr : io.stdout;
  if (stdinFixed && fixedStdin.length) io.stdout(Buffer.concat(fixedStdin));

  if (args.format === 'json') {
    out(formatJson(reports, lang));
  } else if (args.format === 'sarif') {
    out(
      formatSarif(reports, lang, {
        version: pkg.version,
        packageRoot: pkg.root,
        docsBase: pkg.docsBase,
        cwd: io.cwd,
        rules,
        notifications: notes,
      }),
    );
  } else {
    const color = args.color ?? (io.isTTY && !stdinFixed && !io.env.NO_COLOR);
    const colors = color ? ansi : plain;
    const lines: string[] = [];
    for (const report of reports) lines.push(...textLines(report, args.lang ?? report.settings.language, colors));
    if (args.stats) {
      for (const report of reports) {
        if (lines.length) lines.push('');
        lines.push(...statsLines(report, args.lang ?? report.settings.language));
      }
    }
    if (lines.length) lines.push('');
    const fixed = args.fix ? fixedLine(reports, lang) : undefined;
    if (fixed) lines.push(fixed);
    const t = totals(reports);
    const summary = summaryLine(t, lang, args.fix);
    lines.push(t.error ? colors.red(colors.bold(summary)) : t.warning ? colors.yellow(summary) : summary);
    out(`${lines.join('\n')}\n`);
  }

  if (status === 0 && reports.some((r) => r.result.findings.some((f) => f.severity === 'error'))) status = 1;
  return status;
}

async function lintInput(
  input: ExpandedInput,
  args: CliArgs,
  io: CliIO,
  say: (zh: string, en: string, level?: 'warning' | 'error') => void,
  fail: () => void,
  reportConfig: (problems: ConfigProblem[]) => void,
  fixedStdin: Uint8Array[],
): Promise<FileReport | undefined> {
  const isStdin = input.absolute === undefined;
  // `--fix -` must always give its input back: unchanged when it could not be linted or fixed.
  const passThrough = (bytes: Uint8Array) => {
    if (isStdin && args.fix) fixedStdin.push(bytes);
  };
  const shown = isStdin ? STDIN_NAME : input.display;
  let bytes: Uint8Array;
  try {
    if (isStdin) {
      bytes = await io.readStdin();
    } else {
      const stat = fs.statSync(input.absolute!);
      if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (stat.size > MAX_FILE_BYTES) {
        say(
          `文件过大（${(stat.size / 1048576).toFixed(1)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），已跳过：${shown}`,
          `file too large (${(stat.size / 1048576).toFixed(1)} MB, limit ${MAX_FILE_BYTES / 1048576} MB), skipped: ${shown}`,
        );
        fail();
        return undefined;
      }
      bytes = fs.readFileSync(input.absolute!);
    }
  } catch (error) {
    say(`无法读取文件 ${shown}（${errorCode(error)}）`, `cannot read file ${shown}`);
    fail();
    return undefined;
  }
  if (bytes.length > MAX_FILE_BYTES) {
    say(`输入过大，已跳过：${shown}`, `input too large, skipped: ${shown}`);
    fail();
    passThrough(bytes);
    return undefined;
  }
  if (isWordFile(shown, bytes)) {
    passThrough(bytes);
    const configPath = isStdin ? path.join(io.cwd, STDIN_NAME) : input.absolute!;
    const report = await lintWordFile(bytes, shown, input.absolute, configPath, { config: args.config, kind: args.kind, fix: args.fix, cwd: io.cwd }, say, reportConfig);
    if (!report) fail();
    return report;
  }
  const decoded = decode(bytes);
  if (decoded.binary) {
    passThrough(bytes);
    say(`${shown} 看来是二进制文件，不是文稿，已跳过`, `${shown} looks like a binary file, not a draft: skipped`);
    fail();
    return undefined;
  }
  if (decoded.invalid) {
    say(
      `${shown} 不是有效的 UTF-8，无法解码的字节已替换为 �${decoded.looksLikeGbk ? '（可能是 GBK 编码，请另存为 UTF-8）' : ''}${args.fix ? '；不会写回修复' : ''}`,
      `${shown} is not valid UTF-8: undecodable bytes replaced by U+FFFD${decoded.looksLikeGbk ? ' (it may be GBK: save it as UTF-8)' : ''}${args.fix ? '; fixes will not be written' : ''}`,
      'warning',
    );
  }

  const configFor = isStdin ? path.join(io.cwd, STDIN_NAME) : input.absolute!;
  const config = loadConfigFor(configFor, { explicit: args.config !== undefined ? path.resolve(io.cwd, args.config) : undefined });
  reportConfig(config.problems);
  const settings: SpeechLintSettings = config.settings;
  const options = { settings, kind: args.kind };

  let result: LintResult;
  let fixed = 0;
  try {
    if (args.fix && !decoded.invalid) {
      const outcome = fixAll(decoded.text, options);
      result = outcome.result;
      fixed = outcome.text === decoded.text ? 0 : outcome.applied;
      const text = fixed ? restoreLineEndings(outcome.text, decoded.lineEnding) : decoded.text;
      if (isStdin) {
        passThrough(fixed ? encode(text, decoded) : bytes);
      } else if (fixed) {
        try {
          fs.writeFileSync(input.absolute!, encode(text, decoded));
        } catch (error) {
          say(`无法写入文件 ${shown}（${errorCode(error)}）`, `cannot write file ${shown}`);
          fail();
        }
      }
    } else {
      result = lint(decoded.text, options);
      passThrough(bytes);
    }
  } catch (error) {
    // The engine catches rules that throw; this is the parser or the engine itself.
    say(`检查 ${shown} 时出错，已跳过（${errorMessage(error)}）`, `internal error while linting ${shown}, skipped`);
    fail();
    passThrough(bytes);
    return undefined;
  }

  for (const e of result.ruleErrors) {
    say(`规则 ${e.rule} 在 ${shown} 上出错，已跳过该规则（${e.error}）`, `rule ${e.rule} failed on ${shown} and was skipped: ${e.error}`);
  }
  reportConfig(lintSettingsProblems(result.settingsProblems, config.file, config.problems));
  return { file: shown, absolute: input.absolute, result, settings, fixed };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `Decoded` for callers that want to know how a file was read. */
export type { Decoded };
