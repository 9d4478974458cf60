// What may come next at a place in the draft: the next heading marker of each level that fits there,
// the next word of the enumeration in progress, and section templates numbered for the place. Read
// off the parse (doc.headings, doc.enumerations) with the core's marker formats; the language server
// turns them into completions and the 插入章节… templates.
import type { Locale, MessageRef } from './i18n/format';
import { message } from './messages';
import { formatChineseNumeral } from './numerals';
import { draftParts, sectionPath, type DraftParts } from './outline';
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

/** Where a heading template of one level goes, and how it is numbered. */
interface Placement {
  /** What the template replaces: an empty span, or the whitespace of the cursor's blank line there. */
  span: Span;
  /** The number the new heading takes. */
  number: number;
  /** A line break before the template (inserted at a line's end) or after it (at the text's start). */
  lead: string;
  trail: string;
  /** The template's detail: where it goes. */
  where: MessageRef;
  /** Picker order: the fits for the cursor's place first (sibling, child, parents…). */
  rank: number;
}

/** `二、突出重点` shortened for a picker's detail. */
function shortTitle(h: Heading): string {
  const chars = Array.from(`${h.markerText}${h.titleText}`.trim());
  return chars.length > 14 ? `${chars.slice(0, 13).join('')}…` : chars.join('');
}

/**
 * Section templates numbered for the place. A heading of level L goes at the end of the current
 * section of that level (its next sibling) or, when the cursor is not inside one, at the end of the
 * innermost section above that level (its last child) — never between a heading and its body, and
 * before the closing (结尾). In the opening it goes at the end of the opening. Enumerations go at
 * the cursor's blank line or after its line. The templates that fit the place best come first.
 */
export function sectionTemplates(
  doc: SpeechDocument,
  settings: SpeechLintSettings,
  lineIndex: number,
  locale: Locale,
  parts: DraftParts = draftParts(doc),
): SectionTemplate[] {
  const line = doc.lines[Math.max(0, Math.min(lineIndex, doc.lines.length - 1))];
  const eol = eolOf(doc.text);
  const closing = parts.closing;
  // On the closing's lines (or the page leftovers after it).
  const inClosing = !!closing && line.end >= closing.start;
  // The sections around the cursor; in the closing, the last ones (a new section goes before it).
  const path = inClosing ? sectionPath(doc, Math.max(0, closing.start - 1)) : sectionPath(doc, lineOffset(doc, line));
  const current = inClosing ? undefined : path[path.length - 1];
  const trimmedEnd = (span: Span) => {
    let end = span.end;
    while (end > span.start && /[\s\u3000]/.test(doc.text[end - 1])) end--;
    return end;
  };
  const word = (id: string) => message(`template/${id}`, undefined, locale);
  const blank = /^[\s\u3000]*$/.test(line.text);
  const indentLength = /^[\s\u3000]*/.exec(line.text)![0].length;

  const place = (level: HeadingLevel): Placement => {
    const sibling = path.find((s) => s.heading.level === level);
    const parent = [...path].reverse().find((s) => s.heading.level < level);
    const anchor = sibling ?? parent;
    let at: number;
    let where: MessageRef;
    if (anchor) {
      at = trimmedEnd(parts.sectionSpan(anchor));
      where = { id: 'template/at-end-of', data: { title: shortTitle(anchor.heading) } };
    } else {
      // The opening (also for a draft without headings): at its end, before the first heading or the closing.
      const first = doc.headings[0];
      const end = first ? first.prefix?.start ?? first.marker.start : closing ? closing.start : doc.text.length;
      at = trimmedEnd({ start: 0, end });
      where = { id: first || closing ? 'template/after-opening' : 'template/at-end' };
    }
    // Every section around the closing ends where it starts.
    if (inClosing) where = { id: 'template/before-closing' };
    const before = doc.headings.filter((h) => h.marker.start < at);
    const rank = current
      ? level === current.heading.level
        ? 0
        : level === current.heading.level + 1
          ? 1
          : level < current.heading.level
            ? 2 + current.heading.level - level
            : 9
      : level === 1
        ? 0
        : level === 2 && doc.headings.length > 0
          ? 1
          : 9;
    const number = nextNumber(before, level);
    // The cursor on a blank line right there (only blank lines between): the template takes that line.
    if (blank && line.start >= at && /^[\s\u3000]*$/.test(doc.text.slice(at, line.start))) {
      return { span: { start: line.start + indentLength, end: line.end }, number, lead: '', trail: '', where, rank };
    }
    const atLineStart = at === 0 || doc.text[at - 1] === '\n';
    const lineBreakAfter = at < doc.text.length && doc.text[at] !== '\r' && doc.text[at] !== '\n';
    return { span: { start: at, end: at }, number, lead: atLineStart ? '' : eol, trail: atLineStart && lineBreakAfter ? eol : '', where, rank };
  };

  const title = word('title');
  const body = word('body');
  const sub = word('subtitle');
  const templates: (SectionTemplate & { rank: number })[] = [];
  const marker = (level: HeadingLevel, n: number) => canonicalMarker(level, n, settings.level3Style);
  const addHeading = (id: string, level: HeadingLevel, label: (m: string) => string, what: string, lines: (m: string) => string[], rankOffset = 0) => {
    const p = place(level);
    const m = marker(level, p.number);
    templates.push({
      id,
      label: label(m),
      detail: message('template/detail', { what, where: p.where }, locale),
      span: p.span,
      snippet: p.lead + lines(m).join(eol) + p.trail,
      rank: p.rank + rankOffset,
    });
  };
  for (const level of [1, 2, 3] as HeadingLevel[]) {
    const name = message('ui/heading-of-level', { level: { id: `level/${level}` } }, locale);
    addHeading(`level${level}`, level, (m) => `${m}${title}`, name, (m) => (level === 3 ? [`${m}\${1:${title}}。\${0:${body}}`] : [`${m}\${1:${title}}`, `\${0:${body}}`]));
  }
  addHeading('section', 1, (m) => `${m}${title} + （一）（二）（三）`, word('section'), (m) => [
    `${m}\${1:${title}}`,
    `${marker(2, 1)}\${2:${sub}}`,
    `\${3:${body}}`,
    `${marker(2, 2)}\${4:${sub}}`,
    `\${5:${body}}`,
    `${marker(2, 3)}\${6:${sub}}`,
    `\${0:${body}}`,
  ], 0.5);
  addHeading('subsection', 2, (m) => `${m}${sub} + 一是…二是…三是…`, word('subsection'), (m) => [`${m}\${1:${sub}}`, `\${2:${word('lead')}}一是\${3:……}。二是\${4:……}。三是\${0:……}。`], 0.5);

  // Enumerations belong in the paragraph: at a blank line, else after the cursor's line.
  const at = blank ? line.start + indentLength : line.end;
  const span = blank ? { start: at, end: line.end } : { start: at, end: at };
  const lead = blank ? '' : eol;
  const addList = (id: string, label: string, snippet: string) => templates.push({ id, label, detail: word(id), span, snippet: lead + snippet, rank: 20 });
  addList('shi', '一是…二是…三是…', '一是${1:……}。二是${2:……}。三是${0:……}。');
  addList('yao', '一要…二要…三要…', '一要${1:……}。二要${2:……}。三要${0:……}。');
  addList('ordinal', '第一，…第二，…第三，…', '第一，${1:……}。第二，${2:……}。第三，${0:……}。');
  addList('sequence', '首先，…其次，…最后，…', '首先，${1:……}。其次，${2:……}。最后，${0:……}。');
  // A stable sort keeps the levels in order within a rank.
  return templates.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...template }) => template);
}

/** Where the line's words start (a heading line: its marker, so that it counts as inside its section). */
function lineOffset(doc: SpeechDocument, line: { start: number; end: number; index: number }): number {
  const heading = doc.headings.find((h) => h.line === line.index && !h.inline);
  return heading ? heading.prefix?.start ?? heading.marker.start : line.start;
}
