// Command-line arguments. Usage errors carry a Chinese and an English message.
import type { LanguageSetting } from '../core/i18n/format';
import type { Kind } from '../core/types';
import { parseEncoding, type Encoding } from './decode';

export type Format = 'text' | 'json' | 'sarif';

export interface CliArgs {
  format: Format;
  config?: string;
  kind?: Kind;
  fix: boolean;
  stats: boolean;
  /** Undefined: from the config file (`language`), else Chinese in the draft's script. */
  lang?: LanguageSetting;
  help: boolean;
  version: boolean;
  /** Undefined: colour when stdout is a terminal and NO_COLOR is unset. */
  color?: boolean;
  /** Undefined: told from the bytes (BOM, UTF-16 pattern, UTF-8, else GB18030). */
  encoding?: Encoding;
  files: string[];
}

export class UsageError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

const KINDS: Record<string, Kind> = {
  single: 'single',
  comprehensive: 'comprehensive',
  单项: 'single',
  單項: 'single',
  综合: 'comprehensive',
  綜合: 'comprehensive',
};

/** `--lang` values: zh follows the draft's script; the regional tags people type are accepted too. */
export const LANGUAGES: Record<string, LanguageSetting> = {
  zh: 'zh',
  'zh-hans': 'zh-Hans',
  'zh-cn': 'zh-Hans',
  'zh-hant': 'zh-Hant',
  'zh-tw': 'zh-Hant',
  'zh-hk': 'zh-Hant',
  en: 'en',
};

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { format: 'text', fix: false, stats: false, help: false, version: false, files: [] };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      args.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError(`选项 ${name} 需要一个值`, `option ${name} needs a value`);
      }
      i++;
      return next;
    };
    const flag = () => {
      if (inline !== undefined) throw new UsageError(`选项 ${name} 不带值`, `option ${name} takes no value`);
    };
    switch (name) {
      case '--format':
      case '-f': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') {
          throw new UsageError(`--format 应为 text、json 或 sarif，而不是“${v}”`, `--format must be text, json or sarif, not "${v}"`);
        }
        args.format = v;
        break;
      }
      case '--config':
      case '-c':
        args.config = value();
        break;
      case '--kind':
      case '-k': {
        const v = value();
        const kind = KINDS[v];
        if (!kind) throw new UsageError(`--kind 应为 single（单项）或 comprehensive（综合），而不是“${v}”`, `--kind must be single or comprehensive, not "${v}"`);
        args.kind = kind;
        break;
      }
      case '--lang': {
        const v = value();
        const lang = LANGUAGES[v.toLowerCase()];
        if (!lang) throw new UsageError(`--lang 应为 zh、zh-Hans、zh-Hant 或 en，而不是“${v}”`, `--lang must be zh, zh-Hans, zh-Hant or en, not "${v}"`);
        args.lang = lang;
        break;
      }
      case '--encoding': {
        const v = value();
        const encoding = parseEncoding(v);
        if (!encoding) {
          throw new UsageError(`--encoding 应为 utf8、gb18030、gbk、utf16le 或 utf16be，而不是“${v}”`, `--encoding must be utf8, gb18030, gbk, utf16le or utf16be, not "${v}"`);
        }
        args.encoding = encoding;
        break;
      }
      case '--fix':
        flag();
        args.fix = true;
        break;
      case '--stats':
        flag();
        args.stats = true;
        break;
      case '--color':
        flag();
        args.color = true;
        break;
      case '--no-color':
        flag();
        args.color = false;
        break;
      case '--help':
      case '-h':
        flag();
        args.help = true;
        break;
      case '--version':
      case '-v':
      case '-V':
        flag();
        args.version = true;
        break;
      default:
        throw new UsageError(`未知选项 ${name}`, `unknown option ${name}`);
    }
  }
  return args;
}

export function helpText(lang: LanguageSetting, version: string): string {
  if (lang === 'en') {
    return `speech-lint ${version}: checks Chinese speech drafts (讲话稿)

Usage: speech-lint [options] <files|folders|globs|->
       speech-lint export <draft.speech> [-o draft.docx]     Word, laid out as GB/T 9704-2012
       speech-lint import <draft.docx> [-o draft.speech]     Word to draft text
       speech-lint annotate <draft.docx> [-o draft.checked.docx]   findings as Word comments
       (speech-lint export --help etc.; a .docx can also be linted directly)

Options:
  -f, --format text|json|sarif   output format (default text)
  -c, --config FILE              use this config file instead of searching for .speechlintrc.json
  -k, --kind single|comprehensive
                                 kind of material when the draft's front matter does not say
      --fix                      apply every automatic fix in place (with -, print the fixed text)
      --encoding utf8|gb18030|gbk|utf16le|utf16be
                                 read (and with --fix write) the files in this encoding
                                 (default: BOM, else UTF-16 or UTF-8 as the bytes show, else GB18030)
      --stats                    print the outline with 字数, the total and the limit
      --lang zh|zh-Hans|zh-Hant|en
                                 language of the messages (default: config "language", else
                                 Chinese in the draft's script)
      --no-color, --color        colour (default: when stdout is a terminal and NO_COLOR is unset)
  -h, --help                     show this help
  -v, --version                  show the version

Folders are walked for *.speech, *.txt and *.md. Globs: *, **, ?, [abc], {a,b} (quote them).
Exit status: 0 no errors, 1 errors found, 2 usage or file errors.
`;
  }
  return `speech-lint ${version}：讲话稿检查工具

用法：speech-lint [选项] <文件|文件夹|通配符|->
      speech-lint export <稿件.speech> [-o 稿件.docx]       导出为 Word（GB/T 9704-2012 公文格式）
      speech-lint import <文档.docx> [-o 文档.speech]       从 Word 导入为讲稿文本
      speech-lint annotate <文档.docx> [-o 文档.checked.docx]   把问题写成 Word 批注
      （各子命令加 --help 查看用法；.docx 也可直接检查）

选项：
  -f, --format text|json|sarif   输出格式（默认 text）
  -c, --config 文件              使用指定的配置文件，不再查找 .speechlintrc.json
  -k, --kind single|comprehensive
                                 材料类型（单项 / 综合），稿件开头的“类型:”优先
      --fix                      就地应用全部自动修复（对 - 则把修复后的文本打印到标准输出）
      --encoding utf8|gb18030|gbk|utf16le|utf16be
                                 按此编码读取文件（--fix 时也按此写回）
                                 （默认：有 BOM 按 BOM，否则按字节判断 UTF-16 或 UTF-8，再否则 GB18030）
      --stats                    打印提纲及各部分字数、总字数和上限
      --lang zh|zh-Hans|zh-Hant|en
                                 提示语言（默认取配置文件的 language，否则中文，随文稿简繁）
      --no-color, --color        是否着色（默认：输出到终端且未设置 NO_COLOR 时着色）
  -h, --help                     显示帮助
  -v, --version                  显示版本

文件夹会递归查找 *.speech、*.txt、*.md 文件；通配符支持 *、**、?、[abc]、{a,b}（请加引号）。
退出码：0 无错误；1 发现错误；2 用法错误或文件读写错误。
`;
}
