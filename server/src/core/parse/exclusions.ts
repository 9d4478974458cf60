// Pass: what is not the draft's text — the front matter and `<!-- -->` comments (with their
// directives) — and the masked copy the other passes read, with those ranges blanked out so offsets
// stay the same.
import { defineField } from '../schema';
import type { Directive, FrontMatter, LineInfo, Span } from '../types';
import { lineIndexAt } from '../text';

export function parseFrontMatter(lines: LineInfo[]): FrontMatter | undefined {
  if (lines.length < 2 || lines[0].text.replace(/^\uFEFF/, '').trim() !== '---') return undefined;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].text.trim() === '---') {
      close = i;
      break;
    }
  }
  if (close === -1) return undefined;
  const fm: FrontMatter = { start: 0, end: lines[close].end, entries: {}, valueSpans: {}, problems: [] };
  for (let i = 1; i < close; i++) {
    const line = lines[i];
    // A key, a colon, a value; spaces around both trimmed (without backtracking over long runs).
    const colon = line.text.search(/[:：]/);
    if (colon <= 0) continue;
    const key = line.text.slice(0, colon).trim();
    if (!key) continue;
    const rawValue = line.text.slice(colon + 1);
    const lead = rawValue.length - rawValue.trimStart().length;
    const value = rawValue.trim();
    const valueStart = line.start + colon + 1 + lead;
    const valueSpan = { start: valueStart, end: valueStart + value.length };
    if (Object.prototype.hasOwnProperty.call(fm.entries, key)) continue;
    defineField(fm.entries, key, value);
    defineField(fm.valueSpans, key, valueSpan);
    const normalizedKey = key.replace(/類/g, '类').replace(/數/g, '数');
    if (normalizedKey === '类型' || key.toLowerCase() === 'kind') {
      const v = value.replace(/[單]/g, '单').replace(/[項]/g, '项').replace(/[綜]/g, '综').toLowerCase();
      if (['单项', 'single', '单项工作'].includes(v)) fm.kind = 'single';
      else if (['综合', 'comprehensive', '综合性'].includes(v)) fm.kind = 'comprehensive';
      else fm.problems.push({ span: valueSpan, messageId: 'front-matter-kind', data: { value } });
    } else if (normalizedKey === '字数上限' || key.toLowerCase() === 'limit') {
      const n = Number(value.replace(/[,，]/g, ''));
      if (Number.isInteger(n) && n > 0) fm.limit = n;
      else fm.problems.push({ span: valueSpan, messageId: 'front-matter-limit', data: { value } });
    }
  }
  return fm;
}

const DIRECTIVE = /^\s*speech-lint-(disable-next-line|disable|enable)(?![\w-])/;

export function parseComments(text: string, lines: LineInfo[], from: number): { comments: Span[]; directives: Directive[] } {
  const comments: Span[] = [];
  const directives: Directive[] = [];
  let i = text.indexOf('<!--', from);
  while (i !== -1) {
    const close = text.indexOf('-->', i + 4);
    const end = close === -1 ? text.length : close + 3;
    comments.push({ start: i, end });
    const body = text.slice(i + 4, close === -1 ? text.length : close);
    const m = DIRECTIVE.exec(body);
    if (m) {
      const rules: string[] = [];
      const ruleSpans: Span[] = [];
      const listStart = i + 4 + m[0].length;
      const list = /[^\s,，]+/g;
      let r: RegExpExecArray | null;
      while ((r = list.exec(body.slice(m[0].length)))) {
        // `--` ends the rule list: what follows is the drafter's note (ESLint's convention).
        if (r[0].startsWith('--')) break;
        rules.push(r[0]);
        ruleSpans.push({ start: listStart + r.index, end: listStart + r.index + r[0].length });
      }
      directives.push({ start: i, end, type: m[1] as Directive['type'], rules, ruleSpans, line: lineIndexAt(lines, i) });
    }
    i = close === -1 ? -1 : text.indexOf('<!--', end);
  }
  return { comments, directives };
}

/** The text with `ranges` replaced by spaces (line breaks kept), so offsets stay the same. */
export function maskRanges(text: string, ranges: Span[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const r of ranges) {
    parts.push(text.slice(at, r.start), text.slice(r.start, r.end).replace(/[^\r\n]/g, ' '));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The range of the sorted, non-overlapping `ranges` that holds `offset` (binary search). */
export function rangeAt(ranges: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/** Whether `offset` lies in one of the sorted, non-overlapping `ranges` (binary search). */
/** Sorted spans with the overlapping ones joined, so that `inRanges` can binary-search them. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

export function inRanges(ranges: readonly Span[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return true;
  }
  return false;
}
