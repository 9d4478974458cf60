// The one typed settings table. `.speechlintrc.json`, VS Code's `speechDraft.*` settings and the
// command line's flags all feed the same `SpeechLintSettings`, validated once against the schema
// built from this table and the rules (config-schema.ts). The table is also what the generator turns
// into the config file's JSON Schema, package.json's settings and the nls entries.
import type { LanguageSetting, Template } from './i18n/format';
import { LANGUAGE_SETTINGS } from './i18n/format';
import { defaultExportSettings, EXPORT_PARTS, ZIHAO_NAMES, type ExportPart, type ExportSettings } from '../docx/settings';
import type { SettingSchema } from './schema';
import type { CountMode, Kind, Level3Style, SeveritySetting } from './types';

export type LengthPreset = 'local' | 'central2024' | 'speech' | 'custom';
export type ScriptSetting = 'auto' | 'simplified' | 'traditional' | 'traditional-hk' | 'traditional-tw';

export interface BannedPhrase {
  phrase: string;
  replacement?: string;
  message?: string;
}

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface SpeechLintSettings {
  /** Kind used when the draft's front matter does not say. */
  kind: Kind;
  lengthPreset: LengthPreset;
  /** Limits for `custom` (ignored by the other presets). */
  limits: { single: number; comprehensive: number };
  countMode: CountMode;
  /** How level-3 headings are written: GB/T 9704 `1.` (dot) or `1、` (dun). */
  level3Style: Level3Style;
  /** Per-rule severity and options, keyed by rule id. */
  rules: Record<string, SeveritySetting | RuleSetting>;
  bannedPhrases: BannedPhrase[];
  /** Opt-in phrase presets shipped with the linter, e.g. `wenfeng`. */
  bannedPhrasePresets: string[];
  /** Extra placeholder strings (literal text), added to the built-in ones. */
  placeholders: string[];
  /** `auto` decides from the text. */
  script: ScriptSetting;
  /** Message language; `zh` follows the draft's script. */
  language: LanguageSetting;
  /** Characters per minute when estimating speaking time. */
  speakingRate: number;
  /** Word export: fonts and sizes (docx/settings.ts). */
  export: ExportSettings;
  /** Rule presets in force (SETTINGS_PRESETS), e.g. `proofread-strict`. */
  presets: string[];
}

export const LENGTH_PRESETS: Record<Exclude<LengthPreset, 'custom'>, { single: number; comprehensive: number }> = {
  // The local rule quoted in the corpus: 3000 single-topic, 5000 comprehensive.
  local: { single: 3000, comprehensive: 5000 },
  // 2024 central rule (整治形式主义为基层减负若干规定).
  central2024: { single: 4000, comprehensive: 5000 },
  // 2007 State Council guidance for speeches: 5000 other meetings, 8000 national work conferences.
  speech: { single: 5000, comprehensive: 8000 },
};

/** Phrase presets shipped with the linter (see presets/). */
export const BANNED_PHRASE_PRESET_NAMES = ['wenfeng'] as const;

/**
 * Rule presets: each is a set of `rules` entries, applied where the settings that name it are merged,
 * under the rules those same settings list (a rule set there keeps its severity; options merge). One
 * table: the schema, the docs and mergeSettings all read it.
 */
export const SETTINGS_PRESETS: Readonly<Record<string, { label: Template; description: Template; rules: Readonly<Record<string, RuleSetting>> }>> = {
  'proofread-strict': {
    label: { zh: '严格校对', en: 'Strict proofreading' },
    description: {
      zh: '严格校对：全部校对规则按“警告”检查，并打开默认关闭的选项（如书名号、引号之间的顿号）',
      en: 'Strict proofreading: every proofreading rule at warning, and the options that are off by default (such as the 顿号 between titles in 《》) on',
    },
    rules: {
      'paired-punctuation': { severity: 'warning' },
      'ellipsis-dash': { severity: 'warning' },
      'repeated-punctuation': { severity: 'warning' },
      'enumeration-comma': { severity: 'warning', options: { quotedItems: true } },
      'heading-punctuation': { severity: 'warning' },
      'number-format': { severity: 'warning' },
      typo: { severity: 'warning' },
      formulation: { severity: 'warning' },
      'repeated-word': { severity: 'warning' },
      'duplicate-paragraph': { severity: 'warning' },
      'sentence-length': { severity: 'warning' },
    },
  },
};

const T = (zh: string, en: string): Template => ({ zh, en });

export interface SettingSpec {
  key: string;
  schema: SettingSchema;
  /** Only the editor reads it (it is not a `.speechlintrc.json` field). */
  editorOnly?: boolean;
}

/**
 * Every setting, in the order VS Code shows them. `rules` is completed from the rules' own metadata
 * (config-schema.ts); its entry here only carries the description.
 */
export const SETTINGS: readonly SettingSpec[] = [
  {
    key: 'kind',
    schema: {
      type: 'string',
      enum: ['single', 'comprehensive'],
      default: 'comprehensive',
      markdown: true,
      description: T('文稿类型，决定适用的篇幅上限（见 `#speechDraft.lengthPreset#`）。', 'Kind of document; selects which length limit applies (see `#speechDraft.lengthPreset#`).'),
      enumDescriptions: [T('单项工作（专题部署某一项工作）', 'Single-topic (one area of work)'), T('综合性（全面工作、年度工作等）', 'Comprehensive (overall or annual work)')],
      enumItemLabels: [T('单项', 'Single-topic'), T('综合', 'Comprehensive')],
    },
  },
  {
    key: 'lengthPreset',
    schema: {
      type: 'string',
      enum: ['local', 'central2024', 'speech', 'custom'],
      default: 'local',
      markdown: true,
      description: T('篇幅上限标准（单位：字，计数方式见 `#speechDraft.countMode#`）。', 'Which length limits apply (in 字, counted as `#speechDraft.countMode#` says).'),
      enumDescriptions: [
        T('地方常用规定：单项工作 3000 字，综合性 5000 字', 'Common local rule: 3,000 single-topic, 5,000 comprehensive'),
        T('《整治形式主义为基层减负若干规定》（2024）：单项工作 4000 字，综合性 5000 字', '2024 central rule on reducing burdens at the grassroots: 4,000 single-topic, 5,000 comprehensive'),
        T('2007 年关于讲话稿篇幅的要求：其他会议 5000 字，全国性工作会议 8000 字', '2007 guidance on speech length: 5,000 other meetings, 8,000 national work conferences'),
        T('自定义：使用 `#speechDraft.limits#`', 'Custom: use `#speechDraft.limits#`'),
      ],
      enumItemLabels: [T('地方常用（3000 / 5000）', 'Local (3,000 / 5,000)'), T('中央 2024（4000 / 5000）', 'Central 2024 (4,000 / 5,000)'), T('讲话稿 2007（5000 / 8000）', 'Speeches 2007 (5,000 / 8,000)'), T('自定义', 'Custom')],
    },
  },
  {
    key: 'limits',
    schema: {
      type: 'object',
      markdown: true,
      description: T('自定义篇幅上限（字），仅当 `#speechDraft.lengthPreset#` 为 `custom` 时生效。', 'Custom length limits (字), used when `#speechDraft.lengthPreset#` is `custom`.'),
      properties: {
        single: { type: 'integer', minimum: 1, default: 3000, description: T('单项工作文稿的上限（字）', 'Limit for single-topic documents (字)') },
        comprehensive: { type: 'integer', minimum: 1, default: 5000, description: T('综合性文稿的上限（字）', 'Limit for comprehensive documents (字)') },
      },
      default: { single: 3000, comprehensive: 5000 },
    },
  },
  {
    key: 'countMode',
    schema: {
      type: 'string',
      enum: ['word', 'chars', 'hanzi'],
      default: 'word',
      description: T('字数的计算方式。', 'How 字数 is counted.'),
      enumDescriptions: [
        T('与 Word 的“字数”相同：每个汉字和全角标点计 1，每串连续的拉丁字母或数字计 1，半角标点和空格不计', 'Like Word’s 字数: each CJK character and full-width mark counts 1, each run of Latin letters or digits 1, half-width punctuation and spaces 0'),
        T('字符数（不计空格）：每个非空白字符计 1', 'Characters without spaces: every non-space character counts 1'),
        T('只计汉字', 'Chinese characters only'),
      ],
      enumItemLabels: [T('Word 字数', 'Word’s 字数'), T('字符数（不计空格）', 'Characters (no spaces)'), T('只计汉字', 'Chinese characters only')],
    },
  },
  {
    key: 'level3Style',
    schema: {
      type: 'string',
      enum: ['dot', 'dun'],
      default: 'dot',
      markdown: true,
      description: T('第三层标题的写法。', 'How level-3 headings are numbered.'),
      enumDescriptions: [T('`1.`（GB/T 9704-2012 规定的写法）', '`1.` (as GB/T 9704-2012 prescribes)'), T('`1、`（部分单位的习惯写法）', '`1、` (a common office convention)')],
      enumItemLabels: [T('1.（点号）', '1. (full stop)'), T('1、（顿号）', '1、 (enumeration comma)')],
    },
  },
  {
    key: 'rules',
    schema: {
      type: 'object',
      markdown: true,
      description: T(
        '逐条设置检查规则：规则名 → `"off"`、`"info"`、`"warning"`、`"error"`，或 `{ "severity": …, "options": { … } }`。',
        'Per-rule settings: rule id → `"off"`, `"info"`, `"warning"`, `"error"`, or `{ "severity": …, "options": { … } }`.',
      ),
      default: {},
    },
  },
  {
    key: 'bannedPhrases',
    schema: {
      type: 'array',
      markdown: true,
      default: [],
      description: T('禁用词语：字符串，或 `{ "phrase": …, "replacement": …, "message": … }`；按字面匹配，不作正则。', 'Banned phrases: strings, or `{ "phrase": …, "replacement": …, "message": … }`; matched literally, never as patterns.'),
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            required: ['phrase'],
            properties: {
              phrase: { type: 'string', minLength: 1, description: T('要查找的词语', 'The phrase to find') },
              replacement: { type: 'string', description: T('建议替换为', 'Suggested replacement') },
              message: { type: 'string', description: T('提示信息', 'Message shown') },
            },
          },
        ],
      },
    },
  },
  {
    key: 'bannedPhrasePresets',
    schema: {
      type: 'array',
      default: [],
      uniqueItems: true,
      description: T('启用内置的禁用词表。', 'Built-in phrase lists to enable.'),
      items: {
        type: 'string',
        enum: [...BANNED_PHRASE_PRESET_NAMES],
        enumDescriptions: [T('文风：常见的空话、套话（提示级别）', 'Wenfeng: stock phrases of officialese (info)')],
        enumItemLabels: [T('文风', 'Wenfeng')],
      },
    },
  },
  {
    key: 'placeholders',
    schema: {
      type: 'array',
      default: [],
      uniqueItems: true,
      description: T('额外视为占位符的文字（内置：XX、xx、××、某某、【……】、汉字前的 *）。', 'Extra text treated as a placeholder (built in: XX, xx, ××, 某某, 【…】, * before Chinese).'),
      items: { type: 'string', minLength: 1 },
    },
  },
  {
    key: 'script',
    schema: {
      type: 'string',
      enum: ['auto', 'simplified', 'traditional', 'traditional-hk', 'traditional-tw'],
      default: 'auto',
      description: T('文稿使用的字形，用于检查简繁混用。', 'The draft’s script, for the mixed-script check.'),
      enumDescriptions: [
        T('自动判断（按多数字形）；繁体文稿按 OpenCC、香港、台湾任一标准通行的字形都算繁体', 'Decide from the text (the majority script); a traditional draft may use the forms of any standard (OpenCC, Hong Kong, Taiwan)'),
        T('简体', 'Simplified'),
        T('繁体（OpenCC、香港、台湾任一标准的字形）', 'Traditional (the forms of any standard: OpenCC, Hong Kong, Taiwan)'),
        T('繁体，按香港标准（只有其他标准通行的字形按简体字提示）', 'Traditional, Hong Kong standard (forms only other standards write count as simplified)'),
        T('繁体，按台湾标准（香港字形“温”“户”等按简体字提示）', 'Traditional, Taiwan standard (Hong Kong forms such as 温, 户 count as simplified)'),
      ],
      enumItemLabels: [T('自动', 'Auto'), T('简体', 'Simplified'), T('繁体', 'Traditional'), T('繁体（香港）', 'Traditional (Hong Kong)'), T('繁体（台湾）', 'Traditional (Taiwan)')],
    },
  },
  {
    key: 'language',
    schema: {
      type: 'string',
      enum: [...LANGUAGE_SETTINGS],
      default: 'zh',
      description: T('提示信息的语言。', 'Language of the messages.'),
      enumDescriptions: [T('中文，随文稿字形（繁体文稿用繁体）', 'Chinese in the draft’s script (traditional drafts get traditional)'), T('简体中文', 'Simplified Chinese'), T('繁体中文', 'Traditional Chinese'), T('英文', 'English')],
      enumItemLabels: [T('中文（随文稿）', 'Chinese (as the draft)'), T('简体中文', 'Simplified Chinese'), T('繁体中文', 'Traditional Chinese'), T('英文', 'English')],
    },
  },
  {
    key: 'speakingRate',
    schema: { type: 'integer', minimum: 60, maximum: 600, default: 200, description: T('讲话语速（字/分钟），用于估算讲话时长。', 'Speaking rate (字 per minute), for the estimated speaking time.') },
  },
  {
    key: 'export',
    schema: exportSchema(),
  },
  {
    key: 'presets',
    schema: {
      type: 'array',
      default: [],
      uniqueItems: true,
      markdown: true,
      description: T(
        '规则预设：一次设定一组规则的级别和选项；同一处设置中 `rules` 另列的规则以 `rules` 为准。',
        'Rule presets: set the severity and options of a group of rules at once; a rule the same settings list under `rules` keeps that setting.',
      ),
      items: {
        type: 'string',
        enum: Object.keys(SETTINGS_PRESETS),
        enumDescriptions: Object.values(SETTINGS_PRESETS).map((p) => p.description),
        enumItemLabels: Object.values(SETTINGS_PRESETS).map((p) => p.label),
      },
    },
  },
  {
    key: 'additionalLanguages',
    editorOnly: true,
    schema: {
      type: 'array',
      default: [],
      uniqueItems: true,
      markdown: true,
      description: T('把这些语言的文件也作为讲稿检查（`.speech` 文件总是检查）。', 'Also lint files of these languages as speech drafts (`.speech` files always are).'),
      items: {
        type: 'string',
        enum: ['markdown', 'plaintext'],
        enumDescriptions: [T('Markdown 文件', 'Markdown files'), T('纯文本文件', 'Plain-text files')],
        enumItemLabels: [T('Markdown 文件', 'Markdown'), T('纯文本', 'Plain text')],
      },
    },
  },
  {
    key: 'trace.server',
    editorOnly: true,
    schema: {
      type: 'string',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      description: T('记录与语言服务器之间的通信（用于排查问题）。', 'Trace the communication with the language server (for troubleshooting).'),
      enumDescriptions: [T('不记录', 'Off'), T('记录消息', 'Messages'), T('记录消息及内容', 'Messages and their content')],
      enumItemLabels: [T('关闭', 'Off'), T('消息', 'Messages'), T('消息及内容', 'Verbose')],
    },
  },
  {
    key: 'docsBaseUrl',
    editorOnly: true,
    schema: {
      type: 'string',
      default: '',
      markdown: true,
      description: T('诊断信息中规则文档链接的基础地址（例如团队自己存放的 `docs/rules/` 副本）。留空则使用扩展自带的文档页。', 'Base URL of the rule pages linked from diagnostics (e.g. your team’s copy of `docs/rules/`). Empty: the pages inside the extension.'),
    },
  },
];

function exportSchema(): SettingSchema {
  const defaults = defaultExportSettings();
  const PART: Record<ExportPart, Template> = {
    title: T('标题', 'Title'),
    body: T('正文（含称谓）', 'Body text (and the salutation)'),
    heading1: T('一级标题', 'Level-1 headings'),
    heading2: T('二级标题', 'Level-2 headings'),
    heading3: T('三级标题', 'Level-3 headings'),
    heading4: T('四级标题', 'Level-4 headings'),
    pageNumber: T('页码', 'Page numbers'),
  };
  const parts = <S extends SettingSchema>(each: (part: ExportPart) => S) => Object.fromEntries(EXPORT_PARTS.map((part) => [part, each(part)]));
  return {
    type: 'object',
    markdown: true,
    default: defaults,
    description: T('导出为 Word（公文格式）时各部分的字体和字号；默认按 GB/T 9704-2012。', 'Fonts and sizes of each part in the Word export (official-document format); GB/T 9704-2012 by default.'),
    properties: {
      fonts: {
        type: 'object',
        description: T('字体名称（按 Word 中显示的名称）', 'Font names (as Word shows them)'),
        properties: parts((part) => ({ type: 'string', minLength: 1, default: defaults.fonts[part], description: PART[part] })),
      },
      sizes: {
        type: 'object',
        description: T('字号：磅值（如 16），或“三号”“小四”等', 'Sizes: points (e.g. 16), or a 字号 such as "三号", "小四"'),
        properties: parts((part) => ({
          anyOf: [{ type: 'number', minimum: 1, maximum: 200 }, { type: 'string', enum: ZIHAO_NAMES }],
          default: defaults.sizes[part],
          description: PART[part],
        })),
      },
      level3Bold: { type: 'boolean', default: defaults.level3Bold, description: T('三级标题加粗', 'Bold level-3 headings') },
    },
  };
}

/** The settings the linter reads (not the editor-only ones). */
export const LINT_SETTING_KEYS: readonly (keyof SpeechLintSettings)[] = SETTINGS.filter((s) => !s.editorOnly).map((s) => s.key as keyof SpeechLintSettings);

export function defaultSettings(): SpeechLintSettings {
  const out: Record<string, unknown> = {};
  for (const spec of SETTINGS) if (!spec.editorOnly) out[spec.key] = structuredClone(spec.schema.default);
  return out as unknown as SpeechLintSettings;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

let frozenDefaults: Readonly<SpeechLintSettings> | undefined;
/** The defaults as one frozen object, for a lint given no settings (no copy per lint; nothing may change it). */
export function sharedDefaultSettings(): Readonly<SpeechLintSettings> {
  return (frozenDefaults ??= deepFreeze(defaultSettings()));
}

export function limitFor(settings: SpeechLintSettings, kind: Kind): number {
  const table = settings.lengthPreset === 'custom' ? settings.limits : LENGTH_PRESETS[settings.lengthPreset];
  return table[kind];
}
