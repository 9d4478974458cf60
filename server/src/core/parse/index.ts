// One parse of a draft feeds every rule, the outline views and the counts. The parse is a row of
// passes, each in its own file: exclusions (front matter, comments), paragraphs, leftovers, page
// chunks, headings, blocks and sections, enumerations, announcements.
import { countPrefix } from '../count';
import { detectScript, normalizeToSimplified } from '../script';
import { defaultSettings, type SpeechLintSettings } from '../settings';
import { splitLines } from '../text';
import type { Announcement, Block, EnumerationItem, Leftover, Paragraph, Region, Script, Span, SpeechDocument } from '../types';
import { findAnnouncements, resolveAnnouncements } from './announcements';
import { findItems, groupEnumerations } from './enumerations';
import { inRanges, maskRanges, mergeSpans, parseComments, parseFrontMatter, rangeAt } from './exclusions';
import { findHeadings } from './headings';
import { findLeftovers } from './leftovers';
import { findPageChunks } from './page-chunks';
import { findParagraphs } from './paragraphs';
import { buildSections, findBlocks } from './structure';
import { append } from '../append';

export { canonicalMarker } from './headings';

export interface ParseOptions {
  settings?: SpeechLintSettings;
  /** `markdown`: the draft is a Markdown file, whose `#`, `**` and `---` are its own syntax. */
  markup?: 'plain' | 'markdown';
}

export function parse(text: string, options: ParseOptions = {}): SpeechDocument {
  const settings = options.settings ?? defaultSettings();
  const markup = options.markup ?? 'plain';
  const lines = splitLines(text);
  const frontMatter = parseFrontMatter(lines);
  const { comments, directives } = parseComments(text, lines, frontMatter ? frontMatter.end : 0);
  const excluded: Span[] = frontMatter ? [{ start: 0, end: frontMatter.end }, ...comments] : comments;
  const masked = maskRanges(text, excluded);
  const normalized = normalizeToSimplified(masked);
  const script = detectScript(masked, ...scriptSetting(settings.script));
  const prefix = countPrefix(masked, settings.countMode);

  const paragraphs = findParagraphs(masked, lines);
  const leftovers: Leftover[] = findLeftovers({ normalized, lines, paragraphs, markup });
  const chunks = findPageChunks(normalized, paragraphs);
  // Where a leftover is only its markers (the `**` around a sentence), only the markers are not speech.
  const leftoverSpans = mergeSpans(leftovers.flatMap((l) => l.parts ?? [{ start: l.start, end: l.end }]));
  const leftoverEnds = new Set<number>();
  for (const l of leftoverSpans) {
    // A list word or a heading right after a leftover (spaces skipped) starts there.
    let end = l.end;
    while (end < text.length && /[ \t\u3000]/.test(normalized[end])) end++;
    leftoverEnds.add(end);
  }
  const inLeftover = (offset: number) => inRanges(leftoverSpans, offset);
  // A paragraph that one leftover covers whole (not one merely framed by `**` markers).
  const isLeftoverParagraph = (p: Paragraph) => (rangeAt(leftoverSpans, p.contentStart)?.end ?? -1) >= p.end;

  const headings = findHeadings({
    text,
    normalized,
    lines,
    paragraphs,
    level3Style: settings.level3Style,
    inLeftover,
    isLeftoverParagraph,
    leftoverEnds,
    chunkParagraphs: chunks.paragraphs,
    pageChunked: chunks.paragraphs.size > 0,
  });
  const { blocks, title, salutation } = findBlocks({ normalized, paragraphs, headings, leftover: isLeftoverParagraph });
  const sections = buildSections(headings, prefix, text.length);

  // Lists and announcements live in paragraphs and in text run on after a heading; a heading closes lists.
  const itemInput = { normalized, text, leftoverEnds };
  const itemsByBlock: { items: EnumerationItem[]; closesLists: boolean }[] = [];
  const announcements: Announcement[] = [];
  const inlineHeadings = headings.filter((h) => h.inline);
  let nextInline = 0;
  for (const block of blocks) {
    if (block.type === 'heading') {
      itemsByBlock.push({ items: [], closesLists: true });
      const body = block.heading!.body;
      if (body) {
        itemsByBlock.push({ items: withoutLeftovers(findItems(itemInput, body, block.line), inLeftover), closesLists: false });
        append(announcements, findAnnouncements(normalized, text, body, block.line));
      }
      continue;
    }
    if (block.type !== 'paragraph' || block.leftover) continue;
    // A paragraph holding headings run into it is read piece by piece: lists close at each heading.
    let from = block.start;
    while (nextInline < inlineHeadings.length && inlineHeadings[nextInline].marker.start < from) nextInline++;
    for (;;) {
      const stop = nextInline < inlineHeadings.length && inlineHeadings[nextInline].marker.start < block.end ? inlineHeadings[nextInline] : undefined;
      const span = { start: from, end: stop ? stop.marker.start : block.end };
      itemsByBlock.push({ items: withoutLeftovers(findItems(itemInput, span, block.line), inLeftover), closesLists: false });
      append(announcements, findAnnouncements(normalized, text, span, block.line).filter((a) => !inLeftover(a.start)));
      if (!stop) break;
      itemsByBlock.push({ items: [], closesLists: true });
      from = stop.title.end;
      nextInline++;
    }
  }
  // In document order: resolving and the rules binary-search them.
  announcements.sort((a, b) => a.start - b.start);

  const preambleEnd = sections.length ? sections[0].span.start : text.length;
  const doc: SpeechDocument = {
    text,
    lines,
    normalized,
    script,
    frontMatter,
    comments,
    directives,
    title,
    salutation,
    blocks: addInlineHeadingBlocks(blocks, inlineHeadings),
    headings,
    sections,
    enumerations: groupEnumerations(itemsByBlock),
    announcements,
    count: { mode: settings.countMode, total: prefix[text.length] },
    preambleCount: prefix[preambleEnd] - prefix[0],
    pageChunkMarkers: chunks.markers,
    pageChunked: chunks.paragraphs.size > 0,
    paragraphs,
    leftovers,
    countPrefix: prefix,
    isExcluded: (offset: number) => inRanges(excluded, offset),
    inLeftover,
  };
  resolveAnnouncements(doc, blocks);
  return doc;
}

function withoutLeftovers(items: EnumerationItem[], inLeftover: (offset: number) => boolean): EnumerationItem[] {
  return items.filter((i) => !inLeftover(i.start));
}

/** The blocks in document order with a block for every heading run into a paragraph. */
function addInlineHeadingBlocks(blocks: Block[], inline: { marker: Span; title: Span; line: number }[]): Block[] {
  if (inline.length === 0) return blocks;
  const extra: Block[] = inline.map((h) => ({ type: 'heading', line: h.line, start: h.marker.start, end: h.title.end, heading: h as Block['heading'] }));
  return [...blocks, ...extra].sort((a, b) => a.start - b.start);
}

/** The forced script and region a `script` setting names (`auto`: neither). */
function scriptSetting(setting: SpeechLintSettings['script']): [Script | undefined, Region | undefined] {
  if (setting === 'auto') return [undefined, undefined];
  if (setting === 'traditional-hk') return ['traditional', 'hk'];
  if (setting === 'traditional-tw') return ['traditional', 'tw'];
  return [setting, undefined];
}
