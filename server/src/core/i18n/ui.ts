// The catalogue the client bundles: the core's and the editor's messages, without the rules.
import { CORE_MESSAGES } from './core-messages';
import { renderMessage, type Locale, type MessageData } from './format';
import { UI_MESSAGES } from './ui-messages';
import { ZH_HANT } from './zh-hant';

function lookup(id: string, locale: Locale): string | undefined {
  const template = Object.hasOwn(UI_MESSAGES, id) ? UI_MESSAGES[id] : Object.hasOwn(CORE_MESSAGES, id) ? CORE_MESSAGES[id] : undefined;
  if (!template) return undefined;
  if (locale === 'en') return template.en;
  return locale === 'zh-Hant' ? (ZH_HANT[id] ?? template.zh) : template.zh;
}

export function uiMessage(id: string, data: MessageData | undefined, locale: Locale): string {
  return renderMessage(id, data, locale, lookup);
}
