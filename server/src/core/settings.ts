// The one typed settings object. Fed by `.speechlintrc.json`, by VS Code settings (`speechDraft.*`)
// and by command-line flags; every source is validated here.
import type { CountMode, Kind, Language, Level3Style, SeveritySetting } from './types';
import { checkExportSettings, defaultExportSettings, type ExportSettings } from '../docx/settings';

export type LengthPreset = 'local' | 'central2024' | 'speech' | 'custom';

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
  script: 'auto' | 'simplified' | 'traditional';
  language: Language;
  /** Characters per minute when estimating speaking time. */
  speakingRate: number;
  /** Word export: fonts and sizes (docx/settings.ts). */
  export: ExportSettings;
}

export const LENGTH_PRESETS: Record<Exclude<LengthPreset, 'custom'>, { single: number; comprehensive: number }> = {
  // The local rule quoted in the corpus: 3000 single-topic, 5000 comprehensive.
  local: { single: 3000, comprehensive: 5000 },
  // 2024 central rule (整治形式主义为基层减负若干规定).
  central2024: { single: 4000, comprehensive: 5000 },
  // 2007 State Council guidance for speeches: 5000 other meetings, 8000 national work conferences.
  speech: { single: 5000, comprehensive: 8000 },
};

export function defaultSettings(): SpeechLintSettings {
  return {
    kind: 'comprehensive',
    lengthPreset: 'local',
    limits: { single: 3000, comprehensive: 5000 },
    countMode: 'word',
    level3Style: 'dot',
    rules: {},
    bannedPhrases: [],
    bannedPhrasePresets: [],
    placeholders: [],
    script: 'auto',
    language: 'zh',
    speakingRate: 200,
    export: defaultExportSettings(),
  };
}

export function limitFor(settings: SpeechLintSettings, kind: Kind): number {
  const table = settings.lengthPreset === 'custom' ? settings.limits : LENGTH_PRESETS[settings.lengthPreset];
  return table[kind];
}

export interface SettingsProblem {
  /** Dotted path of the field, e.g. `rules.heading-sequence`. */
  field: string;
  message: string;
}

const SEVERITIES = ['off', 'info', 'warning', 'error'];
/** Phrase presets shipped with the linter (see presets/). */
export const BANNED_PHRASE_PRESET_NAMES = ['wenfeng'];

type Check = (value: unknown, field: string, problems: SettingsProblem[]) => unknown;

function oneOf(values: readonly string[]): Check {
  return (value, field, problems) => {
    if (typeof value === 'string' && values.includes(value)) return value;
    problems.push({ field, message: `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}` });
    return undefined;
  };
}

const positiveInteger: Check = (value, field, problems) => {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  problems.push({ field, message: 'must be a positive integer' });
  return undefined;
};

const stringList: Check = (value, field, problems) => {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0)) return value;
  problems.push({ field, message: 'must be an array of non-empty strings' });
  return undefined;
};

function checkLimits(value: unknown, field: string, problems: SettingsProblem[]): unknown {
  if (!isObject(value)) {
    problems.push({ field, message: 'must be an object { "single": N, "comprehensive": N }' });
    return undefined;
  }
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key !== 'single' && key !== 'comprehensive') {
      problems.push({ field: `${field}.${key}`, message: 'unknown field' });
      continue;
    }
    const n = positiveInteger(v, `${field}.${key}`, problems);
    if (n !== undefined) out[key] = n as number;
  }
  return out;
}

function checkBannedPhrases(value: unknown, field: string, problems: SettingsProblem[]): unknown {
  if (!Array.isArray(value)) {
    problems.push({ field, message: 'must be an array of { "phrase", "replacement"?, "message"? } or strings' });
    return undefined;
  }
  const out: BannedPhrase[] = [];
  value.forEach((entry, i) => {
    const at = `${field}[${i}]`;
    if (typeof entry === 'string' && entry.length > 0) {
      out.push({ phrase: entry });
      return;
    }
    if (!isObject(entry) || typeof entry.phrase !== 'string' || entry.phrase.length === 0) {
      problems.push({ field: at, message: 'must be a non-empty string or an object with a non-empty "phrase"' });
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!['phrase', 'replacement', 'message'].includes(key)) problems.push({ field: `${at}.${key}`, message: 'unknown field' });
    }
    if (entry.replacement !== undefined && typeof entry.replacement !== 'string') {
      problems.push({ field: `${at}.replacement`, message: 'must be a string' });
      return;
    }
    if (entry.message !== undefined && typeof entry.message !== 'string') {
      problems.push({ field: `${at}.message`, message: 'must be a string' });
      return;
    }
    out.push({ phrase: entry.phrase, replacement: entry.replacement as string | undefined, message: entry.message as string | undefined });
  });
  return out;
}

/** Validated later against the rule registry (unknown rule ids), here only for shape. */
function checkRules(value: unknown, field: string, problems: SettingsProblem[]): unknown {
  if (!isObject(value)) {
    problems.push({ field, message: 'must be an object keyed by rule id' });
    return undefined;
  }
  const out: Record<string, SeveritySetting | RuleSetting> = {};
  for (const [id, setting] of Object.entries(value)) {
    const at = `${field}.${id}`;
    if (typeof setting === 'string') {
      if (SEVERITIES.includes(setting)) out[id] = setting as SeveritySetting;
      else problems.push({ field: at, message: `must be one of "off", "info", "warning", "error" or { "severity", "options" }` });
      continue;
    }
    if (!isObject(setting)) {
      problems.push({ field: at, message: `must be one of "off", "info", "warning", "error" or { "severity", "options" }` });
      continue;
    }
    const rule: RuleSetting = {};
    for (const key of Object.keys(setting)) {
      if (key !== 'severity' && key !== 'options') problems.push({ field: `${at}.${key}`, message: 'unknown field' });
    }
    if (setting.severity !== undefined) {
      if (typeof setting.severity === 'string' && SEVERITIES.includes(setting.severity)) rule.severity = setting.severity as SeveritySetting;
      else problems.push({ field: `${at}.severity`, message: 'must be one of "off", "info", "warning", "error"' });
    }
    if (setting.options !== undefined) {
      if (isObject(setting.options)) rule.options = setting.options;
      else problems.push({ field: `${at}.options`, message: 'must be an object' });
    }
    out[id] = rule;
  }
  return out;
}

const FIELDS: Record<keyof SpeechLintSettings, Check> = {
  kind: oneOf(['single', 'comprehensive']),
  lengthPreset: oneOf(['local', 'central2024', 'speech', 'custom']),
  limits: checkLimits,
  countMode: oneOf(['word', 'chars', 'hanzi']),
  level3Style: oneOf(['dot', 'dun']),
  rules: checkRules,
  bannedPhrases: checkBannedPhrases,
  bannedPhrasePresets: (value, field, problems) => {
    const list = stringList(value, field, problems) as string[] | undefined;
    const unknown = list?.filter((name) => !BANNED_PHRASE_PRESET_NAMES.includes(name)) ?? [];
    if (unknown.length) problems.push({ field, message: `unknown preset ${unknown.map((n) => JSON.stringify(n)).join(', ')}: available ${BANNED_PHRASE_PRESET_NAMES.map((n) => JSON.stringify(n)).join(', ')}` });
    return list?.filter((name) => BANNED_PHRASE_PRESET_NAMES.includes(name));
  },
  placeholders: stringList,
  script: oneOf(['auto', 'simplified', 'traditional']),
  language: oneOf(['zh', 'en']),
  speakingRate: positiveInteger,
  export: checkExportSettings,
};

/** Field names accepted in `.speechlintrc.json` besides the settings themselves. */
const IGNORED_FIELDS = new Set(['$schema']);

/**
 * Merges a partial, untrusted settings object over `base`. Every bad field is reported and skipped;
 * the rest still applies.
 */
export function mergeSettings(base: SpeechLintSettings, input: unknown, problems: SettingsProblem[], prefix = ''): SpeechLintSettings {
  const out: SpeechLintSettings = { ...base, limits: { ...base.limits }, rules: { ...base.rules } };
  if (input === undefined || input === null) return out;
  if (!isObject(input)) {
    problems.push({ field: prefix || '(root)', message: 'must be a JSON object' });
    return out;
  }
  for (const [key, value] of Object.entries(input)) {
    if (IGNORED_FIELDS.has(key)) continue;
    const field = prefix ? `${prefix}.${key}` : key;
    const check = (FIELDS as Record<string, Check>)[key];
    if (!check) {
      problems.push({ field, message: 'unknown field' });
      continue;
    }
    if (value === undefined || value === null) continue;
    const checked = check(value, field, problems);
    if (checked === undefined) continue;
    if (key === 'limits') out.limits = { ...out.limits, ...(checked as object) };
    else if (key === 'rules') out.rules = { ...out.rules, ...(checked as object) };
    else (out as unknown as Record<string, unknown>)[key] = checked;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
