// Message templates and their rendering. A message is an id plus data; its text comes from a catalogue
// per locale (zh-Hans and en written by hand, zh-Hant generated from zh-Hans). Pure: no opencc here,
// so the client can bundle it.
//
// Placeholders: `{name}` the value as is (numbers plain, lists joined with 、 or ", ", a nested message
// rendered in the same locale); `{name:cn}` a number as a Chinese numeral (三); `{name:count}` the same
// with 两 for 2 (两项); `{name:group}` a number with thousands separators (5,230);
// `{name:or}`, `{name:and}` a list joined with 或 / " or ", 和 / " and "; `{name:plural:one:other}` the word `one` when the number is 1, else `other` (English plurals).

import { formatChineseNumeral } from '../numerals';

export type Locale = 'zh-Hans' | 'zh-Hant' | 'en';
/** The `language` setting: `zh` follows the draft's script (traditional drafts get zh-Hant). */
export type LanguageSetting = 'zh' | 'zh-Hans' | 'zh-Hant' | 'en';
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['zh', 'zh-Hans', 'zh-Hant', 'en'];

/** A message's text in the two hand-written languages. */
export interface Template {
  zh: string;
  en: string;
}

export interface MessageRef {
  id: string;
  data?: MessageData;
}

export type DataValue = string | number | MessageRef | readonly DataValue[];
export type MessageData = Readonly<Record<string, DataValue>>;

/** The locale messages are shown in, from the setting and the draft's script. */
export function resolveLocale(setting: LanguageSetting | undefined, script?: 'simplified' | 'traditional'): Locale {
  if (setting === 'en' || setting === 'zh-Hans' || setting === 'zh-Hant') return setting;
  return script === 'traditional' ? 'zh-Hant' : 'zh-Hans';
}

export function isChinese(locale: Locale): boolean {
  return locale !== 'en';
}


/** 5230 → `5,230`, without depending on the runtime's locale data. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Looks up a template's text for a locale (undefined when the id is unknown). */
export type TemplateLookup = (id: string, locale: Locale) => string | undefined;

function isList(value: DataValue): value is readonly DataValue[] {
  return Array.isArray(value);
}

function isRef(value: DataValue): value is MessageRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as MessageRef).id === 'string';
}

function renderValue(value: DataValue | undefined, locale: Locale, lookup: TemplateLookup): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isList(value)) return value.map((v) => renderValue(v, locale, lookup)).join(isChinese(locale) ? '、' : ', ');
  return isRef(value) ? renderMessage(value.id, value.data, locale, lookup) : '';
}

const PLACEHOLDER = /\{([A-Za-z][\w]*)(?::([a-z]+)(?::([^:{}]*):([^:{}]*))?)?\}/g;

/** Renders a template's text with its data. An unknown id renders as the id itself. */
export function renderMessage(id: string, data: MessageData | undefined, locale: Locale, lookup: TemplateLookup): string {
  const template = lookup(id, locale) ?? (locale === 'en' ? undefined : lookup(id, 'en')) ?? id;
  return fillTemplate(template, data, locale, lookup);
}

interface Placeholder {
  whole: string;
  name: string;
  format?: string;
  one?: string;
  other?: string;
}

/** A template split once into its literal text and placeholders (a lint renders thousands of messages). */
const compiled = new Map<string, (string | Placeholder)[]>();

function compile(template: string): (string | Placeholder)[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > at) parts.push(template.slice(at, m.index));
    parts.push({ whole: m[0], name: m[1], format: m[2], one: m[3], other: m[4] });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push(template.slice(at));
  compiled.set(template, parts);
  return parts;
}

export function fillTemplate(template: string, data: MessageData | undefined, locale: Locale, lookup: TemplateLookup): string {
  const parts = compile(template);
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? part : fillPlaceholder(part, data?.[part.name], locale, lookup);
  return out;
}

function fillPlaceholder({ whole, format, one, other }: Placeholder, value: DataValue | undefined, locale: Locale, lookup: TemplateLookup): string {
  switch (format) {
    case undefined:
      return renderValue(value, locale, lookup);
    case 'cn':
      return typeof value === 'number' ? formatChineseNumeral(value) : renderValue(value, locale, lookup);
    case 'count':
      if (value === 2) return locale === 'zh-Hant' ? '兩' : '两';
      return typeof value === 'number' ? formatChineseNumeral(value) : renderValue(value, locale, lookup);
    case 'or':
    case 'and': {
      if (value === undefined || !isList(value)) return renderValue(value, locale, lookup);
      const word = isChinese(locale) ? (format === 'or' ? '或' : '和') : format === 'or' ? ' or ' : ' and ';
      return value.map((v) => renderValue(v, locale, lookup)).join(word);
    }
    case 'group':
      return typeof value === 'number' ? groupDigits(value) : renderValue(value, locale, lookup);
    case 'plural':
      return value === 1 ? (one ?? '') : (other ?? '');
    default:
      return whole;
  }
}

/** The placeholder names a template uses (catalogue tests: every message renders with its data). */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}
