// Completion at the start of a line: the next heading marker for each level that fits here and the
// next word of the enumeration in progress; after a sentence end, the enumeration's next word only.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { nextMarkers } from '../core/markers';
import { message } from '../core/messages';
import type { Analysis } from './analysis';
import { toOffset } from './convert';

/** Half-width brackets typed for full-width ones. */
function normalizeTyped(text: string): string {
  return text.replace(/\(/g, '（').replace(/\)/g, '）');
}

export function completions(analysis: Analysis, position: Position): CompletionItem[] {
  const { doc } = analysis;
  const line = doc.lines[position.line];
  if (!line) return [];
  const offset = toOffset(doc.lines, position);
  const before = doc.text.slice(line.start, offset);
  // At the line start: indentation, an optional Markdown `#`, then what was typed of the marker.
  let typedStart: number;
  let enumerationOnly = false;
  const start = /^([\s\u3000]*(?:#{1,6}[ \t]*)?)([^\s。；！？，、;!?,]{0,4})$/.exec(before);
  if (start) {
    typedStart = line.start + start[1].length;
  } else {
    // After a sentence end inside a paragraph: only the enumeration's next word fits.
    const sentence = /[。；！？;!?][\s\u3000]*(\S{0,3})$/.exec(before);
    if (!sentence) return [];
    typedStart = offset - sentence[1].length;
    enumerationOnly = true;
  }
  const typed = doc.text.slice(typedStart, offset);
  const { locale } = analysis;
  const markers = nextMarkers(doc, analysis.settings, position.line, typedStart).filter((m) => !enumerationOnly || m.kind === 'enumeration');
  const range = { start: { line: position.line, character: typedStart - line.start }, end: { line: position.line, character: offset - line.start } };
  const items: CompletionItem[] = [];
  markers.forEach((marker, i) => {
    const filterText = typed && !marker.text.startsWith(typed) && marker.text.startsWith(normalizeTyped(typed)) ? typed + marker.text.slice(typed.length) : marker.text;
    if (typed && !filterText.startsWith(typed)) return;
    const what = marker.kind === 'heading' ? { id: 'ui/heading-of-level', data: { level: { id: `level/${marker.level}` } } } : { id: 'ui/enumeration' };
    items.push({
      label: marker.text,
      kind: marker.kind === 'heading' ? CompletionItemKind.EnumMember : CompletionItemKind.Keyword,
      detail: message('ui/completion-detail', { what, relation: { id: `relation/${marker.relation}` } }, locale),
      sortText: String(i).padStart(2, '0'),
      filterText,
      preselect: i === 0 || undefined,
      textEdit: { range, newText: marker.text },
    });
  });
  return items;
}
