// One parse of a draft feeds every rule, the outline views and the counts. The parse is a row of
// passes, each in its own file: exclusions (front matter, comments), paragraphs, leftovers, page
// chunks, headings, blocks and sections, enumerations, announcements.
import { countPrefix } from '../count';
import { readScript } from '../script';
import { sharedDefaultSettings, type SpeechLintSettings } from '../settings';
import { splitLines } from '../text';
import type { Announcement, Block, EnumerationItem, Leftover, Paragraph, Region, Script, Span, SpeechDocument } from '../types';
import { findAnnouncements, resolveAnnouncements } from './announcements';
import { findItems, groupEnumerations, type ItemInput } from './enumerations';
import { FIXED_NUMERIC_TERMS } from './fixed-terms';
import { inRanges, maskRanges, mergeSpans, parseComments, parseFrontMatter, rangeAt } from './exclusions';
import { findHeadings } from './headings';
import { findLeftovers, firstAtOrAfter, type LineVerdict } from './leftovers';
import { LineMemo } from './memo';
import { findPageChunks } from './page-chunks';
import { findParagraphs } from './paragraphs';
import { buildSections, findBlocks } from './structure';
import { append } from '../append';

export { canonicalMarker } from './headings';

export interface ParseOptions {
  settings?: SpeechLintSettings;
  /** `markdown`: the draft is a Markdown file, whose `#`, `**` and `---` are its own syntax. */
  markup?: 'plain' | 'markdown';
  /** Keep what is read line by line for the parse of the next version (an editor's document). */
  memoize?: boolean;
  /** The parse of the document's previous version: what it read from lines still there is not read again. */
  previous?: SpeechDocument;
}

/** What a parse read line by line, for the next parse of the same document (see LineMemo). */
interface ParseMemo {
  markup: 'plain' | 'markdown';
  leftovers: LineMemo<LineVerdict>;
  /** Announcements and list items by paragraph, offsets from its start. */
  announcements: LineMemo<Announcement[]>;
  items: LineMemo<EnumerationItem[]>;
}

const memos = new WeakMap<SpeechDocument, ParseMemo>();

function memoFor(previous: SpeechDocument | undefined, markup: 'plain' | 'markdown', length: number): ParseMemo {
  const before = previous && memos.get(previous);
  const usable = before && before.markup === markup ? before : undefined;
  const moved = previous ? length - previous.text.length : 0;
  return { markup, leftovers: new LineMemo(usable?.leftovers, moved), announcements: new LineMemo(usable?.announcements, moved), items: new LineMemo(usable?.items, moved) };
}

/** The longest fixed term an announcement's number may begin (it may run past the paragraph). */
const FIXED_TERM_REACH = Math.max(...FIXED_NUMERIC_TERMS.map((t) => t.length));

/** The announcements in a paragraph, from the memo when the previous parse read the same paragraph. */
function announcementsIn(memo: ParseMemo | undefined, normalized: string, text: string, span: Span, line: number): Announcement[] {
  if (!memo) return findAnnouncements(normalized, text, span, line);
  const own = normalized.slice(span.start, span.end);
  const written = text.slice(span.start, span.end);
  // It reads the character before the paragraph and the fixed terms that run past its end.
  const context = `${normalized.slice(Math.max(0, span.start - 1), span.start)}\u0000${normalized.slice(span.end, span.end + FIXED_TERM_REACH)}\u0000${written === own ? '' : written}`;
  const found = memo.announcements.get(span.start, own, context, () => findAnnouncements(normalized, text, span, 0).map((a) => ({ ...a, start: a.start - span.start, end: a.end - span.start })));
  return found.map((a) => ({ ...a, start: a.start + span.start, end: a.end + span.start, line }));
}

/** The list items in a paragraph, from the memo when the previous parse read the same paragraph. */
function itemsIn(memo: ParseMemo | undefined, input: ItemInput, leftoverEnds: readonly number[], span: Span, line: number): EnumerationItem[] {
  if (!memo) return findItems(input, span, line);
  const { normalized, text } = input;
  const own = normalized.slice(span.start, span.end);
  const written = text.slice(span.start, span.end);
  let after = '';
  for (let k = firstAtOrAfter(leftoverEnds, span.start); k < leftoverEnds.length && leftoverEnds[k] <= span.end; k++) after += `${leftoverEnds[k] - span.start},`;
  // It reads the two code units before the paragraph and where leftovers end inside it.
  const context = `${normalized.slice(Math.max(0, span.start - 2), span.start)}\u0000${after}\u0000${written === own ? '' : written}`;
  const shift = (i: EnumerationItem, by: number, at: number): EnumerationItem => ({ ...i, start: i.start + by, end: i.end + by, numeral: { start: i.numeral.start + by, end: i.numeral.end + by }, line: at });
  const found = memo.items.get(span.start, own, context, () => findItems(input, span, 0).map((i) => shift(i, -span.start, 0)));
  return found.map((i) => shift(i, span.start, line));
}

export function parse(text: string, options: ParseOptions = {}): SpeechDocument {
  const settings = options.settings ?? sharedDefaultSettings();
  const markup = options.markup ?? 'plain';
  const memo = options.memoize || options.previous ? memoFor(options.previous, markup, text.length) : undefined;
  const lines = splitLines(text);
  const frontMatter = parseFrontMatter(lines);
  const { comments, directives } = parseComments(text, lines, frontMatter ? frontMatter.end : 0);
  const excluded: Span[] = frontMatter ? [{ start: 0, end: frontMatter.end }, ...comments] : comments;
  const masked = maskRanges(text, excluded);
  const { normalized, script } = readScript(masked, ...scriptSetting(settings.script));
  const prefix = countPrefix(masked, settings.countMode);

  const paragraphs = findParagraphs(masked, lines);
  const leftovers: Leftover[] = findLeftovers({ normalized, lines, paragraphs, markup }, memo?.leftovers);
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
  const leftoverEndList = [...leftoverEnds].sort((a, b) => a - b);
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
        itemsByBlock.push({ items: withoutLeftovers(itemsIn(memo, itemInput, leftoverEndList, body, block.line), inLeftover), closesLists: false });
        append(announcements, announcementsIn(memo, normalized, text, body, block.line));
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
      itemsByBlock.push({ items: withoutLeftovers(itemsIn(memo, itemInput, leftoverEndList, span, block.line), inLeftover), closesLists: false });
      append(announcements, announcementsIn(memo, normalized, text, span, block.line).filter((a) => !inLeftover(a.start)));
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
  if (memo) {
    memo.leftovers.seal();
    memo.announcements.seal();
    memo.items.seal();
    memos.set(doc, memo);
  }
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
