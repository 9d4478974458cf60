// Hover on a heading line: the section's 字数, its share of the whole and the speaking time; on the
// title line: the whole draft's 字数 against the limit.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { sectionAt } from '../core/outline';
import type { Language } from '../core/types';
import type { Analysis } from './analysis';
import { t, toRange } from './convert';
import { headingSpan } from './symbols';

export function speakingTime(count: number, rate: number, language: Language): string {
  const minutes = count / Math.max(1, rate);
  if (minutes < 1) return t(language, '不到 1 分钟', 'under 1 min');
  const rounded = Math.round(minutes);
  return t(language, `约 ${rounded} 分钟`, `about ${rounded} min`);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function kindLabel(kind: 'single' | 'comprehensive', language: Language): string {
  return kind === 'single' ? t(language, '单项', 'single-topic') : t(language, '综合', 'comprehensive');
}

export function hover(analysis: Analysis, position: Position): Hover | null {
  const { doc, settings, result } = analysis;
  const language = settings.language;
  const rate = settings.speakingRate;
  const total = doc.count.total;
  const heading = doc.headings.find((h) => h.line === position.line && (!h.inline || (positionInside(analysis, position, h.marker.start, h.title.end))));
  if (heading) {
    const section = sectionAt(doc, heading.prefix?.start ?? heading.marker.start);
    if (!section || section.heading !== heading) return null;
    const share = total > 0 ? Math.round((section.count * 100) / total) : 0;
    const title = `${heading.markerText}${heading.titleText}`.trim();
    const line = [
      `${formatCount(section.count)} 字`,
      t(language, `占全文 ${share}%`, `${share}% of the whole`),
      speakingTime(section.count, rate, language),
    ].join(' · ');
    const note = t(language, `（按每分钟 ${rate} 字计）`, `(at ${rate} 字 per minute)`);
    return {
      contents: { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(title)}**\n\n${line}  \n${note}` },
      range: toRange(analysis.lines, headingSpan(section)),
    };
  }
  if (doc.title && doc.title.line === position.line) {
    const line = [
      t(language, `全文 ${formatCount(total)} 字`, `${formatCount(total)} 字 in all`),
      t(language, `上限 ${formatCount(result.limit)}（${kindLabel(result.kind, language)}）`, `limit ${formatCount(result.limit)} (${kindLabel(result.kind, language)})`),
      speakingTime(total, rate, language),
    ].join(' · ');
    return { contents: { kind: MarkupKind.Markdown, value: line }, range: toRange(analysis.lines, doc.title) };
  }
  return null;
}

function positionInside(analysis: Analysis, position: Position, start: number, end: number): boolean {
  const line = analysis.lines[position.line];
  const offset = line.start + position.character;
  return offset >= start && offset <= end;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}
