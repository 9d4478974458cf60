// Editing requests: script conversion, renumbering, the front matter's 类型. All return LSP edits
// against the analysed version.
import type { Range, TextEdit } from 'vscode-languageserver';
import { renumberEdits } from '../core/renumber';
import { convertScript } from '../core/script';
import { lineIndexAt } from '../core/text';
import type { Kind, Script, TextEdit as CoreEdit } from '../core/types';
import type { Analysis } from './analysis';
import { toSpan, toTextEdits } from './convert';
import { diffEdits } from './diff';

export function eolOf(text: string): string {
  const i = text.search(/\r\n|\r|\n/);
  if (i === -1) return '\n';
  return text[i] === '\r' ? (text[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

/** Minimal edits turning text[span] into `replacement`, in whole-text offsets. */
export function replaceMinimal(text: string, start: number, end: number, replacement: string): CoreEdit[] {
  return diffEdits(text.slice(start, end), replacement).map((e) => ({ start: e.start + start, end: e.end + start, text: e.text }));
}

export function convertScriptEdits(analysis: Analysis, to: Script, range?: Range): TextEdit[] {
  const { doc, lines } = analysis;
  const span = range ? toSpan(lines, range) : { start: 0, end: doc.text.length };
  const converted = convertScript(doc.text.slice(span.start, span.end), to);
  return toTextEdits(lines, replaceMinimal(doc.text, span.start, span.end, converted));
}

export function renumber(analysis: Analysis): TextEdit[] {
  return toTextEdits(analysis.lines, renumberEdits(analysis.doc, analysis.settings));
}

const KIND_KEY = /^([ \t\u3000]*)([^:：]+?)([ \t\u3000]*[:：][ \t\u3000]*)(.*?)[ \t\u3000]*$/;

function kindValue(kind: Kind, key: string, traditional: boolean): string {
  if (key.toLowerCase() === 'kind') return kind;
  const zh = kind === 'single' ? '单项' : '综合';
  return traditional ? zh.replace('单', '單').replace('项', '項').replace('综', '綜') : zh;
}

/** Writes the kind into the front matter (`类型: 单项|综合`), creating the front matter if needed. */
export function setKindEdits(analysis: Analysis, requested?: Kind): { kind: Kind; edits: TextEdit[] } {
  const { doc, lines, result } = analysis;
  const kind: Kind = requested ?? (result.kind === 'single' ? 'comprehensive' : 'single');
  const eol = eolOf(doc.text);
  const traditional = doc.script.script === 'traditional';
  const fm = doc.frontMatter;
  const edits: CoreEdit[] = [];
  if (fm) {
    const close = lineIndexAt(lines, fm.end);
    let done = false;
    for (let i = 1; i < close && !done; i++) {
      const line = lines[i];
      const m = KIND_KEY.exec(line.text);
      if (!m) continue;
      const key = m[2];
      const normalized = key.replace(/類/g, '类');
      if (normalized !== '类型' && key.toLowerCase() !== 'kind') continue;
      const start = line.start + m[1].length + m[2].length + m[3].length;
      edits.push({ start, end: start + m[4].length, text: kindValue(kind, key, traditional) });
      done = true;
    }
    if (!done) {
      const at = lines[close].start;
      edits.push({ start: at, end: at, text: `${traditional ? '類型' : '类型'}: ${kindValue(kind, '类型', traditional)}${eol}` });
    }
  } else {
    const at = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    edits.push({ start: at, end: at, text: `---${eol}${traditional ? '類型' : '类型'}: ${kindValue(kind, '类型', traditional)}${eol}---${eol}` });
  }
  return { kind, edits: toTextEdits(lines, edits) };
}
