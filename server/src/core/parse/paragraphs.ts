// Pass: paragraphs from the real layout. A line is a paragraph; inside a line, a run of two or more
// U+3000 (the indentation of the next paragraph in a flattened copy) starts another, so a text whose
// paragraphs were joined into one line reads as its multi-line original. Offsets stay the text's own.
import type { LineInfo, Paragraph } from '../types';
import { MIN_SPLIT_PARAGRAPH, PARAGRAPH_SEPARATOR_RUN } from './thresholds';

const INDENT = /^[\s\u3000\uFEFF]*/;

export function findParagraphs(masked: string, lines: LineInfo[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const line of lines) {
    let start = line.start;
    let split = false;
    let i = line.start;
    // Skip the line's own indentation: it is not a separator.
    while (i < line.end && /[\s\u3000\uFEFF]/.test(masked[i])) i++;
    for (; i < line.end; i++) {
      if (masked.charCodeAt(i) !== 0x3000) continue;
      let j = i;
      while (j < line.end && masked.charCodeAt(j) === 0x3000) j++;
      if (j - i >= PARAGRAPH_SEPARATOR_RUN && j < line.end && contentLength(masked, start, i) >= MIN_SPLIT_PARAGRAPH) {
        push(out, masked, line, start, i, split);
        start = i;
        split = true;
      }
      i = j - 1;
    }
    push(out, masked, line, start, line.end, split);
  }
  return out;
}

/** Characters of `[start, end)` after its indentation (code points). */
function contentLength(masked: string, start: number, end: number): number {
  let n = 0;
  for (const ch of masked.slice(start, end).replace(INDENT, '')) if (ch) n++;
  return n;
}

function push(out: Paragraph[], masked: string, line: LineInfo, start: number, end: number, split: boolean): void {
  const text = masked.slice(start, end);
  const lead = INDENT.exec(text)![0].length;
  if (lead === text.length) return;
  let trimmedEnd = end;
  while (trimmedEnd > start + lead && /[\s\u3000]/.test(masked[trimmedEnd - 1])) trimmedEnd--;
  out.push({ start, end: trimmedEnd, line: line.index, contentStart: start + lead, split });
}
