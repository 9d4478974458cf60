// Edits of the draft's front matter (`---` … `---` at the top): writing its 类型 (kind). Uses the
// parsed front matter's value spans, so the front matter is read once, by the parser.
import type { Kind, SpeechDocument, TextEdit } from './types';
import { eolOf } from './text';

/** The key that names the kind: 类型 (either script) or `kind`. */
export function isKindKey(key: string): boolean {
  return key.replace(/類/g, '类') === '类型' || key.toLowerCase() === 'kind';
}

function kindValue(kind: Kind, key: string, traditional: boolean): string {
  if (key.toLowerCase() === 'kind') return kind;
  if (kind === 'single') return traditional ? '單項' : '单项';
  return traditional ? '綜合' : '综合';
}

/** Writes the kind into the front matter (`类型: 单项|综合`), creating the front matter if needed. */
export function setKindEdits(doc: SpeechDocument, kind: Kind): TextEdit[] {
  const eol = eolOf(doc.text);
  const traditional = doc.script.script === 'traditional';
  const keyWord = traditional ? '類型' : '类型';
  const fm = doc.frontMatter;
  if (!fm) {
    const at = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return [{ start: at, end: at, text: `---${eol}${keyWord}: ${kindValue(kind, keyWord, traditional)}${eol}---${eol}` }];
  }
  const key = Object.keys(fm.entries).find(isKindKey);
  if (key !== undefined) {
    const span = fm.valueSpans[key];
    return [{ start: span.start, end: span.end, text: kindValue(kind, key, traditional) }];
  }
  // Before the closing `---`.
  const close = doc.lines.findLast((line) => line.end <= fm.end && line.text.trim() === '---')!;
  return [{ start: close.start, end: close.start, text: `${keyWord}: ${kindValue(kind, keyWord, traditional)}${eol}` }];
}
