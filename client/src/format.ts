// Labels shown by the client, in the language of the lint messages (the structure's `locale`), from
// the editor's message catalogue.
import type { MessageData } from '../../server/src/core/i18n/format';
import { uiMessage } from '../../server/src/core/i18n/ui';
import { speakingTime } from '../../server/src/core/stats';
import type { Locale, SpeechStructure, StructureSection } from '../../server/src/protocol';

export function say(locale: Locale | undefined, id: string, data?: MessageData): string {
  return uiMessage(id, data, locale ?? 'zh-Hans');
}

export function kindLabel(kind: SpeechStructure['kind'], locale: Locale | undefined): string {
  return say(locale, `kind/${kind}`);
}

export function speakingTimeLabel(count: number, rate: number, locale: Locale | undefined): string {
  const time = speakingTime(count, rate);
  return say(locale, time.id, time.data);
}

export function share(count: number, total: number): number {
  return total > 0 ? Math.round((count * 100) / total) : 0;
}

/** `字数 2,870 / 5,000 · 综合` */
export function statusText(s: SpeechStructure): string {
  return say(s.locale, 'client/status', { total: s.count.total, limit: s.count.limit, kind: { id: `kind/${s.kind}` } });
}

export function sectionLabel(section: StructureSection): string {
  return `${section.marker}${section.title}`.trim();
}

export function findingsLabel(n: number, locale: Locale | undefined): string {
  return say(locale, 'ui/findings', { count: n });
}

/** `1,234 字` */
export function countLabel(n: number, locale: Locale | undefined): string {
  return say(locale, 'ui/count', { count: n });
}
