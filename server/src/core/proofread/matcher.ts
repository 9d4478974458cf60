// Many literal patterns found in one pass over the text, so a word list of hundreds of entries costs
// one scan of the draft, not one scan per entry. The patterns are indexed by their first two code
// units (a two-level trie whose leaves hold the few patterns sharing that start); the scan tests each
// position's first code unit against an 8 KB bitset and the pair against another, looks the pair up
// only when both bits are set, and compares the candidates in place. Small structures, so the scan
// stays in cache while the other rules run.

export interface PatternHit {
  /** Index of the pattern in the list the matcher was built from. */
  pattern: number;
  start: number;
  end: number;
}

export class PatternMatcher {
  /** First code units of the patterns, one bit each. */
  private readonly first = new Uint32Array(0x800);
  /** The pairs of first two code units, hashed to one bit each: most pairs are turned away here. */
  private readonly pairs = new Uint32Array(0x800);
  /** Patterns by their first two code units (`unit0 << 16 | unit1`). */
  private readonly byPair = new Map<number, number[]>();
  /** One-unit patterns by their unit. */
  private readonly single = new Map<number, number[]>();

  constructor(private readonly patterns: readonly string[]) {
    patterns.forEach((pattern, index) => {
      if (!pattern) return;
      const c0 = pattern.charCodeAt(0);
      this.first[c0 >>> 5] |= 1 << (c0 & 31);
      if (pattern.length > 1) {
        const h = pairHash(c0, pattern.charCodeAt(1));
        this.pairs[h >>> 5] |= 1 << (h & 31);
      }
      const [table, key] = pattern.length === 1 ? [this.single, c0] : [this.byPair, ((c0 << 16) | pattern.charCodeAt(1)) >>> 0];
      const list = table.get(key);
      if (list) list.push(index);
      else table.set(key, [index]);
    });
  }

  /** Every occurrence of every pattern in text[from, to), overlapping ones included, by start offset. */
  findAll(text: string, from = 0, to = text.length): PatternHit[] {
    const hits: PatternHit[] = [];
    const { first, pairs, byPair, single, patterns } = this;
    const hasSingles = single.size > 0;
    for (let i = from; i < to; i++) {
      const c0 = text.charCodeAt(i);
      if ((first[c0 >>> 5] & (1 << (c0 & 31))) === 0) continue;
      if (hasSingles) for (const p of single.get(c0) ?? []) hits.push({ pattern: p, start: i, end: i + 1 });
      if (i + 1 >= to) continue;
      const c1 = text.charCodeAt(i + 1);
      const h = pairHash(c0, c1);
      if ((pairs[h >>> 5] & (1 << (h & 31))) === 0) continue;
      const candidates = byPair.get(((c0 << 16) | c1) >>> 0);
      if (!candidates) continue;
      for (const p of candidates) {
        const pattern = patterns[p];
        if (i + pattern.length <= to && text.startsWith(pattern, i)) hits.push({ pattern: p, start: i, end: i + pattern.length });
      }
    }
    return hits;
  }
}

/** 16 bits from a pair of code units. */
function pairHash(c0: number, c1: number): number {
  return (Math.imul(c0, 0x9e37) ^ c1) & 0xffff;
}
