// Minimal edits (lsp/diff.ts): applying them always gives the target text, and simple changes give
// the smallest edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../../server/src/core/engine';
import { splitLines } from '../../../server/src/core/text';
import { toTextEdits } from '../../../server/src/lsp/convert';
import { diffEdits, myers } from '../../../server/src/lsp/diff';
import { TextDocument } from 'vscode-languageserver-textdocument';

test('diffEdits: identical texts give no edits', () => {
  assert.deepEqual(diffEdits('一、标题\n正文。', '一、标题\n正文。'), []);
});

test('diffEdits: separate changes on one line stay separate', () => {
  const before = '统一思想,提高认识,狠抓落实\n第二行\n';
  const after = '统一思想，提高认识，狠抓落实\n第二行\n';
  assert.deepEqual(diffEdits(before, after), [
    { start: 4, end: 5, text: '，' },
    { start: 9, end: 10, text: '，' },
  ]);
});

test('diffEdits: insertions, deletions and line changes far apart', () => {
  const before = 'a\nb\nc\nd\ne\n要 加强\n';
  const after = 'a\nB\nc\nd\ne\n要加强\nf\n';
  const edits = diffEdits(before, after);
  assert.equal(applyEdits(before, edits), after);
  assert.deepEqual(edits, [
    { start: 2, end: 3, text: 'B' },
    { start: 11, end: 12, text: '' },
    { start: 15, end: 15, text: 'f\n' },
  ]);
});

test('diffEdits: never splits a surrogate pair', () => {
  const before = '甲𠀀乙';
  const after = '甲𠀁乙';
  const edits = diffEdits(before, after);
  assert.deepEqual(edits, [{ start: 1, end: 3, text: '𠀁' }]);
});

test('diffEdits: applying the edits gives the target (property)', () => {
  const alphabet = fc.constantFrom('一', '二', '、', '，', ',', ' ', '\n', '\r', '\r\n', 'a', '𠀀', '（', '）');
  const text = fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, text, (a, b) => {
      const edits = diffEdits(a, b);
      assert.equal(applyEdits(a, edits), b);
      for (let i = 1; i < edits.length; i++) assert.ok(edits[i].start >= edits[i - 1].end);
      // As LSP edits (UTF-16 line/character positions), applied the way an editor does.
      const lsp = toTextEdits(splitLines(a), edits);
      assert.equal(TextDocument.applyEdits(TextDocument.create('untitled:x', 'speech', 1, a), lsp), b);
    }),
    { numRuns: 500 },
  );
});

test('diffEdits: never puts a boundary between \\r and \\n', () => {
  const edits = diffEdits('a\r\nb', 'a\rb');
  assert.deepEqual(edits, [{ start: 1, end: 3, text: '\r' }]);
});

test('myers: gives up past its budget', () => {
  assert.equal(myers([1, 2, 3, 4], [5, 6, 7, 8], 3), undefined);
  assert.deepEqual(myers([1, 2, 3], [1, 3], 5), [{ a0: 1, a1: 2, b0: 1, b1: 1 }]);
});
