// What may come next at a place in the draft: the next heading marker of each level that fits there,
// the next word of the enumeration in progress, and section templates numbered for the place. Read
// off the parse (doc.headings, doc.enumerations) with the core's marker formats; the language server
// turns them into completions and the 插入章节… templates.
import type { Locale } from './i18n/format';
import { message } from './messages';
import { formatChineseNumeral } from './numerals';
import { canonicalMarker } from './parse';
import type { SpeechLintSettings } from './settings';
import { eolOf } from './text';
import type { EnumerationItem, Heading, HeadingLevel, Span, SpeechDocument } from './types';

export interface NextMarker {
  /** E.g. `三、`, `（一）`, `三是`. */
  text: string;
  kind: 'heading' | 'enumeration';
  /** Heading level (1–4); absent for enumeration words. */
  level?: HeadingLevel;
  /** Where the marker sits relative to the last heading before the position. */
  relation: 'sibling' | 'child' | 'parent' | 'first' | 'list';
}

export interface SectionTemplate {
  id: string;
  label: string;
  detail: string;
  /** What the template replaces (an empty span: inserted there). */
  span: Span;
  /** A VS Code snippet (`${1:标题}`). */
  snippet: string;
}

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

/** Section templates numbered for the place: inserted at a blank line, else after the cursor's line. */
export function sectionTemplates(doc: SpeechDocument, settings: SpeechLintSettings, lineIndex: number, locale: Locale): SectionTemplate[] {
  const line = doc.lines[Math.max(0, Math.min(lineIndex, doc.lines.length - 1))];
  const blank = /^[\s\u3000]*$/.test(line.text);
  const indentLength = /^[\s\u3000]*/.exec(line.text)![0].length;
  const eol = eolOf(doc.text);
  // Numbers count the headings before the insertion point.
  const before = headingsBefore(doc, blank ? line.index : line.index + 1);
  const at = blank ? line.start + indentLength : line.end;
  const span = blank ? { start: at, end: line.end } : { start: at, end: at };
  const lead = blank ? '' : eol;
  const word = (id: string) => message(`template/${id}`, undefined, locale);
  const marker = (level: HeadingLevel, n = nextNumber(before, level)) => canonicalMarker(level, n, settings.level3Style);
  const title = word('title');
  const body = word('body');
  const sub = word('subtitle');
  const templates: SectionTemplate[] = [];
  const add = (id: string, label: string, detail: string, lines: string[]) => templates.push({ id, label, detail, span, snippet: lead + lines.join(eol) });
  for (const level of [1, 2, 3] as HeadingLevel[]) {
    const m = marker(level);
    const name = message('ui/heading-of-level', { level: { id: `level/${level}` } }, locale);
    if (level === 3) add(`level${level}`, `${m}${title}`, name, [`${m}\${1:${title}}。\${0:${body}}`]);
    else add(`level${level}`, `${m}${title}`, name, [`${m}\${1:${title}}`, `\${0:${body}}`]);
  }
  const m1 = marker(1);
  add('section', `${m1}${title} + （一）（二）（三）`, word('section'), [
    `${m1}\${1:${title}}`,
    `${canonicalMarker(2, 1, settings.level3Style)}\${2:${sub}}`,
    `\${3:${body}}`,
    `${canonicalMarker(2, 2, settings.level3Style)}\${4:${sub}}`,
    `\${5:${body}}`,
    `${canonicalMarker(2, 3, settings.level3Style)}\${6:${sub}}`,
    `\${0:${body}}`,
  ]);
  const m2 = marker(2);
  add('subsection', `${m2}${sub} + 一是…二是…三是…`, word('subsection'), [`${m2}\${1:${sub}}`, `\${2:${word('lead')}}一是\${3:……}。二是\${4:……}。三是\${0:……}。`]);
  add('shi', '一是…二是…三是…', word('shi'), ['一是${1:……}。二是${2:……}。三是${0:……}。']);
  add('yao', '一要…二要…三要…', word('yao'), ['一要${1:……}。二要${2:……}。三要${0:……}。']);
  add('ordinal', '第一，…第二，…第三，…', word('ordinal'), ['第一，${1:……}。第二，${2:……}。第三，${0:……}。']);
  add('sequence', '首先，…其次，…最后，…', word('sequence'), ['首先，${1:……}。其次，${2:……}。最后，${0:……}。']);
  return templates;
}
