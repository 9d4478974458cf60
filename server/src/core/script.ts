// Simplified/traditional script knowledge from opencc-js's tables, loaded once and lazily.
//
// opencc-js ships one-candidate character tables (ST: simplified → traditional, TS: the reverse) and
// phrase tables. A character is *specific* to a script when it converts to something else and no
// phrase keeps it as it is; characters that some phrase keeps (干 in 若干, 于 as a surname, 后 in
// 皇后, 岳 in 岳父) are valid in both and are only judged by phrase context.
import type { Script, ScriptInfo } from './types';

interface OpenCCModule {
  Locale: { from: Record<string, string[][]>; to: Record<string, string[][]> };
  Trie: new () => OpenCCTrie;
}

interface OpenCCTrie {
  addWord(source: string, replacement: string): void;
  matchPrefix(text: string, offset: number): { end: number; value: string } | null;
}

export interface ScriptTables {
  /** simplified char → traditional char (one candidate). */
  toTraditional: Map<number, number>;
  /** traditional char → simplified char. */
  toSimplified: Map<number, number>;
  simplifiedOnly: Set<number>;
  traditionalOnly: Set<number>;
  /** Valid in both scripts, but converted by some phrases (干 → 幹 in 干部). */
  ambiguousSimplified: Set<number>;
  ambiguousTraditional: Set<number>;
}

let opencc: OpenCCModule | undefined;
let tables: ScriptTables | undefined;
const phraseTries: Partial<Record<'s2t' | 't2s', OpenCCTrie>> = {};

function loadOpenCC(): OpenCCModule {
  // Loaded on first use: a draft that needs no script tables never pays for them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  opencc ??= require('opencc-js') as OpenCCModule;
  return opencc;
}

function parseDict(dict: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space > 0) pairs.push([entry.slice(0, space), entry.slice(space + 1).split(' ')[0]]);
  }
  return pairs;
}

function dictGroup(direction: 's2t' | 't2s'): { phrases: string; characters: string } {
  const { Locale } = loadOpenCC();
  const [[phrases, characters]] = direction === 's2t' ? Locale.from.cn : Locale.to.cn;
  return { phrases, characters };
}

/** OpenCC standard traditional → Taiwan standard, character by character. */
function taiwanVariants(): Map<number, number> {
  const { Locale } = loadOpenCC();
  const map = new Map<number, number>();
  const [[, characters]] = Locale.to.tw;
  for (const [from, to] of parseDict(characters)) {
    if (Array.from(from).length === 1 && Array.from(to).length === 1) map.set(from.codePointAt(0)!, to.codePointAt(0)!);
  }
  return map;
}

/** Characters some phrase of the table keeps unchanged at the same position. */
function keptByPhrases(phrases: [string, string][]): Set<number> {
  const kept = new Set<number>();
  for (const [from, to] of phrases) {
    const a = Array.from(from);
    const b = Array.from(to);
    if (a.length !== b.length) continue;
    for (let i = 0; i < a.length; i++) if (a[i] === b[i]) kept.add(a[i].codePointAt(0)!);
  }
  return kept;
}

export function scriptTables(): ScriptTables {
  if (tables) return tables;
  const s2t = dictGroup('s2t');
  const t2s = dictGroup('t2s');
  const toTraditional = new Map<number, number>();
  const toSimplified = new Map<number, number>();
  // Traditional text in use follows the Taiwan standard forms (群 not 羣, 裡 not 裏): a simplified
  // character whose Taiwan form is itself is common to both scripts.
  const taiwan = taiwanVariantMap();
  for (const [s, t] of parseDict(s2t.characters)) {
    const sc = s.codePointAt(0)!;
    const tc = t.codePointAt(0)!;
    const twc = taiwan.get(tc) ?? tc;
    if (sc !== twc && Array.from(s).length === 1 && Array.from(t).length === 1) toTraditional.set(sc, twc);
  }
  for (const [t, s] of parseDict(t2s.characters)) {
    const tc = t.codePointAt(0)!;
    const sc = s.codePointAt(0)!;
    if (sc !== tc && Array.from(s).length === 1 && Array.from(t).length === 1) toSimplified.set(tc, sc);
  }
  const keptS = keptByPhrases(parseDict(s2t.phrases));
  const keptT = keptByPhrases(parseDict(t2s.phrases));
  const simplifiedOnly = new Set<number>();
  const ambiguousSimplified = new Set<number>();
  for (const sc of toTraditional.keys()) {
    // A character that is itself a traditional form (a TS key) is valid traditional text.
    if (keptS.has(sc) || toSimplified.has(sc)) ambiguousSimplified.add(sc);
    else simplifiedOnly.add(sc);
  }
  const traditionalOnly = new Set<number>();
  const ambiguousTraditional = new Set<number>();
  for (const tc of toSimplified.keys()) {
    if (keptT.has(tc) || toTraditional.has(tc)) ambiguousTraditional.add(tc);
    else traditionalOnly.add(tc);
  }
  tables = { toTraditional, toSimplified, simplifiedOnly, traditionalOnly, ambiguousSimplified, ambiguousTraditional };
  return tables;
}

/** Phrase trie for one direction (STPhrases or TSPhrases), built on first use. */
function phraseTrie(direction: 's2t' | 't2s'): OpenCCTrie {
  let trie = phraseTries[direction];
  if (!trie) {
    const { Trie } = loadOpenCC();
    trie = new Trie();
    for (const [from, to] of parseDict(dictGroup(direction).phrases)) {
      if (from.length === to.length && from !== to) trie.addWord(from, to);
    }
    phraseTries[direction] = trie;
  }
  return trie;
}

/**
 * Converts every traditional character with a same-length simplified form, so that offsets in the
 * result are the offsets of the original. Phrase rules match on this text.
 */
export function normalizeToSimplified(text: string): string {
  const { toSimplified } = scriptTables();
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) {
      out += text[i];
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const s = toSimplified.get(cp);
    if (s !== undefined && (s > 0xffff ? 2 : 1) === width) {
      out += String.fromCodePoint(s);
      changed = true;
    } else {
      out += String.fromCodePoint(cp);
    }
    i += width - 1;
  }
  return changed ? out : text;
}

export function detectScript(text: string, forced?: Script): ScriptInfo {
  const { simplifiedOnly, traditionalOnly } = scriptTables();
  let s = 0;
  let t = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (simplifiedOnly.has(cp)) s++;
    else if (traditionalOnly.has(cp)) t++;
  }
  return { script: forced ?? (t > s ? 'traditional' : 'simplified'), simplifiedOnly: s, traditionalOnly: t };
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
 * character tables; characters valid in both are reported only where a phrase converts them.
 * `normalized` is the simplified-normalized text (same offsets).
 */
export function findScriptMismatches(text: string, normalized: string, script: Script, from = 0, to = text.length): ScriptMismatch[] {
  const t = scriptTables();
  const out: ScriptMismatch[] = [];
  const foreignOnly = script === 'traditional' ? t.simplifiedOnly : t.traditionalOnly;
  const convert = script === 'traditional' ? t.toTraditional : t.toSimplified;
  const ambiguous = script === 'traditional' ? t.ambiguousSimplified : t.ambiguousTraditional;
  let needPhrases = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (foreignOnly.has(cp)) {
      const target = convert.get(cp)!;
      out.push({ start: i, end: i + width, replacement: String.fromCodePoint(target), basis: 'character' });
    } else if (ambiguous.has(cp)) {
      needPhrases = true;
    }
    i += width - 1;
  }
  if (needPhrases) out.push(...phraseMismatches(text, normalized, script, from, to, ambiguous, out));
  return out.sort((a, b) => a.start - b.start);
}

function phraseMismatches(
  text: string,
  normalized: string,
  script: Script,
  from: number,
  to: number,
  ambiguous: Set<number>,
  already: ScriptMismatch[],
): ScriptMismatch[] {
  const out: ScriptMismatch[] = [];
  const flagged = new Set(already.map((m) => m.start));
  // Traditional draft: match simplified phrases on the normalized text and compare with the
  // (Taiwan-standard) traditional target. Simplified draft: match traditional phrases on the text.
  const traditional = script === 'traditional';
  const trie = phraseTrie(traditional ? 's2t' : 't2s');
  const matched = traditional ? normalized : text;
  const taiwan = traditional ? taiwanVariantMap() : undefined;
  const wantedAt = (target: string, k: number) => taiwan?.get(target.charCodeAt(k)) ?? target.charCodeAt(k);
  for (let i = from; i < to; ) {
    const match = trie.matchPrefix(matched, i);
    if (!match || match.end > to) {
      i += matched.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    const target = match.value;
    for (let k = 0; k < target.length; k++) {
      const at = i + k;
      const cp = text.charCodeAt(at);
      const wanted = wantedAt(target, k);
      if (cp !== wanted && ambiguous.has(cp) && !flagged.has(at)) {
        out.push({ start: at, end: at + 1, replacement: String.fromCharCode(wanted), basis: 'phrase', phrase: taiwan ? toTaiwan(target, taiwan) : target });
        flagged.add(at);
      }
    }
    i = match.end;
  }
  return out;
}

let taiwanMap: Map<number, number> | undefined;
function taiwanVariantMap(): Map<number, number> {
  taiwanMap ??= taiwanVariants();
  return taiwanMap;
}

function toTaiwan(text: string, taiwan: Map<number, number>): string {
  let out = '';
  for (const ch of text) out += String.fromCodePoint(taiwan.get(ch.codePointAt(0)!) ?? ch.codePointAt(0)!);
  return out;
}

const converters: Partial<Record<'s2t' | 't2s', (text: string) => string>> = {};

/** Whole-text phrase conversion (for the convert commands), opencc's standard tables. */
export function convertScript(text: string, to: Script): string {
  const key = to === 'traditional' ? 's2t' : 't2s';
  let convert = converters[key];
  if (!convert) {
    const { Converter } = loadOpenCC() as unknown as { Converter: (o: { from: string; to: string }) => (t: string) => string };
    convert = key === 's2t' ? Converter({ from: 'cn', to: 'tw' }) : Converter({ from: 'tw', to: 'cn' });
    converters[key] = convert;
  }
  return convert(text);
}
