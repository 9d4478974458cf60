// cjk-space: stray spaces inside Chinese text — `工作会 议`, `市委、 市政府`, `， 特别是` — left by PDF
// line wrapping, OCR or copying: a run of spaces (ASCII, full-width, no-break, en/em spaces, tabs) with a
// Chinese character or full-width punctuation on both sides. Indentation at a line start and spaces at a
// line end are not stray, nor are spaces next to Latin letters or digits (`2023 年` is a style question
// left to the drafter). One finding per line (a copied page can hold hundreds of them), from the first
// to the last stray space; the fix removes them all.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { codePointBefore, isCjkContext } from '../text';
import type { TextEdit } from '../types';

const ID = 'cjk-space';

const SPACE = /[ \t\u3000\u00a0\u2002-\u200a\u202f\u205f]+/g;

export const cjkSpace: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '中文字符之间（含中文标点）不应有空格',
      en: 'No spaces between Chinese characters (or Chinese punctuation)',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    docs: docsPath(ID),
    messages: {
      one: { zh: '中文之间有多余的空格，应删除', en: 'A stray space inside Chinese text: delete it' },
      many: { zh: '本行有 {count} 处中文之间的多余空格，应删除', en: '{count} stray spaces inside Chinese text on this line: delete them' },
    },
    options: {},
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.text;
    for (const line of doc.lines) {
      const segment = text.slice(line.start, line.end);
      const edits: TextEdit[] = [];
      SPACE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = SPACE.exec(segment))) {
        const start = line.start + m.index;
        const end = start + m[0].length;
        if (start === line.start || end === line.end) continue;
        if (doc.isExcluded(start) || doc.isExcluded(start - 1) || doc.isExcluded(end)) continue;
        const before = codePointBefore(text, start);
        const after = text.codePointAt(end);
        if (before === undefined || after === undefined || !isCjkContext(before) || !isCjkContext(after)) continue;
        edits.push({ start, end, text: '' });
      }
      if (edits.length === 0) continue;
      const first = edits[0];
      const last = edits[edits.length - 1];
      if (edits.length === 1) ctx.report({ start: first.start, end: last.end, messageId: 'one', fix: { edits } });
      else ctx.report({ start: first.start, end: last.end, messageId: 'many', data: { count: edits.length }, fix: { edits } });
    }
  },
};
