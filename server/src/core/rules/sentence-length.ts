// sentence-length: a sentence too long to read aloud in one breath-group — by default more than 120
// characters between 。！？； (or a paragraph's ends). Counted as Word counts 字: each Chinese
// character and full-width mark 1, each run of Latin letters or digits 1, spaces 0. A note (info):
// where to split is the drafter's call.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { spansIn } from './ranges';
import { paragraphSpans } from '../proofread/common';
import { isFullWidthPunctuation, isHan, isLatinWordChar } from '../text';

const ID = 'sentence-length';

/** 。！？； and their half-width forms end a sentence (a native scan finds them). */
const SENTENCE_END = /[。！？；!?;]/g;
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0x3b;
}
const CLOSING = '”」’』）)';

/** 字 as Word counts them. */
function countOf(text: string): number {
  let n = 0;
  let inWord = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isLatinWordChar(cp)) {
      if (!inWord) n++;
      inWord = true;
      continue;
    }
    inWord = false;
    if (isHan(cp) || isFullWidthPunctuation(cp)) n++;
  }
  return n;
}

export const sentenceLength: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '句子过长：两个句末点号（。！？；）之间超过 120 字，念稿时一口气读不完（提示）',
      en: 'Long sentences: more than 120 characters between 。！？； are too long to read aloud in one breath (a note)',
    },
    defaultSeverity: 'info',
    scope: 'line',
    docs: docsPath(ID),
    messages: {
      long: { zh: '这句话有 {count} 字（超过 {max} 字），念稿时一口气读不完，宜拆分', en: 'This sentence runs to {count} characters (over {max}): too long to read aloud in one breath; split it' },
    },
    options: {
      max: {
        type: 'integer',
        minimum: 20,
        default: 120,
        description: { zh: '一句话的最多字数（两个句末点号之间）', en: 'Most characters in one sentence (between two sentence-ending marks)' },
      },
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const max = ctx.options.max as number;
    const text = doc.normalized;
    const report = (from: number, to: number) => {
      // A sentence has at most as many 字 as UTF-16 units: most are passed over without counting.
      if (to - from <= max) return;
      const sentence = text.slice(from, to);
      const count = countOf(sentence);
      if (count <= max) return;
      const start = from + (sentence.length - sentence.trimStart().length);
      const end = from + sentence.trimEnd().length;
      ctx.report({ start, end, messageId: 'long', data: { count, max } });
    };
    // The next end mark at or after a place (text.length when none), kept across paragraphs so that a
    // paragraph without one is not scanned to the next that has one.
    const endFrom = (from: number) => {
      SENTENCE_END.lastIndex = from;
      return SENTENCE_END.test(text) ? SENTENCE_END.lastIndex - 1 : text.length;
    };
    let next = -1;
    for (const span of spansIn(paragraphSpans(doc), ctx)) {
      let from = span.start;
      if (next < span.start) next = endFrom(span.start);
      while (next < span.end) {
        // The sentence takes its run of end marks and the closing quotes or brackets after them.
        let to = next + 1;
        while (to < span.end && (isSentenceEnd(text.charCodeAt(to)) || CLOSING.includes(text[to]))) to++;
        report(from, to);
        from = to;
        next = endFrom(to);
      }
      if (from < span.end) report(from, span.end);
    }
  },
};
