// Hover on a heading line: the section's 字数, its share of the whole and the speaking time; on the
// title line: the whole draft's 字数 against the limit.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { message } from '../core/messages';
import { sectionAt } from '../core/outline';
import { speakingTime } from '../core/stats';
import type { Analysis } from './analysis';
import { toRange } from './convert';
import { headingSpan } from './symbols';

export function hover(analysis: Analysis, position: Position): Hover | null {
  const { doc, settings, result, locale, parts } = analysis;
  const rate = settings.speakingRate;
  const total = doc.count.total;
  const say = (id: string, data?: Parameters<typeof message>[1]) => message(id, data, locale);
  const heading = doc.headings.find((h) => h.line === position.line && (!h.inline || positionInside(analysis, position, h.marker.start, h.title.end)));
  if (heading) {
    const section = sectionAt(doc, heading.prefix?.start ?? heading.marker.start);
    if (!section || section.heading !== heading) return null;
    const count = parts.sectionCount(section);
    const share = total > 0 ? Math.round((count * 100) / total) : 0;
    const title = `${heading.markerText}${heading.titleText}`.trim();
    const time = speakingTime(count, rate);
    const line = [say('ui/count', { count }), say('ui/share', { share }), say(time.id, time.data)].join(' · ');
    return {
      contents: { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(title)}**\n\n${line}  \n${say('ui/rate-note', { rate })}` },
      range: toRange(analysis.lines, headingSpan(section)),
    };
  }
  if (doc.title && doc.title.line === position.line) {
    const time = speakingTime(total, rate);
    const line = [say('ui/total', { total }), say('ui/limit', { limit: result.limit, kind: { id: `kind/${result.kind}` } }), say(time.id, time.data)].join(' · ');
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
