// Pass: in-paragraph lists — 一是…二是…, 一要…二要…, 第一，第二，(and 第一点，第一条：第一步，…), 首先…其次…
// 最后 — nested and across paragraphs, closed at every heading. An item is a list word not inside a
// word (统一是, 唯一要); one right after a web leftover (a photo caption spliced before it) still counts.
import { parseChineseNumeral } from '../numerals';
import { isHan } from '../text';
import type { Enumeration, EnumerationFamily, EnumerationItem, Span } from '../types';

const CN = '[一二三四五六七八九十]{1,3}';
const SHI_YAO = new RegExp(`(${CN})(是|要)`, 'g');
const IDIOM = /一是一[，,、]?二是二/g;
/** Words that end in 一: their 一 never starts a list (统一要求, 唯一是, 之一是, 第一要务). */
const WORD_ENDING_IN_ONE = /^(统|唯|之|万|同|单|专|划|如|不|归|合|第|逐|均|整|纯|择|一|其|任)一$/;
/** 第一， 第一是 第一点， 第一条： 第七条罪状是： — a noun, then 是 or a mark; not 第一个五年计划, 第一时间. */
const ORDINAL = new RegExp(`第(${CN})(点|条罪状|条|个问题|个方面|方面|步|篇|项|种|部分|个)?(?:(是)|([，,、：:；;]))`, 'g');
/** Words after which a 第一条： with a noun still starts an item (党八股的第一条罪状是：, 讲第一个问题，). */
const BEFORE_NOUN_ITEM = /[的讲谈说是为]$/;
const SEQUENCE = /(首先|其次|再次|最后)([，,：:])/g;
const SEQUENCE_NUMBER: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: -1 };

export interface ItemInput {
  normalized: string;
  text: string;
  /** Offsets just past a leftover: a list word there is not inside a word. */
  leftoverEnds: ReadonlySet<number>;
}

function hanBefore(normalized: string, offset: number): boolean {
  if (offset === 0) return false;
  const c = normalized.charCodeAt(offset - 1);
  if (c >= 0xdc00 && c <= 0xdfff) return isHan(normalized.codePointAt(offset - 2)!);
  return isHan(c);
}

/** The list items in `span` (a paragraph, or the body after a heading). */
export function findItems(input: ItemInput, span: Span, line: number): EnumerationItem[] {
  const { normalized, text } = input;
  const items: EnumerationItem[] = [];
  const segment = normalized.slice(span.start, span.end);
  const push = (family: EnumerationFamily, number: number, series: string, index: number, length: number, numeral: Span, wordOk = false) => {
    const start = span.start + index;
    const afterLeftover = input.leftoverEnds.has(start);
    if (!afterLeftover && !wordOk && hanBefore(normalized, start)) return;
    const item: EnumerationItem = { family, number, series, start, end: start + length, numeral, text: text.slice(start, start + length), line };
    if (afterLeftover) item.afterLeftover = true;
    items.push(item);
  };
  let m: RegExpExecArray | null;
  // 一是一、二是二 (call a spade a spade) is an idiom, not two items.
  const idioms: Span[] = [];
  IDIOM.lastIndex = 0;
  while ((m = IDIOM.exec(segment))) idioms.push({ start: m.index, end: m.index + m[0].length });
  const shiYao: { n: number; m: RegExpExecArray }[] = [];
  SHI_YAO.lastIndex = 0;
  while ((m = SHI_YAO.exec(segment))) {
    const n = parseChineseNumeral(m[1]);
    if (n === null) continue;
    const at = m.index;
    if (idioms.some((i) => at >= i.start && at < i.end)) continue;
    shiYao.push({ n, m });
  }
  shiYao.forEach(({ n, m: match }, k) => {
    const start = span.start + match.index;
    // 各级领导干部一要…，二要…: a first item right after its subject, when 二 of the same series follows
    // after a clause break; never the 一 of a word (统一要求, 唯一是).
    const subjectFirst =
      n === 1 &&
      !WORD_ENDING_IN_ONE.test(segment.slice(Math.max(0, match.index - 1), match.index + 1)) &&
      shiYao.slice(k + 1).some((o) => o.n === 2 && o.m[2] === match[2] && /[，,；;]$/.test(segment.slice(0, o.m.index)));
    push('shi-yao', n, match[2], match.index, match[0].length, { start, end: start + match[1].length }, subjectFirst);
  });
  ORDINAL.lastIndex = 0;
  while ((m = ORDINAL.exec(segment))) {
    const n = parseChineseNumeral(m[1]);
    if (n === null) continue;
    const start = span.start + m.index;
    const noun = m[2] ?? '';
    // 第二项、第十四项、第十六项的规定: references joined by 、 or 和, not items.
    if ((m[4] === '、' && segment[m.index + m[0].length] === '第') || /[、和及与]$/.test(segment.slice(Math.max(0, m.index - 1), m.index))) continue;
    // 党八股的第一条罪状是：, 讲第一个问题， — an item after 的/讲; not 宪法第三十一条和第六十二条第二项、.
    const wordOk = noun !== '' && BEFORE_NOUN_ITEM.test(normalized.slice(Math.max(0, start - 1), start));
    push('ordinal', n, `第${noun}`, m.index, m[0].length, { start: start + 1, end: start + 1 + m[1].length }, wordOk);
  }
  SEQUENCE.lastIndex = 0;
  while ((m = SEQUENCE.exec(segment))) {
    const start = span.start + m.index;
    push('sequence', SEQUENCE_NUMBER[m[1]], m[1], m.index, m[0].length, { start, end: start + 2 });
  }
  return items.sort((a, b) => a.start - b.start);
}

/** Groups items into lists: a list opens at 一 (nested when one is open), continues with the next number. */
export function groupEnumerations(itemsByBlock: { items: EnumerationItem[]; closesLists: boolean }[]): Enumeration[] {
  const lists: Enumeration[] = [];
  const stacks: Record<EnumerationFamily, Enumeration[]> = { 'shi-yao': [], ordinal: [], sequence: [] };
  for (const block of itemsByBlock) {
    if (block.closesLists) {
      stacks['shi-yao'] = [];
      stacks.ordinal = [];
      stacks.sequence = [];
      continue;
    }
    for (const item of block.items) {
      const stack = stacks[item.family];
      if (item.family === 'sequence') {
        if (item.number === 1) {
          const list: Enumeration = { family: 'sequence', items: [item], depth: 0 };
          lists.push(list);
          stacks.sequence = [list];
        } else if (stack.length) {
          stack[0].items.push(item);
          if (item.number === -1) stacks.sequence = [];
        }
        continue;
      }
      const top = stack[stack.length - 1];
      const next = (list: Enumeration) => list.items[list.items.length - 1].number + 1;
      const sameSeries = (list: Enumeration) => list.items[0].series === item.series;
      // 一是…，一要…，二是: 二是 continues the outer 是 list, not the inner 要 one that also expects 二.
      if (top && item.number === next(top) && (sameSeries(top) || !stack.some((list) => list !== top && sameSeries(list) && next(list) === item.number))) {
        top.items.push(item);
        continue;
      }
      const outer = stack.findIndex((list) => next(list) === item.number && item.number !== 1 && sameSeries(list));
      if (outer !== -1) {
        stack.length = outer + 1;
        stack[outer].items.push(item);
        continue;
      }
      if (item.number === 1 || !top) {
        // A new list of another series opens beside, not inside, a finished one of the same depth.
        const list: Enumeration = { family: item.family, items: [item], depth: stack.length };
        lists.push(list);
        stack.push(list);
        continue;
      }
      // Gap, duplicate or order error: keep it in the innermost list of its series for the rule to report.
      const own = [...stack].reverse().find(sameSeries) ?? top;
      own.items.push(item);
    }
  }
  return lists;
}
