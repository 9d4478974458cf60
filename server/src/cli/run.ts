// The command line, testable in-process: `run(argv, io)` resolves to the exit status
// (0 no error-severity finding, 1 some, 2 usage or I/O error).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, lint, type LintResult } from '../core/engine';
import { rules } from '../core/rules';
import type { SpeechLintSettings } from '../core/settings';
import { resolveLocale, type Locale } from '../core/i18n/format';
import { formatConfigProblem, loadConfigFor, type ConfigProblem } from '../config-file';
import { helpText, parseArgs, UsageError, type CliArgs } from './args';
import { decode, encodeEdited, ENCODING_NAMES, restoreLineEndings, type Decoded } from './decode';
import { UnencodableError } from './gb18030';
import { ansi, fixedLine, formatSarif, jsonChunks, plain, statsLines, summaryLine, textLines, totals, type FileReport } from './format';
import { isDocxCommand, isWordFile, lintWordFile, runDocxCommand } from './docx';
import { expandInputs, type ExpandedInput } from './glob';
import { describeWriteFailure, nodeFileOps, replaceFile, type FileOps, type ReadSnapshot } from './write';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Bytes only for `--fix -` (the fixed input, in its own encoding). */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
  /** Resolves once stdout has taken what was written (a long report is written no faster than it is read). */
  drained?(): Promise<void>;
  /** File-system calls used to read drafts and write fixes (tests replace some to inject faults). */
  fs?: Partial<FileOps>;
}

/** Larger files are not drafts (and would make the rules crawl): skipped with a message. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const STDIN_NAME = '<stdin>';

/** How much a message to stderr weighs (SARIF notification levels). */
type Level = 'note' | 'warning' | 'error';

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
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown; repository?: string | { url?: unknown } };
      if (pkg.name === 'speech-draft') {
        const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
        const web = typeof repo === 'string' ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
        const docsBase = web && /^https?:\/\//.test(web) ? `${web}/blob/HEAD` : undefined;
        packageInfo = { root: dir, version: typeof pkg.version === 'string' ? pkg.version : '0.0.0', docsBase };
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
  const notes: { message: string; level: Level }[] = [];
  const say = (zh: string, en: string, level: Level = 'error') => {
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
    io.stdout(helpText(args.lang === 'en' ? 'en' : 'zh', pkg.version));
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

  const { inputs, unmatched, invalid } = expandInputs(args.files, io.cwd);
  for (const bad of invalid) {
    say(`通配符“${bad.arg}”无效：${bad.zh}`, `bad glob "${bad.arg}": ${bad.en}`);
    fail();
  }
  for (const pattern of unmatched) {
    say(`没有找到与“${pattern}”匹配的稿件`, `no drafts match "${pattern}"`);
    fail();
  }

  // Config problems: each reported once however many drafts share the config.
  const reported = new Set<string>();
  const reportConfig = (problems: ConfigProblem[]) => {
    for (const p of problems) {
      const key = `${p.file}\u0000${p.field}\u0000${p.what}`;
      if (reported.has(key)) continue;
      reported.add(key);
      if (p.code === 'unreadable') {
        say(
          `无法读取配置文件，已改用默认设置：${formatConfigProblem(p, 'zh-Hans', io.cwd)}`,
          `cannot read config, defaults used: ${formatConfigProblem(p, 'en', io.cwd)}`,
          args.config !== undefined ? 'error' : 'warning',
        );
        // A config named on the command line that cannot be read is an I/O error.
        if (args.config !== undefined) fail();
      } else if (p.code === 'syntax') {
        say(`配置文件不是有效的 JSON，已改用默认设置：${formatConfigProblem(p, 'zh-Hans', io.cwd)}`, `config is not valid JSON, defaults used: ${formatConfigProblem(p, 'en', io.cwd)}`, 'warning');
      } else {
        say(`配置有误，该项已忽略：${formatConfigProblem(p, 'zh-Hans', io.cwd)}`, `bad config, field ignored: ${formatConfigProblem(p, 'en', io.cwd)}`, 'warning');
      }
    }
  };

  const reports: FileReport[] = [];
  const fixedStdin: Uint8Array[] = [];
  for (const input of inputs) {
    const report = await lintInput(input, args, io, say, fail, reportConfig, fixedStdin);
    if (report) reports.push(report);
  }

  // One locale for the lines about all files: the one asked for, else the first file's.
  const locale: Locale = args.lang ? resolveLocale(args.lang) : (reports[0]?.locale ?? 'zh-Hans');
  const fixedLocale = args.lang ? locale : undefined;
  const stdinFixed = args.fix && inputs.some((i) => i.absolute === undefined);
  // With `--fix -` standard output carries the fixed text: the report goes to standard error.
  const out = (text: string) => (stdinFixed ? io.stderr(text) : io.stdout(text));
  if (stdinFixed && fixedStdin.length) io.stdout(Buffer.concat(fixedStdin));

  if (args.format === 'json') {
    for (const chunk of jsonChunks(reports, fixedLocale)) {
      out(chunk);
      await io.drained?.();
    }
  } else if (args.format === 'sarif') {
    out(
      formatSarif(reports, fixedLocale, {
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
    // Loops, not push(...): a big file can have more findings than a call takes arguments.
    const lines: string[] = [];
    for (const report of reports) for (const line of textLines(report, report.locale, colors)) lines.push(line);
    if (args.stats) {
      for (const report of reports) {
        if (lines.length) lines.push('');
        for (const line of statsLines(report, report.locale)) lines.push(line);
      }
    }
    if (lines.length) lines.push('');
    const fixed = args.fix ? fixedLine(reports, locale) : undefined;
    if (fixed) lines.push(fixed);
    const t = totals(reports);
    const summary = summaryLine(t, locale, args.fix);
    lines.push(t.error ? colors.red(colors.bold(summary)) : t.warning ? colors.yellow(summary) : summary);
    out(`${lines.join('\n')}\n`);
  }

  // A rule that threw leaves the draft unchecked by it: the run did not do its job (exit 2).
  if (reports.some((r) => r.result.ruleErrors.length > 0)) fail();
  if (status === 0 && reports.some((r) => r.result.findings.some((f) => f.severity === 'error'))) status = 1;
  return status;
}

async function lintInput(
  input: ExpandedInput,
  args: CliArgs,
  io: CliIO,
  say: (zh: string, en: string, level?: Level) => void,
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
  const ops: FileOps = { ...nodeFileOps, ...io.fs };
  let bytes: Uint8Array;
  /** What was read from disk, checked again before fixes replace it. */
  let snapshot: ReadSnapshot | undefined;
  try {
    if (isStdin) {
      bytes = await io.readStdin();
    } else {
      const stat = ops.statSync(input.absolute!);
      if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (stat.size > MAX_FILE_BYTES) {
        say(
          `文件过大（${(stat.size / 1048576).toFixed(1)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），已跳过：${shown}`,
          `file too large (${(stat.size / 1048576).toFixed(1)} MB, limit ${MAX_FILE_BYTES / 1048576} MB), skipped: ${shown}`,
        );
        fail();
        return undefined;
      }
      snapshot = { stat, bytes: ops.readFileSync(input.absolute!) };
      bytes = snapshot.bytes;
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
    const report = lintWordFile(bytes, shown, input.absolute, configPath, { config: args.config, kind: args.kind, fix: args.fix, cwd: io.cwd, lang: args.lang }, say, reportConfig);
    if (!report) fail();
    return report;
  }
  const decoded = decode(bytes, args.encoding);
  if (decoded.binary) {
    passThrough(bytes);
    say(`${shown} 看来是二进制文件，不是文稿，已跳过`, `${shown} looks like a binary file, not a draft: skipped`);
    fail();
    return undefined;
  }
  const name = ENCODING_NAMES[decoded.encoding];
  if (decoded.guessed && !decoded.invalid) {
    const [zh, en] = decoded.encoding === 'gb18030' ? ['GB18030（GBK）', 'GB18030 (GBK)'] : [`${name}（无 BOM）`, `${name} without a BOM`];
    say(`${shown} 不是 UTF-8，看来是 ${zh} 编码，已按此读取（可用 --encoding 指定）`, `${shown} is not UTF-8 and looks like ${en}: read as such (--encoding sets it)`, 'note');
  }
  if (decoded.invalid && decoded.problem) {
    say(
      `${shown}：${decoded.problem.zh}；已照常检查${args.fix ? '，不会写回修复（写回会改动这些字节）' : ''}`,
      `${shown}: ${decoded.problem.en}; linted as it is${args.fix ? ', fixes will not be written (that would change those bytes)' : ''}`,
      'warning',
    );
  } else if (decoded.invalid) {
    say(
      `${shown} 不是有效的 UTF-8，无法解码的字节已替换为 �${decoded.looksLikeGbk ? '（可能是 GBK 编码：可用 --encoding gbk 指定）' : ''}${args.fix ? '；不会写回修复' : ''}`,
      `${shown} is not valid UTF-8: undecodable bytes replaced by U+FFFD${decoded.looksLikeGbk ? ' (it may be GBK: try --encoding gbk)' : ''}${args.fix ? '; fixes will not be written' : ''}`,
      'warning',
    );
  }

  const configFor = isStdin ? path.join(io.cwd, STDIN_NAME) : input.absolute!;
  const config = loadConfigFor(configFor, { explicit: args.config !== undefined ? path.resolve(io.cwd, args.config) : undefined });
  reportConfig(config.problems);
  const settings: SpeechLintSettings = config.settings;
  // A Markdown file's `#`, `**` and `---` are its own syntax, not leftovers of a web page.
  const options = { settings, kind: args.kind, markup: /\.(?:md|markdown)$/i.test(shown) ? ('markdown' as const) : ('plain' as const) };

  let result: LintResult;
  let fixed = 0;
  try {
    if (args.fix && !decoded.invalid) {
      const outcome = fixAll(decoded.text, options);
      result = outcome.result;
      fixed = outcome.text === decoded.text ? 0 : outcome.applied;
      const fixedBytes = fixed ? encodeFixes(bytes, decoded, restoreLineEndings(outcome.text, decoded.lineEnding), shown, say, fail) : undefined;
      if (fixed && (!fixedBytes || (!isStdin && writeFixes(input, shown, fixedBytes, snapshot!, ops, say, fail)))) {
        // Nothing was written: report the file as it is, not as it would have been.
        fixed = 0;
        result = lint(decoded.text, options);
      }
      passThrough(fixed && fixedBytes ? fixedBytes : bytes);
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
  const locale = resolveLocale(args.lang ?? settings.language, result.doc.script.script);
  return { file: shown, absolute: input.absolute, result, settings, fixed, locale };
}

/** The fixed text in the file's own encoding, only the changed parts re-encoded; undefined (and said why) when it cannot be. */
function encodeFixes(
  bytes: Uint8Array,
  decoded: Decoded,
  text: string,
  shown: string,
  say: (zh: string, en: string, level?: Level) => void,
  fail: () => void,
): Uint8Array | undefined {
  const name = ENCODING_NAMES[decoded.encoding];
  try {
    return encodeEdited(bytes, decoded, text);
  } catch (error) {
    if (error instanceof UnencodableError) {
      const unit = `U+${error.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
      say(`未写入修复：${shown} 修复后含有 ${name} 无法表示的字符 ${unit}；文件未改动`, `fixes not written: the fixed ${shown} has ${unit}, which ${name} cannot represent; the file is unchanged`);
    } else {
      say(`未写入修复：${shown} 按 ${name} 重新编码后与修复结果不一致；文件未改动`, `fixes not written: re-encoding ${shown} as ${name} did not give the fixed text back; the file is unchanged`);
    }
    fail();
    return undefined;
  }
}

/** Replaces the file with its fixed bytes; says why not and returns true when it was not written. */
function writeFixes(
  input: ExpandedInput,
  shown: string,
  bytes: Uint8Array,
  snapshot: ReadSnapshot,
  ops: FileOps,
  say: (zh: string, en: string, level?: Level) => void,
  fail: () => void,
): boolean {
  // A link found by walking a folder or matching a glob may point anywhere: only named ones are followed.
  let link = false;
  try {
    link = ops.lstatSync(input.absolute!).isSymbolicLink();
  } catch {
    // replaceFile reports what is wrong with the path
  }
  if (link && !input.named) {
    say(`未写入修复：${shown} 是符号链接，只修复直接指定的链接`, `fixes not written: ${shown} is a symbolic link, and only links named directly are fixed`, 'warning');
    return true;
  }
  const failure = replaceFile(input.absolute!, bytes, snapshot, ops);
  if (!failure) return false;
  const [zh, en] = describeWriteFailure(failure, shown);
  say(zh, en);
  fail();
  return true;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `Decoded` for callers that want to know how a file was read. */
export type { Decoded };
