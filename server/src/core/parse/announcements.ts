// Pass: announced counts — 我讲三点意见, 以下五个方面, 提5点要求, 讲两个问题, 提出三项措施 (forward), 以上三点
// 要求, 上述四个方面, 上面这八条 (back) — and weak ones (“六看”, 四项任务：) that only count when a list follows at
// once; each resolved to the headings or the list it counts. Fixed terms (四风, 两个维护, 四个意识 …)
// never announce, the number one announces nothing, 几 announces no number.
import { parseChineseNumeral } from '../numerals';
import { sectionPath } from '../outline';
import type { Announcement, Block, Enumeration, Section, Span, SpeechDocument } from '../types';
import { FIXED_NUMERIC_TERMS } from './fixed-terms';
import { ANNOUNCEMENT_REACH } from './thresholds';

const NUMBER = '([一二三四五六七八九十两几]{1,3}|\\d{1,2})';
const NOUN = '(点|个方面|方面|条|项|个问题|问题|件事|个字)';
// 讲了三点 reports a speech already given (刚才，国华书记讲了三点意见): not forward; 我讲了 / 以上讲了 look back.
const FORWARD = new RegExp(`(?:讲|谈|提|说|提出|强调|讲讲|谈谈|讲一讲|谈一谈|以下|如下|下列|从|抽出|挑出|选出|摘出)(?:一下)?(?:这么|这)?\\s*${NUMBER}\\s*${NOUN}`, 'g');
const BACK = new RegExp(`(?:以上|上述|上面这|上面|前面这|前面|这)\\s*${NUMBER}\\s*${NOUN}`, 'g');
const BACK_SAID = new RegExp(`(?:我|以上|上面)(?:就|共|一共|主要)?(?:讲|谈|提|说)了(?:这么|这)?\\s*${NUMBER}\\s*${NOUN}`, 'g');
/** 讲了三点 after someone else's name: what another speaker said, no count of this speech. */
const REPORTED = new RegExp(`(?:讲|谈|提|说|提出|强调)了(?:这么|这)?\\s*${NUMBER}\\s*${NOUN}`, 'g');
const WEAK_QUOTED = /“([一二三四五六七八九十两]{1,3})个?[\u4e00-\u9fff]”/g;
const WEAK_COLON = /(?<!第)([一二三四五六七八九十两]{1,3})(点|个方面|条|项|个)[\u4e00-\u9fff]{0,8}[：:]/g;
/** 共有7条，第一条… 包括三层含义。一是… 分两步予以推进。第一步… 抓好三件事：一是… (a list must follow at once). */
const WEAK_HAS = new RegExp(`(?:共有|包括|分为|分成|分|抓好|做好|抓住|办好)\\s*${NUMBER}\\s*(条|层含义|层意思|个部分|步|个方面|项|件事|项工作)`, 'g');
/** 八大罪状 — counts the list whose items repeat the noun (第一条罪状是：…). */
const WEAK_GREAT = /([二三四五六七八九十两]{1,3})大([\u4e00-\u9fff]{2})/g;
/** What every strong pattern holds (a number, then its noun): a paragraph without it is not scanned for them. */
const COUNTED = new RegExp(`${NUMBER}\\s*${NOUN}`);
const COUNTED_HAS = new RegExp(`${NUMBER}\\s*(?:条|层含义|层意思|个部分|步|个方面|项|件事|项工作)`);

function parseCount(word: string): number | null | undefined {
  if (word === '几') return null;
  if (/^\d+$/.test(word)) return Number(word);
  const n = word === '两' ? 2 : parseChineseNumeral(word);
  return n ?? undefined;
}

/** Whether the number at `offset` begins a fixed term (四风, 两个维护, “四个意识”). */
function inFixedTerm(normalized: string, offset: number): boolean {
  for (const term of FIXED_NUMERIC_TERMS) if (normalized.startsWith(term, offset)) return true;
  return false;
}

export function findAnnouncements(normalized: string, text: string, span: Span, line: number): Announcement[] {
  const out: Announcement[] = [];
  const segment = normalized.slice(span.start, span.end);
  // The characters a match already took (a match is short: checking its characters is cheap however
  // many matches the paragraph holds).
  const taken = new Uint8Array(segment.length);
  const isTaken = (start: number, end: number) => {
    for (let i = start - span.start; i < end - span.start; i++) if (taken[i]) return true;
    return false;
  };
  const take = (start: number, end: number) => taken.fill(1, start - span.start, end - span.start);
  const add = (re: RegExp, strength: Announcement['strength'], direction: Announcement['direction']) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(segment))) {
      const word = m[1];
      const number = parseCount(word);
      if (number === undefined || number === 1) continue;
      const start = span.start + m.index;
      const end = start + m[0].length;
      const numberAt = start + m[0].indexOf(word);
      if (inFixedTerm(normalized, numberAt) || (normalized[numberAt - 1] === '“' && inFixedTerm(normalized, numberAt - 1))) continue;
      if (isTaken(start, end)) continue;
      take(start, end);
      out.push({ start, end, number, text: text.slice(start, end), strength, direction, line });
    }
  };
  // Each pattern is looked for only where what it cannot match without is there (most paragraphs announce nothing).
  if (COUNTED.test(segment)) {
    add(BACK_SAID, 'strong', 'back');
    // Reported speech takes its span so that FORWARD's 讲 / 提 inside it finds nothing.
    REPORTED.lastIndex = 0;
    let r: RegExpExecArray | null;
    while ((r = REPORTED.exec(segment))) {
      const start = span.start + r.index;
      if (!isTaken(start, start + r[0].length)) take(start, start + r[0].length);
    }
    add(FORWARD, 'strong', 'forward');
    add(BACK, 'strong', 'back');
  }
  if (segment.includes('“')) add(WEAK_QUOTED, 'weak', 'forward');
  if (segment.includes('：') || segment.includes(':')) add(WEAK_COLON, 'weak', 'forward');
  if (COUNTED_HAS.test(segment)) add(WEAK_HAS, 'weak', 'forward');
  const before = out.length;
  if (segment.includes('大')) add(WEAK_GREAT, 'weak', 'forward');
  for (const a of out.slice(before)) a.itemNoun = normalized.slice(a.end - 2, a.end);
  return out.sort((a, b) => a.start - b.start);
}

/** The block holding `offset` (binary search over blocks in document order). */
function blockIndexAt(blocks: Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < blocks[mid].start) hi = mid - 1;
    else if (offset > blocks[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The first index of `sorted` (ascending by `key`) whose key is greater than `value` (or equal, if `orEqual`). */
function firstAbove<T>(sorted: readonly T[], key: (item: T) => number, value: number, orEqual = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = key(sorted[mid]);
    if (k > value || (orEqual && k === value)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The numbered sections of one level of the outline, with the levels before and after each, as bit sets. */
interface NumberedSiblings {
  starts: number[];
  /** levelsBefore[i]: the levels of the first i numbered sections; levelsFrom[i]: of those from i on. */
  levelsBefore: number[];
  levelsFrom: number[];
}

function numberedSiblings(sections: readonly Section[]): NumberedSiblings {
  const numbered = sections.filter((s) => s.heading.numbered);
  const starts = numbered.map((s) => s.heading.marker.start);
  const levelsBefore = [0];
  for (const s of numbered) levelsBefore.push(levelsBefore[levelsBefore.length - 1] | (1 << s.heading.level));
  const levelsFrom = new Array<number>(numbered.length + 1).fill(0);
  for (let i = numbered.length - 1; i >= 0; i--) levelsFrom[i] = levelsFrom[i + 1] | (1 << numbered[i].heading.level);
  return { starts, levelsBefore, levelsFrom };
}

function levelsOf(mask: number): number[] {
  const levels: number[] = [];
  for (let level = 0; mask >> level; level++) if ((mask >> level) & 1) levels.push(level);
  return levels;
}

/**
 * What resolving asks of the document, answered in logarithmic time or better however many announcements,
 * lists and headings it holds (one paragraph repeating 我讲三点意见 must not stall the server).
 */
class Resolver {
  private readonly siblings = new Map<readonly Section[], NumberedSiblings>();
  private readonly colonEnd = new Map<number, boolean>();
  readonly lists: Enumeration[];
  private readonly headingStarts: number[];
  private readonly forwardStarts: number[];
  /** Depth-0 lists by where their last item ends, and a sparse table of the latest-starting one per range. */
  private readonly byEnd: Enumeration[];
  private readonly latest: number[][];
  /** Each of `byEnd`'s lists' place in `lists` (the later, the nearer the announcement). */
  private readonly rank: number[];
  private sentenceEnds?: number[];

  constructor(
    private readonly doc: SpeechDocument,
    readonly blocks: Block[],
  ) {
    this.lists = doc.enumerations.filter((e) => e.family !== 'sequence').sort((a, b) => a.items[0].start - b.items[0].start);
    this.headingStarts = doc.headings.map((h) => h.marker.start).sort((a, b) => a - b);
    this.forwardStarts = doc.announcements.filter((a) => a.direction === 'forward').map((a) => a.start).sort((a, b) => a - b);
    const order = new Map(this.lists.map((l, i) => [l, i]));
    this.byEnd = this.lists.filter((l) => l.depth === 0).sort((a, b) => lastOf(a).end - lastOf(b).end || order.get(a)! - order.get(b)!);
    const rank = this.byEnd.map((l) => order.get(l)!);
    this.latest = [this.byEnd.map((_, i) => i)];
    for (let width = 1; width * 2 <= this.byEnd.length; width *= 2) {
      const previous = this.latest[this.latest.length - 1];
      const row: number[] = [];
      for (let i = 0; i + width * 2 <= this.byEnd.length; i++) {
        const left = previous[i];
        const right = previous[i + width];
        row.push(rank[right] > rank[left] ? right : left);
      }
      this.latest.push(row);
    }
    this.rank = rank;
  }

  /** Where the first heading after `offset` starts, else the end of the text. */
  nextHeading(offset: number): number {
    return this.headingStarts[firstAbove(this.headingStarts, (s) => s, offset)] ?? this.doc.text.length;
  }

  /** Where the first forward announcement after `offset` starts, else the end of the text. */
  nextForward(offset: number): number {
    return this.forwardStarts[firstAbove(this.forwardStarts, (s) => s, offset)] ?? this.doc.text.length;
  }

  /** The first list starting at or after `from`, if it starts before `limit`. */
  firstListAfter(from: number, limit: number): Enumeration | undefined {
    const list = this.lists[firstAbove(this.lists, (l) => l.items[0].start, from, true)];
    return list && list.items[0].start < limit ? list : undefined;
  }

  /** The block's text ends in a colon (its list follows in the next paragraph). */
  endsWithColon(block: number): boolean {
    let colon = this.colonEnd.get(block);
    if (colon === undefined) {
      colon = /[：:]\s*$/.test(this.doc.normalized.slice(this.blocks[block].start, this.blocks[block].end));
      this.colonEnd.set(block, colon);
    }
    return colon;
  }

  /** A sentence ends (。！？) in `[from, to)`. */
  sentenceEndIn(from: number, to: number): boolean {
    if (!this.sentenceEnds) {
      this.sentenceEnds = [];
      const text = this.doc.normalized;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x3002 || c === 0xff01 || c === 0xff1f) this.sentenceEnds.push(i);
      }
    }
    const at = this.sentenceEnds[firstAbove(this.sentenceEnds, (s) => s, from, true)];
    return at !== undefined && at < to;
  }

  /**
   * The list a back announcement at `a` counts: of the depth-0 lists that end before it, in its paragraph
   * or the one before, the one that starts latest.
   */
  listBefore(a: Announcement, aBlock: number): Enumeration | undefined {
    if (aBlock === -1) return undefined;
    const hi = firstAbove(this.byEnd, (l) => lastOf(l).end, a.start);
    // Lists whose last item lies in block aBlock - 1 or later: a suffix of those ending before `a`.
    const from = aBlock > 0 ? this.blocks[aBlock - 1].start : 0;
    const lo = firstAbove(this.byEnd, (l) => lastOf(l).start, from, true);
    if (lo >= hi) return undefined;
    const row = 31 - Math.clz32(hi - lo);
    const left = this.latest[row][lo];
    const right = this.latest[row][hi - (1 << row)];
    const best = this.rank[right] > this.rank[left] ? right : left;
    const list = this.byEnd[best];
    return blockIndexAt(this.blocks, lastOf(list).start) === -1 ? undefined : list;
  }

  /** The numbered sections among `sections` that start after `offset` (or before it): how many, and their levels. */
  numberedAround(sections: readonly Section[], offset: number, side: 'after' | 'before'): { count: number; levels: number[] } {
    let cached = this.siblings.get(sections);
    if (!cached) this.siblings.set(sections, (cached = numberedSiblings(sections)));
    if (side === 'after') {
      const i = firstAbove(cached.starts, (s) => s, offset);
      return { count: cached.starts.length - i, levels: levelsOf(cached.levelsFrom[i]) };
    }
    const i = firstAbove(cached.starts, (s) => s, offset, true);
    return { count: i, levels: levelsOf(cached.levelsBefore[i]) };
  }
}

const lastOf = (list: Enumeration) => list.items[list.items.length - 1];

/** Resolves every announcement: what it counts (headings or a list) and how many there are. */
export function resolveAnnouncements(doc: SpeechDocument, blocks: Block[]): void {
  const resolver = new Resolver(doc, blocks);
  for (const a of doc.announcements) {
    const path = sectionPath(doc, a.start);
    const section: Section | undefined = path[path.length - 1];
    a.section = section;
    if (a.direction === 'back') {
      resolveBack(doc, a, resolver, section);
      continue;
    }
    // A list belongs to the nearest announcement before it: the next one's lists are not this one's.
    const list = resolver.firstListAfter(a.end, Math.min(resolver.nextHeading(a.end), resolver.nextForward(a.end)));
    if (list) {
      const first = list.items[0];
      const aBlock = blockIndexAt(blocks, a.start);
      const fBlock = blockIndexAt(blocks, first.start);
      const sameParagraphSoon = aBlock !== -1 && aBlock === fBlock && first.start - a.end <= ANNOUNCEMENT_REACH;
      const nextParagraph = aBlock !== -1 && fBlock === aBlock + 1 && resolver.endsWithColon(aBlock);
      // 八大罪状 … 党八股的第一条罪状是： — the items name what was counted.
      const namesNoun = a.itemNoun !== undefined && fBlock !== -1 && fBlock - aBlock <= 2 && doc.normalized.slice(first.start, first.end + 4).includes(a.itemNoun);
      if (sameParagraphSoon || nextParagraph || namesNoun) {
        a.target = 'enumeration';
        a.actual = list.items.length;
        a.list = list;
        continue;
      }
    }
    if (a.strength === 'weak') continue;
    const after = resolver.numberedAround(section ? section.children : doc.sections, a.end, 'after');
    if (after.count) {
      a.target = 'headings';
      a.actual = after.count;
      a.countedLevels = after.levels;
    } else if (list) {
      a.target = 'enumeration';
      a.actual = list.items.length;
      a.list = list;
    }
  }
}

/** 以上三点 counts the list that ended just before it (in its paragraph or the one before), or the sections before it. */
function resolveBack(doc: SpeechDocument, a: Announcement, resolver: Resolver, section: Section | undefined): void {
  const { blocks } = resolver;
  const aBlock = blockIndexAt(blocks, a.start);
  const best = resolver.listBefore(a, aBlock);
  // 上述三个问题 after a sentence that named three problems (会议多、文件多、检查多这三个突出问题。): the count
  // sums up that nearer sentence, not the list in the paragraph before.
  if (best && aBlock !== -1) {
    const lBlock = blockIndexAt(blocks, best.items[best.items.length - 1].start);
    if (lBlock !== aBlock && resolver.sentenceEndIn(blocks[aBlock].start, a.start)) return;
  }
  if (best) {
    a.target = 'enumeration';
    a.list = best;
    // 这两条意义自明 after the two items of its own paragraph, 上面这八条 after all eight: either count fits.
    const own = best.items.filter((i) => blockIndexAt(blocks, i.start) === aBlock).length;
    a.actual = own === a.number ? own : best.items.length;
    return;
  }
  // 上述三个方面 after the sections it sums up: the children before it, else the section and its siblings.
  const pool = section && section.children.some((c) => c.heading.marker.start < a.start) ? section.children : (section?.parent?.children ?? doc.sections);
  const before = resolver.numberedAround(pool, a.start, 'before');
  if (before.count && a.strength === 'strong') {
    a.target = 'headings';
    a.actual = before.count;
    a.countedLevels = before.levels;
  }
}
