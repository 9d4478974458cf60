// Derives the script tables from opencc-js's dictionaries. Build-time only (scripts/script-tables.mjs
// writes the result into server/src/core/data/script-tables.generated.ts, which the linter reads):
// parsing opencc's dictionaries cost every process about 150 ms before it linted anything.
//
// What is derived: STCharacters and TSCharacters as single-character pairs (first candidate), the Hong
// Kong forms TSCharacters lacks, each region's variant table, the characters some phrase keeps unchanged
// (valid in both scripts: 干 in 若干) in each direction, and the phrases whose both sides have the same
// length (the only ones whose characters line up with the text).

interface OpenCCLocale {
  from: Record<string, string[][]>;
  to: Record<string, string[][]>;
}

/** The tables, each as a compact string: pairs as two characters in a row, sets as their characters. */
export interface ScriptData {
  st: string;
  ts: string;
  hk: string;
  tw: string;
  keptS: string;
  keptT: string;
  /** Characters STCharacters keeps but some STPhrase converts. */
  convertedByPhraseS: string;
  /** `from to|from to|…`, same-length pairs that differ, sorted (the last of a repeated phrase wins). */
  s2tPhrases: string;
  t2sPhrases: string;
}

function parseDict(dict: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space > 0) pairs.push([entry.slice(0, space), entry.slice(space + 1).split(' ')[0]]);
  }
  return pairs;
}

function characterPairs(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [from, to] of parseDict(dict)) {
    if (Array.from(from).length === 1 && Array.from(to).length === 1 && from !== to) map.set(from, to);
  }
  return map;
}

function phraseCharacters(phrases: [string, string][]): { kept: Set<string>; converted: Set<string> } {
  const kept = new Set<string>();
  const converted = new Set<string>();
  for (const [from, to] of phrases) {
    const a = Array.from(from);
    const b = Array.from(to);
    if (a.length !== b.length) continue;
    for (let i = 0; i < a.length; i++) (a[i] === b[i] ? kept : converted).add(a[i]);
  }
  return { kept, converted };
}

const pairsString = (map: Map<string, string>) => [...map].map(([a, b]) => a + b).join('');
const setString = (set: Set<string>) => [...set].sort().join('');
/** Sorted by the phrase, so that the phrases starting with one character are one run of the list. */
const phraseString = (phrases: [string, string][]) => {
  const kept = new Map<string, string>();
  for (const [from, to] of phrases) if (from.length === to.length && from !== to) kept.set(from, to);
  return [...kept].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([from, to]) => `${from} ${to}`).join('|');
};

export function buildScriptData(Locale: OpenCCLocale): ScriptData {
  const [[s2tPhrases, s2tCharacters]] = Locale.from.cn;
  const [[t2sPhrases, t2sCharacters]] = Locale.to.cn;
  const st = characterPairs(s2tCharacters);
  const ts = characterPairs(t2sCharacters);
  // Hong Kong forms TSCharacters does not list (衞, 敍, 枱 …) are traditional all the same. Taiwan's
  // reverse table is not used: its forms missing from TS (著, 才, 核) are also simplified text.
  for (const [variant, standard] of characterPairs(Locale.from.hk[0][1])) {
    if (ts.has(variant) || st.has(variant)) continue;
    const simplified = ts.get(standard) ?? standard;
    if (simplified !== variant) ts.set(variant, simplified);
  }
  const variantTable = (region: 'hk' | 'tw') => {
    const group = Locale.to[region][Locale.to[region].length - 1];
    return characterPairs(group[group.length - 1]);
  };
  const sPhrases = parseDict(s2tPhrases);
  const tPhrases = parseDict(t2sPhrases);
  const s = phraseCharacters(sPhrases);
  const t = phraseCharacters(tPhrases);
  return {
    st: pairsString(st),
    ts: pairsString(ts),
    hk: pairsString(variantTable('hk')),
    tw: pairsString(variantTable('tw')),
    keptS: setString(s.kept),
    keptT: setString(t.kept),
    convertedByPhraseS: setString(new Set([...s.converted].filter((c) => !st.has(c)))),
    s2tPhrases: phraseString(sPhrases),
    t2sPhrases: phraseString(tPhrases),
  };
}
