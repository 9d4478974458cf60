// Simplified/traditional script knowledge from opencc-js's tables, loaded once and lazily.
//
// opencc-js ships one-candidate character tables (ST: simplified → OpenCC's traditional, TS: the
// reverse), phrase tables, and the Hong Kong and Taiwan variant tables that turn OpenCC's traditional
// forms into each region's own. Traditional text is judged against three standards (OpenCC's, Hong
// Kong's, Taiwan's): a character that any standard in scope keeps as it is belongs to the draft's
// script (台 is Hong Kong's and Taiwan's everyday form of 臺, 群 Taiwan's of 羣). A `traditional-hk` or
// `traditional-tw` setting narrows the scope to one region: 温 is Hong Kong's form of 溫, and a
// simplified slip in a Taiwan draft. Variants between traditional standards (着/著, 説/說) are
// never reported: real text of every region mixes them.
//
// A character is *specific* to a script when every standard in scope converts it and no phrase keeps
// it; characters that some phrase keeps (干 in 若干, 于 as a surname, 后 in 皇后) are valid in both and
// are only judged by phrase context.
import { SCRIPT_DATA } from './data/script-tables.generated';
import type { Region, Script, ScriptInfo } from './types';

interface OpenCCModule {
  Converter: (options: { from: string; to: string }) => (text: string) => string;
}

interface PhraseTrie {
  matchPrefix(text: string, offset: number): { end: number; value: string } | null;
  /** The longest phrase, in code units. */
  readonly longest: number;
}

/** A traditional standard: OpenCC's own, or a region's. */
type Standard = 'opencc' | Region;
/** Which standards a traditional draft is held to: all of them, or one region. */
export type ScriptScope = 'all' | Region;

const SCOPE_STANDARDS: Record<ScriptScope, Standard[]> = { all: ['opencc', 'hk', 'tw'], hk: ['hk'], tw: ['tw'] };
/** The form a replacement takes: Taiwan's where no region is set, as most traditional text in use. */
const SCOPE_PREFERRED: Record<ScriptScope, Standard> = { all: 'tw', hk: 'hk', tw: 'tw' };

// Forms a region writes every day that its opencc table does not produce: Taiwan's table keeps 臺,
// yet 台灣, 平台, 電台 with 台 are what Taiwan text writes; Hong Kong's writes 羣, 峯, 牀, yet 群眾,
// 高峰, 床位 are the usual Hong Kong text (both forms are correct there).
const ALSO_ACCEPTED: Record<Standard, Map<number, number[]>> = {
  opencc: new Map(),
  hk: new Map([
    [cp('羣'), [cp('群')]],
    [cp('峯'), [cp('峰')]],
    [cp('牀'), [cp('床')]],
  ]),
  tw: new Map([[cp('臺'), [cp('台')]]]),
};

// Characters STCharacters keeps that STPhrases still converts. Most of those phrases carry OpenCC's
// preference between variants that Hong Kong and Taiwan write either way (公布, 回歸, 每周, 是只);
// only where simplification merged two different words is the phrase a sure sign of a slip
// (联系 → 聯繫, 面条 → 麵條, 制造 → 製造).
const MERGED_IN_SIMPLIFIED = new Set(Array.from('系面制松卷谷表舍扎胡姜卜沈板刮蒙御', cp));

// Simplified characters that stand for two traditional words each (复: 復/複, 发: 發/髮, 钟: 鐘/鍾, 历:
// 歷/曆 …): a traditional draft that writes the wrong one (重復, 頭發) is a conversion slip. Other pairs in
// the phrase table are variants a region writes either way (盡早/儘早, 事跡/事蹟, 錘煉/錘鍊).
const MERGED_TRADITIONAL = new Set(Array.from('复发钟历系干台冲汇获', cp));

function cp(ch: string): number {
  return ch.codePointAt(0)!;
}

export interface ScriptTables {
  /** simplified char → traditional char in the scope's preferred standard. */
  toTraditional: Map<number, number>;
  /** traditional char (any standard's form) → simplified char. */
  toSimplified: Map<number, number>;
  simplifiedOnly: Set<number>;
  traditionalOnly: Set<number>;
  /** Valid in both scripts, but converted by some phrases (干 → 幹 in 干部). */
  ambiguousSimplified: Set<number>;
  ambiguousTraditional: Set<number>;
  /**
   * The same facts for the Basic Multilingual Plane as arrays indexed by UTF-16 unit, for the scans
   * that read every character: a bit set of SIMPLIFIED_ONLY … AMBIGUOUS_TRADITIONAL, and the
   * same-width simplified form (0: none).
   */
  bmpClass: Uint8Array;
  bmpToSimplified: Uint16Array;
}

export const SIMPLIFIED_ONLY = 1;
export const TRADITIONAL_ONLY = 2;
export const AMBIGUOUS_SIMPLIFIED = 4;
export const AMBIGUOUS_TRADITIONAL = 8;

interface BaseTables {
  /** STCharacters, single characters, first candidate. */
  st: Map<number, number>;
  /** TSCharacters plus the Hong Kong forms it lacks. */
  ts: Map<number, number>;
  /** OpenCC traditional → region form; empty for OpenCC's own. */
  variants: Record<Standard, Map<number, number>>;
  keptS: Set<number>;
  keptT: Set<number>;
  /** Characters the character table keeps but some phrase converts (系 in 联系 → 聯繫). */
  phraseOnlyS: Set<number>;
}

let opencc: OpenCCModule | undefined;
let base: BaseTables | undefined;
const tablesByScope: Partial<Record<ScriptScope, ScriptTables>> = {};
const phraseTries: Partial<Record<'s2t' | 't2s', PhraseTrie>> = {};

function loadOpenCC(): OpenCCModule {
  // Only the whole-text conversion (commands, a banned phrase's replacement in a traditional draft)
  // loads opencc-js itself: the tables the checks read were derived from it at build time
  // (script-source.ts). In the bundles it is a file of its own beside them (dist/opencc.js), so that a
  // process that never converts never loads its 2 MB.
  if (!opencc) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      opencc = require(`${__dirname}/opencc.js`) as OpenCCModule;
    } catch {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      opencc = require('opencc-js') as OpenCCModule;
    }
  }
  return opencc;
}

/** A string of character pairs (from, to, from, to …) as a map of code points. */
function pairMap(pairs: string): Map<number, number> {
  const map = new Map<number, number>();
  const chars = Array.from(pairs);
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(cp(chars[i]), cp(chars[i + 1]));
  return map;
}

const charSet = (chars: string) => new Set(Array.from(chars, cp));

function baseTables(): BaseTables {
  if (base) return base;
  const st = pairMap(SCRIPT_DATA.st);
  base = {
    st,
    ts: pairMap(SCRIPT_DATA.ts),
    variants: { opencc: new Map(), hk: pairMap(SCRIPT_DATA.hk), tw: pairMap(SCRIPT_DATA.tw) },
    keptS: charSet(SCRIPT_DATA.keptS),
    keptT: charSet(SCRIPT_DATA.keptT),
    phraseOnlyS: new Set([...charSet(SCRIPT_DATA.convertedByPhraseS)].filter((c) => MERGED_IN_SIMPLIFIED.has(c))),
  };
  return base;
}

/**
 * The phrases of one direction (`key value|key value…`, sorted), matched longest first at an offset.
 * Phrases that start with the same character, and within those with the same second code unit, are
 * runs of the list: the runs of first characters are indexed in one scan, and a first character's runs
 * of second code units when a text first meets it. Nothing is sliced or hashed but a match's value.
 */
interface Run {
  start: number;
  end: number;
}

interface PhraseGroup {
  /** By second code unit: the run of the phrases that start with these two. */
  bySecond: Map<number, Run>;
  /** Where the one-character phrase of this first code unit starts in the list, or -1. */
  single: number;
}

class PhraseMatcher implements PhraseTrie {
  private readonly runs = new Map<number, Run>();
  private readonly groups = new Map<number, PhraseGroup>();
  readonly longest: number = 0;

  constructor(private readonly list: string) {
    let start = 0;
    while (start < list.length) {
      let end = list.indexOf('|', start);
      if (end === -1) end = list.length;
      const space = list.indexOf(' ', start);
      if (space !== -1 && space < end) this.longest = Math.max(this.longest, space - start);
      const first = list.charCodeAt(start);
      const run = this.runs.get(first);
      if (run) run.end = end;
      else this.runs.set(first, { start, end });
      start = end + 1;
    }
  }

  /** The end of the entry at `p`, within `limit`. */
  private entryEnd(p: number, limit: number): number {
    const end = this.list.indexOf('|', p);
    return end === -1 || end > limit ? limit : end;
  }

  private group(first: number): PhraseGroup | undefined {
    let group = this.groups.get(first);
    if (group) return group;
    const run = this.runs.get(first);
    if (!run) return undefined;
    group = { bySecond: new Map(), single: -1 };
    for (let p = run.start; p < run.end; ) {
      const end = this.entryEnd(p, run.end);
      const space = this.list.indexOf(' ', p);
      if (space === p + 1) group.single = p;
      else if (space > p && space < end) {
        const second = this.list.charCodeAt(p + 1);
        const sub = group.bySecond.get(second);
        if (sub) sub.end = end;
        else group.bySecond.set(second, { start: p, end });
      }
      p = end + 1;
    }
    this.groups.set(first, group);
    return group;
  }

  /** The longest phrase at `offset`: most places are turned away by their first two code units. */
  matchPrefix(text: string, offset: number): { end: number; value: string } | null {
    const group = this.group(text.charCodeAt(offset));
    if (!group) return null;
    const list = this.list;
    const sub = offset + 1 < text.length ? group.bySecond.get(text.charCodeAt(offset + 1)) : undefined;
    if (sub) {
      let best = -1;
      let bestLength = 0;
      for (let p = sub.start; p < sub.end; ) {
        const end = this.entryEnd(p, sub.end);
        const space = list.indexOf(' ', p);
        const length = space - p;
        if (space < end && length > bestLength && offset + length <= text.length) {
          let k = 2;
          while (k < length && list.charCodeAt(p + k) === text.charCodeAt(offset + k)) k++;
          if (k === length) {
            best = p;
            bestLength = length;
          }
        }
        p = end + 1;
      }
      if (best !== -1) return { end: offset + bestLength, value: list.slice(best + bestLength + 1, this.entryEnd(best, sub.end)) };
    }
    if (group.single !== -1) {
      const p = group.single;
      return { end: offset + 1, value: list.slice(p + 2, this.entryEnd(p, list.length)) };
    }
    return null;
  }
}

/** What a standard writes for `c` (a simplified or a traditional character). */
function standardForm(b: BaseTables, c: number, standard: Standard): number {
  const traditional = b.st.get(c) ?? c;
  return b.variants[standard].get(traditional) ?? traditional;
}

/** Whether the standard accepts `c` where it writes `form`. */
function accepts(standard: Standard, form: number, c: number): boolean {
  return form === c || (ALSO_ACCEPTED[standard].get(form)?.includes(c) ?? false);
}

function keptByScope(b: BaseTables, c: number, standards: Standard[]): boolean {
  return standards.some((standard) => accepts(standard, standardForm(b, c, standard), c));
}

export function scriptTables(scope: ScriptScope = 'all'): ScriptTables {
  const cached = tablesByScope[scope];
  if (cached) return cached;
  const b = baseTables();
  const standards = SCOPE_STANDARDS[scope];
  const preferred = SCOPE_PREFERRED[scope];
  const toTraditional = new Map<number, number>();
  const simplifiedOnly = new Set<number>();
  const ambiguousSimplified = new Set<number>();
  for (const s of b.st.keys()) {
    const target = standardForm(b, s, preferred);
    if (target === s) continue;
    toTraditional.set(s, target);
    // A character some standard keeps, some phrase keeps, or that is itself a traditional form (a TS
    // key) is valid traditional text; phrases alone judge it.
    if (keptByScope(b, s, standards) || b.keptS.has(s) || b.ts.has(s)) ambiguousSimplified.add(s);
    else simplifiedOnly.add(s);
  }
  for (const s of b.phraseOnlyS) ambiguousSimplified.add(s);
  const toSimplified = b.ts;
  const traditionalOnly = new Set<number>();
  const ambiguousTraditional = new Set<number>();
  for (const t of toSimplified.keys()) {
    if (b.keptT.has(t) || b.st.has(t)) ambiguousTraditional.add(t);
    else traditionalOnly.add(t);
  }
  const bmpClass = new Uint8Array(0x10000);
  const mark = (set: Set<number>, bit: number) => {
    for (const c of set) if (c <= 0xffff) bmpClass[c] |= bit;
  };
  mark(simplifiedOnly, SIMPLIFIED_ONLY);
  mark(traditionalOnly, TRADITIONAL_ONLY);
  mark(ambiguousSimplified, AMBIGUOUS_SIMPLIFIED);
  mark(ambiguousTraditional, AMBIGUOUS_TRADITIONAL);
  const bmpToSimplified = new Uint16Array(0x10000);
  for (const [t, simplified] of toSimplified) if (t <= 0xffff && simplified <= 0xffff) bmpToSimplified[t] = simplified;
  const tables: ScriptTables = { toTraditional, toSimplified, simplifiedOnly, traditionalOnly, ambiguousSimplified, ambiguousTraditional, bmpClass, bmpToSimplified };
  tablesByScope[scope] = tables;
  return tables;
}

/** What a phrase's traditional target may be written as in each standard of the scope. */
function acceptedForms(b: BaseTables, target: number, standards: Standard[]): number[] {
  const forms: number[] = [];
  for (const standard of standards) {
    const form = b.variants[standard].get(target) ?? target;
    forms.push(form, ...(ALSO_ACCEPTED[standard].get(form) ?? []));
  }
  return forms;
}

/** Phrase matcher for one direction (STPhrases or TSPhrases), built on first use. */
function phraseTrie(direction: 's2t' | 't2s'): PhraseTrie {
  let trie = phraseTries[direction];
  if (!trie) {
    trie = new PhraseMatcher(direction === 's2t' ? SCRIPT_DATA.s2tPhrases : SCRIPT_DATA.t2sPhrases);
    phraseTries[direction] = trie;
  }
  return trie;
}

/**
 * Converts every traditional character with a same-length simplified form, so that offsets in the
 * result are the offsets of the original. Phrase rules match on this text.
 */
export function normalizeToSimplified(text: string): string {
  return readScript(text).normalized;
}

export function detectScript(text: string, forced?: Script, region?: Region): ScriptInfo {
  return readScript(text, forced, region).script;
}

/** Which script a text is written in (the more numerous of the script-specific characters), and its simplified-normalized form. */
export function readScript(text: string, forced?: Script, region?: Region): { normalized: string; script: ScriptInfo } {
  const { simplifiedOnly, traditionalOnly, toSimplified, bmpClass, bmpToSimplified } = scriptTables();
  const n = text.length;
  let s = 0;
  let t = 0;
  // Up to the first conversion (or character beyond the BMP) only the counts; a simplified draft
  // comes back as the same string.
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (c >= 0xd800 && c <= 0xdfff) break;
    if (bmpToSimplified[c] !== 0) break;
    const cls = bmpClass[c];
    if (cls & SIMPLIFIED_ONLY) s++;
    else if (cls & TRADITIONAL_ONLY) t++;
  }
  let normalized = text;
  if (i < n) {
    // From there on the normalized text's code units, written as they are read into a small buffer that
    // is turned into a string piece whenever it fills (a surrogate pair never straddles two pieces).
    const pieces: string[] = [text.slice(0, i)];
    const buffer = new Uint16Array(NORMALIZE_CHUNK + 1);
    let base = i;
    let loneSurrogate = false;
    const flush = (end: number) => {
      pieces.push(stringOfUnits(buffer.subarray(0, end - base), loneSurrogate));
      base = end;
      loneSurrogate = false;
    };
    for (; i < n; i++) {
      if (i - base >= NORMALIZE_CHUNK) flush(i);
      const c = text.charCodeAt(i);
      if (c < 0x3400) {
        buffer[i - base] = c;
        continue;
      }
      if (c < 0xd800 || c > 0xdfff) {
        const cls = bmpClass[c];
        if (cls & SIMPLIFIED_ONLY) s++;
        else if (cls & TRADITIONAL_ONLY) t++;
        const simplified = bmpToSimplified[c];
        buffer[i - base] = simplified !== 0 ? simplified : c;
        continue;
      }
      const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || low < 0xdc00 || low > 0xdfff) {
        // A lone surrogate is kept, and counted as the code it is.
        loneSurrogate = true;
        if (simplifiedOnly.has(c)) s++;
        else if (traditionalOnly.has(c)) t++;
        buffer[i - base] = c;
        continue;
      }
      const code = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      if (simplifiedOnly.has(code)) s++;
      else if (traditionalOnly.has(code)) t++;
      const simplified = toSimplified.get(code);
      const to = simplified !== undefined && simplified > 0xffff ? simplified : code;
      buffer[i - base] = 0xd800 + ((to - 0x10000) >> 10);
      buffer[i + 1 - base] = 0xdc00 + ((to - 0x10000) & 0x3ff);
      i++;
    }
    flush(n);
    normalized = pieces.join('');
  }
  const name = forced ?? (t > s ? 'traditional' : 'simplified');
  const script: ScriptInfo = { script: name, ...(name === 'traditional' && region ? { region } : {}), simplifiedOnly: s, traditionalOnly: t };
  return { normalized, script };
}

// ignoreBOM keeps a leading U+FEFF (a decoder drops it by default): offsets must not move.
/** Code units per piece of a normalized text. */
const NORMALIZE_CHUNK = 16384;
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The string of UTF-16 code units. A decoder would replace lone surrogates, so those are put together by hand. */
function stringOfUnits(units: Uint16Array, loneSurrogate: boolean): string {
  if (!loneSurrogate) return utf16.decode(units);
  const pieces: string[] = [];
  for (let i = 0; i < units.length; i += 8192) pieces.push(String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]));
  return pieces.join('');
}

export interface ScriptMismatch {
  start: number;
  end: number;
  /** What the character should be in the document's script. */
  replacement: string;
  /** `character`: the character only exists in the other script; `phrase`: a phrase says so. */
  basis: 'character' | 'phrase';
  /** The phrase (in the document's script) that decided an ambiguous character. */
  phrase?: string;
}

/**
 * Characters of the other script in `text[from, to)`. Script-specific characters are found by the
 * character tables; characters valid in both are reported only where a phrase converts them and no
 * standard in scope writes them so. `normalized` is the simplified-normalized text (same offsets).
 */
/** The replacement of a character as a string, one string per character (a copy may hold 300,000 of them). */
const replacements = new WeakMap<Map<number, number>, Map<number, string>>();
function replacementStrings(convert: Map<number, number>): Map<number, string> {
  let strings = replacements.get(convert);
  if (!strings) replacements.set(convert, (strings = new Map<number, string>()));
  return strings;
}
function replacementFor(strings: Map<number, string>, convert: Map<number, number>, code: number): string {
  let text = strings.get(code);
  if (text === undefined) strings.set(code, (text = String.fromCodePoint(convert.get(code)!)));
  return text;
}

export function findScriptMismatches(text: string, normalized: string, script: Script, region?: Region, from = 0, to = text.length): ScriptMismatch[] {
  const scope: ScriptScope = script === 'traditional' && region ? region : 'all';
  const t = scriptTables(scope);
  const out: ScriptMismatch[] = [];
  const traditional = script === 'traditional';
  const foreignOnly = traditional ? t.simplifiedOnly : t.traditionalOnly;
  const convert = traditional ? t.toTraditional : t.toSimplified;
  const ambiguous = traditional ? t.ambiguousSimplified : t.ambiguousTraditional;
  const foreignBit = traditional ? SIMPLIFIED_ONLY : TRADITIONAL_ONLY;
  const ambiguousBit = traditional ? AMBIGUOUS_SIMPLIFIED : AMBIGUOUS_TRADITIONAL;
  const strings = replacementStrings(convert);
  let needPhrases = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (c < 0xd800 || c > 0xdbff) {
      // The Basic Multilingual Plane by the arrays: most characters are neither foreign nor ambiguous.
      const cls = t.bmpClass[c];
      if (cls & foreignBit) out.push({ start: i, end: i + 1, replacement: replacementFor(strings, convert, c), basis: 'character' });
      else if (cls & ambiguousBit) needPhrases = true;
      continue;
    }
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (foreignOnly.has(code)) {
      out.push({ start: i, end: i + width, replacement: replacementFor(strings, convert, code), basis: 'character' });
    } else if (ambiguous.has(code)) {
      needPhrases = true;
    }
    i += width - 1;
  }
  // A traditional draft is always read by phrase too: 重復 writes the wrong one of two traditional forms.
  if (!needPhrases && !traditional) return out;
  const flagged = new Set(out.map((m) => m.start));
  for (const m of phraseMismatches(text, normalized, scope, traditional, from, to, ambiguous, flagged)) out.push(m);
  return out.sort((a, b) => a.start - b.start);
}

function phraseMismatches(
  text: string,
  normalized: string,
  scope: ScriptScope,
  traditional: boolean,
  from: number,
  to: number,
  ambiguous: Set<number>,
  flagged: Set<number>,
): ScriptMismatch[] {
  const out: ScriptMismatch[] = [];
  const b = baseTables();
  const standards = SCOPE_STANDARDS[scope];
  const preferred = SCOPE_PREFERRED[scope];
  // Traditional draft: match simplified phrases on the normalized text and compare with the forms
  // the standards in scope write. Simplified draft: match traditional phrases on the text.
  const trie = phraseTrie(traditional ? 's2t' : 't2s');
  const matched = traditional ? normalized : text;
  // In a simplified draft a phrase decides only characters valid in both scripts: where none is within
  // a phrase's reach, no phrase can start that decides one, and the scan jumps ahead.
  const t = scriptTables(scope);
  let nextAmbiguous = -1;
  const ambiguousFrom = (at: number) => {
    for (let k = at; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x3400) continue;
      if (c < 0xd800 || c > 0xdfff ? (t.bmpClass[c] & AMBIGUOUS_TRADITIONAL) !== 0 : ambiguous.has(text.codePointAt(k)!)) return k;
    }
    return to;
  };
  for (let i = from; i < to; ) {
    if (!traditional) {
      if (nextAmbiguous < i) nextAmbiguous = ambiguousFrom(i);
      if (nextAmbiguous >= to) break;
      if (nextAmbiguous - i >= trie.longest) {
        i = nextAmbiguous - trie.longest + 1;
        continue;
      }
    }
    const match = trie.matchPrefix(matched, i);
    if (!match || match.end > to) {
      i += matched.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    const target = match.value;
    // Whether the phrase decided any character valid in both scripts; one that decided nothing (并先 →
    // 並先, where 并 is foreign anyway) must not hide the phrase starting inside it (先后 → 先後).
    let decided = false;
    for (let k = 0; k < target.length; k++) {
      const at = i + k;
      const code = text.charCodeAt(at);
      if (flagged.has(at)) continue;
      const wanted = target.charCodeAt(k);
      // Another traditional character of the same simplified one (復 for 複 in 重複, 發 for 髮 in 頭髮).
      const merged = b.ts.get(code);
      const sibling = traditional && !ambiguous.has(code) && code !== wanted && merged !== undefined && MERGED_TRADITIONAL.has(merged) && merged === (b.ts.get(wanted) ?? wanted);
      if (!ambiguous.has(code) && !sibling) continue;
      decided = true;
      const forms = traditional ? acceptedForms(b, wanted, standards) : [wanted];
      if (forms.includes(code)) continue;
      // Two dictionary phrases overlapping here that want different forms (安全干部: 全干 → 全乾, 干部 →
      // 幹部) leave the character undecided: either form would be flagged back, so neither is.
      if (contested(trie, matched, at, i, from, wanted, traditional, b, standards)) continue;
      out.push({
        start: at,
        end: at + 1,
        replacement: String.fromCharCode(preferredForm(b, wanted, traditional, preferred)),
        basis: 'phrase',
        phrase: traditional ? inStandard(b, target, preferred) : target,
      });
      flagged.add(at);
    }
    i = decided ? match.end : i + (matched.codePointAt(i)! > 0xffff ? 2 : 1);
  }
  return out;
}

/** Longest phrase the overlap check looks back over (OpenCC's phrases are rarely longer). */
const MAX_PHRASE_OVERLAP = 8;

/** Another phrase covering `at` (starting elsewhere than `phraseStart`) wants a form `wanted` is not. */
function contested(trie: PhraseTrie, matched: string, at: number, phraseStart: number, from: number, wanted: number, traditional: boolean, b: BaseTables, standards: Standard[]): boolean {
  const wantedForms = traditional ? acceptedForms(b, wanted, standards) : [wanted];
  for (let j = Math.max(from, at - MAX_PHRASE_OVERLAP + 1); j <= at; j++) {
    if (j === phraseStart) continue;
    const other = trie.matchPrefix(matched, j);
    if (!other || other.end <= at) continue;
    const otherWanted = other.value.charCodeAt(at - j);
    if (otherWanted !== wanted && !wantedForms.includes(otherWanted)) return true;
  }
  return false;
}

function preferredForm(b: BaseTables, target: number, traditional: boolean, preferred: Standard): number {
  return traditional ? (b.variants[preferred].get(target) ?? target) : target;
}

function inStandard(b: BaseTables, text: string, standard: Standard): string {
  let out = '';
  for (const ch of text) out += String.fromCodePoint(b.variants[standard].get(cp(ch)) ?? cp(ch));
  return out;
}

const converters: Partial<Record<string, (text: string) => string>> = {};

/** Whole-text phrase conversion (for the convert commands): to Taiwan's forms, or the region's. */
export function convertScript(text: string, to: Script, region?: Region): string {
  const key = to === 'traditional' ? `s2${region ?? 'tw'}` : 't2s';
  let convert = converters[key];
  if (!convert) {
    const { Converter } = loadOpenCC();
    convert = to === 'traditional' ? Converter({ from: 'cn', to: region ?? 'tw' }) : Converter({ from: 'tw', to: 'cn' });
    converters[key] = convert;
  }
  return convert(text);
}
