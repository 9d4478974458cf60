// duplicate-paragraph: the same paragraph twice in a draft, a leftover of copying and pasting. Paragraphs
// are compared without spaces and in one script; those shorter than `minLength` characters (titles,
// salutations, 谢谢大家！) may well repeat. The later copy is reported; deleting it is offered as a
// suggestion, not a bulk fix: which copy stands in the right place is the drafter's call.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { paragraphSpans, touchesExcluded } from '../proofread/common';
import { codePointLength, lineIndexAt, withoutJoinedBreaks } from '../text';

const ID = 'duplicate-paragraph';

const SPACE = /[\s\u3000]/;
const SPACES = /[\s\u3000]+/g;

export const duplicateParagraph: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '重复的段落：同一段（默认 20 字以上）在文稿中出现两次，多为复制粘贴的遗留',
      en: 'Duplicate paragraphs: the same paragraph (20 characters or more by default) twice in a draft, usually a copy-and-paste leftover',
    },
    defaultSeverity: 'warning',
    hasSuggestions: true,
    docs: docsPath(ID),
    messages: {
      duplicate: { zh: '这一段与第 {line} 行的段落重复', en: 'This paragraph repeats the one on line {line}' },
      delete: { zh: '删除这一段', en: 'Delete this paragraph' },
    },
    options: {
      minLength: {
        type: 'integer',
        minimum: 1,
        default: 20,
        description: { zh: '参与比较的段落的最少字数（不计空格）', en: 'Shortest paragraph compared (characters, spaces not counted)' },
      },
    },
  },
  check(ctx) {
    const { doc } = ctx;
    const minLength = ctx.options.minLength as number;
    const text = doc.normalized;
    // Paragraphs by their text without spaces (most have none: the slice itself is the key).
    const seen = new Map<string, number>();
    for (const span of paragraphSpans(doc)) {
      // A paragraph has at most as many characters as UTF-16 units: short ones are skipped at once.
      if (span.end - span.start < minLength) continue;
      const raw = text.slice(span.start, span.end);
      const key = SPACE.test(raw) ? raw.replace(SPACES, '') : raw;
      if (key.length < minLength || (key.length < 2 * minLength && codePointLength(key) < minLength)) continue;
      const line = lineIndexAt(doc.lines, span.start);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, line);
        continue;
      }
      // The whole line goes, with its line break (or the one before it on the last line).
      const info = doc.lines[line];
      const next = doc.lines[line + 1];
      const remove = withoutJoinedBreaks(doc.text, next ? { start: info.start, end: next.start } : { start: doc.lines[line - 1]?.end ?? info.start, end: info.end });
      const lineHoldsMore = doc.normalized.slice(info.start, span.start).trim() !== '' || doc.normalized.slice(span.end, info.end).trim() !== '';
      const suggestions = lineHoldsMore || touchesExcluded(doc, remove.start, remove.end) ? [] : [{ messageId: 'delete', fix: { edits: [{ ...remove, text: '' }] } }];
      ctx.report({ start: span.start, end: span.end, messageId: 'duplicate', data: { line: first + 1 }, suggestions });
    }
  },
};
