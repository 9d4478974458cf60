// Renumbering: the outline's sibling groups, the runs of wrong numbers in a sequence, and the edits
// that renumber a whole draft. Shared by heading-sequence, enumeration-sequence and the
// "重新编号" command. Only numerals are ever edited: markers' brackets and punctuation, the
// 是/要 of an enumeration and every other character stay as written.
import { formatChineseNumeral } from './numerals';
import type { Enumeration, EnumerationItem, Heading, NumeralKind, Section, SpeechDocument, TextEdit } from './types';
import { append } from './append';

/** The numeral for `n` written the way `kind` is written: `三` or `3`. */
export function formatNumeral(kind: NumeralKind, n: number): string {
  return kind === 'chinese' ? formatChineseNumeral(n) : String(n);
}

/**
 * Headings that are numbered together: the same parent section (none for the top level), the same
 * level and form, in document order. Numbering restarts under every new parent. Unnumbered headings
 * (parts) take no part.
 */
export function siblingGroups(doc: SpeechDocument): Heading[][] {
  const groups: Heading[][] = [];
  const visit = (children: Section[]) => {
    const open = new Map<string, Heading[]>();
    for (const child of children) {
      const h = child.heading;
      if (!h.numbered) continue;
      const key = `${h.level}:${h.form}`;
      let group = open.get(key);
      if (!group) {
        group = [];
        open.set(key, group);
        groups.push(group);
      }
      group.push(h);
    }
    for (const child of children) visit(child.children);
  };
  visit(doc.sections);
  return groups;
}

export type RunKind = 'gap' | 'duplicate' | 'order' | 'restart';

/** A run of consecutive wrongly numbered items, each continuing the previous one's number. */
export interface WrongRun {
  /** Index of the first wrong item (0-based); it expects number `start + 1`. */
  start: number;
  /** Index just past the run's last item. */
  end: number;
  /** What went wrong at the run's first item. */
  kind: RunKind;
}

/**
 * Splits the wrong numbers of a sequence (item i expects i + 1) into runs. A run starts at each
 * wrong number that does not simply continue the previous number, so `一 二 四 五` has one run
 * (四 五 → 三 四) and one finding, and renumbering every run by position fixes the whole sequence
 * at once.
 */
export function wrongRuns(numbers: number[]): WrongRun[] {
  const runs: WrongRun[] = [];
  let current: WrongRun | undefined;
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    if (n === i + 1) {
      current = undefined;
      continue;
    }
    const previous = i > 0 ? numbers[i - 1] : 0;
    if (current && n === previous + 1) {
      current.end = i + 1;
      continue;
    }
    const kind: RunKind = i > 0 && n === previous ? 'duplicate' : n > previous ? 'gap' : n === 1 ? 'restart' : 'order';
    current = { start: i, end: i + 1, kind };
    runs.push(current);
  }
  return runs;
}

/**
 * Whether the numbers look like two runs put together out of order — a gap and, elsewhere, a restart or
 * a number going back (（三）（四）（五）（一）（二）, 一、三、二、): pages or sections moved, where renumbering
 * by position may be the wrong remedy (the order may be). The user decides.
 */
export function looksReordered(runs: WrongRun[]): boolean {
  return runs.some((r) => r.kind === 'gap') && runs.some((r) => r.kind === 'restart' || r.kind === 'order');
}

/** Edits that renumber `headings` (one sibling group) from index `from` to `to` by position. */
export function headingRunEdits(headings: Heading[], from = 0, to = headings.length): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let i = from; i < to; i++) {
    const h = headings[i];
    if (h.number === i + 1) continue;
    edits.push({ start: h.numeral.start, end: h.numeral.end, text: formatNumeral(h.numeralKind, i + 1) });
  }
  return edits;
}

/** The heading's marker as the author wrote it, with its numeral replaced by `n`. */
export function markerWithNumber(doc: SpeechDocument, h: Heading, n: number): string {
  return doc.text.slice(h.marker.start, h.numeral.start) + formatNumeral(h.numeralKind, n) + doc.text.slice(h.numeral.end, h.marker.end);
}

/** Edits that renumber items `from`..`to` of a numbered list (shi-yao, ordinal) by position. */
export function enumerationRunEdits(items: EnumerationItem[], from = 0, to = items.length): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let i = from; i < to; i++) {
    const item = items[i];
    if (item.number === i + 1) continue;
    edits.push({ start: item.numeral.start, end: item.numeral.end, text: formatChineseNumeral(i + 1) });
  }
  return edits;
}

/** Lists whose items carry numerals (一是, 第一): the sequence family (首先/其次) has none. */
export function isNumbered(list: Enumeration): boolean {
  return list.family !== 'sequence';
}

/**
 * Edits that renumber the whole draft: every heading's numeral to its position among its siblings,
 * every numbered enumeration's items to 1 … n. Only numerals change. An already consistent draft
 * gives no edits.
 */
export function renumberEdits(doc: SpeechDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const group of siblingGroups(doc)) for (const e of headingRunEdits(group)) edits.push(e);
  for (const list of doc.enumerations) if (isNumbered(list)) append(edits, enumerationRunEdits(list.items));
  // Numerals never overlap, but keep the result well-formed regardless.
  edits.sort((a, b) => a.start - b.start);
  return edits.filter((e, i) => i === 0 || e.start >= edits[i - 1].end);
}
