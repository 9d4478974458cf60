// punctuation-width: half-width `, : ; ? ! ( )` written in Chinese text, where GB/T 15834 wants the
// full-width marks. A run of `, : ; ? !` is Chinese when a Chinese character or full-width mark stands on
// either side of it (spaces skipped), or CJK context (curly quotes included) on the left and the line ends.
// So `工作,我们`, `单位,20个`, `同志们:` are found; times (10:50:00), numbers (1,000), URLs, `QQ:123` and
// English text are not. Spaces around a converted mark are removed with it. A pair `( … )` is Chinese when
// its content holds a Chinese character and starts or ends with one: `(扩大)`, `(2021—2025年)`; `(1)`,
// `(GDP)`, `(-)` are left to the heading rules; a lone `(` before Chinese or `)` after Chinese is converted
// too. Heading markers (`(一)`, `1,`) are left to heading-marker, whose fix may differ (`1.`). The
// half-width full stop is not this rule's. One finding per mark, per run of adjacent marks and per pair of
// parentheses, its range the marks it is about; the quick fix "fix all" converts the rest.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { linesIn } from './ranges';
import { codePointBefore, isCjkContext, isHan } from '../text';
import type { TextEdit } from '../types';
import { inRanges, mergeSpans } from '../parse/exclusions';

const ID = 'punctuation-width';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
/** The mark's name: the message `punctuation-width/name.<name>`. */
const NAME: Record<string, string> = { ',': 'comma', ':': 'colon', ';': 'semicolon', '?': 'question', '!': 'exclamation', '(': 'parenthesis', ')': 'parenthesis' };
const ORDER = '，：；？！（）';
/** The data of a one-mark finding, shared by every finding of that mark (there may be thousands). */
const ONE_DATA: Record<string, Readonly<{ name: { id: string }; mark: string; full: string }>> = Object.fromEntries(
  Object.keys(FULL).map((mark) => [mark, Object.freeze({ name: Object.freeze({ id: `${ID}/name.${NAME[mark]}` }), mark, full: FULL[mark] })]),
);
const MARKS = /[,:;?!]+/g;

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000';
}

/** A Chinese character or full-width punctuation: curly quotes also open and close English quotes. */
function strongCjk(cp: number): boolean {
  return isCjkContext(cp) && !(cp >= 0x2018 && cp <= 0x201d);
}

function cjkAt(text: string, offset: number): boolean {
  const cp = text.codePointAt(offset);
  return cp !== undefined && isCjkContext(cp);
}

function cjkBefore(text: string, offset: number): boolean {
  const cp = codePointBefore(text, offset);
  return cp !== undefined && isCjkContext(cp);
}

/** The mark inside an edit that may also cover the spaces around it. */
function markIn(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (FULL[text[i]]) return i;
  return start;
}

/**
 * A pair's content `[from, to)` is Chinese: it holds a Han character (`holdsHan`, from a count per line,
 * so that nested pairs are not read over and over) and starts or ends with a CJK character.
 */
function chineseContent(text: string, from: number, to: number, holdsHan: (from: number, to: number) => boolean): boolean {
  if (!holdsHan(from, to)) return false;
  let first = from;
  while (first < to && /\s/.test(text[first])) first++;
  let last = to;
  while (last > first && /\s/.test(text[last - 1])) last--;
  return first < last && (cjkAt(text, first) || cjkBefore(text, last));
}

/** Han characters before each offset of `[start, end)`, as a function answering "any in [from, to)?". */
function hanCounter(text: string, start: number, end: number): (from: number, to: number) => boolean {
  const before = new Int32Array(end - start + 1);
  for (let i = start; i < end; i++) {
    const cp = text.codePointAt(i)!;
    before[i - start + 1] = before[i - start] + (isHan(cp) ? 1 : 0);
    if (cp > 0xffff && i + 1 < end) {
      i++;
      before[i - start + 1] = before[i - start];
    }
  }
  return (from, to) => before[to - start] - before[from - start] > 0;
}

/**
 * Edits (sorted) in groups: a run of edits that touch one another, and the two marks of a converted
 * pair of parentheses together (`pairOf`: the open mark's offset → the close mark's).
 */
function groupEdits(edits: TextEdit[], pairOf: Map<number, number>): TextEdit[][] {
  const groups: TextEdit[][] = [];
  const closing = new Map<number, TextEdit[]>();
  let run: TextEdit[] | undefined;
  let runEnd = -1;
  for (const edit of edits) {
    const pairGroup = closing.get(edit.start);
    if (pairGroup) {
      pairGroup.push(edit);
      continue;
    }
    const close = pairOf.get(edit.start);
    if (close !== undefined) {
      const group = [edit];
      groups.push(group);
      closing.set(close, group);
      run = undefined;
      continue;
    }
    if (run && edit.start <= runEnd) run.push(edit);
    else groups.push((run = [edit]));
    runEnd = edit.end;
  }
  for (const group of groups) group.sort((a, b) => a.start - b.start);
  return groups.sort((a, b) => a[0].start - b[0].start);
}

export const punctuationWidth: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '中文之间的标点应使用全角：半角的 , : ; ? ! ( ) 应改为 ，：；？！（）',
      en: 'Punctuation between Chinese characters must be full-width: half-width , : ; ? ! ( ) become ，：；？！（）',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    scope: 'line',
    docs: docsPath(ID),
    messages: {
      one: { zh: '半角{name}“{mark}”夹在中文之间，应改为全角“{full}”', en: 'Half-width {name} "{mark}" in Chinese text: use the full-width "{full}"' },
      pair: { zh: '半角括号“( )”夹在中文之间，应改为全角“（）”', en: 'Half-width parentheses "( )" in Chinese text: use the full-width "（）"' },
      many: { zh: '{count} 个相连的半角标点夹在中文之间，应改为全角（{marks}）', en: '{count} adjacent half-width punctuation marks in Chinese text: use the full-width ones ({marks})' },
      'name.comma': { zh: '逗号', en: 'comma' },
      'name.colon': { zh: '冒号', en: 'colon' },
      'name.semicolon': { zh: '分号', en: 'semicolon' },
      'name.question': { zh: '问号', en: 'question mark' },
      'name.exclamation': { zh: '叹号', en: 'exclamation mark' },
      'name.parenthesis': { zh: '括号', en: 'parenthesis' },
    },
    options: {},
  },
  check(ctx) {
    const { doc } = ctx;
    // Front matter and comments are blanked out in the normalized text; the marks are the same characters.
    const text = doc.normalized;
    // A space is one of the real text (a blanked-out comment is no space: a fix never reaches into it).
    const blankAt = (i: number) => isBlank(doc.text[i]) && !doc.isExcluded(i);
    // Heading markers written `(一)` or `1,` are the heading-marker rule's (its fix may differ: `1.`).
    const markers = mergeSpans(doc.headings.map((h) => h.marker));
    const inMarker = (at: number) => inRanges(markers, at);
    for (const line of linesIn(ctx)) {
      const segment = text.slice(line.start, line.end);
      if (!/[,:;?!()]/.test(segment)) continue;
      const edits: TextEdit[] = [];
      const converted = new Set<number>();

      // Parentheses first: their conversion makes them Chinese context for the marks next to them.
      const stack: number[] = [];
      const pairs: [number, number][] = [];
      const lone: number[] = [];
      if (segment.includes('(') || segment.includes(')')) {
        for (let i = line.start; i < line.end; i++) {
          const c = text.charCodeAt(i);
          if (c === 0x28) stack.push(i);
          else if (c === 0x29) {
            if (stack.length) pairs.push([stack.pop()!, i]);
            else lone.push(i);
          }
        }
      }
      for (const open of stack) lone.push(open);
      const holdsHan = pairs.length > 0 ? hanCounter(text, line.start, line.end) : () => false;
      for (const [open, close] of pairs) {
        if (inMarker(open) || inMarker(close)) continue;
        if (chineseContent(text, open + 1, close, holdsHan)) converted.add(open).add(close);
      }
      for (const at of lone) {
        if (inMarker(at)) continue;
        if (text[at] === '(' ? cjkAt(text, at + 1) : cjkBefore(text, at)) converted.add(at);
      }

      MARKS.lastIndex = 0;
      let m: RegExpExecArray | null;
      // Where the last edit ended: `工作: ?我们` — the space between the marks goes with one of them only.
      let lastEnd = line.start;
      while ((m = MARKS.exec(segment))) {
        const start = line.start + m.index;
        const end = start + m[0].length;
        if (inMarker(start)) continue;
        let before = start;
        while (before > Math.max(line.start, lastEnd) && blankAt(before - 1)) before--;
        let after = end;
        while (after < line.end && blankAt(after)) after++;
        const left = before > line.start ? codePointBefore(text, before)! : undefined;
        const right = after < line.end ? text.codePointAt(after)! : undefined;
        const leftCjk = left !== undefined && (isCjkContext(left) || converted.has(before - 1));
        const rightCjk = right !== undefined && (isCjkContext(right) || converted.has(after));
        // Chinese on both sides, or a Chinese character (not just a quote mark) on one side.
        const chinese = (leftCjk && (rightCjk || right === undefined)) || (left !== undefined && strongCjk(left)) || (right !== undefined && strongCjk(right));
        if (!chinese) continue;
        // Spaces around a full-width mark go with it (not the indentation at the line start).
        const from = before > line.start ? before : start;
        const to = right !== undefined ? after : end;
        for (let i = start; i < end; i++) {
          edits.push({ start: i === start ? from : i, end: i === end - 1 ? to : i + 1, text: FULL[text[i]] });
        }
        lastEnd = to;
      }
      const pairOf = new Map<number, number>();
      for (const [open, close] of pairs) if (converted.has(open) && converted.has(close)) pairOf.set(open, close);
      for (const at of converted) edits.push({ start: at, end: at + 1, text: FULL[text[at]] });
      if (edits.length === 0) continue;
      edits.sort((a, b) => a.start - b.start);
      // One finding per run of adjacent marks (`: ?`, `,,`) and per pair of parentheses, its range the
      // marks it is about: a squiggle never runs across a whole paragraph. "Fix all" covers the rest.
      for (const group of groupEdits(edits, pairOf)) {
        const first = markIn(text, group[0].start, group[0].end);
        if (group.length === 1) {
          const mark = text[first];
          ctx.report({ start: first, end: first + 1, fix: { edits: group }, messageId: 'one', data: ONE_DATA[mark] });
          continue;
        }
        const last = markIn(text, group[group.length - 1].start, group[group.length - 1].end);
        if (group.length === 2 && pairOf.get(group[0].start) === group[1].start) {
          ctx.report({ start: first, end: last + 1, fix: { edits: group }, messageId: 'pair', data: {} });
          continue;
        }
        const fulls = new Set(group.map((e) => FULL[text[markIn(text, e.start, e.end)]]));
        const list = [...ORDER].filter((full) => fulls.has(full)).join('');
        ctx.report({ start: first, end: last + 1, fix: { edits: group }, messageId: 'many', data: { count: group.length, marks: list } });
      }
    }
  },
};
