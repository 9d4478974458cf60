// Editing requests: script conversion, renumbering, the front matter's 类型, computed in the core and
// returned as LSP edits against the analysed version.
import type { Range, TextEdit } from 'vscode-languageserver';
import { setKindEdits as setKindCoreEdits } from '../core/front-matter';
import { renumberEdits } from '../core/renumber';
import { convertScript } from '../core/script';
import type { Kind, Script, TextEdit as CoreEdit } from '../core/types';
import type { Analysis } from './analysis';
import { toSpan, toTextEdits } from './convert';
import { diffEdits } from './diff';

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
  return toTextEdits(analysis.lines, renumberEdits(analysis.doc));
}

/** Writes the kind into the front matter; without a kind, switches to the other one. */
export function setKindEdits(analysis: Analysis, requested?: Kind): { kind: Kind; edits: TextEdit[] } {
  const kind: Kind = requested ?? (analysis.result.kind === 'single' ? 'comprehensive' : 'single');
  return { kind, edits: toTextEdits(analysis.lines, setKindCoreEdits(analysis.doc, kind)) };
}
