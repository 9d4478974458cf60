// What a reader states about each real speech (test/fixtures/corpus-facts/, written from reading the text
// and its corpus README, never from this linter's output; FORMAT.md there says how) against what the
// linter finds: the top-level sections and their numbers, the lists, whether each count matches, the
// leftovers, the mixed-script slips, the stray spaces — and no finding where the reader says there is
// none (numbers that are not headings, words that are not list items, counts that announce nothing).
// Where the linter deliberately reads a text differently from the reader, the difference is listed
// below with its reason; nothing else is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, type LintResult } from '../../server/src/core/engine';
import { repoRoot } from './helpers';

const factsDir = path.join(repoRoot, 'test', 'fixtures', 'corpus-facts');
const sharedDir = path.join(repoRoot, '..', 'shared');

interface Placed {
  line: number;
  offset?: number;
  quote?: string;
  text?: string;
}
interface Facts {
  file: string;
  script: 'simplified' | 'traditional';
  topLevel: (Placed & { number: number | null; form: string; aside?: boolean })[];
  lists: { family: string; items: (Placed & { label: string; labelAfter?: boolean })[]; complete: boolean; note?: string }[];
  notLists: Placed[];
  announcements: (Placed & { number: number | null; direction: string; counts: string; actual: number | null; matches: boolean | null })[];
  notAnnouncements: Placed[];
  notHeadings: Placed[];
  leftovers: (Placed & { kind: string; whole: boolean; text: string })[];
  mixedScript: (Placed & { char: string; should: string })[];
  notMixedScript: Placed[];
  straySpaces: (Placed & { spaceAt?: number })[];
  layoutSpaces: (Placed & { lines?: number[] })[];
}

const files = ['corpus', 'corpus-dev'].flatMap((dir) =>
  fs
    .readdirSync(path.join(factsDir, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(factsDir, dir, f), 'utf8')) as Facts),
);

/** Offsets of line starts (lines split on \r\n, \n or \r). */
function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\n|\r/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) starts.push(m.index + m[0].length);
  return starts;
}

/** Where a fact's quote is: its offset, else the quote on its line. */
function place(text: string, starts: number[], fact: Placed): { start: number; end: number } {
  const quote = fact.quote ?? fact.text ?? '';
  if (fact.offset !== undefined) return { start: fact.offset, end: fact.offset + quote.length };
  const from = starts[fact.line - 1];
  const at = text.indexOf(quote, from);
  assert.ok(at !== -1 && at < (starts[fact.line] ?? text.length), `"${quote}" on line ${fact.line}`);
  return { start: at, end: at + quote.length };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const STRUCTURAL = new Set(['heading-sequence', 'heading-marker', 'heading-level', 'announced-count', 'enumeration-sequence']);

// The list families the linter reads as lists (一是/一要, 第一，/第一点/第一条/第一步, 首先…其次…最后).
const LIST_FAMILIES = new Set(['shi', 'yao', 'ordinal', 'point', 'tiao', 'sequence']);

/** Where the linter reads a text differently from the reader, on purpose; each with its reason. */
const READ_DIFFERENTLY: Record<
  string,
  { topLevel?: string; lists?: Record<string, string>; leftovers?: Record<number, string>; announcements?: Record<string, string>; mixed?: Record<string, string> }
> = {
  '004_c0d1f475ee865f3c': {
    lists: {
      '*': 'the pages of this copy are shuffled: the reader follows a list across pages in reading order, the linter reads the file in its order (its findings there are suggestions only)',
    },
    leftovers: { 1: 'line 1 is the title with its file name: the linter keeps the title and deletes only “.docx”' },
    announcements: { '*': 'with the pages shuffled, what follows a count in the file is not what follows it in the speech: counted, never reported' },
  },
  '003_ae4ea9ea04080efb': {
    mixed: {
      教育筑牢精: 'opencc has no phrase 筑牢; 筑 alone is a traditional character too',
      執政后最大: 'no phrase holds 執政后; 后 alone is traditional (皇后)',
      不勤于與群: 'no phrase holds 勤于; 于 alone is traditional (a surname)',
      無意于與群: 'no phrase holds 無意于',
      造福于群眾: 'no phrase holds 造福于',
      '有寄托,相': '寄托 and 寄託 are both written in traditional text',
    },
  },
  '04_mao1957_zuo_geming_cujinpai': {
    lists: {
      '首先，还有此外，': '还有 and 此外 are not sequence words the linter counts; 首先 alone makes no list',
      '第一条第二条，': 'three 第一条/第二条 pairs restated in one paragraph, one with its label after its item; the linter groups them its own way and reports nothing',
    },
  },
  '02_xi2020_kaoguxue_jiti_xuexi': {},
  '002_1e7242e4f7d32e7b': { lists: { '第一个第二个': '第一个就是… is read as prose, not list labels (第一个 alone is too often an ordinary word)' } },
  '05_mao1942_fandui_dangbagu': { lists: { '第一篇，第二篇，第三篇，最后一篇': '最后一篇 is not read as the fourth item; the count 四篇文章 is not read as an announcement either, so nothing is reported' } },
  '09_hk2018_ma_legal_year_TRAD': {
    lists: {
      '首先，其次，': 'the linter takes 最後 (61) as the third item of 首先/其次; the reader reads it as the last topic. Either way nothing is reported',
      '首先，另一個': '另一個 is not a sequence word the linter counts',
    },
  },
  '06_xi2016_zhishifenzi_zuotanhui_wechat_scrape': {
    topLevel: 'the three parts open with lead sentences whose bold did not survive the copy: nothing in the text marks them as headings',
    leftovers: { 13: 'the summary paragraph that repeats body line 24 word for word is not detected' },
  },
};

function lintFile(facts: Facts): { text: string; result: LintResult; starts: number[] } {
  const text = fs.readFileSync(path.join(sharedDir, facts.file), 'utf8');
  return { text, result: lint(text), starts: lineStarts(text) };
}

for (const facts of files) {
  const name = path.basename(facts.file, '.txt');
  const differently = READ_DIFFERENTLY[name] ?? {};
  const { text, result, starts } = lintFile(facts);
  const { doc, findings } = result;
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return line + 1;
  };

  test(`corpus facts ${name}: script`, () => {
    assert.equal(doc.script.script, facts.script);
  });

  test(`corpus facts ${name}: top-level sections and their numbers`, () => {
    const want = facts.topLevel.filter((t) => !t.aside && t.form !== 'lead').map((t) => `${t.number ?? 'part'}@${t.line}`);
    const ours = doc.sections.map((s) => `${s.heading.numbered ? s.heading.number : 'part'}@${lineOf(s.heading.marker.start)}`);
    assert.deepEqual(ours, want);
    if (facts.topLevel.some((t) => t.form === 'lead')) assert.ok(differently.topLevel, 'a difference in reading needs its reason');
  });

  test(`corpus facts ${name}: the lists, and no finding on a complete one`, () => {
    const itemAt = new Map<number, number>();
    doc.enumerations.forEach((e, i) => e.items.forEach((item) => itemAt.set(item.start, i)));
    for (const list of facts.lists) {
      const labels = list.items.map((i) => i.label).join('');
      if (!LIST_FAMILIES.has(list.family)) continue;
      const reason = differently.lists?.[labels] ?? differently.lists?.['*'];
      const where = list.items.map((i) => place(text, starts, i));
      const ids = where.map((w) => itemAt.get(w.start));
      const same = ids.every((id) => id !== undefined && id === ids[0]) && doc.enumerations[ids[0]!].items.length === list.items.length;
      if (reason) continue;
      assert.ok(same, `list ${labels}: items found in enumerations ${JSON.stringify(ids)}`);
      // The reader's complete list (and a deliberately gapped quotation) gets no finding.
      const span = { start: where[0].start, end: where[where.length - 1].end };
      const flagged = findings.filter((f) => f.rule === 'enumeration-sequence' && overlaps(f, span));
      assert.deepEqual(flagged.map((f) => f.messageId), [], `list ${labels}`);
    }
  });

  test(`corpus facts ${name}: counts found, matched and mismatched as the reader states`, () => {
    for (const a of facts.announcements) {
      const at = place(text, starts, a);
      const finding = findings.find((f) => f.rule === 'announced-count' && overlaps(f, at));
      assert.equal(finding !== undefined, a.matches === false, `${a.quote}: ${finding ? `${finding.messageId} ${JSON.stringify(finding.data)}` : 'no finding'}`);
      const ours = doc.announcements.find((x) => overlaps(x, at));
      // Where the linter reads the count, it reads the reader's number and, resolved, the reader's count.
      if (ours && a.number !== null) assert.equal(ours.number, a.number, a.quote);
      if (ours && ours.actual !== undefined && a.matches === true && a.number !== null && a.counts !== 'named' && !differently.announcements?.['*']) assert.equal(ours.actual, a.actual, a.quote);
    }
    for (const n of facts.notAnnouncements) {
      const at = place(text, starts, n);
      assert.deepEqual(findings.filter((f) => f.rule === 'announced-count' && overlaps(f, at)).map((f) => f.messageId), [], n.quote);
    }
  });

  test(`corpus facts ${name}: no structure where the reader sees none`, () => {
    for (const h of facts.notHeadings) {
      const at = place(text, starts, h);
      assert.ok(!doc.headings.some((x) => x.marker.start >= at.start && x.marker.start < at.end), `heading at ${h.quote}`);
      assert.deepEqual(findings.filter((f) => STRUCTURAL.has(f.rule) && overlaps(f, at)).map((f) => f.rule), [], h.quote);
    }
    for (const l of facts.notLists) {
      const at = place(text, starts, l);
      assert.deepEqual(findings.filter((f) => f.rule === 'enumeration-sequence' && overlaps(f, at)).map((f) => f.messageId), [], l.quote);
    }
  });

  test(`corpus facts ${name}: every leftover found, with a fix`, () => {
    const fixedSpans = findings.filter((f) => f.rule === 'scrape-boilerplate').map((f) => ({ start: f.start, end: f.end, fix: f.fix }));
    const chunkMarkers = doc.pageChunkMarkers;
    for (const left of facts.leftovers) {
      if (differently.leftovers?.[left.line]) continue;
      const at = left.offset !== undefined ? { start: left.offset, end: left.offset + left.text.length } : place(text, starts, { line: left.line, quote: left.text });
      const covered = (i: number) => doc.inLeftover(i) || chunkMarkers.some((m) => i >= m.start && i < m.end);
      // Markdown around a sentence: the markers are the leftover, the sentence is kept.
      const checked = left.kind === 'markdown' && !left.whole ? [...left.text.matchAll(/\*\*|#+/g)].map((m) => at.start + m.index) : [...Array(at.end - at.start).keys()].map((k) => at.start + k).filter((i) => /\S/.test(text[i]));
      const missing = checked.filter((i) => !covered(i));
      assert.ok(missing.length <= checked.length * 0.05, `${left.kind} on line ${left.line} (${JSON.stringify(left.text.slice(0, 30))}): ${missing.length} of ${checked.length} characters not found`);
      assert.ok(
        fixedSpans.some((f) => f.fix && overlaps(f, at)),
        `${left.kind} on line ${left.line}: reported with a fix`,
      );
    }
  });

  test(`corpus facts ${name}: mixed-script slips found, correct forms left alone`, () => {
    const mixed = findings.filter((f) => f.rule === 'mixed-script');
    for (const slip of facts.mixedScript) {
      if (differently.mixed?.[slip.quote!]) continue;
      const at = place(text, starts, slip);
      const charAt = text.indexOf(slip.char, at.start);
      const found = mixed.find((f) => f.start === charAt);
      assert.ok(found, `${slip.quote}: ${slip.char} → ${slip.should}`);
      assert.equal(found.data.replacement, slip.should, slip.quote);
    }
    for (const ok of facts.notMixedScript) {
      if (!ok.quote) continue;
      const at = place(text, starts, ok);
      assert.deepEqual(mixed.filter((f) => overlaps(f, at)).map((f) => text.slice(f.start, f.end)), [], ok.quote);
    }
  });

  test(`corpus facts ${name}: stray spaces found (or deleted with their leftover), layout spaces left alone`, () => {
    const spaceEdits = findings.filter((f) => f.rule === 'cjk-space').flatMap((f) => f.fix!.edits);
    const leftoverEdits = findings.filter((f) => f.rule === 'scrape-boilerplate' && f.fix).flatMap((f) => f.fix!.edits);
    const punctuation = findings.filter((f) => f.rule === 'punctuation-width');
    for (const stray of facts.straySpaces) {
      const at = stray.spaceAt ?? place(text, starts, stray).start + (stray.quote ?? '').search(/[ \u3000\u00a0]/);
      let from = at;
      while (from > 0 && /[ \u3000\u00a0]/.test(text[from - 1])) from--;
      let to = at;
      while (to < text.length && /[ \u3000\u00a0]/.test(text[to])) to++;
      const before = text[from - 1] ?? '\n';
      const after = text[to] ?? '\n';
      // By design: a space next to Latin letters or digits is a style question (2023 年, XX 市), and
      // spaces at a line end are not seen in print.
      if (/[A-Za-z0-9%]/.test(before + after) || /[\r\n]/.test(after)) continue;
      // Next to a half-width mark: punctuation-width makes it full-width, after which the space is
      // between Chinese and cjk-space takes it (fix-all converges on it).
      if (/[,.;:!?()]/.test(before + after)) {
        const mark = /[,.;:!?()]/.test(before) ? from - 1 : to;
        assert.ok(punctuation.some((f) => f.start <= mark && mark < f.end), `half-width mark beside the stray space at ${at} (${stray.quote})`);
        continue;
      }
      const deleted = [...spaceEdits, ...leftoverEdits].some((e) => e.start <= at && at < e.end && e.text === '');
      assert.ok(deleted, `stray space at ${at} (${stray.quote})`);
    }
    for (const layout of facts.layoutSpaces) {
      if (layout.lines) {
        // Whole kinds of line (space-only lines, Markdown hard breaks): no edit touches their spaces.
        for (const line of layout.lines) {
          const span = { start: starts[line - 1], end: starts[line] ?? text.length };
          const spaces = spaceEdits.filter((e) => overlaps(e, span) && /^\s*$/.test(text.slice(e.end, span.end).replace(/\r?\n$/, '')));
          assert.deepEqual(spaces.map((e) => e.start), [], `layout spaces on line ${line}`);
        }
        continue;
      }
      const at = place(text, starts, layout);
      assert.deepEqual(spaceEdits.filter((e) => overlaps(e, at)).map((e) => e.start), [], `layout space on line ${layout.line}: ${layout.quote}`);
    }
  });
}
