// heading-punctuation: a heading standing on its own line takes no point mark at its end
// (`一、总体要求。` → `一、总体要求`), nor does the draft's title (`在全市工作会议上的讲话。`). A heading
// run into its body on the same line ends with its full stop as a sentence does (`（一）强化组织领导。
// 成立……`): correct. A `？` or `！` ending a heading is part of its wording and stays. Numbered lines of
// level 3 and 4 (1. / （1）) next to another item of the same level are a list of short
// sentences, not headings over text: their full stops stay too, as do those of a 1. or （1） line
// holding clauses (`（2）一时难以整改的，要设置警示标志。`).
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import type { Block, SpeechDocument } from '../types';

const ID = 'heading-punctuation';

const END_MARK = /[。；：，、.;:,]$/;
/** What a speech title says it is (在……会议上的讲话, 致辞, 工作报告 …). */
const TITLE_WORDS = /(?:讲话|致辞|发言|报告|讲稿|贺词|主持词|开幕词|闭幕词|演讲|总结|说明|汇报|提纲|讲话稿|动员令|倡议书)(?:稿|提纲|要点)?$/;

/** The line's text without its indentation, trailing spaces and a Markdown `#` prefix. */
function lineContent(doc: SpeechDocument, line: number): { start: number; text: string } {
  const info = doc.lines[line];
  const raw = doc.normalized.slice(info.start, info.end);
  const lead = /^[\s\u3000]*(?:#{1,6}[ \t]*)?/.exec(raw)![0].length;
  return { start: info.start + lead, text: raw.slice(lead).replace(/[\s\u3000]+$/, '') };
}


export const headingPunctuation: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '单独成行的标题和文稿标题末尾不用句号、分号、冒号等点号；标题与正文连排时，标题后的句号保留',
      en: 'A heading on its own line and the draft’s title end without 。, ；, ： or another point mark; a heading run into its body keeps its full stop',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    docs: docsPath(ID),
    messages: {
      heading: { zh: '单独成行的标题末尾不用“{mark}”', en: 'A heading on its own line does not end with {mark}' },
      title: { zh: '文稿标题末尾不用“{mark}”', en: 'The title does not end with {mark}' },
    },
    options: {},
  },
  check(ctx) {
    const { doc } = ctx;
    for (const h of doc.headings) {
      if (h.inline || h.body) continue;
      const { start, text } = lineContent(doc, h.line);
      if (!END_MARK.test(text)) continue;
      const at = start + text.length - 1;
      const titleText = doc.normalized.slice(h.title.start, at);
      // A sentence with stops inside, or a long one, is a numbered paragraph, not a heading.
      if (/[。！？!?]/.test(titleText) || [...titleText].length > 40 || titleText.trim() === '') continue;
      // 1. and （1） lines are often list items: a sentence with clauses, or one of a run of items.
      if (h.level >= 3) {
        if (/[，；：,;:]/.test(titleText)) continue;
        const sameLevel = (b: Block | undefined) => b?.type === 'heading' && b.heading!.level === h.level;
        const index = doc.blocks.findIndex((b) => b.heading === h);
        if (!doc.blocks[index + 1] || sameLevel(doc.blocks[index + 1]) || sameLevel(doc.blocks[index - 1])) continue;
      }
      const mark = doc.text[at];
      ctx.report({ start: at, end: at + 1, messageId: 'heading', data: { mark }, fix: { edits: [{ start: at, end: at + 1, text: '' }] } });
    }

    // The title: the first line of the draft, when it ends in a point mark (parse takes such a line for
    // a paragraph) and says it is a speech.
    const first = doc.blocks[0];
    if (!first || first.type === 'heading' || first.type === 'salutation' || doc.title) return;
    const { start, text } = lineContent(doc, first.line);
    if (!/[。；，、.;,]$/.test(text)) return;
    const body = text.slice(0, -1);
    if (/[。！？；!?;：:，,]/.test(body) || [...body].length > 40 || !TITLE_WORDS.test(body)) return;
    const at = start + text.length - 1;
    ctx.report({ start: at, end: at + 1, messageId: 'title', data: { mark: doc.text[at] }, fix: { edits: [{ start: at, end: at + 1, text: '' }] } });
  },
};
