// enumeration-sequence: in-paragraph lists (一是…二是…, 第一，第二，, 首先…其次…) count up without
// gaps, duplicates, order errors or mixed series.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { formatChineseNumeral } from '../numerals';
import { enumerationRunEdits, looksReordered, type RunKind, wrongRuns } from '../renumber';
import type { Report } from '../rule';
import type { Enumeration, EnumerationItem, SpeechDocument } from '../types';

const ID = 'enumeration-sequence';

/** A restart inside one list reads as an order error. */
const RUN_MESSAGE: Record<RunKind, string> = { gap: 'gap', duplicate: 'duplicate', order: 'order', restart: 'order' };

/** The item's label as written, without trailing punctuation: 三是, 第三, 其次. */
function label(doc: SpeechDocument, item: EnumerationItem): string {
  if (item.family === 'ordinal') return doc.text.slice(item.start, item.numeral.end);
  if (item.family === 'sequence') return doc.text.slice(item.start, item.start + 2);
  return item.text;
}

/** The label with the numeral replaced by `n` (and the series by `series`). */
function labelWith(doc: SpeechDocument, item: EnumerationItem, n: number, series = item.series): string {
  const before = doc.text.slice(item.start, item.numeral.start);
  const numeral = formatChineseNumeral(n);
  if (item.family === 'shi-yao') return before + numeral + series;
  return before + numeral;
}

function rangeOf(item: EnumerationItem): { start: number; end: number } {
  if (item.family === 'ordinal') return { start: item.start, end: item.numeral.end };
  if (item.family === 'sequence') return { start: item.start, end: item.start + 2 };
  return { start: item.start, end: item.end };
}

export const enumerationSequence: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '段内列举（一是…二是…、第一，第二，、首先…其次…）应依次编号，不得跳号、重号、颠倒顺序或混用“是”和“要”。',
      en: 'In-paragraph lists (一是…二是…, 第一，第二，, 首先…其次…) count up without gaps, duplicates, order errors or mixed 是/要 series.',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    docs: docsPath(ID),
    messages: {
      gap: { zh: '列举编号不连续：应为“{expected}”，实为“{actual}”', en: 'List numbers skip: expected "{expected}", found "{actual}"' },
      duplicate: { zh: '列举编号重复：应为“{expected}”，实为“{actual}”', en: 'Duplicate list number: expected "{expected}", found "{actual}"' },
      order: { zh: '列举编号顺序错误：应为“{expected}”，实为“{actual}”', en: 'List numbers out of order: expected "{expected}", found "{actual}"' },
      mixedSeries: { zh: '同一列举中混用“{series}”和“{other}”：应为“{expected}”，实为“{actual}”', en: 'The list mixes "{series}" and "{other}": expected "{expected}", found "{actual}"' },
      sequenceDuplicate: { zh: '顺序词重复：应为“{expected}”，实为“{actual}”', en: 'Repeated sequence word: expected "{expected}", found "{actual}"' },
      sequenceOrder: { zh: '顺序词顺序错误：应为“{expected}”，实为“{actual}”', en: 'Sequence words out of order: expected "{expected}", found "{actual}"' },
      renumber: { zh: '按顺序重新编号这一列举', en: 'Renumber this list in order' },
    },
    options: {
      mixedSeries: {
        type: 'boolean',
        default: true,
        description: {
          zh: '报告同一列举中混用“是”和“要”（一是…二要…）。',
          en: 'Report lists that mix 是 and 要 (一是…二要…).',
        },
      },
    },
  },
  check({ doc, options, report }) {
    for (const list of doc.enumerations) {
      if (list.family === 'sequence') {
        checkSequence(doc, list, report);
        continue;
      }
      const items = list.items;
      // The list's series is its first item's: 一是…二要… should be 一是…二是….
      const series = items[0].series;
      // A lone item that does not start at 一 (“三要素”) is too weak a sign of a list.
      const runs = items.length < 2 ? [] : wrongRuns(items.map((i) => i.number));
      // 我现在抽出几条来说一说：第一条…第二条…第四条: a selection, announced as one, counts up with gaps on purpose.
      const selection = runs.every((r) => r.kind === 'gap') && isNumberedUp(items) && announcedVaguely(doc, items[0]);
      const reordered = looksReordered(runs);
      const firstAfterLeftover = items.findIndex((i) => i.afterLeftover);
      for (const run of selection ? [] : runs) {
        const item = items[run.start];
        const fix = { edits: enumerationRunEdits(items, run.start, run.end) };
        // Next to a leftover (a spliced caption) or in a copy whose pages were shuffled, the user decides.
        const doubtful = doc.pageChunked || reordered || (firstAfterLeftover !== -1 && firstAfterLeftover < run.end);
        report({
          ...rangeOf(item),
          messageId: RUN_MESSAGE[run.kind],
          data: { expected: labelWith(doc, item, run.start + 1, series), actual: label(doc, item) },
          ...(doubtful ? { suggestions: [{ messageId: 'renumber', data: {}, fix }] } : { fix }),
        });
      }
      if (list.family === 'shi-yao' && options.mixedSeries !== false) {
        items.forEach((item, i) => {
          if (item.series === series) return;
          const at = item.numeral.end;
          // Expected as it will read once the list is numbered by position too.
          const expected = labelWith(doc, item, i + 1, series);
          report({
            ...rangeOf(item),
            messageId: 'mixedSeries',
            data: { series, other: item.series, expected, actual: label(doc, item) },
            fix: { edits: [{ start: at, end: at + item.series.length, text: series }] },
          });
        });
      }
    }
  },
};

function isNumberedUp(items: EnumerationItem[]): boolean {
  return items.every((item, i) => i === 0 || item.number > items[i - 1].number);
}

/** The list follows an announcement of no number (抽出几条, 以下几点) right before its first item. */
function announcedVaguely(doc: SpeechDocument, first: EnumerationItem): boolean {
  // Announcements are in document order: search back from the list, no further than 40 characters before it.
  const { announcements } = doc;
  let lo = 0;
  let hi = announcements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (announcements[mid].start <= first.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const a = announcements[i];
    if (first.start - a.end > 40 && first.start - a.start > 200) break;
    if (a.number === null && a.direction === 'forward' && a.end <= first.start && first.start - a.end <= 40) return true;
  }
  return false;
}

/**
 * 首先/其次/再次/最后: only repeats and order. 其次 belongs second; a later 其次 (a repeat, or after
 * 再次) should be 再次, and a 再次 in second place followed by a 其次 should be 其次.
 */
function checkSequence(doc: SpeechDocument, list: Enumeration, report: (r: Report) => void): void {
  const items = list.items;
  // 其次 from the third item on; 其次 seen after the first item, so far.
  const secondFromThird = items.slice(2).some((x) => x.number === 2);
  let secondsSeen = 0;
  items.forEach((item, i) => {
    const secondBefore = secondsSeen > 0;
    if (i >= 1 && item.number === 2) secondsSeen++;
    const word = label(doc, item);
    const position = i + 1;
    let expected: string | undefined;
    let kind: 'duplicate' | 'order' = 'duplicate';
    if (item.number === 2 && position > 2) {
      expected = '再次';
      kind = secondBefore ? 'duplicate' : 'order';
    } else if (item.number === 3 && position === 2 && secondFromThird) {
      expected = '其次';
      kind = 'order';
    }
    if (!expected) return;
    const written = doc.text.slice(item.start, item.start + 2);
    // Keep the author's script: 其次/再次 are written alike in both scripts.
    report({
      start: item.start,
      end: item.start + 2,
      messageId: kind === 'duplicate' ? 'sequenceDuplicate' : 'sequenceOrder',
      data: { expected, actual: word },
      fix: written === expected ? undefined : { edits: [{ start: item.start, end: item.start + 2, text: expected }] },
    });
  });
}
