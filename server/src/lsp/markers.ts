// What may come next at a place in the draft: the next heading marker of each level that fits there
// and the next word of the enumeration in progress. Read off the parse (doc.headings,
// doc.enumerations) with the core's marker formats; used by completion and 插入章节….
import { canonicalMarker } from '../core/parse';
import { formatChineseNumeral } from '../core/numerals';
import type { SpeechLintSettings } from '../core/settings';
import type { EnumerationItem, Heading, HeadingLevel, SpeechDocument } from '../core/types';
import type { NextMarker, SectionTemplate } from '../protocol';
import { toPosition } from './convert';

/** Headings that start before `line` (0-based). */
function headingsBefore(doc: SpeechDocument, line: number): Heading[] {
  const out: Heading[] = [];
  for (const h of doc.headings) {
    if (h.line >= line) break;
    out.push(h);
  }
  return out;
}

/** The number the next heading of `level` takes after these headings (1 after a parent or at the start). */
export function nextNumber(before: Heading[], level: HeadingLevel): number {
  for (let i = before.length - 1; i >= 0; i--) {
    const h = before[i];
    if (h.level === level) return h.number + 1;
    if (h.level < level) return 1;
  }
  return 1;
}

const SEQUENCE_NEXT: Record<string, string[]> = { 首先: ['其次', '最后'], 其次: ['再次', '最后'], 再次: ['最后'] };

/** The next word(s) of the enumeration in progress at `offset` (no heading since its last item). */
export function nextEnumerationWords(doc: SpeechDocument, offset: number, lastHeading?: Heading): string[] {
  let best: EnumerationItem | undefined;
  let bestList: EnumerationItem[] | undefined;
  const floor = lastHeading ? lastHeading.marker.start : -1;
  for (const list of doc.enumerations) {
    let last: EnumerationItem | undefined;
    for (const item of list.items) if (item.end <= offset) last = item;
    if (!last || last.start < floor) continue;
    if (!best || last.start > best.start) {
      best = last;
      bestList = list.items;
    }
  }
  if (!best || !bestList) return [];
  const punct = /[，,、：:]$/.exec(best.text)?.[0] ?? '，';
  switch (best.family) {
    case 'shi-yao':
      return best.number > 0 ? [`${formatChineseNumeral(best.number + 1)}${best.series}`] : [];
    case 'ordinal':
      return best.number > 0 ? [`第${formatChineseNumeral(best.number + 1)}${punct}`] : [];
    case 'sequence': {
      const word = doc.normalized.slice(best.start, best.start + 2);
      return (SEQUENCE_NEXT[word] ?? []).map((w) => `${w}${punct}`);
    }
  }
}

/**
 * Markers that may start a new line at `line` (0-based): the next sibling of the last heading
 * before it, its first child, the next of each of its ancestors, then the enumeration's next word.
 */
export function nextMarkers(doc: SpeechDocument, settings: SpeechLintSettings, line: number, offset: number): NextMarker[] {
  const before = headingsBefore(doc, line);
  const last = before[before.length - 1];
  const markers: NextMarker[] = [];
  const heading = (level: HeadingLevel, relation: NextMarker['relation']) =>
    markers.push({ text: canonicalMarker(level, nextNumber(before, level), settings.level3Style), kind: 'heading', level, relation });
  if (!last) {
    heading(1, 'first');
  } else {
    heading(last.level, 'sibling');
    if (last.level < 4) heading((last.level + 1) as HeadingLevel, 'child');
    for (let level = last.level - 1; level >= 1; level--) heading(level as HeadingLevel, 'parent');
  }
  for (const word of nextEnumerationWords(doc, offset, last)) markers.push({ text: word, kind: 'enumeration', relation: 'list' });
  return markers;
}

const LEVEL_NAMES_ZH = ['', '一级标题', '二级标题', '三级标题', '四级标题'];
const LEVEL_NAMES_EN = ['', 'Level-1 heading', 'Level-2 heading', 'Level-3 heading', 'Level-4 heading'];

/** Section templates numbered for the place: inserted at a blank line, else after the cursor's line. */
export function sectionTemplates(doc: SpeechDocument, settings: SpeechLintSettings, lineIndex: number): SectionTemplate[] {
  const line = doc.lines[Math.min(lineIndex, doc.lines.length - 1)];
  const blank = /^[\s\u3000]*$/.test(line.text);
  const indentLength = /^[\s\u3000]*/.exec(line.text)![0].length;
  const eol = /\r\n/.test(doc.text) ? '\r\n' : /\r/.test(doc.text) && !/\n/.test(doc.text) ? '\r' : '\n';
  // Numbers count the headings before the insertion point.
  const before = headingsBefore(doc, blank ? line.index : line.index + 1);
  const at = blank ? line.start + indentLength : line.end;
  const range = blank ? { start: toPosition(doc.lines, at), end: toPosition(doc.lines, line.end) } : { start: toPosition(doc.lines, at), end: toPosition(doc.lines, at) };
  const lead = blank ? '' : eol;
  const en = settings.language === 'en';
  const marker = (level: HeadingLevel, n = nextNumber(before, level)) => canonicalMarker(level, n, settings.level3Style);
  const title = en ? 'title' : '标题';
  const body = en ? 'text' : '正文';
  const sub = en ? 'subtitle' : '小标题';
  const templates: SectionTemplate[] = [];
  const add = (id: string, label: string, detail: string, lines: string[]) =>
    templates.push({ id, label, detail, range, snippet: lead + lines.join(eol) });
  for (const level of [1, 2, 3] as HeadingLevel[]) {
    const m = marker(level);
    const name = en ? LEVEL_NAMES_EN[level] : LEVEL_NAMES_ZH[level];
    if (level === 3) add(`level${level}`, `${m}${title}`, name, [`${m}\${1:${title}}。\${0:${body}}`]);
    else add(`level${level}`, `${m}${title}`, name, [`${m}\${1:${title}}`, `\${0:${body}}`]);
  }
  const m1 = marker(1);
  add('section', `${m1}${title} + （一）（二）（三）`, en ? 'Level-1 section with three subsections' : '一级标题及三个二级标题', [
    `${m1}\${1:${title}}`,
    `${canonicalMarker(2, 1, settings.level3Style)}\${2:${sub}}`,
    `\${3:${body}}`,
    `${canonicalMarker(2, 2, settings.level3Style)}\${4:${sub}}`,
    `\${5:${body}}`,
    `${canonicalMarker(2, 3, settings.level3Style)}\${6:${sub}}`,
    `\${0:${body}}`,
  ]);
  const m2 = marker(2);
  add('subsection', `${m2}${sub} + 一是…二是…三是…`, en ? 'Level-2 section with an enumeration' : '二级标题及“一是…二是…三是”', [
    `${m2}\${1:${sub}}`,
    `\${2:${en ? 'lead-in' : '总述'}}一是\${3:……}。二是\${4:……}。三是\${0:……}。`,
  ]);
  add('shi', '一是…二是…三是…', en ? 'Enumeration 一是/二是/三是' : '列举：一是、二是、三是', ['一是${1:……}。二是${2:……}。三是${0:……}。']);
  add('yao', '一要…二要…三要…', en ? 'Enumeration 一要/二要/三要' : '列举：一要、二要、三要', ['一要${1:……}。二要${2:……}。三要${0:……}。']);
  add('ordinal', '第一，…第二，…第三，…', en ? 'Enumeration 第一/第二/第三' : '列举：第一、第二、第三', ['第一，${1:……}。第二，${2:……}。第三，${0:……}。']);
  add('sequence', '首先，…其次，…最后，…', en ? 'Enumeration 首先/其次/最后' : '列举：首先、其次、最后', ['首先，${1:……}。其次，${2:……}。最后，${0:……}。']);
  return templates;
}
