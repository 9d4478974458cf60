// Writes every file that follows from the rules' metadata and the settings table: the config file's
// JSON Schema, package.json's settings, the settings' nls entries (en, zh-cn, zh-tw), the grammar's
// rule-id list, the README's rules table and the zh-Hant message catalogue; and the word-list modules
// the typo and formulation rules load (server/src/core/data/*.ts from the .tsv beside them). `npm run generate` writes
// them; a test fails when any of them is stale. Build-time only: never bundled.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleSettingSchema, SEVERITY_SCHEMA, settingsSchema } from '../core/config-schema';
import type { Template } from '../core/i18n/format';
import { catalogue } from '../core/messages';
import type { Rule } from '../core/rule';
import { rules } from '../core/rules';
import type { SettingSchema } from '../core/schema';
import { convertScript } from '../core/script';
import { SETTINGS } from '../core/settings';

export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

const SECTION = 'speechDraft';

/** Traditional Chinese for the zh-Hant catalogue and nls: opencc's Taiwan forms and corner quotes. */
export function toTraditional(text: string): string {
  return convertScript(text, 'traditional').replace(/“/g, '「').replace(/”/g, '」').replace(/‘/g, '『').replace(/’/g, '』');
}

/** `#speechDraft.countMode#` (a VS Code settings link) as the config file's own key. */
function plainKeys(text: string): string {
  return text.replace(/`#speechDraft\.([\w.]+)#`/g, '`$1`');
}

function bilingual(t: Template): string {
  return `${plainKeys(t.zh)} / ${plainKeys(t.en)}`;
}

// ------------------------------------------------------------------ .speechlintrc.json schema

/** The schema as JSON Schema draft-07, descriptions in both languages. */
function jsonSchema(schema: SettingSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (schema.type) out.type = schema.type;
  if (schema.enum) out.enum = [...schema.enum];
  if (schema.minimum !== undefined) out.minimum = schema.minimum;
  if (schema.maximum !== undefined) out.maximum = schema.maximum;
  if (schema.minLength !== undefined) out.minLength = schema.minLength;
  if (schema.uniqueItems) out.uniqueItems = true;
  if (schema.default !== undefined) out.default = schema.default;
  if (schema.description) out.description = bilingual(schema.description);
  if (schema.enumDescriptions) out.enumDescriptions = schema.enumDescriptions.map(bilingual);
  if (schema.items) out.items = jsonSchema(schema.items);
  if (schema.anyOf) out.anyOf = schema.anyOf.map(jsonSchema);
  if (schema.required) out.required = [...schema.required];
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, jsonSchema(value)]));
    out.additionalProperties = typeof schema.additionalProperties === 'object' ? jsonSchema(schema.additionalProperties) : false;
  } else if (schema.type === 'object') {
    out.additionalProperties = typeof schema.additionalProperties === 'object' ? jsonSchema(schema.additionalProperties) : false;
  }
  return out;
}

function configSchemaFile(): GeneratedFile {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '.speechlintrc.json',
    description: '讲稿助手检查配置（与设置 speechDraft.* 相同，省略前缀）/ Speech Draft lint configuration (the speechDraft.* settings without the prefix)',
    ...jsonSchema(settingsSchema()),
  };
  return { path: 'schemas/speechlintrc.schema.json', content: `${JSON.stringify(schema, null, 2)}\n` };
}

// ------------------------------------------------------------------ package.json and nls

interface Nls {
  en: Record<string, string>;
  zh: Record<string, string>;
}

/** VS Code's form of a schema: descriptions as `%key%` references into the nls files. */
function vscodeSchema(schema: SettingSchema, key: string, nls: Nls, top = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (schema.type) out.type = schema.type;
  if (schema.enum) out.enum = [...schema.enum];
  if (schema.minimum !== undefined) out.minimum = schema.minimum;
  if (schema.maximum !== undefined) out.maximum = schema.maximum;
  if (schema.minLength !== undefined) out.minLength = schema.minLength;
  if (schema.uniqueItems) out.uniqueItems = true;
  if (schema.required) out.required = [...schema.required];
  if (schema.items) out.items = vscodeSchema(schema.items, key, nls);
  if (schema.anyOf) out.anyOf = schema.anyOf.map((branch) => vscodeSchema(branch, key, nls));
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, value]) => [name, vscodeSchema(value, `${key}.${name}`, nls)]));
    out.additionalProperties = false;
  }
  if (schema.enumDescriptions && schema.enum) {
    const keys = schema.enum.map((value) => `${key}.${value}`);
    schema.enumDescriptions.forEach((t, i) => {
      nls.en[keys[i]] = t.en;
      nls.zh[keys[i]] = t.zh;
    });
    out[schema.markdown ? 'markdownEnumDescriptions' : 'enumDescriptions'] = keys.map((k) => `%${k}%`);
  }
  if (schema.enumItemLabels && schema.enum) {
    const keys = schema.enum.map((value) => `${key}.${value}.label`);
    schema.enumItemLabels.forEach((t, i) => {
      nls.en[keys[i]] = t.en;
      nls.zh[keys[i]] = t.zh;
    });
    out.enumItemLabels = keys.map((k) => `%${k}%`);
  }
  if (schema.default !== undefined) out.default = schema.default;
  if (schema.description) {
    nls.en[key] = schema.description.en;
    nls.zh[key] = schema.description.zh;
    out[top || schema.markdown ? 'markdownDescription' : 'description'] = `%${key}%`;
  }
  return out;
}

/** `speechDraft.rules` for VS Code: each rule's severity and its own options. */
function vscodeRules(nls: Nls): Record<string, unknown> {
  const severity = vscodeSchema(SEVERITY_SCHEMA, 'config.severity', nls);
  const properties: Record<string, unknown> = {};
  for (const rule of rules) {
    const key = `config.rule.${rule.meta.id}`;
    const branches = ruleSettingSchema(rule).anyOf!;
    const objectBranch = branches[1];
    const options = objectBranch.properties!.options;
    properties[rule.meta.id] = {
      markdownDescription: `%${key}%`,
      anyOf: [
        severity,
        {
          type: 'object',
          properties: {
            severity,
            options: vscodeSchema(options, `${key}.options`, nls),
          },
          additionalProperties: false,
        },
      ],
    };
    nls.en[key] = rule.meta.description.en;
    nls.zh[key] = rule.meta.description.zh;
  }
  return properties;
}

function configuration(nls: Nls): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  SETTINGS.forEach((spec, order) => {
    const key = `config.${spec.key}`;
    const schema = vscodeSchema(spec.schema, key, nls, true);
    if (spec.key === 'rules') {
      schema.properties = vscodeRules(nls);
      schema.additionalProperties = false;
    }
    properties[`${SECTION}.${spec.key}`] = { ...schema, scope: 'resource', order };
  });
  nls.en['config.title'] = 'Speech Draft';
  nls.zh['config.title'] = '讲稿助手';
  return { title: '%config.title%', properties };
}

function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The nls file with its hand-written keys kept and every `config.*` key generated. */
function mergeNls(existing: Record<string, string>, generated: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(existing)) if (!key.startsWith('config.')) out[key] = value;
  for (const key of Object.keys(generated).sort()) out[key] = generated[key];
  return out;
}

function packageFiles(root: string): GeneratedFile[] {
  const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;
  const nls: Nls = { en: {}, zh: {} };
  const pkg = read<{ contributes: Record<string, unknown> }>('package.json');
  pkg.contributes.configuration = configuration(nls);
  const en = mergeNls(read<Record<string, string>>('package.nls.json'), nls.en);
  const zh = mergeNls(read<Record<string, string>>('package.nls.zh-cn.json'), nls.zh);
  const tw = Object.fromEntries(Object.entries(zh).map(([key, value]) => [key, toTraditional(value)]));
  return [
    { path: 'package.json', content: jsonText(pkg) },
    { path: 'package.nls.json', content: jsonText(en) },
    { path: 'package.nls.zh-cn.json', content: jsonText(zh) },
    { path: 'package.nls.zh-tw.json', content: jsonText(tw) },
  ];
}

// ------------------------------------------------------------------ grammar, README, catalogue

export const RULE_ID_SCOPE = 'variable.parameter.rule-id.speech';

function grammarFile(root: string): GeneratedFile {
  const file = 'syntaxes/speech.tmLanguage.json';
  const grammar = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as { repository: { comment: { patterns: { match?: string; name?: string }[] } } };
  const patterns = grammar.repository.comment.patterns;
  const pattern = patterns.find((p) => p.name === RULE_ID_SCOPE);
  if (!pattern) throw new Error(`${file}: no pattern named ${RULE_ID_SCOPE} in repository.comment`);
  pattern.match = `(?<![A-Za-z0-9_-])(?:${rules.map((r) => r.meta.id).join('|')})(?![A-Za-z0-9_-])`;
  return { path: file, content: jsonText(grammar) };
}

const SEVERITY_ZH = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

function fixColumn(rule: Rule): string {
  if (rule.meta.fixable === 'code') return rule.meta.hasSuggestions ? '✔（部分为建议 some as suggestions）' : '✔';
  return rule.meta.hasSuggestions ? '建议 suggestion' : '';
}

export function rulesTableMarkdown(): string {
  const rows = rules.map((rule) => {
    const { id, description, defaultSeverity, docs } = rule.meta;
    return `| [${id}](${docs}) | ${description.zh}<br>${description.en} | ${SEVERITY_ZH[defaultSeverity]} | ${fixColumn(rule)} |`;
  });
  return ['| 规则 rule | 检查什么 what it finds | 默认级别 default | 可修复 fix |', '|---|---|---|---|', ...rows].join('\n');
}

export const RULES_TABLE_START = '<!-- rules-table:start (npm run generate) -->';
export const RULES_TABLE_END = '<!-- rules-table:end -->';

function readmeFile(root: string): GeneratedFile {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.search(/<!-- rules-table:start[^>]*-->/);
  const end = readme.indexOf(RULES_TABLE_END);
  if (start === -1 || end === -1 || end < start) throw new Error('README.md: rules table markers missing');
  return { path: 'README.md', content: `${readme.slice(0, start)}${RULES_TABLE_START}\n${rulesTableMarkdown()}\n${readme.slice(end)}` };
}

function zhHantFile(): GeneratedFile {
  const entries = [...catalogue()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(([id, template]) => `  ${JSON.stringify(id)}: ${JSON.stringify(toTraditional(template.zh))},`);
  const content = [
    '// Generated by `npm run generate` from the zh-Hans templates (opencc cn → tw, corner quotes). Do not edit.',
    'export const ZH_HANT: Readonly<Record<string, string>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
  return { path: 'server/src/core/i18n/zh-hant.ts', content };
}

// ------------------------------------------------------------------ word lists

export const WORD_LIST_FILES = { typos: 'server/src/core/data/typos.tsv', formulations: 'server/src/core/data/formulations.tsv' } as const;

const WORD_LIST_COLUMNS = {
  typos: ['wrong', 'right', 'exceptions', 'example', 'note'],
  formulations: ['wrong', 'right', 'since', 'source', 'exceptions', 'example', 'note'],
} as const;

/** One entry of a word list file as written (exceptions split, `-` read as none). */
export interface WordListFileEntry {
  /** 1-based line in the file. */
  line: number;
  wrong: string;
  right: string;
  exceptions: string[];
  example: string;
  note: string;
  since?: string;
  source?: string;
}

/** The tags a note may carry, and the flag letter each becomes in the generated module. */
export const NOTE_TAGS = { 需上下文: 'c', 异形词: 'v', 港台常用: 'h' } as const;

/** Reads a word list: `#` lines are comments; every other non-empty line is one entry. */
export function readWordList(root: string, list: keyof typeof WORD_LIST_FILES): WordListFileEntry[] {
  const columns = WORD_LIST_COLUMNS[list];
  const text = fs.readFileSync(path.join(root, WORD_LIST_FILES[list]), 'utf8');
  const entries: WordListFileEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const fields = line.split('\t');
    if (fields.length !== columns.length) throw new Error(`${WORD_LIST_FILES[list]}:${i + 1}: ${fields.length} columns, expected ${columns.length}`);
    const row = Object.fromEntries(columns.map((name, k) => [name, fields[k]])) as Record<string, string>;
    entries.push({
      line: i + 1,
      wrong: row.wrong,
      right: row.right,
      exceptions: row.exceptions === '-' ? [] : row.exceptions.split(','),
      example: row.example,
      note: row.note,
      ...(row.since ? { since: row.since } : {}),
      ...(row.source ? { source: row.source } : {}),
    });
  });
  return entries;
}

/** The note as the finding shows it: without its tags. */
export function noteShown(note: string): string {
  return note.replace(/【[^】]*】/g, (tag) => (tag.slice(1, -1) in NOTE_TAGS ? '' : tag)).replace(/^；+|；+$/g, '').replace(/；；+/g, '；');
}

function noteFlags(note: string): string {
  return Object.entries(NOTE_TAGS)
    .filter(([tag]) => note.includes(`【${tag}】`))
    .map(([, flag]) => flag)
    .join('');
}

function wordListModule(list: keyof typeof WORD_LIST_FILES, constName: string, root: string): GeneratedFile {
  const rows = readWordList(root, list).map((e) => {
    const row: unknown[] = [e.wrong, e.right, e.exceptions, noteShown(e.note), noteFlags(e.note)];
    if (e.since) row.push(e.since);
    return `  ${JSON.stringify(row)},`;
  });
  const content = [
    `// Generated by \`npm run generate\` from ${path.basename(WORD_LIST_FILES[list])} (wrong, right, exceptions, note, flags${list === 'formulations' ? ', since' : ''}). Do not edit.`,
    "import type { WordRow } from '../proofread/wordlist';",
    '',
    `export const ${constName}: readonly WordRow[] = [`,
    ...rows,
    '];',
    '',
  ].join('\n');
  return { path: WORD_LIST_FILES[list].replace(/\.tsv$/, '.ts'), content };
}

/** Every generated file with the content it should have. */
export function generatedFiles(root: string): GeneratedFile[] {
  return [
    configSchemaFile(),
    ...packageFiles(root),
    grammarFile(root),
    readmeFile(root),
    zhHantFile(),
    wordListModule('typos', 'TYPOS', root),
    wordListModule('formulations', 'FORMULATIONS', root),
  ];
}

/** Writes the files that differ; returns their paths. */
export function writeGenerated(root: string): string[] {
  const written: string[] = [];
  for (const file of generatedFiles(root)) {
    const target = path.join(root, file.path);
    const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (before === file.content) continue;
    fs.writeFileSync(target, file.content);
    written.push(file.path);
  }
  return written;
}
