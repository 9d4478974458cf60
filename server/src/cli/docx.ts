// Word in and out on the command line: `speech-lint export|import|annotate …`, and linting a .docx
// directly. Thin callers of server/src/docx/: read files, load the config, write files (never over
// an existing file unless -o names it or --force is given).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../core/engine';
import { resolveLocale, type LanguageSetting } from '../core/i18n/format';
import { message } from '../core/messages';
import type { Kind } from '../core/types';
import { LANGUAGES } from './args';
import { formatConfigProblem, loadConfigFor, type ConfigProblem } from '../config-file';
import { isDocxError } from '../docx/errors';
import { wordLibrary } from '../docx/load';
import { decode } from './decode';
import type { FileReport } from './format';
import { expandInputs } from './glob';
import type { CliIO } from './run';

export const DOCX_COMMANDS = ['export', 'import', 'annotate'] as const;
export type DocxCommand = (typeof DOCX_COMMANDS)[number];

export function isDocxCommand(word: string | undefined): word is DocxCommand {
  return (DOCX_COMMANDS as readonly string[]).includes(word ?? '');
}

const WORD_EXTENSIONS = /\.(docx|docm|dotx|dotm)$/i;

/**
 * A Word file by its name (.docx), or by its first bytes (a zip or OLE container) whatever its name;
 * a text file named .doc is still a draft.
 */
export function isWordFile(name: string, bytes: Uint8Array): boolean {
  if (WORD_EXTENSIONS.test(name)) return true;
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole;
}

type Say = (zh: string, en: string, level?: 'warning' | 'error') => void;

/**
 * Lints a Word file (from `speech-lint draft.docx`): its imported text, with findings located by
 * paragraph and column. Undefined (after a message) when the file cannot be read.
 */
// The Word libraries load only when a Word file is met (wordLibrary): plain linting starts without them.
export function lintWordFile(
  bytes: Uint8Array,
  shown: string,
  absolute: string | undefined,
  configFor: string,
  options: { config?: string; kind?: Kind; fix: boolean; cwd: string; lang?: LanguageSetting },
  say: Say,
  reportConfig: (problems: ConfigProblem[]) => void,
): FileReport | undefined {
  const { importDocx, locate } = wordLibrary();
  let imported;
  try {
    imported = importDocx(bytes);
  } catch (error) {
    if (!isDocxError(error)) throw error;
    say(`${shown}：${error.zh}`, `${shown}: ${error.en}`);
    return undefined;
  }
  if (options.fix) say(`${shown} 是 Word 文档，不能就地修复；可用 speech-lint annotate 写入批注，或先 speech-lint import 再修复`, `${shown} is a Word document and cannot be fixed in place: use speech-lint annotate, or import it first`, 'warning');
  const config = loadConfigFor(configFor, { explicit: options.config !== undefined ? path.resolve(options.cwd, options.config) : undefined });
  reportConfig(config.problems);
  const result = lint(imported.text, { settings: config.settings, kind: options.kind });
  for (const e of result.ruleErrors) say(`规则 ${e.rule} 在 ${shown} 上出错，已跳过该规则（${e.error}）`, `rule ${e.rule} failed on ${shown} and was skipped: ${e.error}`);
  return {
    file: shown,
    absolute,
    result,
    settings: config.settings,
    fixed: 0,
    locale: resolveLocale(options.lang ?? config.settings.language, result.doc.script.script),
    locate: (offset) => {
      const at = locate(imported, offset);
      return { line: at.paragraph, column: at.column };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Subcommands

interface DocxArgs {
  files: string[];
  output?: string;
  force: boolean;
  config?: string;
  kind?: Kind;
  lang?: LanguageSetting;
  help: boolean;
}

class DocxUsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const KINDS: Record<string, Kind> = { single: 'single', comprehensive: 'comprehensive', 单项: 'single', 單項: 'single', 综合: 'comprehensive', 綜合: 'comprehensive' };

function parseDocxArgs(argv: string[]): DocxArgs {
  const args: DocxArgs = { files: [], force: false, help: false };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || !arg.startsWith('-') || arg === '-') {
      args.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const value = (): string => {
      if (eq !== -1) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new DocxUsageError(`选项 ${name} 需要一个值`, `option ${name} needs a value`);
      return next;
    };
    switch (name) {
      case '-o':
      case '--output':
        args.output = value();
        break;
      case '--force':
        args.force = true;
        break;
      case '-c':
      case '--config':
        args.config = value();
        break;
      case '-k':
      case '--kind': {
        const v = value();
        if (!KINDS[v]) throw new DocxUsageError(`--kind 应为 single（单项）或 comprehensive（综合），而不是“${v}”`, `--kind must be single or comprehensive, not "${v}"`);
        args.kind = KINDS[v];
        break;
      }
      case '--lang': {
        const v = value();
        const lang = LANGUAGES[v.toLowerCase()];
        if (!lang) throw new DocxUsageError(`--lang 应为 zh、zh-Hans、zh-Hant 或 en，而不是“${v}”`, `--lang must be zh, zh-Hans, zh-Hant or en, not "${v}"`);
        args.lang = lang;
        break;
      }
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        throw new DocxUsageError(`未知选项 ${name}`, `unknown option ${name}`);
    }
  }
  return args;
}

export function docxHelpText(command: DocxCommand, lang: LanguageSetting): string {
  const zh: Record<DocxCommand, string> = {
    export: '用法：speech-lint export <稿件.speech>… [-o 输出.docx] [--force]\n  按 GB/T 9704-2012 公文格式导出为 Word；有错误级别的问题时先警告，仍然导出。\n',
    import: '用法：speech-lint import <文档.docx>… [-o 输出.speech|-] [--force]\n  把 Word 文档转为讲稿文本（每段一行，自动编号还原为文字，表格每行一段）；-o - 输出到标准输出。\n',
    annotate: '用法：speech-lint annotate <文档.docx>… [-o 输出.docx] [--force]\n  检查 Word 文档，把每个问题作为批注写入副本（默认 文档.checked.docx），原文不变。\n',
  };
  const en: Record<DocxCommand, string> = {
    export: 'Usage: speech-lint export <draft.speech>… [-o out.docx] [--force]\n  Export to Word laid out as GB/T 9704-2012; drafts with errors still export, after a warning.\n',
    import: 'Usage: speech-lint import <document.docx>… [-o out.speech|-] [--force]\n  Convert a Word document to draft text (a line per paragraph, automatic numbering as text, a line per table row); -o - writes to stdout.\n',
    annotate: 'Usage: speech-lint annotate <document.docx>… [-o out.docx] [--force]\n  Lint a Word document and write each finding into a copy as a comment (default document.checked.docx).\n',
  };
  const common = lang === 'en' ? '  -c, --config FILE   -k, --kind single|comprehensive   --lang zh|zh-Hans|zh-Hant|en\n  An existing file is only overwritten when -o names it or with --force. Exit status: 0 done, 2 a file could not be read or written.\n' : '  -c, --config 文件   -k, --kind single|comprehensive   --lang zh|zh-Hans|zh-Hant|en\n  已有的文件只有在 -o 指明或加 --force 时才会被覆盖。退出码：0 完成；2 有文件无法读取或写入。\n';
  return (lang === 'en' ? en : zh)[command] + common;
}

/** Where a conversion writes: next to the input with the new extension, or where -o says. */
function outputPath(command: DocxCommand, input: string, cwd: string, output?: string): string {
  if (output !== undefined) return path.resolve(cwd, output);
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.[^.]*$/, '');
  if (command === 'export') return path.join(dir, `${base}.docx`);
  if (command === 'import') return path.join(dir, `${base}.speech`);
  return path.join(dir, `${base}.checked.docx`);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}

export async function runDocxCommand(command: DocxCommand, argv: string[], io: CliIO): Promise<number> {
  const say: Say = (zh, en) => io.stderr(`speech-lint: ${zh} / ${en}\n`);
  let args: DocxArgs;
  try {
    args = parseDocxArgs(argv);
  } catch (error) {
    if (!(error instanceof DocxUsageError)) throw error;
    say(error.zh, error.en);
    say(`运行 speech-lint ${command} --help 查看用法`, `run speech-lint ${command} --help for usage`);
    return 2;
  }
  if (args.help) {
    io.stdout(docxHelpText(command, args.lang === 'en' ? 'en' : 'zh'));
    return 0;
  }
  if (args.files.length === 0) {
    say('没有指定文件', 'no files given');
    say(`运行 speech-lint ${command} --help 查看用法`, `run speech-lint ${command} --help for usage`);
    return 2;
  }
  const { inputs, unmatched } = expandInputs(args.files, io.cwd);
  let status = 0;
  for (const pattern of unmatched) {
    say(`没有找到与“${pattern}”匹配的文件`, `no files match "${pattern}"`);
    status = 2;
  }
  if (args.output !== undefined && inputs.length > 1) {
    say('-o 只能用于一个输入文件', '-o takes a single input file');
    return 2;
  }
  const reported = new Set<string>();
  const reportConfig = (problems: ConfigProblem[]) => {
    for (const p of problems) {
      const key = `${p.file}\u0000${p.field}\u0000${p.what}`;
      if (reported.has(key)) continue;
      reported.add(key);
      say(`配置有误：${formatConfigProblem(p, 'zh-Hans', io.cwd)}`, `config problem: ${formatConfigProblem(p, 'en', io.cwd)}`, 'warning');
    }
  };
  for (const input of inputs) {
    if (input.absolute === undefined) {
      say(`${command} 不读标准输入，请给出文件名`, `${command} does not read standard input: name a file`);
      status = 2;
      continue;
    }
    const ok = await convertOne(command, input.display, input.absolute, args, io, say, reportConfig);
    if (!ok) status = 2;
  }
  return status;
}

async function convertOne(
  command: DocxCommand,
  shown: string,
  absolute: string,
  args: DocxArgs,
  io: CliIO,
  say: Say,
  reportConfig: (problems: ConfigProblem[]) => void,
): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    if (fs.statSync(absolute).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    say(`无法读取文件 ${shown}（${errorCode(error)}）`, `cannot read file ${shown}`);
    return false;
  }
  if (command === 'export' && isWordFile(shown, bytes)) {
    say(`${shown} 已经是 Word 文档；导出的是讲稿文本（.speech、.txt、.md）`, `${shown} is already a Word document: export takes a draft (.speech, .txt, .md)`);
    return false;
  }
  const toStdout = command === 'import' && args.output === '-';
  const out = toStdout ? '-' : outputPath(command, absolute, io.cwd, args.output);
  const shownOut = toStdout ? '-' : path.relative(io.cwd, out) || out;
  if (!toStdout && path.resolve(out) === path.resolve(absolute) && args.output === undefined) {
    say(`输出文件与输入相同：${shown}，请用 -o 指定`, `the output would be the input ${shown}: name one with -o`);
    return false;
  }
  if (!toStdout && fs.existsSync(out) && args.output === undefined && !args.force) {
    say(`${shownOut} 已存在，未覆盖；用 -o 指定输出文件或加 --force 覆盖`, `${shownOut} exists and was not overwritten: name the output with -o or add --force`);
    return false;
  }
  const config = loadConfigFor(absolute, { explicit: args.config !== undefined ? path.resolve(io.cwd, args.config) : undefined });
  reportConfig(config.problems);
  const language = args.lang ?? config.settings.language;
  let data: Uint8Array | string;
  let done: string;
  try {
    if (command === 'export') {
      const decoded = decode(bytes);
      if (decoded.binary) {
        say(`${shown} 看来是二进制文件，不是文稿，已跳过`, `${shown} looks like a binary file, not a draft: skipped`);
        return false;
      }
      const result = lint(decoded.text, { settings: config.settings, kind: args.kind });
      const errors = result.findings.filter((f) => f.severity === 'error').length;
      if (errors) say(`${shown} 有 ${errors} 个错误级别的问题，仍然导出（运行 speech-lint ${shown} 查看）`, `${shown} has ${errors} error-level finding(s); exported anyway (run speech-lint ${shown} to see them)`, 'warning');
      const { exportDocx } = wordLibrary();
      data = await exportDocx(result.doc, { settings: config.settings.export });
      done = message('cli/exported', { file: shown, out: shownOut }, resolveLocale(language, result.doc.script.script));
    } else if (command === 'import') {
      const { importDocx } = wordLibrary();
      const imported = importDocx(bytes);
      data = imported.text.endsWith('\n') || imported.text === '' ? imported.text : `${imported.text}\n`;
      done = message('cli/imported', { file: shown, out: shownOut, count: imported.paragraphs.length }, resolveLocale(language));
    } else {
      const { importDocx } = wordLibrary();
      const { annotateDocx, commentFor } = wordLibrary();
      const imported = importDocx(bytes);
      const result = lint(imported.text, { settings: config.settings, kind: args.kind });
      const locale = resolveLocale(language, result.doc.script.script);
      const annotations = result.findings.map((f) => ({ start: f.start, end: f.end, comment: commentFor(f, imported.text, locale) }));
      data = annotateDocx(bytes, annotations);
      done = message('cli/annotated', { file: shown, out: shownOut, count: annotations.length }, locale);
    }
  } catch (error) {
    if (!isDocxError(error)) {
      say(`处理 ${shown} 时出错，已跳过（${error instanceof Error ? error.message : String(error)}）`, `internal error on ${shown}, skipped`);
      return false;
    }
    say(`${shown}：${error.zh}`, `${shown}: ${error.en}`);
    return false;
  }
  if (toStdout) {
    io.stdout(data);
    return true;
  }
  try {
    fs.writeFileSync(out, data);
  } catch (error) {
    say(`无法写入文件 ${shownOut}（${errorCode(error)}）`, `cannot write file ${shownOut}`);
    return false;
  }
  io.stdout(`${done}\n`);
  return true;
}
