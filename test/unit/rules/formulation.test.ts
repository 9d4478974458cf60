// formulation: every entry of server/src/core/data/formulations.tsv — its example is flagged with the
// right replacement (a suggestion for 【需上下文】 entries), the fixed example is clean for both lists,
// each exception is not flagged; then titles, passages that reject the wrong form, fixed orders,
// corner quotes, traditional drafts and the user's entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint } from '../../../server/src/core/engine';
import { noteShown, readWordList } from '../../../server/src/generate/generate';
import { findings, joinLines, M, repoRoot, settingsWith } from '../helpers';
import { suggestionsOf } from '../proofread-helpers';

const RULE = 'formulation';
const entries = readWordList(repoRoot, 'formulations');

test('formulation: the list is well formed (dated, sourced, unique, exceptions contain the entry)', () => {
  const seen = new Set<string>();
  for (const e of entries) {
    const where = `formulations.tsv:${e.line} ${e.wrong}`;
    assert.ok(!seen.has(e.wrong), `${where}: duplicate`);
    seen.add(e.wrong);
    assert.notEqual(e.right, e.wrong, where);
    assert.match(e.since ?? '', /^\d{4}(-\d{2})?$/, `${where}: since`);
    assert.ok((e.source ?? '').length > 4, `${where}: source`);
    for (const x of e.exceptions) assert.ok(x.includes(e.wrong) && x.length > e.wrong.length, `${where}: exception ${x}`);
    assert.ok(noteShown(e.note).length > 0, `${where}: a note to show`);
    assert.doesNotMatch(noteShown(e.note), /规则|不报|自动改/, `${where}: the note speaks to the reader`);
    // A replacement containing the wrong form must be an exception, or a fix would loop.
    if (e.right.includes(e.wrong)) assert.ok(e.exceptions.includes(e.right), `${where}: the fixed form is an exception`);
  }
});

for (const e of entries) {
  const context = e.note.includes('【需上下文】');
  test(`formulation: ${e.wrong} → ${e.right}`, () => {
    const at = e.example.indexOf(e.wrong);
    const result = lint(e.example, { only: [RULE] });
    assert.equal(result.findings.length, 1, 'the example is flagged once');
    const [f] = result.findings;
    assert.ok(f.start <= at && at + e.wrong.length <= f.end, 'over the entry');
    assert.equal(f.fix === undefined, context, context ? 'a suggestion, never a bulk fix' : 'a fix');
    const fixed = applyEdits(e.example, (f.fix ?? f.suggestions![0].fix).edits);
    // A fixed order may take in the items around the pair (道路自信、制度自信、理论自信 → in order).
    if (f.messageId !== 'order') assert.equal(fixed, e.example.slice(0, at) + e.right + e.example.slice(at + e.wrong.length));
    assert.deepEqual(fixAll(fixed, { only: [RULE, 'typo'] }).result.findings.map((x) => `${x.rule} ${x.messageId}`), [], 'the fixed example is clean');
    for (const exception of e.exceptions) {
      const k = exception.indexOf(e.wrong);
      // Not flagged as this entry (台湾总统府, an exception of 台湾总统, is an entry of its own).
      assert.ok(!lint(exception, { only: [RULE] }).findings.some((x) => x.start === k && x.end === k + e.wrong.length), `exception ${exception}`);
    }
  });
}

test('formulation: the message names the date and the note; context entries are suggestions', () => {
  assert.deepEqual(findings('坚持以人民为核心的发展思想。', RULE).map((f) => [M(f.messageId, f.data), f.fixed]), [
    [M('formulation', { found: '以人民为核心', right: '以人民为中心', since: { id: 'formulation/sinceMonth', data: { year: 2015, month: 10 } }, note: '固定表述为“以人民为中心”' }), '坚持以人民为中心的发展思想。'],
  ]);
  assert.deepEqual(suggestionsOf('建国以来，我们取得了巨大成就。', RULE), [[{ ...M('replace', { right: '新中国成立以来' }), fixed: '新中国成立以来，我们取得了巨大成就。' }]]);
});

test('formulation: not inside a title, nor where the passage rejects the wrong form', () => {
  assert.deepEqual(findings('学习《关于建国以来党的若干历史问题的决议》和《以人民为核心论稿》。', RULE), []);
  const rejecting = [
    '统一称“一带一路”倡议，不再使用“一带一路”战略的提法。',
    '不再使用“以人民为核心”的提法。',
    '要纠正以人民为核心等说法。',
    '“八年抗战”“中国和台湾”等提法不得使用。',
  ];
  for (const text of rejecting) assert.deepEqual(findings(text, RULE).map((f) => f.data.found), [], text);
  assert.equal(findings('我们要融入“一带一路”战略，这一提法要改。', RULE).length, 1);
});

test('formulation: a fixed order is put right as a whole run', () => {
  assert.deepEqual(findings('坚定制度自信、道路自信、文化自信、理论自信。', RULE).map((f) => [M(f.messageId, f.data), f.fixed]), [
    [M('order', { found: '制度自信、道路自信、文化自信、理论自信', right: '道路自信、理论自信、制度自信、文化自信' }), '坚定道路自信、理论自信、制度自信、文化自信。'],
  ]);
  assert.deepEqual(findings('增强大局意识、政治意识，坚持创新、协调、开放、绿色、共享的发展理念。', RULE).map((f) => f.data.right), ['政治意识、大局意识', '创新、协调、绿色、开放、共享']);
});

test('formulation: traditional drafts, corner quotes and the draft’s own character forms', () => {
  assert.deepEqual(findings('堅持一國兩制方針。', RULE).map((f) => f.fixed), ['堅持“一國兩制”方針。']);
  assert.deepEqual(findings('「基本法」規定，堅持一國兩制方針。', RULE).map((f) => f.fixed), ['「基本法」規定，堅持「一國兩制」方針。']);
  assert.deepEqual(findings('堅持「一國兩制」方針。', RULE), []);
  assert.deepEqual(findings('台灣總統表示', RULE).map((f) => [f.data.right, f.fixed]), [['台灣地區領導人', '台灣地區領導人表示']]);
});

test('formulation: not in comments or front matter; user entries and switched-off ones', () => {
  assert.deepEqual(findings(joinLines('---', '标题: 以人民为核心', '---', '正文<!-- 建国以来 -->完整。'), RULE), []);
  const settings = settingsWith({ rules: { [RULE]: { options: { extra: [{ wrong: '科学发展观战略', right: '科学发展观' }], disabled: ['建国以来'] } } } });
  assert.deepEqual(findings('建国以来，落实科学发展观战略。', RULE, { settings }).map((f) => [f.messageId, f.data, f.fixed]), [
    ['plain', { found: '科学发展观战略', right: '科学发展观' }, '建国以来，落实科学发展观。'],
  ]);
});
