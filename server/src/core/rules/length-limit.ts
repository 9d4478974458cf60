// length-limit: the draft's 字数 against the limit for its kind (front matter 类型/字数上限 > command
// line > settings preset). Over the limit: an error from the character where the limit is crossed to
// the end of that line (a squiggle over the rest of the document would hide every other finding). From
// `warnAt` of the limit up to the limit: an info note on the title. Front-matter problems are reported
// here too, since they decide the limit.
import { offsetExceeding } from '../count';
import type { Rule, RuleContext } from '../rule';
import { docsPath } from '../rule';
import { lengthStatus } from '../stats';
import { lineIndexAt } from '../text';
import type { MessageRef } from '../i18n/format';

const ID = 'length-limit';

/** Whose limit it is, for the message: the draft's own (front matter) or its kind's. */
function limitOwner(ctx: RuleContext): MessageRef {
  const fm = ctx.doc.frontMatter;
  if (fm?.limit !== undefined && fm.limit === ctx.limit) return { id: 'length-limit/ownerDraft' };
  return { id: ctx.kind === 'single' ? 'length-limit/ownerSingle' : 'length-limit/ownerComprehensive' };
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
    docs: docsPath(ID),
    messages: {
      over: {
        zh: '全文 {total:group} 字{mode}，超出{owner}上限 {limit:group} 字 {over:group} 字（自此处起超出）',
        en: 'The draft has {total:group} {unit}, {over:group} over {owner} limit of {limit:group} (the excess starts here)',
      },
      near: {
        zh: '全文 {total:group} 字{mode}，已达{owner}上限 {limit:group} 字的 {percent}%',
        en: 'The draft has {total:group} {unit}, {percent}% of {owner} limit of {limit:group}',
      },
      ownerDraft: { zh: '本稿设定的', en: 'this draft’s own' },
      ownerSingle: { zh: '单项工作文稿', en: 'the single-topic document' },
      ownerComprehensive: { zh: '综合性文稿', en: 'the comprehensive document' },
      modeWord: { zh: '', en: 'characters (字数)' },
      modeChars: { zh: '（按字符数计）', en: 'characters (字符数)' },
      modeHanzi: { zh: '（按汉字数计）', en: 'Chinese characters (汉字数)' },
      'front-matter-kind': { zh: '类型“{value}”无法识别：应为“单项”或“综合”', en: 'Unknown kind "{value}": expected 单项/single or 综合/comprehensive' },
      'front-matter-limit': { zh: '字数上限“{value}”应为正整数', en: 'Limit "{value}" must be a positive integer' },
    },
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
      ctx.report({ start: problem.span.start, end: problem.span.end, messageId: problem.messageId, data: problem.data, severity: 'warning' });
    }

    const total = doc.count.total;
    const limit = ctx.limit;
    if (!(limit > 0)) return;
    const mode = { id: `length-limit/mode${doc.count.mode[0].toUpperCase()}${doc.count.mode.slice(1)}` };
    const data = { total, limit, mode, unit: mode, owner: limitOwner(ctx) };

    const status = lengthStatus(total, limit, ctx.options.warnAt as number);
    if (status === 'over') {
      const start = offsetExceeding(doc.countPrefix, limit);
      if (start < 0) return;
      const line = doc.lines[lineIndexAt(doc.lines, start)];
      const over = total - limit;
      ctx.report({
        start,
        end: Math.max(line.end, start + 1),
        messageId: 'over',
        data: { ...data, over },
      });
      return;
    }

    if (status !== 'near') return;
    const percent = Math.floor((total * 100) / limit);
    const span = noteSpan(ctx);
    ctx.report({
      ...span,
      severity: 'info',
      messageId: 'near',
      data: { ...data, percent },
    });
  },
};
