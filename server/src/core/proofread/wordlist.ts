// The word lists of the typo and formulation rules: entries, their exceptions, and matching them all
// in one pass over the simplified-normalized draft. An entry's `wrong` is literal text; a match is
// dropped when one of the entry's exceptions (a correct string containing `wrong`: a real word, or
// two words whose boundary reproduces it) covers it in the text.
import { append } from '../append';
import { normalizeToSimplified } from '../script';
import type { Span } from '../types';
import { PatternMatcher, type PatternHit } from './matcher';

export interface WordEntry {
  wrong: string;
  right: string;
  exceptions: readonly string[];
  /** Shown with the finding (tags removed); may be empty. */
  note: string;
  /** 【需上下文】: reported with a suggestion, never fixed in bulk. */
  context: boolean;
  /** 【异形词】: a non-recommended variant form, reported as info. */
  variant: boolean;
  /** 【港台常用】: common usage in Hong Kong and Taiwan, not reported in traditional drafts. */
  mainlandOnly: boolean;
  /** Formulations: the year (or year-month) the right form is required from. */
  since?: string;
  /** Added by the user in the rule's options. */
  user?: boolean;
}

/** How the generated data modules hold an entry: wrong, right, exceptions, note, flags (c v h), since. */
export type WordRow = readonly [wrong: string, right: string, exceptions: readonly string[], note: string, flags: string, since?: string];

export function entryOfRow([wrong, right, exceptions, note, flags, since]: WordRow): WordEntry {
  return { wrong, right, exceptions, note, context: flags.includes('c'), variant: flags.includes('v'), mainlandOnly: flags.includes('h'), ...(since ? { since } : {}) };
}

/** A user's entry from the rule's `extra` option (already validated against the schema). */
export interface UserEntry {
  wrong: string;
  right: string;
  exceptions?: string[];
  note?: string;
}

export function entryOfUser(user: UserEntry): WordEntry {
  return {
    wrong: normalizeToSimplified(user.wrong),
    right: user.right,
    exceptions: (user.exceptions ?? []).map(normalizeToSimplified),
    note: user.note ?? '',
    context: false,
    variant: false,
    mainlandOnly: false,
    user: true,
  };
}

export interface WordMatch {
  entry: WordEntry;
  start: number;
  end: number;
}

/**
 * One scan for several lists (the typo and formulation rules read the same draft): the hits are kept
 * for as long as the document they were found in (`owner`), so the second rule takes its own from them.
 */
export class SharedScan {
  private matcher: PatternMatcher | undefined;
  private readonly found = new WeakMap<object, { ranges: readonly Span[] | undefined; hits: PatternHit[] }>();

  constructor(private readonly patterns: () => readonly string[]) {}

  /** The hits inside `ranges` (the whole text when none), found once per document and ranges. */
  hits(text: string, owner?: object, ranges?: readonly Span[]): PatternHit[] {
    const known = owner && this.found.get(owner);
    if (known && known.ranges === ranges) return known.hits;
    this.matcher ??= new PatternMatcher(this.patterns());
    const hits = hitsIn(this.matcher, text, ranges);
    if (owner) this.found.set(owner, { ranges, hits });
    return hits;
  }
}

/** A pattern matcher's hits in the ranges (a pattern holds no line break: none crosses a range's end). */
function hitsIn(matcher: PatternMatcher, text: string, ranges: readonly Span[] | undefined): PatternHit[] {
  if (!ranges) return matcher.findAll(text);
  const hits: PatternHit[] = [];
  for (const r of ranges) append(hits, matcher.findAll(text, r.start, Math.min(r.end, text.length)));
  return hits;
}

export class WordList {
  private matcher: PatternMatcher | undefined;
  /** Per entry: each exception with the offsets at which `wrong` occurs inside it. */
  private readonly exceptionOffsets: { text: string; offsets: number[] }[][];

  /** `shared`: the list's patterns are those of a shared scan from `offset` on. */
  constructor(
    readonly entries: readonly WordEntry[],
    private readonly shared?: { scan: SharedScan; offset: number },
  ) {
    this.exceptionOffsets = entries.map((entry) =>
      entry.exceptions.map((text) => {
        const offsets: number[] = [];
        for (let k = text.indexOf(entry.wrong); k !== -1 && entry.wrong; k = text.indexOf(entry.wrong, k + 1)) offsets.push(k);
        return { text, offsets };
      }),
    );
  }

  /** True when an exception of the entry covers `text[start, start + wrong.length)`. */
  private excepted(index: number, text: string, start: number): boolean {
    for (const { text: exception, offsets } of this.exceptionOffsets[index]) {
      for (const k of offsets) if (start - k >= 0 && text.startsWith(exception, start - k)) return true;
    }
    return false;
  }

  /**
   * Matches not covered by an exception. Where matches overlap, the longest (then the earliest
   * entry) wins and the others are dropped: a longer entry is the more specific one. `owner` (the
   * document) lets lists that share a scan share its hits.
   */
  matches(text: string, keep: (entry: WordEntry) => boolean = () => true, owner?: object, ranges?: readonly Span[]): WordMatch[] {
    if (this.entries.length === 0) return [];
    const found: (WordMatch & { index: number })[] = [];
    const offset = this.shared?.offset ?? 0;
    const hits = this.shared ? this.shared.scan.hits(text, owner, ranges) : hitsIn((this.matcher ??= new PatternMatcher(this.entries.map((e) => e.wrong))), text, ranges);
    for (const hit of hits) {
      const index = hit.pattern - offset;
      if (index < 0 || index >= this.entries.length) continue;
      const entry = this.entries[index];
      if (!keep(entry) || this.excepted(index, text, hit.start)) continue;
      found.push({ entry, start: hit.start, end: hit.end, index });
    }
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.index - b.index);
    const kept: WordMatch[] = [];
    for (const m of found) {
      if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
      kept.push({ entry: m.entry, start: m.start, end: m.end });
    }
    return kept.sort((a, b) => a.start - b.start);
  }
}

/** The user's added entries, built once per options array (the settings object outlives many lints). */
const userLists = new WeakMap<readonly UserEntry[], WordList>();

export function userWordList(extra: readonly UserEntry[]): WordList {
  let list = userLists.get(extra);
  if (!list) {
    list = new WordList(extra.filter((e) => e.wrong && e.right !== undefined).map(entryOfUser));
    userLists.set(extra, list);
  }
  return list;
}

/** The JSON Schema of the `extra` and `disabled` options, shared by both word-list rules. */
/**
 * A word-list rule's matches in the normalized text: the built-in list's (but for the entries the user
 * switched off with `disabled`) and the user's `extra` ones, earlier first, then longer (they may overlap).
 */
export function wordListMatches(list: WordList, options: Record<string, unknown>, text: string, owner: object, ranges?: readonly Span[]): WordMatch[] {
  const disabled = new Set((options.disabled as string[]).map(normalizeToSimplified));
  const matches = [...list.matches(text, (entry) => !disabled.has(entry.wrong), owner, ranges), ...userWordList(options.extra as UserEntry[]).matches(text, undefined, undefined, ranges)];
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function wordListOptionSchemas(what: { zh: string; en: string }) {
  return {
    extra: {
      type: 'array' as const,
      default: [],
      description: {
        zh: `另外要查的${what.zh}：{ "wrong": 错误写法, "right": 正确写法, "exceptions"?: [含错误写法的正确字串], "note"?: 说明 }`,
        en: `More ${what.en} to find: { "wrong", "right", "exceptions"?: [correct strings containing wrong], "note"? }`,
      },
      items: {
        type: 'object' as const,
        required: ['wrong', 'right'],
        properties: {
          wrong: { type: 'string' as const, minLength: 1, description: { zh: '错误写法（按字面匹配）', en: 'The wrong form (matched literally)' } },
          right: { type: 'string' as const, minLength: 1, description: { zh: '正确写法', en: 'The right form' } },
          exceptions: {
            type: 'array' as const,
            items: { type: 'string' as const, minLength: 1 },
            description: { zh: '含错误写法、但本身正确的字串（出现时不报）', en: 'Correct strings that contain the wrong form (not reported)' },
          },
          note: { type: 'string' as const, description: { zh: '随问题显示的说明', en: 'A note shown with the finding' } },
        },
      },
    },
    disabled: {
      type: 'array' as const,
      default: [],
      uniqueItems: true,
      description: { zh: `不再检查的内置条目（按错误写法，如 "做为"）`, en: `Built-in entries to stop checking (by their wrong form, e.g. "做为")` },
      items: { type: 'string' as const, minLength: 1 },
    },
  };
}
