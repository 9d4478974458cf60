// Pass: page-chunk markers. A document-sharing site cuts a copy into pages and numbers each page's
// first line (`1、` `2、` …): runs of at least three such lines, counting up, most of them long and cut
// mid-sentence, are page chunks, not an outline.
import type { Paragraph } from '../types';
import { matchMarker } from './headings';
import { MIN_PAGE_CHUNK_LENGTH, MIN_PAGE_CHUNK_RUN } from './thresholds';

export interface PageChunks {
  paragraphs: Set<Paragraph>;
  /** The `1、` markers themselves. */
  markers: { start: number; end: number }[];
}

export function findPageChunks(normalized: string, paragraphs: Paragraph[]): PageChunks {
  const numbered: { paragraph: Paragraph; number: number; marker: { start: number; end: number }; index: number }[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.split) return;
    const match = matchMarker(normalized, paragraph.contentStart, paragraph.end);
    if (match && match.level === 3) numbered.push({ paragraph, number: match.number, marker: match.marker, index });
  });
  const out: PageChunks = { paragraphs: new Set(), markers: [] };
  let run: typeof numbered = [];
  const flush = () => {
    if (run.length >= MIN_PAGE_CHUNK_RUN) {
      const cut = run.filter((c, i) => {
        // A chunk runs on over the paragraphs (split-off headings) up to the next chunk.
        const next = run[i + 1]?.index ?? Math.min(paragraphs.length, c.index + 4);
        const last = paragraphs[Math.max(c.index, next - 1)];
        const text = normalized.slice(c.paragraph.contentStart, last.end).trimEnd();
        return [...text].length >= MIN_PAGE_CHUNK_LENGTH && !/[。！？；：”…）!?;:]$/.test(text);
      });
      if (cut.length * 2 > run.length) {
        for (const c of run) {
          out.paragraphs.add(c.paragraph);
          out.markers.push(c.marker);
        }
      }
    }
    run = [];
  };
  for (const c of numbered) {
    const prev = run[run.length - 1];
    if (prev && c.number === prev.number + 1) run.push(c);
    else {
      flush();
      run = [c];
    }
  }
  flush();
  return out;
}
