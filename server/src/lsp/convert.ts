// Core → LSP value conversion: UTF-16 offsets to positions, core edits to LSP edits.
import type { Position, Range, TextEdit } from 'vscode-languageserver';
import { offsetAt, positionAt } from '../core/text';
import type { LineInfo, Span, TextEdit as CoreEdit } from '../core/types';

export function toPosition(lines: LineInfo[], offset: number): Position {
  const p = positionAt(lines, offset);
  return { line: p.line, character: p.character };
}

export function toRange(lines: LineInfo[], span: Span): Range {
  return { start: toPosition(lines, span.start), end: toPosition(lines, span.end) };
}

export function toOffset(lines: LineInfo[], position: Position): number {
  return offsetAt(lines, position.line, position.character);
}

export function toSpan(lines: LineInfo[], range: Range): Span {
  return { start: toOffset(lines, range.start), end: toOffset(lines, range.end) };
}

export function toTextEdit(lines: LineInfo[], edit: CoreEdit): TextEdit {
  return { range: toRange(lines, edit), newText: edit.text };
}

export function toTextEdits(lines: LineInfo[], edits: CoreEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end).map((e) => toTextEdit(lines, e));
}
