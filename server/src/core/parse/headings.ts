// Pass: headings, recognised with context. A marker at a paragraph start (一、（一）1.（1）, a bare
// numeral and a space, a `#` or `**` around it) is a candidate; so is a marker right after a sentence end
// inside a paragraph (a title glued to the text around it). A candidate is confirmed by the shape of
// what follows — a title, not running prose (`一、二季度` is an approximate-number pair, `六、七十年代` a
// decade, `一、是从…` a list item) — and by its siblings: one that breaks an otherwise consistent sequence
// is kept but doubted, and inline candidates count only as a consistent sequence. Topic markers
// (第二点，) stand for headings in a draft that has no other kind; part titles (开幕词, 结论) too.
import { formatChineseNumeral, parseChineseNumeral } from '../numerals';
import { isHan } from '../text';
import type { Heading, HeadingForm, HeadingLevel, Level3Style, LineInfo, Paragraph, Span } from '../types';
import { GLUED_TITLE_SHOWN, MAX_HEADING_TITLE, MAX_INLINE_TITLE } from './thresholds';
import { append } from '../append';

const CN = '[一二三四五六七八九十]{1,3}';
const LOOKALIKE_ONE = '[-－—‐一]';
/** Marker at the start of a paragraph (after indentation, an optional Markdown `#` and `**`). */
const MARKER_PATTERNS: { level: HeadingLevel; re: RegExp; arabic: boolean }[] = [
  { level: 2, re: new RegExp(`^([（(])[ \\t]*(${CN}|${LOOKALIKE_ONE})[ \\t]*([)）])([、.．,，]?)`), arabic: false },
  { level: 4, re: /^([（(])[ \t]*(\d{1,2})[ \t]*([)）])([、.．,，]?)/, arabic: true },
  { level: 1, re: new RegExp(`^()(${CN})()[ \\t]*([、.．,，])`), arabic: false },
  { level: 3, re: /^()(\d{1,2})()[ \t]*([.．、,，])(?![\d.．])/, arabic: true },
];
const TITLE_END = /[。！？!?]/;
/** Part titles of a speech in several parts. */
const PART_NAMES = new Set(['开幕词', '闭幕词', '结论', '结束语', '开场白', '总结讲话', '讲话提纲', '序言', '前言', '引言']);
/** `第二点，` `第一个问题：` at a paragraph start: a topic, in a draft without other headings. */
const TOPIC = new RegExp(`^第(${CN})(?:点|个问题|个方面)[，,：:]`);
/** `这是第一点。` ending a paragraph: the first topic, named only at its end. */
const FIRST_TOPIC_AT_END = /这是第一(点|个问题|个方面)。$/;
const LAST_TOPIC = /^最后一(点|个问题|个方面)[，,：:]/;

export function canonicalMarker(level: HeadingLevel, n: number, level3Style: Level3Style): string {
  switch (level) {
    case 1:
      return `${formatChineseNumeral(n)}、`;
    case 2:
      return `（${formatChineseNumeral(n)}）`;
    case 3:
      return `${n}${level3Style === 'dot' ? '.' : '、'}`;
    case 4:
      return `（${n}）`;
  }
}

export interface MarkerMatch {
  level: HeadingLevel;
  number: number;
  numeralKind: 'chinese' | 'arabic';
  numeral: Span;
  marker: Span;
}

/** Matches a heading marker at `offset` of the normalized text. */
export function matchMarker(normalized: string, offset: number, end: number): MarkerMatch | undefined {
  const rest = normalized.slice(offset, Math.min(end, offset + 16));
  for (const { level, re, arabic } of MARKER_PATTERNS) {
    const m = re.exec(rest);
    if (!m) continue;
    const [whole, open, numeral] = m;
    const lookalike = !arabic && numeral.length === 1 && /[-－—‐]/.test(numeral);
    const number = arabic ? Number(numeral) : lookalike ? 1 : parseChineseNumeral(numeral);
    if (number === null || number < 1) continue;
    const afterOpen = whole.slice(open.length);
    const numeralStart = offset + open.length + (afterOpen.length - afterOpen.trimStart().length);
    return {
      level,
      number,
      numeralKind: arabic ? 'arabic' : 'chinese',
      numeral: { start: numeralStart, end: numeralStart + numeral.length },
      marker: { start: offset, end: offset + whole.length },
    };
  }
  return undefined;
}

/** What the marker at this position reads as, from what follows it. */
type Shape = 'title' | 'approximation' | 'decade' | 'list-item';

const NUMERAL_CHARS = '一二三四五六七八九十两';

/**
 * An inline marker right after the line-start heading it follows (（一）…。（二）协调管理要有力。): the next
 * of the same level and marker, in the paragraph of its predecessor, its number nowhere else at the start
 * of a line. A page copied from a document site runs such headings together.
 */
function continuesLineStart(c: Candidate, candidates: Candidate[], lineStarts: Candidate[]): boolean {
  const { level, number, markerText } = c.heading;
  const index = candidates.indexOf(c);
  const previous = candidates.slice(0, index).reverse().find((p) => !p.rejected && p.heading.level <= level && p.heading.numbered);
  if (!previous || previous.inline || previous.heading.level !== level || previous.heading.number !== number - 1) return false;
  if (previous.paragraph !== c.paragraph) return false;
  if (markerShape(previous.heading.markerText) !== markerShape(markerText)) return false;
  return !lineStarts.some((l) => l.heading.number === number);
}

/** A marker with its numeral blanked: `（一）` and `（二）` share a shape, `一、` and `（一）` do not. */
function markerShape(marker: string): string {
  return marker.replace(/[一二三四五六七八九十〇零\d]+/g, '#');
}

/** `一、二季度` `三、五年` `六、七十年代` `3、4个月`: a marker followed by another number is an approximation. */
function shapeAfter(normalized: string, match: MarkerMatch, end: number): Shape {
  const after = normalized.slice(match.marker.end, Math.min(end, match.marker.end + 8));
  // 一、是从…看出来的 二、是从…: numbered sentences, not headings (二、要抓好… is a title).
  if (after.startsWith('是') && match.level === 1) return 'list-item';
  if (match.numeralKind === 'chinese') {
    const next = /^([一二三四五六七八九十两]{1,3})/.exec(after);
    if (!next) return 'title';
    if (/^[一二三四五六七八九]十年代/.test(after)) return 'decade';
    const m = next[1] === '两' ? 2 : parseChineseNumeral(next[1]);
    // 二〇二四年 (a year) and 四个意识 (a number that begins a title) are titles; 一、二 三、四 三、五 approximate.
    if (/^[一二三四五六七八九十]〇/.test(after) || m === null) return 'title';
    const n = match.number;
    const pair = (k: number) => k === n + 1 || (n === 3 && k === 5) || (n === 5 && k === 7);
    if (pair(m) || (n === 1 && next[1] === '两')) return 'approximation';
    // 五、六十人 二、三十年前 一、两百: tens or hundreds of the next number.
    const lead = next[1][0] === '两' ? 2 : parseChineseNumeral(next[1][0]);
    if (lead !== null && pair(lead) && /^[一二三四五六七八九两][十百千万]/.test(after)) return 'approximation';
    return 'title';
  }
  const digit = /^(\d{1,2})/.exec(after);
  if (digit && Number(digit[1]) === match.number + 1) return 'approximation';
  return 'title';
}

interface Candidate {
  heading: Heading;
  paragraph: Paragraph;
  shape: Shape;
  /** Found after a sentence end inside a paragraph. */
  inline: boolean;
  rejected?: boolean;
}

export interface HeadingInput {
  text: string;
  normalized: string;
  lines: LineInfo[];
  paragraphs: Paragraph[];
  level3Style: Level3Style;
  /** Offsets inside leftovers: never a heading, and a boundary for inline headings after them. */
  inLeftover: (offset: number) => boolean;
  /** A paragraph that is a leftover as a whole. */
  isLeftoverParagraph: (paragraph: Paragraph) => boolean;
  /** Leftover spans (sorted): an inline heading may follow one directly. */
  leftoverEnds: ReadonlySet<number>;
  /** Paragraphs that are page-chunk markers (their marker is not a heading). */
  chunkParagraphs: ReadonlySet<Paragraph>;
  /** The copy was cut into pages (a document-sharing site): its heading order is not to be trusted. */
  pageChunked: boolean;
}

function isHanAt(text: string, offset: number): boolean {
  const cp = text.codePointAt(offset);
  return cp !== undefined && isHan(cp);
}

/** Title and body of a heading whose title starts at `titleStart` and whose paragraph ends at `end`. */
function titleAndBody(input: HeadingInput, titleStart: number, end: number, boldClose?: Span): { title: Span; body?: Span; glued: boolean } {
  const { normalized } = input;
  while (titleStart < end && /[ \t\u3000]/.test(normalized[titleStart])) titleStart++;
  if (boldClose) {
    let bodyStart = boldClose.end;
    while (bodyStart < end && /[ \t\u3000]/.test(normalized[bodyStart])) bodyStart++;
    return { title: { start: titleStart, end: boldClose.start }, body: bodyStart < end ? { start: bodyStart, end } : undefined, glued: false };
  }
  const rest = normalized.slice(titleStart, end);
  const stop = TITLE_END.exec(rest);
  if (stop) {
    const titleEnd = titleStart + stop.index;
    let bodyStart = titleEnd + 1;
    while (bodyStart < end && /[ \t\u3000]/.test(normalized[bodyStart])) bodyStart++;
    // A long first sentence is the body: the title ran into it with no mark (a glued heading).
    if ([...rest.slice(0, stop.index)].length > MAX_HEADING_TITLE) return glued(rest, titleStart, end);
    return { title: { start: titleStart, end: titleEnd }, body: bodyStart < end ? { start: bodyStart, end } : undefined, glued: false };
  }
  if ([...rest].length > MAX_HEADING_TITLE) return glued(rest, titleStart, end);
  let titleEnd = end;
  while (titleEnd > titleStart && /[ \t\u3000]/.test(normalized[titleEnd - 1])) titleEnd--;
  return { title: { start: titleStart, end: titleEnd }, glued: false };
}

/** A glued title: shown up to its first comma (or a few characters); the body starts there. */
function glued(rest: string, titleStart: number, end: number): { title: Span; body?: Span; glued: boolean } {
  const comma = rest.search(/[，,；;：:]/);
  const chars = [...rest];
  let length = comma > 0 && [...rest.slice(0, comma)].length <= GLUED_TITLE_SHOWN ? comma : chars.slice(0, GLUED_TITLE_SHOWN).join('').length;
  if (length <= 0) length = Math.min(rest.length, GLUED_TITLE_SHOWN);
  return { title: { start: titleStart, end: titleStart + length }, body: { start: titleStart + length, end }, glued: true };
}

function makeHeading(input: HeadingInput, match: MarkerMatch, form: HeadingForm, extra: Partial<Heading> & { inline: boolean; line: number }): Heading {
  const markerText = input.text.slice(match.marker.start, match.marker.end);
  const expectedMarker = form === 'marker' ? canonicalMarker(match.level, match.number, input.level3Style) : markerText;
  const canonical =
    form !== 'marker' ||
    markerText === expectedMarker ||
    (match.level === 3 && markerText === canonicalMarker(3, match.number, input.level3Style === 'dot' ? 'dun' : 'dot'));
  return {
    level: match.level,
    form,
    numbered: true,
    confidence: 'certain',
    glued: false,
    number: match.number,
    numeralKind: match.numeralKind,
    numeral: match.numeral,
    marker: match.marker,
    markerText,
    title: { start: match.marker.end, end: match.marker.end },
    titleText: '',
    canonical,
    expectedMarker,
    ...extra,
  };
}

/** Paragraph-start candidates. The draft's first paragraph is its title, `#` or not. */
function paragraphCandidate(input: HeadingInput, paragraph: Paragraph, first: boolean): Candidate | undefined {
  const { normalized, text } = input;
  if (input.isLeftoverParagraph(paragraph)) return undefined;
  let at = paragraph.contentStart;
  const end = paragraph.end;
  let prefix: Span | undefined;
  const hashes = /^#{1,6}[ \t]*/.exec(normalized.slice(at, Math.min(end, at + 12)));
  if (hashes) {
    prefix = { start: at, end: at + hashes[0].length };
    at = prefix.end;
  }
  let bold: [Span, Span] | undefined;
  if (normalized.startsWith('**', at)) {
    const close = normalized.indexOf('**', at + 2);
    if (close !== -1 && close < end) {
      bold = [{ start: at, end: at + 2 }, { start: close, end: close + 2 }];
      at += 2;
    }
  }
  const line = paragraph.line;
  const match = matchMarker(normalized, at, end);
  if (match) {
    const shape = shapeAfter(normalized, match, end);
    const heading = makeHeading(input, match, 'marker', { inline: false, line, prefix, bold });
    Object.assign(heading, textParts(input, heading, match.marker.end, end, bold?.[1]));
    return { heading, paragraph, shape, inline: false };
  }
  const content = normalized.slice(at, bold ? bold[1].start : end);
  // A bare numeral: `一 关于…` (a space, then Han) or the numeral alone on its line.
  const bare = new RegExp(`^(${CN})(?:[ \\t\\u3000]+(?=[\\u4e00-\\u9fff])|$)`).exec(content);
  if (bare && parseChineseNumeral(bare[1])) {
    const numeral = { start: at, end: at + bare[1].length };
    const marker = { start: at, end: at + bare[0].length };
    const m: MarkerMatch = { level: 1, number: parseChineseNumeral(bare[1])!, numeralKind: 'chinese', numeral, marker };
    const heading = makeHeading(input, m, 'bare', { inline: false, line, prefix, bold, markerText: text.slice(numeral.start, numeral.end) });
    Object.assign(heading, textParts(input, heading, marker.end, end, bold?.[1]));
    return { heading, paragraph, shape: 'title', inline: false };
  }
  const topic = TOPIC.exec(content);
  if (topic) {
    const n = parseChineseNumeral(topic[1])!;
    const marker = { start: at, end: at + topic[0].length };
    const m: MarkerMatch = { level: 1, number: n, numeralKind: 'chinese', numeral: { start: at + 1, end: at + 1 + topic[1].length }, marker };
    const heading = makeHeading(input, m, 'topic', { inline: false, line, prefix, bold });
    Object.assign(heading, textParts(input, heading, marker.end, end, bold?.[1]));
    return { heading, paragraph, shape: 'title', inline: false };
  }
  const last = LAST_TOPIC.exec(content);
  if (last) {
    const marker = { start: at, end: at + last[0].length };
    const m: MarkerMatch = { level: 1, number: 0, numeralKind: 'chinese', numeral: { start: at, end: at }, marker };
    const heading = makeHeading(input, m, 'topic', { inline: false, line, prefix, bold, numbered: false });
    Object.assign(heading, textParts(input, heading, marker.end, end, bold?.[1]));
    return { heading, paragraph, shape: 'title', inline: false };
  }
  const plain = content.trim();
  if (PART_NAMES.has(plain) || (prefix && !first && [...plain].length <= MAX_HEADING_TITLE && plain.length > 0 && !/[。！？；，]/.test(plain))) {
    const m: MarkerMatch = { level: 1, number: 0, numeralKind: 'chinese', numeral: { start: at, end: at }, marker: { start: at, end: at } };
    const heading = makeHeading(input, m, PART_NAMES.has(plain) ? 'part' : 'markdown', { inline: false, line, prefix, bold, numbered: false });
    if (heading.form === 'markdown' && prefix) heading.level = Math.min(4, Math.max(1, hashes![0].trim().length)) as HeadingLevel;
    Object.assign(heading, textParts(input, heading, at, end, bold?.[1]));
    return { heading, paragraph, shape: 'title', inline: false };
  }
  return undefined;
}

function textParts(input: HeadingInput, heading: Heading, titleStart: number, end: number, boldClose?: Span): Partial<Heading> {
  const { title, body, glued } = titleAndBody(input, titleStart, end, boldClose);
  return { title, titleText: input.text.slice(title.start, title.end), body, glued };
}

const INLINE_MARKER = new RegExp(`(?:${CN}、|[（(](?:${CN}|${LOOKALIKE_ONE})[)）])`, 'g');

/** Candidates after a sentence end (or a leftover) inside a paragraph: level 1 and 2 only. */
function inlineCandidates(input: HeadingInput, paragraph: Paragraph): Candidate[] {
  const { normalized } = input;
  const out: Candidate[] = [];
  const segment = normalized.slice(0, paragraph.end);
  INLINE_MARKER.lastIndex = paragraph.contentStart + 1;
  let m: RegExpExecArray | null;
  while ((m = INLINE_MARKER.exec(segment))) {
    const at = m.index;
    if (input.inLeftover(at)) continue;
    let before = at;
    while (before > paragraph.contentStart && /[ \t\u3000]/.test(normalized[before - 1])) before--;
    const afterSentence = before > paragraph.contentStart && /[。！？!?]/.test(normalized[before - 1]);
    // After a colon (以下五个方面：（一）服务决策要超前。) only a short title ending its sentence counts.
    const afterColon = before > paragraph.contentStart && /[：:；;]/.test(normalized[before - 1]);
    if (!afterSentence && !afterColon && !input.leftoverEnds.has(before)) continue;
    const match = matchMarker(normalized, at, paragraph.end);
    if (!match || (match.level !== 1 && match.level !== 2)) continue;
    if (!isHanAt(normalized, match.marker.end)) continue;
    const shape = shapeAfter(normalized, match, paragraph.end);
    if (shape !== 'title') continue;
    const heading = makeHeading(input, match, 'marker', { inline: true, line: paragraph.line });
    // The title of an inline heading ends at its 。 (or it is glued to the text after it).
    const rest = normalized.slice(match.marker.end, paragraph.end);
    const stop = TITLE_END.exec(rest);
    const titled = stop && stop.index > 0 && [...rest.slice(0, stop.index)].length <= MAX_INLINE_TITLE;
    if (afterColon && !(titled && !/[，,；;：:]/.test(rest.slice(0, stop.index)))) continue;
    if (titled) {
      heading.title = { start: match.marker.end, end: match.marker.end + stop.index };
      heading.titleText = input.text.slice(heading.title.start, heading.title.end);
    } else {
      Object.assign(heading, glued(rest, match.marker.end, paragraph.end));
      heading.titleText = input.text.slice(heading.title.start, heading.title.end);
    }
    heading.body = undefined;
    out.push({ heading, paragraph, shape, inline: true });
  }
  return out;
}

/** Whether a paragraph introduces what follows: a colon or a question at its end, 如下/以下, or a count (三个字上下功夫). */
function introduces(normalized: string, paragraph: Paragraph): boolean {
  const text = normalized.slice(paragraph.contentStart, paragraph.end).trimEnd();
  return /[：:？?]$/.test(text) || /(?:如下|以下|下列)[^。]{0,12}[。：:]?$/.test(text) || /[二三四五六七八九十两]{1,3}(?:个字|点|个方面|条|项|个问题|件事)[^。！？]{0,12}[。：:]$/.test(text);
}

export function findHeadings(input: HeadingInput): Heading[] {
  const candidates: Candidate[] = [];
  let first = true;
  for (const paragraph of input.paragraphs) {
    if (input.chunkParagraphs.has(paragraph)) {
      append(candidates, inlineCandidates(input, paragraph));
      continue;
    }
    const c = paragraphCandidate(input, paragraph, first);
    if (!input.isLeftoverParagraph(paragraph)) first = false;
    if (c) candidates.push(c);
    append(candidates, inlineCandidates(input, paragraph));
  }
  candidates.sort((a, b) => a.heading.marker.start - b.heading.marker.start);

  // Topic markers stand for headings only in a draft without other ones; 这是第一点 names the first.
  const marked = candidates.some((c) => c.heading.form !== 'topic' && c.shape === 'title' && (!c.inline || c.heading.form === 'marker'));
  for (const c of candidates) if (c.heading.form === 'topic' && marked) c.rejected = true;
  const topics = candidates.filter((c) => c.heading.form === 'topic' && !c.rejected && c.heading.numbered);
  if (topics.length && topics[0].heading.number === 2) {
    const firstIndex = input.paragraphs.indexOf(topics[0].paragraph);
    for (let i = firstIndex - 1; i >= 0; i--) {
      const p = input.paragraphs[i];
      const text = input.normalized.slice(p.contentStart, p.end);
      const m = FIRST_TOPIC_AT_END.exec(text);
      if (!m) continue;
      const at = p.contentStart + m.index + 2;
      const marker = { start: at, end: at + 1 + m[1].length };
      const heading = makeHeading(input, { level: 1, number: 1, numeralKind: 'chinese', numeral: { start: at + 1, end: at + 2 }, marker }, 'topic', {
        inline: true,
        line: p.line,
        sectionStart: p.contentStart,
      });
      heading.title = { start: p.contentStart, end: p.contentStart };
      candidates.push({ heading, paragraph: p, shape: 'title', inline: false });
      break;
    }
    candidates.sort((a, b) => (a.heading.sectionStart ?? a.heading.marker.start) - (b.heading.sectionStart ?? b.heading.marker.start));
  }

  // Approximations and decades read as prose, unless the siblings say otherwise.
  const accepted = (c: Candidate) => !c.rejected && (c.shape === 'title' || c.shape === 'approximation');
  // Titles by level and number, counted once (this loop rejects no title): many approximations stay linear.
  const titles = new Map<string, number>();
  for (const c of candidates) if (!c.rejected && c.shape === 'title' && c.heading.numbered) titles.set(`${c.heading.level}:${c.heading.number}`, (titles.get(`${c.heading.level}:${c.heading.number}`) ?? 0) + 1);
  const sameLevelTitles = (level: number, number: number) => titles.get(`${level}:${number}`) ?? 0;
  for (let index = 0; index < candidates.length; index++) {
    const c = candidates[index];
    if (c.shape === 'decade' || c.shape === 'list-item') c.rejected = true;
    if (c.shape !== 'approximation' || c.rejected) continue;
    const { level, number } = c.heading;
    const paragraphText = input.normalized.slice(c.paragraph.contentStart, c.paragraph.end);
    const anotherPair = new RegExp(`[${NUMERAL_CHARS}]、[${NUMERAL_CHARS}]`).test(paragraphText.slice(c.heading.marker.end - c.paragraph.contentStart));
    // An approximation is no title: every title of its level and number is a rival.
    const rival = sameLevelTitles(level, number) > 0;
    const previous = candidates.slice(0, index).reverse().find((p) => accepted(p) && p.heading.level <= level && p.heading.numbered);
    const fits = previous ? previous.heading.level === level && previous.heading.number === number - 1 : number === 1 && sameLevelTitles(level, 2) > 0;
    if (anotherPair || rival || !fits) c.rejected = true;
    else c.heading.confidence = 'doubtful';
  }

  // Inline candidates count only as a consistent sequence of their own (一、 二、 三、 glued into the text).
  const inlineByLevel = new Map<number, Candidate[]>();
  for (const c of candidates) {
    if (!c.inline || c.rejected || c.heading.form !== 'marker') continue;
    const list = inlineByLevel.get(c.heading.level) ?? [];
    list.push(c);
    inlineByLevel.set(c.heading.level, list);
  }
  for (const list of inlineByLevel.values()) {
    const lineStarts = candidates.filter((c) => !c.inline && !c.rejected && c.heading.level === list[0].heading.level && c.heading.form === 'marker');
    // A lone inline marker is a number in prose; a run that counts up (possibly restarting) is a sequence.
    const consistent = list.length >= 2 && list.every((c, i) => i === 0 || c.heading.number === list[i - 1].heading.number + 1 || c.heading.number === 1);
    const numbersClash = list.some((c) => lineStarts.some((l) => l.heading.number === c.heading.number && Math.abs(l.paragraph.line - c.paragraph.line) < 3));
    if (consistent && !numbersClash) continue;
    for (const c of list) if (!continuesLineStart(c, candidates, lineStarts)) c.rejected = true;
  }

  // The marker after `**` at a paragraph start is found both as the paragraph's and as an inline one.
  const atParagraphStart = new Set(candidates.filter((c) => !c.inline && !c.rejected).map((c) => c.heading.marker.start));
  for (const c of candidates) if (c.inline && atParagraphStart.has(c.heading.marker.start)) c.rejected = true;
  const headings = candidates.filter((c) => !c.rejected).map((c) => c.heading);
  headings.sort((a, b) => (a.sectionStart ?? a.marker.start) - (b.sectionStart ?? b.marker.start));
  markDoubts(headings, input);
  let paragraphIndex: Map<Paragraph, number> | undefined;
  for (const c of candidates) {
    if (c.rejected || c.heading.number !== 1) continue;
    paragraphIndex ??= new Map(input.paragraphs.map((p, i) => [p, i]));
    const index = paragraphIndex.get(c.paragraph) ?? -1;
    const before = index > 0 ? input.paragraphs[index - 1] : undefined;
    if (before && introduces(input.normalized, before)) c.heading.introduced = true;
  }
  return headings;
}

/**
 * A heading that breaks an otherwise consistent run of its level (1 2 3 2 4: the second 2) is doubted,
 * as is every heading of a page-chunked copy, whose page order was shuffled by the site.
 */
function markDoubts(headings: Heading[], input: HeadingInput): void {
  if (input.pageChunked) {
    for (const h of headings) h.confidence = 'doubtful';
    return;
  }
  const byLevel = new Map<number, Heading[]>();
  for (const h of headings) {
    if (!h.numbered) continue;
    const list = byLevel.get(h.level) ?? [];
    list.push(h);
    byLevel.set(h.level, list);
  }
  for (const list of byLevel.values()) {
    if (list.length < 3) continue;
    for (let i = 1; i < list.length; i++) {
      const h = list[i];
      const previous = list[i - 1];
      if (h.number > previous.number) continue;
      // Without it, its neighbours count up: a stray — a number in prose rather than a heading, when it
      // does not read like a title either (glued to the text, or a clause with commas).
      const next = list[i + 1];
      const prose = h.glued || /[，,；;]/.test(h.titleText) || [...h.titleText].length > 30;
      if (next && next.number === previous.number + 1 && prose) h.confidence = 'doubtful';
    }
  }
}
