// repeated-punctuation: a punctuation mark typed twice (`，，` `。。` `、、` `；；` `：：`) or two marks
// where one belongs (`，。` `、，` `。，`). GB/T 15834 has one point mark at each pause. A weaker mark
// before a stronger one (、 < ， < ；： < 。) is deleted by the fix: the stronger one ends the pause.
// A stronger one first (`。，`) may be either mistake: both readings are offered as suggestions.
// `！！` and `？？` are allowed by GB/T 15834 (4.2.3.4, 4.4.3.4) for strong feeling, so they are only
// noted (info, a suggestion) — a speech draft seldom wants them. Three or more `。` are an ellipsis
// (ellipsis-dash).
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { matchesIn } from './ranges';

const ID = 'repeated-punctuation';

/** Pause strength of the point marks. */
const STRENGTH: Record<string, number> = { '、': 1, '，': 2, '；': 3, '：': 3, '。': 4 };
const RUN = /([，。、；：！？])\1+|[，。、；：][，。、；：]/g;

export const repeatedPunctuation: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '标点不应重复或连用：，，、。。、、、，。、、，等只保留一个',
      en: 'No doubled or clashing punctuation: ，，, 。。, 、、, ，。, 、， keep one mark',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    scope: 'line',
    docs: docsPath(ID),
    messages: {
      doubled: { zh: '标点 {mark} 重复了，应只保留一个', en: 'The mark {mark} is doubled: keep one' },
      emphatic: { zh: '叠用的 {found} 只用于强烈的语气，讲话稿一般只用一个 {mark}', en: '{found} is for strong feeling only; a speech usually takes one {mark}' },
      clash: { zh: '{first} 和 {second} 连用，应只保留 {second}', en: '{first} and {second} together: keep {second}' },
      clashEither: { zh: '{first} 和 {second} 连用，应只保留一个', en: '{first} and {second} together: keep one of them' },
      keep: { zh: '只保留 {mark}', en: 'Keep {mark}' },
    },
    options: {},
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.normalized;
    for (const m of matchesIn(RUN, text, ctx)) {
      const start = m.index;
      const end = start + m[0].length;
      const found = m[0];
      const mark = found[0];
      if (found[1] === mark) {
        if (mark === '。' && found.length >= 3) continue;
        if (mark === '！' || mark === '？') {
          ctx.report({ start, end, severity: 'info', messageId: 'emphatic', data: { found, mark }, suggestions: [{ messageId: 'keep', data: { mark }, fix: { edits: [{ start: start + 1, end, text: '' }] } }] });
          continue;
        }
        ctx.report({ start, end, messageId: 'doubled', data: { mark }, fix: { edits: [{ start: start + 1, end, text: '' }] } });
        continue;
      }
      const [first, second] = found;
      // `17、。在此`: the 顿号 of a number at the line start (a list or page marker), then the text's own mark.
      if (first === '、' && /^[\s\u3000]*(?:\d{1,3}|[一二三四五六七八九十]{1,3})$/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))) continue;
      if (STRENGTH[first] < STRENGTH[second]) {
        ctx.report({ start, end, messageId: 'clash', data: { first, second }, fix: { edits: [{ start, end: start + 1, text: '' }] } });
      } else {
        ctx.report({
          start,
          end,
          messageId: 'clashEither',
          data: { first, second },
          suggestions: [
            { messageId: 'keep', data: { mark: first }, fix: { edits: [{ start: start + 1, end, text: '' }] } },
            { messageId: 'keep', data: { mark: second }, fix: { edits: [{ start, end: start + 1, text: '' }] } },
          ],
        });
      }
    }
  },
};
