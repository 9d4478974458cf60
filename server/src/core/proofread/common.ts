// What the proofreading rules share: paragraph spans, the draft's quotation marks, text in the draft's
// script, and character tests. They read the document only through its stable fields (text,
// normalized, lines, blocks, script, isExcluded).
import { findScriptMismatches, normalizeToSimplified } from '../script';
import { codePointBefore, isHan } from '../text';
import type { Span, SpeechDocument } from '../types';

/**
 * The draft's paragraphs in order: its blocks (title, salutation, headings, paragraphs), without the
 * headings that sit inside a paragraph (a page-chunk line holds them; the paragraph covers them).
 */
export function paragraphSpans(doc: SpeechDocument): Span[] {
  const spans: Span[] = [];
  let end = -1;
  for (const block of [...doc.blocks].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (block.start < end) continue;
    spans.push({ start: block.start, end: block.end });
    end = block.end;
  }
  return spans;
}

const cornerQuotes = new WeakMap<SpeechDocument, boolean>();

/** The draft quotes with 「」『』 (Hong Kong, Taiwan) rather than “”‘’. Asked only when a fix is written. */
export function usesCornerQuotes(doc: SpeechDocument): boolean {
  let corner = cornerQuotes.get(doc);
  if (corner === undefined) {
    let curly = 0;
    let brackets = 0;
    const text = doc.normalized;
    for (let i = text.indexOf('“'); i !== -1; i = text.indexOf('“', i + 1)) curly++;
    for (let i = text.indexOf('「'); i !== -1; i = text.indexOf('「', i + 1)) brackets++;
    corner = brackets > curly;
    cornerQuotes.set(doc, corner);
  }
  return corner;
}

const CORNER: Record<string, string> = { '“': '「', '”': '」', '‘': '『', '’': '』' };

/**
 * Text written in simplified script (a list's replacement), in the draft's script and quotation marks.
 * Characters it shares with `written` (what the draft has at the finding) keep the draft's own forms:
 * 台灣總統 becomes 台灣地區領導人, not 臺灣地區領導人.
 */
export function inDraftScript(text: string, doc: SpeechDocument, written = ''): string {
  let out = doc.script.script === 'traditional' ? toTraditional(text) : text;
  if (written) {
    const own = new Map<string, string>();
    const normalized = normalizeToSimplified(written);
    const from = [...normalized];
    const as = [...written];
    if (from.length === as.length) from.forEach((ch, k) => own.set(ch, as[k]));
    const chars = [...out];
    const simple = [...normalizeToSimplified(out)];
    if (chars.length === simple.length) out = chars.map((ch, k) => own.get(simple[k]) ?? ch).join('');
  }
  if (usesCornerQuotes(doc)) out = out.replace(/[“”‘’]/g, (q) => CORNER[q]);
  return out;
}

/**
 * Simplified text in traditional script by the character and phrase tables mixed-script reads (already
 * loaded for a traditional draft); opencc's whole-text converter would cost a third of a second to build.
 */
function toTraditional(text: string): string {
  let out = '';
  let at = 0;
  for (const m of findScriptMismatches(text, text, 'traditional')) {
    out += text.slice(at, m.start) + m.replacement;
    at = m.end;
  }
  return out + text.slice(at);
}

const URL = /(?:https?|ftp):\/\/[^\s"'<>（）()「」“”]+|www\.[^\s"'<>（）()「」“”]+/g;

/** True when the offset lies inside a web address (`…/蔡英文-勝選宣言-…`): not Chinese prose. */
export function inUrl(doc: SpeechDocument, offset: number): boolean {
  const text = doc.normalized;
  const lineStart = text.lastIndexOf('\n', offset) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  if (!line.includes('://') && !line.includes('www.')) return false;
  URL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL.exec(line))) if (lineStart + m.index <= offset && offset < lineStart + m.index + m[0].length) return true;
  return false;
}

export function isHanAt(text: string, offset: number): boolean {
  const cp = text.codePointAt(offset);
  return cp !== undefined && isHan(cp);
}

export function isHanBefore(text: string, offset: number): boolean {
  const cp = codePointBefore(text, offset);
  return cp !== undefined && isHan(cp);
}

/** True when any offset of [start, end) lies in front matter or a comment. */
export function touchesExcluded(doc: SpeechDocument, start: number, end: number): boolean {
  for (const c of doc.comments) if (c.start < end && start < c.end) return true;
  return doc.frontMatter !== undefined && start < doc.frontMatter.end;
}

const SENTENCE_END = /[。！？；!?;\n\r]/;

/** The sentence around [start, end): from after the previous 。！？； (or line break) to the next one. */
export function sentenceAround(text: string, start: number, end: number): Span {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text[e])) e++;
  return { start: s, end: e };
}
