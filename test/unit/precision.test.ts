// Precision of the structural checks on real-prose sentences (test/fixtures/precision/, written from
// what a reader sees in each text, with the trap and the reason): the traps must give no structural
// finding at all, in simplified and in traditional script; the positives must give exactly the findings
// their `expect` names, at the place named, with the numbers a reader states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/core/engine';
import { convertScript } from '../../server/src/core/script';
import type { Finding } from '../../server/src/core/types';
import { repoRoot } from './helpers';

const STRUCTURAL = ['heading-sequence', 'heading-marker', 'heading-level', 'announced-count', 'enumeration-sequence'];
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'precision');

interface Trap {
  id: string;
  text: string;
  trap: string;
  why: string;
  category: string;
}

interface Positive {
  id: string;
  text: string;
  expect: { rule: string; at: string; what: string; occurrence?: number }[];
  why: string;
}

const traps = JSON.parse(fs.readFileSync(path.join(fixtures, 'precision.json'), 'utf8')) as Trap[];
const positives = JSON.parse(fs.readFileSync(path.join(fixtures, 'positives.json'), 'utf8')) as Positive[];

const structural = (text: string) => lint(text, { only: STRUCTURAL }).findings;
const describe = (text: string, findings: Finding[]) => findings.map((f) => `${f.rule}/${f.messageId} at "${text.slice(f.start, f.end)}" ${JSON.stringify(f.data)}`);

test('precision: the table holds at least 80 traps, every trap category of the issue', () => {
  assert.ok(traps.length >= 80, `${traps.length} traps`);
  assert.equal(new Set(traps.map((t) => t.id)).size, traps.length, 'ids are unique');
  const categories = new Set(traps.map((t) => t.category));
  for (const c of ['approximate-number', 'fixed-term', 'retrospective-count', 'non-announcing-count', 'salutation', 'ordinal-expression', 'list-word-in-word']) assert.ok(categories.has(c), c);
  // The traps the issue and the corpus READMEs name.
  const all = traps.map((t) => t.text).join('\n');
  for (const phrase of ['一、二季度', '三、五年内', '一、二线城市', '六、七十年代', '第一个五年计划', '一个问题', '以上三点', '上述四个方面', '上面这八条', '四风', '两个维护', '四个意识']) {
    assert.ok(all.includes(phrase), phrase);
  }
});

for (const trap of traps) {
  test(`precision: no structural finding — ${trap.id} (${trap.category})`, () => {
    assert.deepEqual(describe(trap.text, structural(trap.text)), [], `${trap.trap}; but ${trap.why}`);
    const twin = convertScript(trap.text, 'traditional');
    assert.deepEqual(describe(twin, structural(twin)), [], `traditional twin: ${trap.trap}`);
  });
}

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
const CN_NUMBERS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** What the expectation's words state about the finding's data. */
function statedData(rule: string, what: string, convert: (s: string) => string): Record<string, unknown> {
  const expectedFound = /^expected (\S+) found (\S+)/.exec(what);
  if (expectedFound) return { expected: convert(expectedFound[1]), actual: convert(expectedFound[2]) };
  if (rule === 'announced-count') {
    const announced = /(?:announced|looks back at) ([两二三四五六])/.exec(what);
    const actual = /(two|three|four|five|six) (?:level-\d headings|headings|items)/.exec(what);
    return { announced: CN_NUMBERS[announced![1]], actual: NUMBER_WORDS[actual![1]] };
  }
  if (rule === 'heading-level') {
    const skipped = /level (\d) skipped/.exec(what);
    return { missing: [{ id: `level/${skipped![1]}` }] };
  }
  return {};
}

/** Offset of the `occurrence`-th (1-based) `needle` in `text`. */
function nth(text: string, needle: string, occurrence = 1): number {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at !== -1, `"${needle}" occurs ${occurrence} times`);
  }
  return at;
}

for (const positive of positives) {
  for (const script of ['simplified', 'traditional'] as const) {
    test(`precision: exactly the expected findings — ${positive.id} (${script})`, () => {
      const convert = (s: string) => (script === 'traditional' ? convertScript(s, 'traditional') : s);
      const text = convert(positive.text);
      const found = structural(text);
      assert.equal(found.length, positive.expect.length, `${positive.why}\n${describe(text, found).join('\n')}`);
      for (const e of positive.expect) {
        const at = nth(text, convert(e.at), e.occurrence);
        const end = at + convert(e.at).length;
        const match = found.find((f) => f.rule === e.rule && f.start < end && at < f.end);
        assert.ok(match, `${e.rule} at "${e.at}" (${e.what})\n${describe(text, found).join('\n')}`);
        const data = statedData(e.rule, e.what, convert);
        for (const [key, value] of Object.entries(data)) assert.deepEqual(match.data[key], value, `${e.rule} ${key}: ${e.what}`);
      }
    });
  }
}
