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
  const taken: Span[] = [];
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
      if (taken.some((t) => start < t.end && t.start < end)) continue;
      taken.push({ start, end });
      out.push({ start, end, number, text: text.slice(start, end), strength, direction, line });
    }
  };
  add(BACK_SAID, 'strong', 'back');
  // Reported speech takes its span so that FORWARD's 讲 / 提 inside it finds nothing.
  REPORTED.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = REPORTED.exec(segment))) {
    const start = span.start + r.index;
    if (!taken.some((t) => start < t.end && t.start < start + r![0].length)) taken.push({ start, end: start + r[0].length });
  }
  add(FORWARD, 'strong', 'forward');
  add(BACK, 'strong', 'back');
  add(WEAK_QUOTED, 'weak', 'forward');
  add(WEAK_COLON, 'weak', 'forward');
  add(WEAK_HAS, 'weak', 'forward');
  const before = out.length;
  add(WEAK_GREAT, 'weak', 'forward');
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

/** Resolves every announcement: what it counts (headings or a list) and how many there are. */
export function resolveAnnouncements(doc: SpeechDocument, blocks: Block[]): void {
  const lists = doc.enumerations.filter((e) => e.family !== 'sequence').sort((a, b) => a.items[0].start - b.items[0].start);
  const headingStarts = doc.headings.map((h) => h.marker.start);
  for (const a of doc.announcements) {
    const path = sectionPath(doc, a.start);
    const section: Section | undefined = path[path.length - 1];
    a.section = section;
    if (a.direction === 'back') {
      resolveBack(doc, a, lists, blocks, section);
      continue;
    }
    const nextHeading = headingStarts.find((s) => s > a.end) ?? doc.text.length;
    // A list belongs to the nearest announcement before it: the next one's lists are not this one's.
    const nextAnnouncement = doc.announcements.find((b) => b.start > a.end && b.direction === 'forward')?.start ?? doc.text.length;
    const list = firstListAfter(lists, a.end, Math.min(nextHeading, nextAnnouncement));
    if (list) {
      const first = list.items[0];
      const aBlock = blockIndexAt(blocks, a.start);
      const fBlock = blockIndexAt(blocks, first.start);
      const between = doc.normalized.slice(a.end, first.start);
      const sameParagraphSoon = aBlock !== -1 && aBlock === fBlock && between.length <= ANNOUNCEMENT_REACH;
      const nextParagraph = aBlock !== -1 && fBlock === aBlock + 1 && /[：:]\s*$/.test(doc.normalized.slice(blocks[aBlock].start, blocks[aBlock].end));
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
    const children = section ? section.children : doc.sections;
    const after = children.filter((s) => s.heading.marker.start > a.end && s.heading.numbered);
    if (after.length) {
      a.target = 'headings';
      a.actual = after.length;
      a.counted = after;
    } else if (list) {
      a.target = 'enumeration';
      a.actual = list.items.length;
      a.list = list;
    }
  }
}

function firstListAfter(lists: Enumeration[], from: number, limit: number): Enumeration | undefined {
  for (const list of lists) {
    const start = list.items[0].start;
    if (start < from) continue;
    return start < limit ? list : undefined;
  }
  return undefined;
}

/** 以上三点 counts the list that ended just before it (in its paragraph or the one before), or the sections before it. */
function resolveBack(doc: SpeechDocument, a: Announcement, lists: Enumeration[], blocks: Block[], section: Section | undefined): void {
  const aBlock = blockIndexAt(blocks, a.start);
  let best: Enumeration | undefined;
  for (const list of lists) {
    const last = list.items[list.items.length - 1];
    if (last.end > a.start) continue;
    if (list.depth > 0) continue;
    const lBlock = blockIndexAt(blocks, last.start);
    if (aBlock !== -1 && lBlock !== -1 && aBlock - lBlock <= 1) best = list;
  }
  // 上述三个问题 after a sentence that named three problems (会议多、文件多、检查多这三个突出问题。): the count
  // sums up that nearer sentence, not the list in the paragraph before.
  if (best && aBlock !== -1) {
    const lBlock = blockIndexAt(blocks, best.items[best.items.length - 1].start);
    const ownBefore = doc.normalized.slice(blocks[aBlock].start, a.start);
    if (lBlock !== aBlock && /[。！？]/.test(ownBefore)) return;
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
  const before = pool.filter((s) => s.heading.marker.start < a.start && s.heading.numbered);
  if (before.length && a.strength === 'strong') {
    a.target = 'headings';
    a.actual = before.length;
    a.counted = before;
  }
}
