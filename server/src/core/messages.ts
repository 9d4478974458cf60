// The message catalogue: every text the linter shows, by id, per locale. Rule messages come from the
// rules' own `meta.messages` (id `<rule>/<messageId>`), the rest from core-messages and ui-messages;
// zh-Hans and en are written by hand, zh-Hant is generated from zh-Hans (i18n/zh-hant.ts).
import { CORE_MESSAGES } from './i18n/core-messages';
import { renderMessage, type Locale, type MessageData, type Template } from './i18n/format';
import { UI_MESSAGES } from './i18n/ui-messages';
import { ZH_HANT } from './i18n/zh-hant';
import { rules } from './rules';
import type { Finding, Suggestion } from './types';

let templates: Map<string, Template> | undefined;

/** Every template of the catalogue by id (rules' messages and descriptions included). */
export function catalogue(): Map<string, Template> {
  if (templates) return templates;
  templates = new Map<string, Template>();
  for (const [id, template] of Object.entries(CORE_MESSAGES)) templates.set(id, template);
  for (const [id, template] of Object.entries(UI_MESSAGES)) templates.set(id, template);
  for (const rule of rules) {
    templates.set(`${rule.meta.id}/description`, rule.meta.description);
    for (const [key, template] of Object.entries(rule.meta.messages)) templates.set(`${rule.meta.id}/${key}`, template);
  }
  return templates;
}

export function lookupTemplate(id: string, locale: Locale): string | undefined {
  const template = catalogue().get(id);
  if (!template) return undefined;
  if (locale === 'en') return template.en;
  if (locale === 'zh-Hant') return ZH_HANT[id] ?? template.zh;
  return template.zh;
}

export function message(id: string, data: MessageData | undefined, locale: Locale): string {
  return renderMessage(id, data, locale, lookupTemplate);
}

export function findingMessage(finding: Pick<Finding, 'rule' | 'messageId' | 'data'>, locale: Locale): string {
  return message(`${finding.rule}/${finding.messageId}`, finding.data, locale);
}

export function suggestionMessage(rule: string, suggestion: Suggestion, locale: Locale): string {
  return message(`${rule}/${suggestion.messageId}`, suggestion.data, locale);
}

export function ruleDescription(rule: string, locale: Locale): string {
  return message(`${rule}/description`, undefined, locale);
}
