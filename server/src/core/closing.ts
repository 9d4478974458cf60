// The closing of a speech (结尾): the paragraphs after the last section that wind the speech up —
// `同志们，…` with its exhortation (让我们…/希望…), `我就讲这些`, slogans (`为…而奋斗！`) and the thanks
// (`谢谢大家！`). Read off the parse's paragraphs; pure (no fs, no vscode), so the outline, the
// structure, the symbols and the counts all see the same closing.
import type { Block, Span, SpeechDocument } from './types';

/** Leading blanks and Markdown marks (`**`, `>`, `#`, list dashes) before a paragraph's words. */
const LEAD = /^[\s\u3000>*_#-]*/;

/** Opens the closing: the address to the audience, a "that is all", or 最后 + a wish. */
const OPENERS = [
  /^(同志们|各位(代表|同志|委员|领导|来宾|嘉宾)|同志们、朋友们|女士们、先生们)[，,、！!：:]/,
  /^(我就讲(这些|这么多|到这里|这几点)|我就(说|谈)(这些|这么多)|今天就讲到这里|我的讲话就到这里)/,
  /^最后[，,]\s*(我)?(再)?(请|希望|祝|预祝|衷心|真诚|让我们)/,
];

/** Carries the closing on: an exhortation, a wish or a slogan. */
const EXHORTATIONS = [
  /^(让我们|希望|衷心希望|真诚希望|殷切希望|预祝|衷心祝愿|祝愿|祝(大家|各位|同志们|会议)|在此|我谨)/,
  // 为…而奋斗！, …而不懈奋斗！
  /(奋斗|斗争|努力|前进)[！!]$/,
];

/** The thanks that ends a speech, alone or at the end of its last paragraph. */
const THANKS = /(谢谢(大家|各位|同志们|你们)?|感谢大家)[！!。.]?$/;
const THANKS_ALONE = /^(谢谢(大家|各位|同志们|你们)?|感谢大家)[！!。.]?$/;

/** A line after which nothing is the speech any more: a Markdown rule, a footnotes heading. */
const TAIL_START = /^(-{3,}|\*{3,}|_{3,}|注[\s\u3000]*释)$/;
/** Page leftovers after a speech: links, credits, sharing prompts. */
const TAIL_WORDS = /二维码|阅读原文|订户|订阅|版权所有|备案号|上一篇|下一篇|相关文章|相关阅读|责任编辑|分享到/;
/** A sentence-final mark (the speech's own paragraphs end in one; credits and links do not). */
const SENTENCE_END = /[。！？!?…”」』）)]$/;
/** A wholly parenthesised line: `（新华社北京8月23日电）`, `（《毛泽东选集》第五卷…）`. */
const CREDIT = /^[（(].*[）)]$/;

type Kind = 'opener' | 'exhortation' | 'thanks' | 'tail' | 'body';

function classify(text: string): Kind {
  if (THANKS_ALONE.test(text)) return 'thanks';
  if (OPENERS.some((re) => re.test(text))) return 'opener';
  if (THANKS.test(text)) return 'thanks';
  if (EXHORTATIONS.some((re) => re.test(text))) return 'exhortation';
  if (TAIL_WORDS.test(text) || CREDIT.test(text) || !SENTENCE_END.test(text)) return 'tail';
  return 'body';
}

/**
 * The closing paragraphs after the last section (or, without headings, after the opening
 * paragraph), from the start of the first to the end of the last; undefined when the speech has
 * none. Page leftovers after the closing are not part of it.
 */
export function closingSpan(doc: SpeechDocument): Span | undefined {
  const lastHeading = doc.blocks.filter((b) => b.type === 'heading').pop();
  const floor = lastHeading ? doc.lines[lastHeading.line].end : 0;
  let paragraphs = doc.blocks.filter((b) => b.type === 'paragraph' && b.start >= floor);
  const words = (b: Block) => doc.normalized.slice(b.start, b.end).replace(LEAD, '').trim();
  const tailAt = paragraphs.findIndex((b) => TAIL_START.test(doc.normalized.slice(b.start, b.end).trim()));
  if (tailAt >= 0) paragraphs = paragraphs.slice(0, tailAt);

  let first = -1;
  let last = -1;
  let explicit = false;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const kind = classify(words(paragraphs[i]));
    if (kind === 'tail' && last === -1) continue;
    if (kind === 'tail' || kind === 'body') break;
    if (last === -1) last = i;
    first = i;
    if (kind === 'thanks') explicit ||= THANKS_ALONE.test(words(paragraphs[i]));
    if (kind === 'opener') {
      explicit = true;
      break;
    }
  }
  if (first === -1) return undefined;
  // The section (or the opening) keeps some body of its own unless the closing says it is one.
  const before = paragraphs.slice(0, first).filter((b) => words(b) !== '');
  const bodyBefore = before.length > 0 || (lastHeading?.heading?.body !== undefined && doc.text.slice(lastHeading.heading.body.start, lastHeading.heading.body.end).trim() !== '');
  if (!bodyBefore && !(lastHeading && explicit)) return undefined;
  const start = paragraphs[first].start;
  let end = paragraphs[last].end;
  while (end > start && /[\s\u3000]/.test(doc.text[end - 1])) end--;
  return { start, end };
}
