// Completion at the start of a line: the next heading marker for each level that fits here and the
// next word of the enumeration in progress; after a sentence end, the enumeration's next word only.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { NextMarker } from '../protocol';
import type { Analysis } from './analysis';
import { t, toOffset } from './convert';
import { nextMarkers } from './markers';

const LEVEL_ZH = ['', '一级标题', '二级标题', '三级标题', '四级标题'];
const LEVEL_EN = ['', 'level-1 heading', 'level-2 heading', 'level-3 heading', 'level-4 heading'];
const RELATION_ZH: Record<NextMarker['relation'], string> = { sibling: '同级下一个', child: '下级第一个', parent: '上级下一个', first: '第一个', list: '列举下一项' };
const RELATION_EN: Record<NextMarker['relation'], string> = { sibling: 'next sibling', child: 'first child', parent: 'next of the parent level', first: 'first', list: 'next list item' };

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
  const language = analysis.settings.language;
  const markers = nextMarkers(doc, analysis.settings, position.line, typedStart).filter((m) => !enumerationOnly || m.kind === 'enumeration');
  const range = { start: { line: position.line, character: typedStart - line.start }, end: { line: position.line, character: offset - line.start } };
  const items: CompletionItem[] = [];
  markers.forEach((marker, i) => {
    const filterText = typed && !marker.text.startsWith(typed) && marker.text.startsWith(normalizeTyped(typed)) ? typed + marker.text.slice(typed.length) : marker.text;
    if (typed && !filterText.startsWith(typed)) return;
    const what = marker.kind === 'heading' ? t(language, LEVEL_ZH[marker.level!], LEVEL_EN[marker.level!]) : t(language, '列举', 'enumeration');
    items.push({
      label: marker.text,
      kind: marker.kind === 'heading' ? CompletionItemKind.EnumMember : CompletionItemKind.Keyword,
      detail: `${what}（${t(language, RELATION_ZH[marker.relation], RELATION_EN[marker.relation])}）`,
      sortText: String(i).padStart(2, '0'),
      filterText,
      preselect: i === 0 || undefined,
      textEdit: { range, newText: marker.text },
    });
  });
  return items;
}
