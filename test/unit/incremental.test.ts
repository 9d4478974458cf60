// A lint after an edit (`relint`) gives exactly what a full lint of the new text gives, over random edit
// sequences on every corpus file, and it does re-check only the changed lines where it can.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import { lint, relint, type LintResult } from '../../server/src/core/engine';
import { rules } from '../../server/src/core/rules';
import { defaultSettings } from '../../server/src/core/settings';
import type { SpeechDocument } from '../../server/src/core/types';
import { corpusDevDir, corpusDir, readCorpus, settingsWith } from './helpers';

const files = [corpusDir, corpusDevDir].flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8')),
);

// What a drafter types, pastes and deletes, and what changes how the parse reads other lines.
const PIECES = [
  '的', '工作', '，', '。', ',', ':', ';', '?', '!', '(', ')', ' ', '  ', '\u3000', '\n', '\n\n', '\r\n', '一、', '二、', '（一）', '(二)', '1.', '（1）',
  '一是', '二要', '第三，', '首先，', '最后，', '我讲三点意见。', '以下五个方面：', 'XX', '某某', '……', '...', '--', '——', '這個', '关于', '干部', '于',
  '<!--', '-->', '<!-- speech-lint-disable -->', '<!-- speech-lint-enable -->', '<!-- speech-lint-disable-next-line -->', '---\n', '**', '# ',
  '版权所有', '供大家参考', '当前位置:首页 > ', '2020年03月', '二O二一年', '三、五天', '、等', '𠀀', '！！', '。，', '“', '”', '「', '」',
  '布署', '截止目前', '既使', '台湾总统', '道路自信、制度自信、理论自信',
];

const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 8 }), fc.constantFrom(...PIECES, '', ''));
type Edit = [number, number, string];

function apply(text: string, [where, length, insert]: Edit): string {
  const at = Math.floor(where * text.length);
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + length));
}

/** What the outline views, the counts and the rules read from a parse. */
function parsed(doc: SpeechDocument) {
  const { headings, sections, blocks, enumerations, announcements, leftovers, paragraphs, count, preambleCount, title, salutation, normalized, script, pageChunkMarkers } = doc;
  return { headings, sections, blocks, enumerations, announcements, leftovers, paragraphs, count, preambleCount, title, salutation, normalized, script, pageChunkMarkers };
}

/** Edits `text` one after the other, each lint taking over from the one before; every result equals a full lint. */
function checkSequence(text: string, edits: Edit[], options: { settings: ReturnType<typeof defaultSettings>; markup?: 'plain' | 'markdown' }): number {
  let previous: LintResult = lint(text, options);
  let rechecked = 0;
  for (const e of edits) {
    text = apply(text, e);
    const incremental = relint(previous, text, options);
    const full = lint(text, options);
    assert.deepEqual(incremental.findings, full.findings);
    assert.deepEqual(incremental.ruleErrors, full.ruleErrors);
    // The parse that took over what the previous one read line by line reads the draft the same way.
    assert.deepEqual(parsed(incremental.doc), parsed(full.doc));
    if (incremental.recheckedRange) rechecked++;
    previous = incremental;
  }
  return rechecked;
}

test('relint equals a full lint after every edit of random edit sequences on the corpus (plain text)', () => {
  const settings = defaultSettings();
  let rechecked = 0;
  let edits = 0;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: files.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, sequence) => {
      rechecked += checkSequence(files[which], sequence, { settings });
      edits += sequence.length;
    }),
    { numRuns: 60, seed: 20261202 },
  );
  // Most edits leave the rest of the draft as the parse read it: only their lines are checked again.
  assert.ok(rechecked > edits / 2, `${rechecked} of ${edits} edits re-checked only their lines`);
});

test('relint equals a full lint as Markdown and with rule options changed', () => {
  const markdown = { settings: defaultSettings(), markup: 'markdown' as const };
  const options = { settings: settingsWith({ rules: { 'mixed-script': { options: { phraseContext: false } }, 'sentence-length': { options: { max: 60 } }, placeholder: 'error' }, placeholders: ['待补充'] }) };
  fc.assert(
    fc.property(fc.integer({ min: 0, max: files.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.boolean(), (which, sequence, md) => {
      checkSequence(files[which], sequence, md ? markdown : options);
    }),
    { numRuns: 40, seed: 20261203 },
  );
});

test('typing a character re-checks its lines only; a heading, a directive or a script change is read again whole', () => {
  const settings = defaultSettings();
  const text = readCorpus('001');
  const first = lint(text, { settings });
  const at = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  const line = first.doc.lines.find((l) => l.start === at)!;

  const typed = relint(first, text.slice(0, at) + '的' + text.slice(at), { settings });
  // The line before, the edited line and the one after.
  assert.deepEqual(typed.recheckedRange, { start: first.doc.lines[line.index - 1].start, end: first.doc.lines[line.index + 2].start + 1 });
  assert.deepEqual(typed.findings, lint(text.slice(0, at) + '的' + text.slice(at), { settings }).findings);

  // A directive disables what follows it, far past its own line.
  const disabled = text.slice(0, at) + '<!-- speech-lint-disable -->' + text.slice(at);
  const afterDirective = relint(first, disabled, { settings });
  assert.equal(afterDirective.recheckedRange, undefined);
  assert.deepEqual(afterDirective.findings, lint(disabled, { settings }).findings);

  // Other settings: nothing is taken over.
  const other = relint(first, text, { settings: defaultSettings() });
  assert.equal(other.recheckedRange, undefined);

  // The same text again: every finding is taken over, nothing is checked again.
  const same = relint(first, text, { settings });
  assert.deepEqual(same.recheckedRange, { start: 0, end: 0 });
  assert.deepEqual(same.findings, first.findings);
});

test('the line rules are the ones whose findings stay on their line', () => {
  const line = rules.filter((r) => r.meta.scope === 'line').map((r) => r.meta.id).sort();
  assert.deepEqual(line, ['cjk-space', 'ellipsis-dash', 'enumeration-comma', 'formulation', 'mixed-script', 'placeholder', 'punctuation-width', 'repeated-punctuation', 'repeated-word', 'sentence-length', 'typo']);
});
