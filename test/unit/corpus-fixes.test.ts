// Every fix and every suggestion of every finding on both corpora (../shared/corpus, ../shared/corpus-dev),
// each applied alone: it changes only what its finding is about — the text between its edits and the
// rest of the draft stay byte for byte — and the finding is gone afterwards. Then fix-all: re-linted,
// nothing fixable is left, and the outline keeps its sections, levels and titles (numbers may change
// only where a heading was renumbered on purpose).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, fixAll, lint } from '../../server/src/core/engine';
import { normalizeToSimplified } from '../../server/src/core/script';
import type { Finding, Section, TextEdit } from '../../server/src/core/types';
import { corpusDevDir, corpusDir } from './helpers';

const corpusFiles = [corpusDir, corpusDevDir].flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f)),
);

/** What an edit may replace, by rule: the kind of text its finding is about. */
const REPLACED: Record<string, RegExp> = {
  'cjk-space': /^[ \t\u3000\u00a0\u2002-\u200a\u202f\u205f]+$/,
  'punctuation-width': /^[,.:;?!()（），。：；？！\s]+$/,
  'mixed-script': /^[\u3400-\u9fff\uf900-\ufaff]$/u,
  // A numeral of a heading or a list word (renumbering a run).
  'heading-sequence': /^[一二三四五六七八九十〇零\d]+$/,
  'enumeration-sequence': /^(?:[一二三四五六七八九十]+|首先|其次|再次|最后)$/,
};

function lineSpan(text: string, f: Finding): { start: number; end: number } {
  const start = text.lastIndexOf('\n', f.start - 1) + 1;
  const next = text.indexOf('\n', Math.max(f.end - 1, f.start));
  return { start, end: next === -1 ? text.length : next + 1 };
}

function checkEdits(text: string, f: Finding, edits: TextEdit[], what: string): void {
  const pattern = REPLACED[f.rule];
  const lines = lineSpan(text, f);
  for (const e of edits) {
    const replaced = text.slice(e.start, e.end);
    if (pattern && replaced !== '') assert.match(replaced, pattern, `${what}: replaces "${replaced}"`);
    // Outside its finding's lines only a renumbering of the rest of the run may edit (numerals only).
    // (A whole-line deletion also takes the blank lines around it.)
    if (f.rule !== 'heading-sequence' && f.rule !== 'enumeration-sequence') {
      const outside = text.slice(e.start, Math.max(e.start, Math.min(e.end, lines.start))) + text.slice(Math.min(e.end, Math.max(e.start, lines.end)), e.end);
      assert.match(outside, /^\s*$/, `${what}: edit ${e.start}-${e.end} changes text outside the finding's lines ${lines.start}-${lines.end}`);
    }
  }
  const fixed = applyEdits(text, edits);
  // Byte for byte outside the edits: the text before the first and after the last are the same.
  const first = Math.min(...edits.map((e) => e.start));
  const last = Math.max(...edits.map((e) => e.end));
  assert.equal(fixed.slice(0, first), text.slice(0, first), `${what}: text before the fix`);
  assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), `${what}: text after the fix`);
}

// A title's words: its punctuation, spaces and script may be fixed (要科學謀化,突出重點 → 要科學謀化，突出重點,
// 干部 → 幹部); where a glued title's end could not be told, its fix may let the title run on.
const words = (title: string) => normalizeToSimplified(title.replace(/[\s\p{P}]/gu, ''));
const shape = (sections: Section[]): unknown[] => sections.map((s) => [s.heading.level, s.heading.numbered, shape(s.children)]);
const headingsOf = (sections: Section[]): Section['heading'][] => sections.flatMap((s) => [s.heading, ...headingsOf(s.children)]);

for (const file of corpusFiles) {
  const name = path.basename(file, '.txt');
  const text = fs.readFileSync(file, 'utf8');
  const result = lint(text);

  test(`corpus fixes ${name}: each fix and suggestion alone changes only what its finding is about, and removes it`, () => {
    let checked = 0;
    for (const f of result.findings) {
      const offered = [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? []).map((s) => s.fix)];
      for (const fix of offered) {
        const what = `${f.rule}/${f.messageId} at ${f.start} (${JSON.stringify(text.slice(f.start, Math.min(f.end, f.start + 20)))})`;
        checkEdits(text, f, fix.edits, what);
        const after = lint(applyEdits(text, fix.edits));
        assert.deepEqual(after.ruleErrors, [], what);
        // One finding fewer of the same rule, message, data and text (two equal leftover lines stay one).
        const fixedText = applyEdits(text, fix.edits);
        const key = (g: Finding, source: string) => `${g.rule}|${g.messageId}|${JSON.stringify(g.data)}|${source.slice(g.start, g.end)}`;
        const same = (list: Finding[], source: string) => list.filter((g) => key(g, source) === key(f, text)).length;
        assert.ok(same(after.findings, fixedText) < same(result.findings, text), `${what}: still reported after its fix`);
        checked++;
      }
    }
    assert.ok(checked > 0 || result.findings.every((f) => !f.fix && !f.suggestions), name);
  });

  test(`corpus fixes ${name}: fix-all leaves nothing fixable, and the outline keeps its sections and titles`, () => {
    const fixed = fixAll(text);
    assert.deepEqual(fixed.result.ruleErrors, []);
    assert.deepEqual(fixed.result.findings.filter((f) => f.fix).map((f) => `${f.rule}/${f.messageId}`), []);
    const after = fixed.result.doc.sections;
    const before = result.doc.sections;
    assert.deepEqual(shape(after), shape(before));
    const titlesAfter = headingsOf(after);
    headingsOf(before).forEach((h, i) => {
      const was = words(h.titleText);
      const now = words(titlesAfter[i].titleText);
      assert.ok(h.glued ? now.startsWith(was) : now === was, `heading ${i + 1}: "${h.titleText}" became "${titlesAfter[i].titleText}"`);
    });
    // Numbers change only where heading-sequence had a certain renumbering to apply.
    if (!result.findings.some((f) => f.rule === 'heading-sequence' && f.fix)) {
      assert.deepEqual(headingsOf(after).map((h) => h.number), headingsOf(before).map((h) => h.number));
    }
  });
}
