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

/** Columns a character takes in the workbench's font (CJK and full-width forms: two). */
function columns(char: string): number {
  const cp = char.codePointAt(0)!;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000;
  return wide ? 2 : 1;
}

/** Columns of a sidebar row for a top-level heading's name (one level deeper: two fewer). */
export const OUTLINE_NAME_COLUMNS = 26;

/**
 * A heading as the Outline and breadcrumbs show it: cut to `maxColumns` (with `…`), so that the
 * 字数 after it stays in view in a sidebar of the usual width.
 */
export function outlineName(name: string, maxColumns: number): string {
  const chars = Array.from(name);
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    width += columns(chars[i]);
    if (width > maxColumns) return `${chars.slice(0, Math.max(1, i - 1)).join('')}…`;
  }
  return name;
}
