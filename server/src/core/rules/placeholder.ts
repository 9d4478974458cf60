// placeholder: blanks a drafter meant to fill in — XX / xx / ×× / 某某, `*` masking a name (`*市`,
// `*、*两位同志`), empty or prompting brackets (【】, 【请填写…】, （　）), underscore blanks (___), and the
// user's own placeholder strings (settings.placeholders, literal). One finding per occurrence; a run of
// mask characters (`**`) is one occurrence. Not fixable: only the drafter knows what goes there.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { linesIn, matchesIn } from './ranges';
import { normalizeToSimplified } from '../script';
import { codePointBefore, findAll, isCjkContext } from '../text';
import type { Span } from '../types';

const ID = 'placeholder';

/** XX, xx, XXX, full-width ＸＸ — not part of a Latin word (Exxon, xxl). */
const XX = /(?<![A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A])[XxＸｘ]{2,}(?![A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A])/g;
const TIMES = /×{2,}/g;
const MOU = /某{2,}/g;
const UNDERSCORES = /_{3,}|＿{2,}/g;
/** 【】, 【　】, 【请填写单位名称】, 【待补充】, 【此处插入数据】. */
const BRACKET = /【(?:[\s\u3000]*|[\s\u3000]*(?:请|待|填写|补充|此处|插入|输入|在此)[^【】\n]{0,30})】/g;
/** Empty full-width parentheses left as a blank: （）, （　　）. */
const PAREN_BLANK = /（[\s\u3000]*）/g;
const MASK = /[*＊]+/g;

function isCjkAt(text: string, offset: number): boolean {
  const cp = text.codePointAt(offset);
  return cp !== undefined && isCjkContext(cp);
}

/** `**加粗**` spans on a line (Markdown emphasis with at least two characters inside): not masks. */
function emphasisSpans(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  const re = /\*\*(?=[^\s*])([^*\n]{2,}?)(?<=[^\s*])\*\*/g;
  re.lastIndex = 0;
  const line = text.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) spans.push({ start: from + m.index, end: from + m.index + m[0].length });
  return spans;
}

export const placeholder: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '未填写的占位符：XX、××、某某、遮盖人名地名的“*”、【】或【请填写…】、下划线空格，以及设置中列出的占位符',
      en: 'Unfilled placeholders: XX, ××, 某某, `*` masking a name, 【】 or 【请填写…】 prompts, underscore blanks, and the placeholders listed in the settings',
    },
    defaultSeverity: 'warning',
    scope: 'line',
    docs: docsPath(ID),
    messages: {
      placeholder: { zh: '占位符“{found}”尚未填写，定稿前应替换为实际内容', en: 'Placeholder "{found}" is not filled in; replace it with the actual text before the draft is final' },
      mask: { zh: '“{found}”遮盖了名称（人名、地名等），定稿前应替换为实际内容', en: '"{found}" masks a name (a person, a place); replace it with the actual name before the draft is final' },
    },
    options: {},
  },
  check(ctx) {
    const { doc, settings } = ctx;
    // The normalized text has front matter and comments blanked out, and 請填寫 read as 请填写.
    const text = doc.normalized;
    const found: (Span & { mask?: boolean })[] = [];
    for (const re of [XX, TIMES, MOU, UNDERSCORES, BRACKET, PAREN_BLANK]) {
      for (const m of matchesIn(re, text, ctx)) found.push({ start: m.index, end: m.index + m[0].length });
    }
    for (const line of linesIn(ctx)) {
      if (line.start === line.end) continue;
      const emphasis = emphasisSpans(text, line.start, line.end);
      MASK.lastIndex = 0;
      const segment = text.slice(line.start, line.end);
      let m: RegExpExecArray | null;
      while ((m = MASK.exec(segment))) {
        const start = line.start + m.index;
        const end = start + m[0].length;
        if (emphasis.some((e) => start >= e.start && end <= e.end && (start === e.start || end === e.end))) continue;
        const before = codePointBefore(text, start);
        const nextToCjk = (before !== undefined && isCjkContext(before)) || isCjkAt(text, end);
        if (!nextToCjk) continue;
        // `*注：` at a line start is a footnote mark.
        if (text.slice(line.start, start).trim() === '' && text[end] === '注') continue;
        found.push({ start, end, mask: true });
      }
    }
    for (const extra of settings.placeholders) {
      const needle = normalizeToSimplified(extra);
      // A match starts inside a range: it ends at most `needle.length - 1` past it.
      for (const range of ctx.ranges) for (const start of findAll(text, needle, range.start, Math.min(text.length, range.end + needle.length - 1))) found.push({ start, end: start + needle.length });
    }

    found.sort((a, b) => a.start - b.start || b.end - a.end);
    let keptEnd = -1;
    for (const span of found) {
      if (span.start < keptEnd || doc.isExcluded(span.start)) continue;
      keptEnd = span.end;
      const shown = doc.text.slice(span.start, span.end);
      ctx.report({
        start: span.start,
        end: span.end,
        messageId: span.mask ? 'mask' : 'placeholder',
        data: { found: shown },
      });
    }
  },
};
