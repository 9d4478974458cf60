// One parse of a draft feeds every rule, the outline views and the counts.
import { countPrefix } from './count';
import { parseChineseNumeral, formatChineseNumeral } from './numerals';
import { detectScript, normalizeToSimplified } from './script';
import { defineField } from './schema';
import { defaultSettings, type SpeechLintSettings } from './settings';
import { isHan, splitLines } from './text';
import type {
  Announcement,
  Block,
  Directive,
  Enumeration,
  EnumerationFamily,
  EnumerationItem,
  FrontMatter,
  Heading,
  HeadingLevel,
  LineInfo,
  Section,
  Span,
  SpeechDocument,
} from './types';

export interface ParseOptions {
  settings?: SpeechLintSettings;
}

const CN = '[一二三四五六七八九十]{1,3}';
const LOOKALIKE_ONE = '[-－—‐一]';
/** Marker at the start of a line (after indentation and an optional Markdown `#`). */
const HEADING_PATTERNS: { level: HeadingLevel; re: RegExp; arabic: boolean }[] = [
  { level: 2, re: new RegExp(`^([（(])[ \\t]*(${CN}|${LOOKALIKE_ONE})[ \\t]*([)）])([、.．,，]?)`), arabic: false },
  { level: 4, re: /^([（(])[ \t]*(\d{1,2})[ \t]*([)）])([、.．,，]?)/, arabic: true },
  { level: 1, re: new RegExp(`^()(${CN})()[ \\t]*([、.．,，])`), arabic: false },
  { level: 3, re: /^()(\d{1,2})()[ \t]*([.．、,，])(?![\d.．])/, arabic: true },
];
const TITLE_END = /[。！？!?]/;

export function canonicalMarker(level: HeadingLevel, n: number, level3Style: 'dot' | 'dun'): string {
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

interface MarkerMatch {
  level: HeadingLevel;
  number: number;
  numeralKind: 'chinese' | 'arabic';
  numeral: Span;
  marker: Span;
  lookalike: boolean;
}

/** Matches a heading marker at `offset` of the normalized text. */
function matchMarker(normalized: string, offset: number, lineEnd: number): MarkerMatch | undefined {
  const rest = normalized.slice(offset, Math.min(lineEnd, offset + 16));
  for (const { level, re, arabic } of HEADING_PATTERNS) {
    const m = re.exec(rest);
    if (!m) continue;
    const [whole, open, numeral] = m;
    const lookalike = !arabic && numeral.length === 1 && /[-－—‐]/.test(numeral);
    const number = arabic ? Number(numeral) : lookalike ? 1 : parseChineseNumeral(numeral);
    if (number === null || number < 1) continue;
    const numeralStart = offset + open.length + (whole.slice(open.length).length - whole.slice(open.length).trimStart().length);
    return {
      level,
      number,
      numeralKind: arabic ? 'arabic' : 'chinese',
      numeral: { start: numeralStart, end: numeralStart + numeral.length },
      marker: { start: offset, end: offset + whole.length },
      lookalike,
    };
  }
  return undefined;
}

function isBlank(text: string): boolean {
  return /^[\s\u3000]*$/.test(text);
}

function parseFrontMatter(lines: LineInfo[]): FrontMatter | undefined {
  if (lines.length < 2 || lines[0].text.replace(/^\uFEFF/, '').trim() !== '---') return undefined;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].text.trim() === '---') {
      close = i;
      break;
    }
  }
  if (close === -1) return undefined;
  const fm: FrontMatter = { start: 0, end: lines[close].end, entries: {}, valueSpans: {}, problems: [] };
  for (let i = 1; i < close; i++) {
    const line = lines[i];
    const m = /^\s*([^:：]+?)\s*[:：]\s*(.*?)\s*$/.exec(line.text);
    if (!m) continue;
    const [, key, value] = m;
    const valueStart = line.start + line.text.lastIndexOf(value, line.text.length);
    const valueSpan = { start: valueStart, end: valueStart + value.length };
    if (Object.prototype.hasOwnProperty.call(fm.entries, key)) continue;
    defineField(fm.entries, key, value);
    defineField(fm.valueSpans, key, valueSpan);
    const normalizedKey = key.replace(/類/g, '类').replace(/數/g, '数');
    if (normalizedKey === '类型' || key.toLowerCase() === 'kind') {
      const v = value.replace(/[單]/g, '单').replace(/[項]/g, '项').replace(/[綜]/g, '综');
      if (['单项', 'single', '单项工作'].includes(v.toLowerCase())) fm.kind = 'single';
      else if (['综合', 'comprehensive', '综合性'].includes(v.toLowerCase())) fm.kind = 'comprehensive';
      else
        fm.problems.push({ span: valueSpan, messageId: 'front-matter-kind', data: { value } });
    } else if (normalizedKey === '字数上限' || key.toLowerCase() === 'limit') {
      const n = Number(value.replace(/[,，]/g, ''));
      if (Number.isInteger(n) && n > 0) fm.limit = n;
      else
        fm.problems.push({ span: valueSpan, messageId: 'front-matter-limit', data: { value } });
    }
  }
  return fm;
}

const DIRECTIVE = /^\s*speech-lint-(disable-next-line|disable|enable)\b([^]*?)\s*$/;

function parseComments(text: string, lines: LineInfo[], from: number): { comments: Span[]; directives: Directive[] } {
  const comments: Span[] = [];
  const directives: Directive[] = [];
  let i = text.indexOf('<!--', from);
  while (i !== -1) {
    const close = text.indexOf('-->', i + 4);
    const end = close === -1 ? text.length : close + 3;
    comments.push({ start: i, end });
    const m = DIRECTIVE.exec(text.slice(i + 4, close === -1 ? text.length : close));
    if (m) {
      const rules = m[2].split(/[\s,，]+/).filter(Boolean);
      let line = 0;
      while (line + 1 < lines.length && lines[line + 1].start <= i) line++;
      directives.push({ start: i, end, type: m[1] as Directive['type'], rules, line });
    }
    i = close === -1 ? -1 : text.indexOf('<!--', end);
  }
  return { comments, directives };
}

/** Replaces excluded ranges by spaces (line breaks kept) so offsets stay the same. */
function maskRanges(text: string, ranges: Span[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += text.slice(at, r.start);
    out += text.slice(r.start, r.end).replace(/[^\r\n]/g, ' ');
    at = r.end;
  }
  return out + text.slice(at);
}

interface Candidate {
  line: LineInfo;
  contentStart: number;
  prefix?: Span;
  match: MarkerMatch;
}

function lineContentStart(normalized: string, line: LineInfo): { start: number; prefix?: Span } {
  let i = line.start;
  while (i < line.end && /[\s\u3000]/.test(normalized[i])) i++;
  const hashes = /^#{1,6}[ \t]*/.exec(normalized.slice(i, Math.min(line.end, i + 12)));
  if (hashes) {
    const prefix = { start: i, end: i + hashes[0].length };
    return { start: prefix.end, prefix };
  }
  return { start: i };
}

/** Runs of ≥3 numbered lines, cut mid-sentence, that a document-sharing site put at page starts. */
function findPageChunks(candidates: Candidate[], normalized: string, lines: LineInfo[]): Set<LineInfo> {
  const chunks = new Set<LineInfo>();
  const arabic = candidates.filter((c) => c.match.level === 3);
  // Headings split off a chunk onto their own lines (heading-marker's fix for inline headings) keep the run.
  const splitHeadings = new Set(candidates.filter((c) => c.match.level <= 2).map((c) => c.line.index));
  let run: Candidate[] = [];
  const flush = () => {
    if (run.length >= 3) {
      const cut = run.filter((c) => {
        // A chunk runs on over the headings split off it onto the lines right after it.
        let last = c.line.index;
        while (splitHeadings.has(last + 1)) last++;
        const text = normalized.slice(c.line.start, lines[last].end).trimEnd();
        return Array.from(text).length >= 100 && !/[。！？；：”…）!?;:]$/.test(text);
      });
      if (cut.length * 2 > run.length) for (const c of run) chunks.add(c.line);
    }
    run = [];
  };
  for (const c of arabic) {
    const prev = run[run.length - 1];
    if (prev && c.match.number === prev.match.number + 1 && onlyBlankBetween(lines, normalized, prev.line.index, c.line.index, splitHeadings)) {
      run.push(c);
    } else {
      flush();
      run = [c];
    }
  }
  flush();
  return chunks;
}

function onlyBlankBetween(lines: LineInfo[], normalized: string, a: number, b: number, skip?: Set<number>): boolean {
  for (let i = a + 1; i < b; i++) if (!skip?.has(i) && !isBlank(normalized.slice(lines[i].start, lines[i].end))) return false;
  return true;
}

function makeHeading(
  normalized: string,
  text: string,
  line: LineInfo,
  match: MarkerMatch,
  prefix: Span | undefined,
  inline: boolean,
  level3Style: 'dot' | 'dun',
): Heading {
  let titleStart = match.marker.end;
  while (titleStart < line.end && /[ \t\u3000]/.test(normalized[titleStart])) titleStart++;
  let titleEnd = line.end;
  const rest = normalized.slice(titleStart, line.end);
  const stop = TITLE_END.exec(rest);
  let body: Span | undefined;
  if (stop) {
    titleEnd = titleStart + stop.index;
    let bodyStart = titleEnd + 1;
    while (bodyStart < line.end && /[ \t\u3000]/.test(normalized[bodyStart])) bodyStart++;
    if (bodyStart < line.end) body = { start: bodyStart, end: line.end };
  }
  while (titleEnd > titleStart && /[ \t\u3000]/.test(normalized[titleEnd - 1])) titleEnd--;
  const markerText = text.slice(match.marker.start, match.marker.end);
  const expectedMarker = canonicalMarker(match.level, match.number, level3Style);
  return {
    level: match.level,
    line: line.index,
    number: match.number,
    numeralKind: match.numeralKind,
    numeral: match.numeral,
    marker: match.marker,
    markerText,
    prefix,
    title: { start: titleStart, end: titleEnd },
    titleText: text.slice(titleStart, titleEnd),
    body,
    inline,
    canonical: markerText === expectedMarker || (match.level === 3 && markerText === canonicalMarker(3, match.number, level3Style === 'dot' ? 'dun' : 'dot')),
    expectedMarker,
  };
}

const INLINE_HEADING = new RegExp(`(?<=[。！？：:；]\\s*)(?:${CN}、|[（(](?:${CN}|${LOOKALIKE_ONE})[)）])`, 'g');

/** Headings run into a cut page's text (`…五个方面：（一）服务决策要超前。`). */
function inlineHeadings(normalized: string, text: string, line: LineInfo, from: number, level3Style: 'dot' | 'dun'): Heading[] {
  const found: Heading[] = [];
  INLINE_HEADING.lastIndex = from;
  const segment = normalized.slice(0, line.end);
  let m: RegExpExecArray | null;
  while ((m = INLINE_HEADING.exec(segment))) {
    const match = matchMarker(normalized, m.index, line.end);
    if (!match || (match.level !== 1 && match.level !== 2)) continue;
    const after = normalized.slice(match.marker.end, line.end);
    const stop = TITLE_END.exec(after);
    if (!stop || stop.index === 0 || stop.index > 30 || !isHan(after.codePointAt(0)!)) continue;
    const heading = makeHeading(normalized, text, { ...line, end: match.marker.end + stop.index + 1 }, match, undefined, true, level3Style);
    heading.body = undefined;
    found.push(heading);
  }
  return found;
}

function buildSections(headings: Heading[], prefix: Int32Array, textEnd: number): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  const all: Section[] = [];
  for (const heading of headings) {
    const section: Section = { heading, span: { start: heading.prefix?.start ?? heading.marker.start, end: textEnd }, count: 0, children: [] };
    while (stack.length && stack[stack.length - 1].heading.level >= heading.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    } else {
      roots.push(section);
    }
    stack.push(section);
    all.push(section);
  }
  // A section ends where the next heading of the same or a higher level starts.
  for (let i = 0; i < all.length; i++) {
    const level = all[i].heading.level;
    for (let j = i + 1; j < all.length; j++) {
      if (all[j].heading.level <= level) {
        all[i].span.end = all[j].span.start;
        break;
      }
    }
    all[i].count = prefix[all[i].span.end] - prefix[all[i].span.start];
  }
  return roots;
}

const ENUM_SHI_YAO = new RegExp(`(${CN})(是|要)`, 'g');
const ENUM_ORDINAL = new RegExp(`第(${CN})([，,、：:])`, 'g');
const ENUM_SEQUENCE = /(首先|其次|再次|最后)([，,：:])/g;
const SEQUENCE_NUMBER: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: -1 };

function precededByHan(normalized: string, offset: number): boolean {
  if (offset === 0) return false;
  const c = normalized.charCodeAt(offset - 1);
  if (c >= 0xdc00 && c <= 0xdfff) return isHan(normalized.codePointAt(offset - 2)!);
  return isHan(c);
}

function findItems(normalized: string, text: string, span: Span, line: number): EnumerationItem[] {
  const items: EnumerationItem[] = [];
  const segment = normalized.slice(span.start, span.end);
  const push = (family: EnumerationFamily, number: number, series: string, index: number, length: number, numeral: Span) => {
    const start = span.start + index;
    if (precededByHan(normalized, start)) return;
    items.push({ family, number, series, start, end: start + length, numeral, text: text.slice(start, start + length), line });
  };
  let m: RegExpExecArray | null;
  ENUM_SHI_YAO.lastIndex = 0;
  while ((m = ENUM_SHI_YAO.exec(segment))) {
    const n = parseChineseNumeral(m[1]);
    // 一是一、二是二 and the like are idioms, not list items.
    if (n === null) continue;
    const start = span.start + m.index;
    push('shi-yao', n, m[2], m.index, m[0].length, { start, end: start + m[1].length });
  }
  ENUM_ORDINAL.lastIndex = 0;
  while ((m = ENUM_ORDINAL.exec(segment))) {
    const n = parseChineseNumeral(m[1]);
    if (n === null) continue;
    const start = span.start + m.index;
    push('ordinal', n, '第', m.index, m[0].length, { start: start + 1, end: start + 1 + m[1].length });
  }
  ENUM_SEQUENCE.lastIndex = 0;
  while ((m = ENUM_SEQUENCE.exec(segment))) {
    const start = span.start + m.index;
    push('sequence', SEQUENCE_NUMBER[m[1]], m[1], m.index, m[0].length, { start, end: start + 2 });
  }
  return items.sort((a, b) => a.start - b.start);
}

/** Groups items into lists: a list opens at 一 (nested when one is open), continues with the next number. */
function groupEnumerations(itemsByBlock: { items: EnumerationItem[]; closesLists: boolean }[]): Enumeration[] {
  const lists: Enumeration[] = [];
  const stacks: Record<EnumerationFamily, Enumeration[]> = { 'shi-yao': [], ordinal: [], sequence: [] };
  for (const block of itemsByBlock) {
    if (block.closesLists) {
      stacks['shi-yao'] = [];
      stacks.ordinal = [];
      stacks.sequence = [];
      continue;
    }
    for (const item of block.items) {
      const stack = stacks[item.family];
      if (item.family === 'sequence') {
        if (item.number === 1) {
          const list: Enumeration = { family: 'sequence', items: [item], depth: 0 };
          lists.push(list);
          stacks.sequence = [list];
        } else if (stack.length) {
          const list = stack[0];
          list.items.push(item);
          if (item.number === -1) stacks.sequence = [];
        }
        continue;
      }
      const top = stack[stack.length - 1];
      const next = (list: Enumeration) => list.items[list.items.length - 1].number + 1;
      // 一是…，一要…，二是: 二是 continues the outer 是 list, not the inner 要 one that also expects 二.
      const sameSeries = (list: Enumeration) => list.items[0].series === item.series;
      if (top && item.number === next(top) && (sameSeries(top) || !stack.some((list) => list !== top && sameSeries(list) && next(list) === item.number))) {
        top.items.push(item);
        continue;
      }
      const outer = stack.findIndex((list) => next(list) === item.number && item.number !== 1);
      if (outer !== -1) {
        stack.length = outer + 1;
        stack[outer].items.push(item);
        continue;
      }
      if (item.number === 1 || !top) {
        const list: Enumeration = { family: item.family, items: [item], depth: stack.length };
        lists.push(list);
        stack.push(list);
        continue;
      }
      // Gap, duplicate or order error: keep it in the innermost list for the rule to report.
      top.items.push(item);
    }
  }
  return lists;
}

const ANNOUNCE_STRONG = /(?:讲|谈|提|说|以下|如下|下列|从)[了讲谈]?\s*([一二三四五六七八九十两几]{1,3})\s*(点|个方面|方面|条|项)/g;
const ANNOUNCE_WEAK_QUOTED = /“([一二三四五六七八九十两]{1,3})个?[\u4e00-\u9fff]”/g;
const ANNOUNCE_WEAK_COLON = /([一二三四五六七八九十两]{1,3})(点|个方面|条|项|个)[\u4e00-\u9fff]{0,8}[：:]/g;

function findAnnouncements(normalized: string, text: string, span: Span, line: number): Announcement[] {
  const out: Announcement[] = [];
  const segment = normalized.slice(span.start, span.end);
  const seen = new Set<number>();
  const add = (re: RegExp, strength: 'strong' | 'weak', numberGroup: number) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(segment))) {
      const word = m[numberGroup];
      const number = word === '几' ? null : parseChineseNumeral(word);
      if (number === undefined) continue;
      const start = span.start + m.index;
      const end = start + m[0].length;
      if ([...seen].some((s) => s >= start && s < end)) continue;
      seen.add(start + m[0].indexOf(word));
      out.push({ start, end, number, text: text.slice(start, end), strength, line });
    }
  };
  add(ANNOUNCE_STRONG, 'strong', 1);
  add(ANNOUNCE_WEAK_QUOTED, 'weak', 1);
  add(ANNOUNCE_WEAK_COLON, 'weak', 1);
  return out.sort((a, b) => a.start - b.start);
}

function resolveAnnouncements(doc: SpeechDocument, blocks: Block[]): void {
  const allSections: Section[] = [];
  const walk = (list: Section[]) => list.forEach((s) => (allSections.push(s), walk(s.children)));
  walk(doc.sections);
  for (const a of doc.announcements) {
    const section = allSections.filter((s) => s.span.start <= a.start && a.start < s.span.end).pop();
    a.section = section;
    const nextHeading = doc.headings.find((h) => h.marker.start > a.end);
    const limit = nextHeading ? nextHeading.marker.start : doc.text.length;
    const list = doc.enumerations.find((e) => e.items[0].start >= a.end && e.items[0].start < limit && e.family !== 'sequence');
    const blockOf = (offset: number) => blocks.find((b) => b.start <= offset && offset <= b.end);
    if (list) {
      const first = list.items[0];
      const aBlock = blockOf(a.start);
      const fBlock = blockOf(first.start);
      const between = doc.normalized.slice(a.end, first.start);
      const sameParagraphSoon = aBlock === fBlock && between.length <= 20;
      const nextParagraph = aBlock && fBlock && blocks.indexOf(fBlock) === blocks.indexOf(aBlock) + 1 && /[：:]\s*$/.test(doc.normalized.slice(aBlock.start, aBlock.end));
      if (sameParagraphSoon || nextParagraph) {
        a.target = 'enumeration';
        a.actual = list.items.length;
        continue;
      }
    }
    if (a.strength === 'weak') continue;
    const children = section ? section.children : doc.sections;
    const after = children.filter((s) => s.heading.marker.start > a.end);
    if (after.length) {
      a.target = 'headings';
      a.actual = after.length;
    } else if (list) {
      a.target = 'enumeration';
      a.actual = list.items.length;
    }
  }
}

export function parse(text: string, options: ParseOptions = {}): SpeechDocument {
  const settings = options.settings ?? defaultSettings();
  const lines = splitLines(text);
  const frontMatter = parseFrontMatter(lines);
  const { comments, directives } = parseComments(text, lines, frontMatter ? frontMatter.end : 0);
  const excluded: Span[] = frontMatter ? [{ start: 0, end: frontMatter.end }, ...comments] : comments;
  const masked = maskRanges(text, excluded);
  const normalized = normalizeToSimplified(masked);
  const script = detectScript(masked, settings.script === 'auto' ? undefined : settings.script);
  const prefix = countPrefix(masked, settings.countMode);

  // Pass 1: heading candidates at line starts.
  const candidates: Candidate[] = [];
  for (const line of lines) {
    const { start, prefix: hashes } = lineContentStart(normalized, line);
    if (start >= line.end) continue;
    const match = matchMarker(normalized, start, line.end);
    if (match) candidates.push({ line, contentStart: start, prefix: hashes, match });
  }
  const chunkLines = findPageChunks(candidates, normalized, lines);
  const candidateByLine = new Map(candidates.map((c) => [c.line, c]));

  const blocks: Block[] = [];
  const headings: Heading[] = [];
  const pageChunkMarkers: Span[] = [];
  let title: Block | undefined;
  let salutation: Block | undefined;
  let sawBody = false;
  const inlineByParagraph = new Map<Block, Block[]>();
  for (const line of lines) {
    const content = normalized.slice(line.start, line.end);
    if (isBlank(content)) continue;
    const { start } = lineContentStart(normalized, line);
    const candidate = candidateByLine.get(line);
    if (candidate && chunkLines.has(line)) {
      pageChunkMarkers.push(candidate.match.marker);
      const paragraph: Block = { type: 'paragraph', line: line.index, start, end: line.end };
      blocks.push(paragraph);
      const inner: Block[] = [];
      for (const h of inlineHeadings(normalized, text, line, candidate.match.marker.end, settings.level3Style)) {
        headings.push(h);
        inner.push({ type: 'heading', line: line.index, start: h.marker.start, end: h.title.end, heading: h });
      }
      if (inner.length) inlineByParagraph.set(paragraph, inner);
      sawBody = true;
      continue;
    }
    if (candidate) {
      const h = makeHeading(normalized, text, line, candidate.match, candidate.prefix, false, settings.level3Style);
      headings.push(h);
      blocks.push({ type: 'heading', line: line.index, start: candidate.prefix?.start ?? start, end: line.end, heading: h });
      sawBody = true;
      continue;
    }
    const trimmed = content.trim();
    const length = Array.from(trimmed).length;
    if (!sawBody && !title && !salutation && length <= 40 && !/[。！？，；,;!?：:]/.test(trimmed)) {
      title = { type: 'title', line: line.index, start, end: line.end };
      blocks.push(title);
      continue;
    }
    if (!salutation && headings.length === 0 && length <= 30 && /[：:]$/.test(trimmed) && !/[。！？]/.test(trimmed) && !/\d/.test(trimmed)) {
      salutation = { type: 'salutation', line: line.index, start, end: line.end };
      blocks.push(salutation);
      sawBody = true;
      continue;
    }
    blocks.push({ type: 'paragraph', line: line.index, start, end: line.end });
    sawBody = true;
  }

  // Enumerations and announcements live in paragraphs and in text run on after a heading.
  const itemsByBlock: { items: EnumerationItem[]; closesLists: boolean }[] = [];
  const announcements: Announcement[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'heading') {
      itemsByBlock.push({ items: [], closesLists: true });
      const body = block.heading!.body;
      if (body) {
        itemsByBlock.push({ items: findItems(normalized, text, body, block.line), closesLists: false });
        announcements.push(...findAnnouncements(normalized, text, body, block.line));
      }
      continue;
    }
    if (block.type !== 'paragraph') continue;
    // A paragraph holding inline headings is read piece by piece, so lists close at each heading.
    const inner = inlineByParagraph.get(block) ?? [];
    let from = block.start;
    for (const stop of [...inner, undefined]) {
      const span = { start: from, end: stop ? stop.start : block.end };
      itemsByBlock.push({ items: findItems(normalized, text, span, block.line), closesLists: false });
      announcements.push(...findAnnouncements(normalized, text, span, block.line));
      if (stop) {
        itemsByBlock.push({ items: [], closesLists: true });
        from = stop.heading!.title.end;
      }
    }
  }
  const ordered = [...blocks, ...[...inlineByParagraph.values()].flat()].sort((a, b) => a.start - b.start);

  headings.sort((a, b) => a.marker.start - b.marker.start);
  const sections = buildSections(headings, prefix, text.length);
  const firstHeading = headings[0];
  const preambleEnd = firstHeading ? firstHeading.prefix?.start ?? firstHeading.marker.start : text.length;
  const paragraphBlocks = ordered.filter((b) => b.type !== 'title' && b.type !== 'salutation');
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
    blocks: ordered,
    headings,
    sections,
    enumerations: groupEnumerations(itemsByBlock),
    announcements,
    count: { mode: settings.countMode, total: prefix[text.length] },
    preambleCount: prefix[preambleEnd] - prefix[0],
    pageChunkMarkers,
    countPrefix: prefix,
    isExcluded: (offset: number) => excluded.some((r) => r.start <= offset && offset < r.end),
  };
  resolveAnnouncements(doc, paragraphBlocks);
  return doc;
}
