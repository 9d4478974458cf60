// cjk-space: stray spaces inside Chinese text — `工作会 议`, `市委、 市政府`, `， 特别是` — left by PDF
// line wrapping, OCR or copying: a run of spaces (ASCII, full-width, no-break, en/em spaces, tabs) with a
// Chinese character or full-width punctuation on both sides, and a single ASCII space before a paragraph.
// Layout is not a stray space: indentation at a line start (full-width, or several spaces), spaces at a
// line end, the U+3000 run that separates two paragraphs of a flattened copy,
// the space between a heading's numeral and its title (`一 关于…`), the separators of a headline or a
// signature (`…很困難　任何外國干預…`, `副委員長　王晨`), and spaces inside a page leftover (deleted whole
// by scrape-boilerplate). Nor are spaces next to Latin letters or digits (`2023 年`, a style question).
// One finding per run of spaces, on the spaces (a copied page can hold hundreds: "fix all" removes them);
// no fix joins two paragraphs.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { linesIn } from './ranges';
import { MAX_LAYOUT_LINE, MIN_HEADLINE_PART } from '../parse/thresholds';
import { codePointBefore, isCjkContext } from '../text';
import { inRanges, mergeSpans } from '../parse/exclusions';
import type { Paragraph, SpeechDocument, TextEdit } from '../types';

const ID = 'cjk-space';

const SPACE = /[ \t\u3000\u00a0\u2002-\u200a\u202f\u205f]+/g;
/** Punctuation inside a sentence or at its end: a line holding one is prose, not a headline. */
const SENTENCE_PUNCTUATION = /[，。！？；,.!?;]/;

export const cjkSpace: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '中文字符之间（含中文标点）不应有空格',
      en: 'No spaces between Chinese characters (or Chinese punctuation)',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    scope: 'line',
    docs: docsPath(ID),
    messages: {
      one: { zh: '中文之间有多余的空格，应删除', en: 'A stray space inside Chinese text: delete it' },
      leading: { zh: '段首有一个多余的半角空格，应删除（缩进用两个全角空格）', en: 'A stray half-width space before the paragraph: delete it (indent with two full-width spaces)' },
    },
    options: {},
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.text;
    const layout = layoutSpaces(doc);
    for (const line of linesIn(ctx)) {
      const segment = text.slice(line.start, line.end);
      const edits: TextEdit[] = [];
      SPACE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = SPACE.exec(segment))) {
        const start = line.start + m.index;
        const end = start + m[0].length;
        if (end === line.end) continue;
        if (doc.isExcluded(start) || doc.isExcluded(start - 1) || doc.isExcluded(end)) continue;
        // Markdown markers left in a plain draft (` **香港…** `) go with scrape-boilerplate: the space
        // that padded them is judged by the text they leave.
        const after = text.codePointAt(pastMarkers(doc, end, line.end));
        if (start === line.start) {
          // One ASCII space before a paragraph is debris (a <br> split, a copied indent), not an indent.
          if (m[0] === ' ' && after !== undefined && isCjkContext(after) && !doc.inLeftover(pastMarkers(doc, end, line.end))) edits.push({ start, end, text: '' });
          continue;
        }
        const before = codePointBefore(text, beforeMarkers(doc, start, line.start));
        if (before === undefined || after === undefined || !isCjkContext(before) || !isCjkContext(after)) continue;
        if (layout(start, end, m[0])) continue;
        edits.push({ start, end, text: '' });
      }
      // One finding per run of spaces, on the spaces themselves; "fix all" removes the rest.
      for (const edit of edits) ctx.report({ start: edit.start, end: edit.end, messageId: edit.start === line.start ? 'leading' : 'one', fix: { edits: [edit] } });
    }
  },
};

/** Past the Markdown markers (`**`, `#`) that are leftovers, from `offset` forward. */
function pastMarkers(doc: SpeechDocument, offset: number, limit: number): number {
  let at = offset;
  while (at < limit && /[*#]/.test(doc.text[at]) && doc.inLeftover(at)) at++;
  return at;
}

/** Back over such markers, from `offset` (exclusive) backward. */
function beforeMarkers(doc: SpeechDocument, offset: number, limit: number): number {
  let at = offset;
  while (at > limit && /[*#]/.test(doc.text[at - 1]) && doc.inLeftover(at - 1)) at--;
  return at;
}

/** Whether the space run `[start, end)` is layout rather than a stray space. */
function layoutSpaces(doc: SpeechDocument): (start: number, end: number, run: string) => boolean {
  const { text, paragraphs } = doc;
  // The space after a bare numeral (`一 关于…`) belongs to the marker; a page-chunk number's (`2、 手`)
  // goes with the number.
  const markerEnds = new Set<number>();
  for (const h of doc.headings) markerEnds.add(h.title.start);
  for (const m of doc.pageChunkMarkers) markerEnds.add(m.end);
  // Spaces inside a page leftover go when it is deleted; a republished news report is prose all the same.
  const leftoverSpans = mergeSpans(doc.leftovers.filter((l) => l.kind !== 'report'));
  // Judged once per paragraph however many spaces it holds: short and without sentence punctuation
  // (a headline or a signature line).
  const shortLine = new Map<Paragraph, boolean>();
  const isShortLine = (paragraph: Paragraph): boolean => {
    let short = shortLine.get(paragraph);
    if (short === undefined) {
      short = codePointsAtMost(text, paragraph.contentStart, paragraph.end, MAX_LAYOUT_LINE) && !SENTENCE_PUNCTUATION.test(text.slice(paragraph.contentStart, paragraph.end));
      shortLine.set(paragraph, short);
    }
    return short;
  };
  // A flattened copy's first line starts with its headline, which runs into the text until the first
  // sentence punctuation.
  const firstLine = paragraphs[0];
  const flattenedHead = firstLine && !codePointsAtMost(text, firstLine.contentStart, firstLine.end, MAX_LAYOUT_LINE) ? firstLine : undefined;
  let headlineEnd = -1;
  if (flattenedHead) {
    const at = text.slice(flattenedHead.contentStart, flattenedHead.end).search(SENTENCE_PUNCTUATION);
    headlineEnd = at < 0 ? flattenedHead.end : flattenedHead.contentStart + at;
  }
  return (start, end, run) => {
    if (markerEnds.has(start) || markerEnds.has(end)) return true;
    if (doc.inLeftover(start) && inRanges(leftoverSpans, start)) return true;
    const paragraph = paragraphAt(paragraphs, start);
    // Not inside a paragraph's text: the separator between two paragraphs of one line.
    if (!paragraph || start < paragraph.contentStart || end >= paragraph.end) return true;
    if (isShortLine(paragraph) && separatesParts(text, paragraph, start, end, run)) return true;
    // The headline at the top of a flattened copy, before its first sentence punctuation (corpus-dev 02).
    if (paragraph === flattenedHead && start <= headlineEnd && separatesParts(text, paragraph, start, end, run)) return true;
    return false;
  };
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether `[start, end)` holds at most `limit` code points, counting no further than needed. */
function codePointsAtMost(text: string, start: number, end: number, limit: number): boolean {
  let count = 0;
  for (let i = start; i < end; i++) {
    if (i > start && isLowSurrogate(text.charCodeAt(i))) continue;
    if (++count > limit) return false;
  }
  return true;
}

/** Whether the part of the line beside a space (up to the next space) holds `MIN_HEADLINE_PART` code points. */
function partLongEnough(text: string, from: number, limit: number, forward: boolean): boolean {
  let count = 0;
  for (let i = from; forward ? i < limit : i > limit; forward ? i++ : i--) {
    const c = text.charCodeAt(forward ? i : i - 1);
    if (c === 0x20 || c === 0x3000) break;
    // A surrogate pair counts once, by its low half.
    if (c >= 0xd800 && c <= 0xdbff) continue;
    if (++count >= MIN_HEADLINE_PART) return true;
  }
  return false;
}

/**
 * A full-width space in a title or signature line is deliberate (letter-spacing, `副委員長　王晨`); an
 * ASCII space there separates two headline parts only when both are phrases, not a word broken in two.
 */
function separatesParts(text: string, paragraph: Paragraph, start: number, end: number, run: string): boolean {
  if (/^\u3000+$/.test(run)) return true;
  return partLongEnough(text, start, paragraph.contentStart, false) && partLongEnough(text, end, paragraph.end, true);
}

function paragraphAt(paragraphs: Paragraph[], offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found: Paragraph | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].start <= offset) {
      found = paragraphs[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
