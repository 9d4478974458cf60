// duplicate-paragraph: the same paragraph twice in a draft, a leftover of copying and pasting. Paragraphs
// are compared without spaces and in one script; those shorter than `minLength` characters (titles,
// salutations, 谢谢大家！) may well repeat. The later copy is reported; deleting it is offered as a
// suggestion, not a bulk fix: which copy stands in the right place is the drafter's call.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { paragraphSpans, touchesExcluded } from '../proofread/common';
import { codePointLength, lineIndexAt } from '../text';
import type { Span } from '../types';

const ID = 'duplicate-paragraph';

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
    // Paragraphs by a hash of their characters without spaces; the text is compared only on a collision.
    const seen = new Map<number, { span: Span; line: number; key?: string }[]>();
    const stripped = (span: Span) => text.slice(span.start, span.end).replace(SPACES, '');
    for (const span of paragraphSpans(doc)) {
      // A paragraph has at most as many characters as UTF-16 units: short ones are skipped at once.
      if (span.end - span.start < minLength) continue;
      let hash = 0x811c9dc5;
      let units = 0;
      for (let i = span.start; i < span.end; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x20 || c === 0x3000 || (c >= 0x09 && c <= 0x0d) || c === 0xa0) continue;
        hash = Math.imul(hash ^ c, 0x01000193);
        units++;
      }
      if (units < minLength) continue;
      const line = lineIndexAt(doc.lines, span.start);
      const bucket = seen.get(hash);
      if (!bucket) {
        seen.set(hash, [{ span, line }]);
        continue;
      }
      const key = stripped(span);
      if (codePointLength(key) < minLength) continue;
      const same = bucket.find((b) => (b.key ??= stripped(b.span)) === key);
      if (!same) {
        bucket.push({ span, line, key });
        continue;
      }
      const first = same.line;
      // The whole line goes, with its line break (or the one before it on the last line).
      const info = doc.lines[line];
      const next = doc.lines[line + 1];
      const remove = next ? { start: info.start, end: next.start } : { start: doc.lines[line - 1]?.end ?? info.start, end: info.end };
      const lineHoldsMore = doc.normalized.slice(info.start, span.start).trim() !== '' || doc.normalized.slice(span.end, info.end).trim() !== '';
      const suggestions = lineHoldsMore || touchesExcluded(doc, remove.start, remove.end) ? [] : [{ messageId: 'delete', fix: { edits: [{ ...remove, text: '' }] } }];
      ctx.report({ start: span.start, end: span.end, messageId: 'duplicate', data: { line: first + 1 }, suggestions });
    }
  },
};
