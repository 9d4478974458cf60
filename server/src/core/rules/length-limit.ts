// length-limit: the draft's 字数 against the limit for its kind (front matter 类型/字数上限 > command
// line > settings preset). Over the limit: an error from the character where the limit is crossed to
// the end of that line (a squiggle over the rest of the document would hide every other finding). From
// `warnAt` of the limit up to the limit: an info note on the title. Front-matter problems are reported
// here too, since they decide the limit.
import { offsetExceeding } from '../count';
import type { Rule, RuleContext } from '../rule';
import { docsPath } from '../rule';
import { lineIndexAt } from '../text';
import type { CountMode, Kind, Message } from '../types';

const ID = 'length-limit';

const KIND_NAME: Record<Kind, Message> = {
  comprehensive: { zh: '综合性文稿', en: 'a comprehensive document' },
  single: { zh: '单项工作文稿', en: 'a single-topic document' },
};

/** How the count was taken, for the message; `word` (Word's 字数) is the default and goes unsaid. */
const MODE_NOTE: Record<CountMode, Message> = {
  word: { zh: '', en: '' },
  chars: { zh: '（按字符数计）', en: ' (counting characters)' },
  hanzi: { zh: '（按汉字数计）', en: ' (counting Chinese characters)' },
};

const MODE_UNIT: Record<CountMode, string> = {
  word: 'characters (字数)',
  chars: 'characters (字符数)',
  hanzi: 'Chinese characters (汉字数)',
};

/** 5230 → `5,230`, without depending on the runtime's locale data. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function limitName(ctx: RuleContext): Message {
  const fm = ctx.doc.frontMatter;
  if (fm?.limit !== undefined && fm.limit === ctx.limit) return { zh: '本稿设定的', en: 'this draft’s own' };
  const kind = KIND_NAME[ctx.kind];
  return { zh: kind.zh, en: `the ${kind.en.replace(/^an? /, '')}` };
}

/** Where the note for a draft that is close to its limit goes: the title, else the first line with text. */
function noteSpan(ctx: RuleContext): { start: number; end: number } {
  const { doc } = ctx;
  if (doc.title) return { start: doc.title.start, end: doc.title.end };
  for (const line of doc.lines) {
    const lead = /^[\s\u3000]*/.exec(line.text)![0].length;
    if (line.start + lead < line.end && !doc.isExcluded(line.start + lead)) {
      const text = line.text.trimEnd();
      return { start: line.start + lead, end: line.start + text.length };
    }
  }
  return { start: 0, end: 0 };
}

export const lengthLimit: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '全文字数不得超过文稿类型的上限（默认：综合性 5000 字，单项工作 3000 字）；接近上限时提示',
      en: 'The draft must not exceed the length limit for its kind (default: 5,000 comprehensive, 3,000 single-topic); a note when it comes close',
    },
    defaultSeverity: 'error',
    fixable: false,
    docs: docsPath(ID),
    options: {
      warnAt: {
        type: 'number',
        default: 0.9,
        description: {
          zh: '达到上限的这一比例（含）时给出提示；取值 0–1，0 或 1 以外的值关闭提示',
          en: 'Give a note from this share of the limit (inclusive); between 0 and 1, other values turn the note off',
        },
      },
    },
  },
  check(ctx) {
    const { doc } = ctx;
    for (const problem of doc.frontMatter?.problems ?? []) {
      ctx.report({ start: problem.span.start, end: problem.span.end, message: problem.message, severity: 'warning' });
    }

    const total = doc.count.total;
    const limit = ctx.limit;
    if (!(limit > 0)) return;
    const mode = doc.count.mode;
    const name = limitName(ctx);
    const note = MODE_NOTE[mode];

    if (total > limit) {
      const start = offsetExceeding(doc.countPrefix, limit);
      if (start < 0) return;
      const line = doc.lines[lineIndexAt(doc.lines, start)];
      const over = total - limit;
      ctx.report({
        start,
        end: Math.max(line.end, start + 1),
        message: {
          zh: `全文 ${groupDigits(total)} 字${note.zh}，超出${name.zh}上限 ${groupDigits(limit)} 字 ${groupDigits(over)} 字（自此处起超出）`,
          en: `The draft has ${groupDigits(total)} ${MODE_UNIT[mode]}, ${groupDigits(over)} over ${name.en} limit of ${groupDigits(limit)} (the excess starts here)`,
        },
      });
      return;
    }

    const warnAt = ctx.options.warnAt as number;
    if (!(warnAt > 0 && warnAt <= 1)) return;
    // Integer comparison: 4,500 of 5,000 is 90%, however 0.9 × 5000 rounds.
    if (total * 1000 < Math.round(warnAt * 1000) * limit) return;
    const percent = Math.floor((total * 100) / limit);
    const span = noteSpan(ctx);
    ctx.report({
      ...span,
      severity: 'info',
      message: {
        zh: `全文 ${groupDigits(total)} 字${note.zh}，已达${name.zh}上限 ${groupDigits(limit)} 字的 ${percent}%`,
        en: `The draft has ${groupDigits(total)} ${MODE_UNIT[mode]}, ${percent}% of ${name.en} limit of ${groupDigits(limit)}`,
      },
    });
  },
};
