// The settings schema, built once from the settings table and the rules' metadata, and the merge that
// validates untrusted settings (a config file, VS Code's settings) over a base. The generator writes
// this same schema out as schemas/speechlintrc.schema.json and package.json's settings.
import type { Template } from './i18n/format';
import type { Rule } from './rule';
import { rules } from './rules';
import { DROPPED, validate, type SchemaProblem, type SettingSchema } from './schema';
import { parseFontSize, type ExportSettings } from '../docx/settings';
import { SETTINGS, SETTINGS_PRESETS, type BannedPhrase, type RuleSetting, type SpeechLintSettings } from './settings';
import type { SeveritySetting } from './types';

const T = (zh: string, en: string): Template => ({ zh, en });

export const SEVERITY_SCHEMA: SettingSchema = {
  type: 'string',
  enum: ['off', 'info', 'warning', 'error'],
  description: T('严重级别', 'Severity'),
  enumDescriptions: [T('关闭此规则', 'Turn the rule off'), T('提示：信息级别，不算问题', 'Info: a hint, not a problem'), T('警告', 'Warning'), T('错误：命令行以退出码 1 结束', 'Error: the command line exits with 1')],
  enumItemLabels: [T('关闭', 'Off'), T('提示', 'Info'), T('警告', 'Warning'), T('错误', 'Error')],
};

/** `"warning"` or `{ "severity": "warning", "options": { … } }` for one rule. */
export function ruleSettingSchema(rule: Rule): SettingSchema {
  const options: SettingSchema = { type: 'object', description: T('规则的选项', 'The rule’s options'), properties: rule.meta.options, keyName: 'option' };
  return {
    description: rule.meta.description,
    anyOf: [SEVERITY_SCHEMA, { type: 'object', properties: { severity: SEVERITY_SCHEMA, options } }],
  };
}

export function rulesSchema(list: readonly Rule[] = rules): SettingSchema {
  const base = SETTINGS.find((s) => s.key === 'rules')!.schema;
  return { ...base, properties: Object.fromEntries(list.map((rule) => [rule.meta.id, ruleSettingSchema(rule)])), keyName: 'rule' };
}

let cached: SettingSchema | undefined;

/** The schema of the lint settings (a `.speechlintrc.json`, or the `speechDraft` section without editor-only keys). */
export function settingsSchema(): SettingSchema {
  if (cached) return cached;
  const properties: Record<string, SettingSchema> = { $schema: { type: 'string', description: T('JSON Schema 地址', 'URI of the JSON schema') } };
  for (const spec of SETTINGS) {
    if (spec.editorOnly) continue;
    properties[spec.key] = spec.key === 'rules' ? rulesSchema() : spec.schema;
  }
  cached = { type: 'object', properties, keyName: 'field' };
  return cached;
}

/** Settings problems name the field; `prefix` (e.g. `speechDraft`) is prepended for the editor's. */
export type SettingsProblem = SchemaProblem;

/**
 * Validates an untrusted settings object and merges it over `base`. Every bad field is reported and
 * skipped; the rest still applies. `limits` merges per key and `rules` per rule.
 */
export function mergeSettings(base: SpeechLintSettings, input: unknown, problems: SettingsProblem[], prefix = ''): SpeechLintSettings {
  const out: SpeechLintSettings = { ...base, limits: { ...base.limits }, rules: { ...base.rules } };
  if (input === undefined || input === null) return out;
  const checked = validate(input, settingsSchema(), prefix, problems);
  if (checked === DROPPED || typeof checked !== 'object' || checked === null) {
    if (problems.length && !problems[problems.length - 1].field) problems[problems.length - 1].field = '(root)';
    return out;
  }
  for (const [key, value] of Object.entries(checked as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (key === 'limits') out.limits = { ...out.limits, ...(value as object) };
    else if (key === 'rules') out.rules = { ...out.rules, ...(value as object) };
    // A phrase may be written as a plain string: the same as `{ "phrase": … }`.
    else if (key === 'export') out.export = mergeExport(out.export, value as Partial<Record<keyof ExportSettings, unknown>>);
    else if (key === 'bannedPhrases') out.bannedPhrases = (value as (string | BannedPhrase)[]).map((entry) => (typeof entry === 'string' ? { phrase: entry } : entry));
    else (out as unknown as Record<string, unknown>)[key] = value;
  }
  const presets = (checked as { presets?: string[] }).presets;
  if (presets) applyPresets(out, presets, ((checked as { rules?: object }).rules ?? {}) as Record<string, SeveritySetting | RuleSetting>);
  return out;
}

/**
 * The presets' rules go under the rules listed beside them (`own`) and over those merged before: a
 * rule both set keeps its own severity, and their options merge, its own winning.
 */
function applyPresets(out: SpeechLintSettings, presets: readonly string[], own: Record<string, SeveritySetting | RuleSetting>): void {
  for (const name of presets) {
    for (const [id, preset] of Object.entries(SETTINGS_PRESETS[name]?.rules ?? {})) {
      const mine = Object.prototype.hasOwnProperty.call(own, id) ? own[id] : undefined;
      if (mine === undefined) out.rules[id] = preset;
      else if (typeof mine === 'string') out.rules[id] = preset.options ? { ...preset, severity: mine } : mine;
      else out.rules[id] = { severity: mine.severity ?? preset.severity, options: { ...preset.options, ...mine.options } };
    }
  }
}

/** The export settings merged part by part over the base; a 字号 (三号) becomes its size in points. */
function mergeExport(base: ExportSettings, value: Partial<Record<keyof ExportSettings, unknown>>): ExportSettings {
  const sizes = { ...base.sizes };
  for (const [part, size] of Object.entries((value.sizes ?? {}) as Record<string, number | string>)) {
    sizes[part as keyof typeof sizes] = parseFontSize(size) ?? sizes[part as keyof typeof sizes];
  }
  return {
    fonts: { ...base.fonts, ...(value.fonts as Partial<ExportSettings['fonts']> | undefined) },
    sizes,
    level3Bold: typeof value.level3Bold === 'boolean' ? value.level3Bold : base.level3Bold,
  };
}
