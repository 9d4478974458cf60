// paired-punctuation: GB/T 15834-2011's paired marks — “” ‘’ 「」 『』 （） 《》 〈〉 【】 — within a
// paragraph. Found: a mark with no partner in its paragraph; double quotes the wrong way round
// (`“三帮双促“`, when flipping it balances the paragraph: a suggestion); double quotes inside double
// quotes and `‘…“…”…’` (the outer pair is double, the inner single: a suggestion); straight quotes
// `"…"` or `'…'` around Chinese text, and a straight quote closing a curly one (`‘左'`) — the one bulk
// fix. A quotation running over several paragraphs, each opening with the quotation mark and only the
// last closing it, is correct (GB/T 15834 4.1.3.5). Half-width parentheses partner full-width ones
// (their width is punctuation-width's); apostrophes between Latin letters (Xi’an) are not quotes.
import { isCjkContext, isHan } from '../text';
import type { Rule, SuggestionReport } from '../rule';
import { docsPath } from '../rule';
import { paragraphSpans, usesCornerQuotes } from '../proofread/common';
import type { Span, TextEdit } from '../types';

const ID = 'paired-punctuation';

type Kind = 'double' | 'single' | 'cornerDouble' | 'cornerSingle' | 'paren' | 'book' | 'innerBook' | 'lenticular';

const OPENERS: Record<string, Kind> = { '“': 'double', '‘': 'single', '「': 'cornerDouble', '『': 'cornerSingle', '（': 'paren', '(': 'paren', '《': 'book', '〈': 'innerBook', '【': 'lenticular' };
const CLOSERS: Record<string, Kind> = { '”': 'double', '’': 'single', '」': 'cornerDouble', '』': 'cornerSingle', '）': 'paren', ')': 'paren', '》': 'book', '〉': 'innerBook', '】': 'lenticular' };
const PARTNER: Record<string, string> = { '“': '”', '”': '“', '‘': '’', '’': '‘', '「': '」', '」': '「', '『': '』', '』': '『', '（': '）', '）': '（', '《': '》', '》': '《', '〈': '〉', '〉': '〈', '【': '】', '】': '【' };

interface Mark {
  at: number;
  ch: string;
  kind: Kind;
  /** A straight quote (" or '), which may open or close. */
  straight?: boolean;
  /** An opening single quote: it was opened inside double quotes. */
  insideDouble?: boolean;
  /** An opening single quote: where the double-quote pairs closed inside it begin in the list of closed ones. */
  doublesFrom?: number;
  /** On the stack: the nearest open (curly) double quote below this mark, or itself. */
  openDouble?: Mark;
  /** An opening mark: its partner was found. */
  closed?: boolean;
}

interface Pair {
  open: Mark;
  close: Mark;
}

/** Half-width parentheses only partner full-width ones; unmatched, they are left alone (`1)`, code). */
const halfWidth = (m: Mark) => m.ch === '(' || m.ch === ')';
const isDouble = (m: Mark) => m.kind === 'double' || m.kind === 'cornerDouble';
const isSingle = (m: Mark) => m.kind === 'single' || m.kind === 'cornerSingle';
const isLatinOrDigit = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** Text counts as Chinese: it holds a Han character and starts or ends with a Chinese character or mark. */
function chinese(content: string): boolean {
  const trimmed = content.trim();
  if (!trimmed || !Array.from(trimmed).some((ch) => isHan(ch.codePointAt(0)!))) return false;
  const first = trimmed.codePointAt(0)!;
  const last = Array.from(trimmed).pop()!.codePointAt(0)!;
  return isCjkContext(first) || isCjkContext(last);
}

/** `1）`, `a）`, `一）` as a list marker at the line start or after a clause: not a missing `（`. */
function listMarkerClose(text: string, at: number, lineStart: number): boolean {
  const before = text.slice(Math.max(lineStart, at - 4), at);
  return /(?:^|[\s\u3000：:；;。，,])[0-9A-Za-z一二三四五六七八九十①-⑳]{1,3}$/.test(before) || (at - lineStart <= 3 && /^[\s\u3000]*[0-9A-Za-z一二三四五六七八九十]{1,2}$/.test(before));
}

/** The characters the rule reads, found by a native scan (`test` and lastIndex: no match arrays). */
const PAIRED_MARK = /["'“”‘’「」『』（）()《》〈〉【】]/g;

export const pairedPunctuation: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '成对的标点（引号、括号、书名号、方头括号）应在段内配齐、嵌套正确：外层用双引号，里层用单引号；中文里不用直引号',
      en: 'Paired marks (quotes, brackets, title marks) are closed within the paragraph and nested right: double quotes outside, single inside; no straight quotes in Chinese text',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    docs: docsPath(ID),
    messages: {
      unclosed: { zh: '段内的 {mark} 没有配对的 {pair}', en: '{mark} has no matching {pair} in its paragraph' },
      unopened: { zh: '段内的 {mark} 前面没有配对的 {pair}', en: '{mark} has no matching {pair} before it in its paragraph' },
      mismatched: { zh: '{open} 与 {close} 不配对：{open} 应以 {pair} 结束', en: '{open} is closed by {close}: it takes {pair}' },
      reversed: { zh: '引号方向写反了：此处应为 {right}', en: 'A quotation mark the wrong way round: {right} belongs here' },
      flip: { zh: '改为 {right}', en: 'Change it to {right}' },
      nestedDouble: { zh: '双引号里又用了双引号：里层应改用 {open}{close}', en: 'Double quotes inside double quotes: the inner pair should be {open}{close}' },
      wrongNesting: { zh: '引号嵌套颠倒：外层应用双引号，里层用单引号', en: 'Quotes nested the wrong way: double quotes outside, single quotes inside' },
      useInner: { zh: '里层改为 {open}{close}', en: 'Make the inner pair {open}{close}' },
      swap: { zh: '外层改为双引号，里层改为单引号', en: 'Make the outer pair double and the inner pair single' },
      straight: { zh: '中文里的直引号 {mark} 应改为 {open}{close}', en: 'Straight quotes {mark} in Chinese text: use {open}{close}' },
      straightClose: { zh: '直引号 {mark} 应改为 {right}，与前面的 {pair} 配对', en: 'The straight quote {mark} should be {right}, closing the {pair} before it' },
    },
    options: {},
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.normalized;
    let corner: boolean | undefined;
    const cornerQuotes = () => (corner ??= usesCornerQuotes(doc));
    const paragraphs = paragraphSpans(doc);
    /** Where a paragraph's text starts (after indentation and Markdown emphasis or quote marks). */
    const firstMarkAt = (span: Span) => {
      let i = span.start;
      while (i < span.end && /[\s\u3000*#>]/.test(text[i])) i++;
      return i;
    };

    /** Where the next `<` or `{{` is (text.length when none): paragraphs without one skip the markup scan. */
    const tagStart = (from: number) => {
      const lt = text.indexOf('<', from);
      const brace = text.indexOf('{{', from);
      return Math.min(lt === -1 ? text.length : lt, brace === -1 ? text.length : brace);
    };
    let nextTag = -1;
    // The next paired mark at or after a place (text.length when none), kept across paragraphs so
    // that paragraphs without one are not scanned to the next that has one.
    const markFrom = (from: number) => {
      PAIRED_MARK.lastIndex = from;
      return PAIRED_MARK.test(text) ? PAIRED_MARK.lastIndex - 1 : text.length;
    };
    let nextMark = -1;
    paragraphs.forEach((span, index) => {
      const marks: Mark[] = [];
      // HTML tags and shortcodes (`<img alt="…">`, `{{< video src="…" >}}`) are markup, not text.
      const markup: Span[] = [];
      if (nextTag < span.start) nextTag = tagStart(span.start);
      if (nextTag < span.end) {
        for (const tag of text.slice(span.start, span.end).matchAll(/<[^<>\n]*>|\{\{[^{}\n]*\}\}/g)) markup.push({ start: span.start + tag.index, end: span.start + tag.index + tag[0].length });
      }
      let tag = 0;
      if (nextMark < span.start) nextMark = markFrom(span.start);
      while (nextMark < span.end) {
        const i = nextMark;
        nextMark = markFrom(i + 1);
        while (tag < markup.length && markup[tag].end <= i) tag++;
        if (tag < markup.length && markup[tag].start <= i) continue;
        const ch = text[i];
        if (ch === '"' || ch === "'") {
          // Apostrophes, feet and inches, attribute values (alt="…") are not quotation marks.
          if (isLatinOrDigit(text[i - 1]) && (ch === "'" || isLatinOrDigit(text[i + 1]))) continue;
          if (text[i - 1] === '=') continue;
          marks.push({ at: i, ch, kind: ch === '"' ? 'double' : 'single', straight: true });
          continue;
        }
        if ((ch === '’' || ch === '‘') && isLatinOrDigit(text[i - 1]) && isLatinOrDigit(text[i + 1])) continue;
        marks.push({ at: i, ch, kind: OPENERS[ch] ?? CLOSERS[ch] });
      }
      if (marks.length === 0) return;
      const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;

      const stack: Mark[] = [];
      const straightPairs: Pair[] = [];
      const unopened: Mark[] = [];
      const unclosed: Mark[] = [];
      const mismatched: [Mark, Mark][] = [];
      /** Double pairs closed while another double quote was open (counted once that one closes too). */
      const nestedDoubles: { pair: Pair; outer: Mark }[] = [];
      const wrongNestings: { outer: Pair; doubles: Pair[] }[] = [];
      // What the loop asks of the stack, kept as it changes so that deep nesting stays linear: per kind,
      // the stack places of its open curly marks; per mark, the nearest open double quote at or below it.
      const openOfKind = new Map<Kind, number[]>();
      const closedDoubles: Pair[] = [];
      const lastCloserOf = new Map<Kind, number>();
      marks.forEach((m, k) => {
        if (!m.straight && CLOSERS[m.ch]) lastCloserOf.set(m.kind, k);
      });
      const push = (mark: Mark) => {
        const top = stack[stack.length - 1];
        mark.openDouble = isDouble(mark) && !mark.straight ? mark : top?.openDouble;
        if (!mark.straight) {
          let places = openOfKind.get(mark.kind);
          if (!places) openOfKind.set(mark.kind, (places = []));
          places.push(stack.length);
        }
        stack.push(mark);
      };
      /** Removes the marks from stack place `depth` up (the top one by default) and returns them. */
      const popFrom = (depth = stack.length - 1): Mark[] => {
        const removed = stack.splice(depth);
        for (const m of removed) {
          if (m.straight) continue;
          const places = openOfKind.get(m.kind)!;
          while (places.length && places[places.length - 1] >= depth) places.pop();
        }
        return removed;
      };
      for (const [k, mark] of marks.entries()) {
        if (mark.straight) {
          const top = stack[stack.length - 1];
          if (top && top.kind === mark.kind && (top.straight || OPENERS[top.ch])) {
            popFrom();
            straightPairs.push({ open: top, close: mark });
          } else {
            push(mark);
          }
          continue;
        }
        if (OPENERS[mark.ch]) {
          if (isSingle(mark)) {
            mark.insideDouble = stack[stack.length - 1]?.openDouble !== undefined;
            mark.doublesFrom = closedDoubles.length;
          }
          push(mark);
          continue;
        }
        const places = openOfKind.get(mark.kind);
        const depthOf = places?.length ? places[places.length - 1] : -1;
        if (depthOf === -1) {
          // `“刑法》`: the open mark on top is closed by a mark of another kind, if nothing later closes it.
          const top = stack[stack.length - 1];
          if (top && !top.straight && top.ch !== '(' && mark.ch !== ')' && !((lastCloserOf.get(top.kind) ?? -1) > k)) {
            popFrom();
            mismatched.push([top, mark]);
          } else {
            unopened.push(mark);
          }
          continue;
        }
        // Marks opened inside and never closed before this one closes its partner.
        const [open, ...inside] = popFrom(depthOf);
        for (const m of inside) if (!m.straight) unclosed.push(m);
        open.closed = true;
        const pair = { open, close: mark };
        // Nesting, known from what is still open: double quotes inside double ones, or inside single ones.
        if (isDouble(open)) {
          const outer = stack[stack.length - 1]?.openDouble;
          if (outer) nestedDoubles.push({ pair, outer });
          closedDoubles.push(pair);
        } else if (isSingle(open) && !open.insideDouble && closedDoubles.length > open.doublesFrom!) {
          wrongNestings.push({ outer: pair, doubles: closedDoubles.slice(open.doublesFrom) });
        }
      }
      for (const m of stack) if (!m.straight) unclosed.push(m);

      // A quotation over several paragraphs: each opens with the mark and only the last closes it,
      // so a paragraph may leave one opened when the next paragraph starts with it.
      if (unclosed.length === 0 && unopened.length === 0 && mismatched.length === 0 && straightPairs.length === 0 && nestedDoubles.length === 0 && wrongNestings.length === 0) return;
      const next = paragraphs[index + 1];
      const leftOpen = (m: Mark) => (m.ch === '“' || m.ch === '「') && next !== undefined && text[firstMarkAt(next)] === m.ch && unclosed.filter((u) => u.kind === m.kind).length === 1;
      const listMarker = (m: Mark) => m.ch === '）' && listMarkerClose(text, m.at, lineStart);
      const problems = [...unclosed.filter((m) => !leftOpen(m) && !halfWidth(m)), ...unopened.filter((m) => !halfWidth(m) && !listMarker(m))].sort((a, b) => a.at - b.at);

      // Double quotes the wrong way round: flipping them makes the paragraph's double quotes alternate.
      const explained = new Set<number>();
      const curly = problems.some((m) => m.kind === 'double') ? marks.filter((m) => m.ch === '“' || m.ch === '”') : [];
      if (curly.length > 0 && curly.length % 2 === 0) {
        for (const [k, m] of curly.entries()) {
          explained.add(m.at);
          if (m.ch === (k % 2 === 0 ? '“' : '”')) continue;
          const right = PARTNER[m.ch];
          const fix = { edits: [{ start: m.at, end: m.at + 1, text: right }] };
          ctx.report({ start: m.at, end: m.at + 1, messageId: 'reversed', data: { right }, suggestions: [{ messageId: 'flip', data: { right }, fix }] });
        }
      }
      for (const [open, close] of mismatched) {
        ctx.report({ start: open.at, end: close.at + 1, messageId: 'mismatched', data: { open: open.ch, close: close.ch, pair: PARTNER[open.ch] } });
      }
      for (const m of problems) {
        if (explained.has(m.at)) continue;
        ctx.report({ start: m.at, end: m.at + 1, messageId: OPENERS[m.ch] ? 'unclosed' : 'unopened', data: { mark: m.ch, pair: PARTNER[m.ch] } });
      }

      // Straight quotes: a pair around Chinese text, or one closing a curly quote.
      for (const { open, close } of straightPairs) {
        const content = text.slice(open.at + 1, close.at);
        if (!chinese(content)) continue;
        const single = open.kind === 'single';
        const [o, c] = single ? (cornerQuotes() ? ['『', '』'] : ['‘', '’']) : cornerQuotes() ? ['「', '」'] : ['“', '”'];
        if (open.straight) {
          const edits: TextEdit[] = [
            { start: open.at, end: open.at + 1, text: o },
            { start: close.at, end: close.at + 1, text: close.straight ? c : close.ch },
          ];
          ctx.report({ start: open.at, end: close.at + 1, messageId: 'straight', data: { mark: single ? "' '" : '" "', open: o, close: c }, fix: { edits } });
        } else {
          const right = PARTNER[open.ch];
          ctx.report({ start: close.at, end: close.at + 1, messageId: 'straightClose', data: { mark: close.ch, right, pair: open.ch }, fix: { edits: [{ start: close.at, end: close.at + 1, text: right }] } });
        }
      }

      for (const { pair: p } of nestedDoubles.filter((n) => n.outer.closed)) {
        const [o, c] = p.open.kind === 'cornerDouble' ? ['『', '』'] : ['‘', '’'];
        const fix = { edits: [{ start: p.open.at, end: p.open.at + 1, text: o }, { start: p.close.at, end: p.close.at + 1, text: c }] };
        const suggestion: SuggestionReport = { messageId: 'useInner', data: { open: o, close: c }, fix };
        ctx.report({ start: p.open.at, end: p.close.at + 1, messageId: 'nestedDouble', data: { open: o, close: c }, suggestions: [suggestion] });
      }
      for (const { outer, doubles } of wrongNestings) {
        const cornerPair = outer.open.kind === 'cornerSingle';
        const edits: TextEdit[] = [
          { start: outer.open.at, end: outer.open.at + 1, text: cornerPair ? '「' : '“' },
          { start: outer.close.at, end: outer.close.at + 1, text: cornerPair ? '」' : '”' },
        ];
        for (const d of doubles) {
          edits.push({ start: d.open.at, end: d.open.at + 1, text: d.open.kind === 'cornerDouble' ? '『' : '‘' }, { start: d.close.at, end: d.close.at + 1, text: d.close.ch === '」' ? '』' : '’' });
        }
        edits.sort((a, b) => a.start - b.start);
        ctx.report({ start: outer.open.at, end: outer.close.at + 1, messageId: 'wrongNesting', suggestions: [{ messageId: 'swap', fix: { edits } }] });
      }
    });
  },
};
