// Labels shown by the client, in the language of the lint messages (speechDraft.language).
import type { SpeechStructure, StructureSection } from '../../server/src/protocol';

export type Language = 'zh' | 'en';

export function t(language: Language | undefined, zh: string, en: string): string {
  return language === 'en' ? en : zh;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function kindLabel(kind: SpeechStructure['kind'], language: Language | undefined): string {
  return kind === 'single' ? t(language, '单项', 'single') : t(language, '综合', 'comprehensive');
}

export function speakingTime(count: number, rate: number, language: Language | undefined): string {
  const minutes = count / Math.max(1, rate);
  if (minutes < 1) return t(language, '不到 1 分钟', 'under 1 min');
  return t(language, `约 ${Math.round(minutes)} 分钟`, `about ${Math.round(minutes)} min`);
}

export function share(count: number, total: number): number {
  return total > 0 ? Math.round((count * 100) / total) : 0;
}

/** `字数 2,870 / 5,000 · 综合` */
export function statusText(s: SpeechStructure): string {
  return t(s.language, `字数 ${formatCount(s.count.total)} / ${formatCount(s.count.limit)} · ${kindLabel(s.kind, s.language)}`, `${formatCount(s.count.total)} / ${formatCount(s.count.limit)} 字 · ${kindLabel(s.kind, s.language)}`);
}

export function sectionLabel(section: StructureSection): string {
  return `${section.marker}${section.title}`.trim();
}

export function findingsLabel(n: number, language: Language | undefined): string {
  return t(language, `${n} 个问题`, `${n} problem${n === 1 ? '' : 's'}`);
}
