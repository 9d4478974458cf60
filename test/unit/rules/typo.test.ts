// typo: every entry of server/src/core/data/typos.tsv — its example is flagged with the right
// replacement (a fix, or a suggestion for 【需上下文】 entries), the fixed example is clean for both word
// lists, each exception is not flagged, and the traditional twin is flagged the same way (【港台常用】
// entries as info suggestions); then the rule's logic: guards, overlaps, comments, the user's entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, lint } from '../../../server/src/core/engine';
import { convertScript, normalizeToSimplified } from '../../../server/src/core/script';
import { noteShown, readWordList } from '../../../server/src/generate/generate';
import { findings, joinLines, M, repoRoot, settingsWith } from '../helpers';
import { on, suggestionsOf } from '../proofread-helpers';

const RULE = 'typo';
const entries = readWordList(repoRoot, 'typos');

/** Occurrences of `needle` in `text`, overlapping ones counted. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** The text a finding leaves: its fix, or its first suggestion. */
function replaced(text: string, f: { fix?: { edits: { start: number; end: number; text: string }[] }; suggestions?: { fix: { edits: { start: number; end: number; text: string }[] } }[] }): string {
  return applyEdits(text, (f.fix ?? f.suggestions![0].fix).edits);
}

test('typo: the list is well formed (at least 300 entries, unique, exceptions contain the entry, one occurrence per example)', () => {
  assert.ok(entries.length >= 300, `${entries.length} entries`);
  const seen = new Set<string>();
  for (const e of entries) {
    const where = `typos.tsv:${e.line} ${e.wrong}`;
    assert.ok(!seen.has(e.wrong), `${where}: duplicate`);
    seen.add(e.wrong);
    assert.notEqual(e.right, e.wrong, where);
    for (const field of [e.wrong, e.right, e.example, e.note, ...e.exceptions]) assert.equal(field, field.trim(), `${where}: stray spaces`);
    for (const x of e.exceptions) assert.ok(x.includes(e.wrong) && x.length > e.wrong.length, `${where}: exception ${x}`);
    assert.equal(occurrences(e.example, e.wrong).length, 1, `${where}: the example holds it once`);
    assert.ok(noteShown(e.note).length > 0, `${where}: a note to show`);
    assert.doesNotMatch(noteShown(e.note), /规则|不报|自动改/, `${where}: the note speaks to the reader`);
  }
});

for (const e of entries) {
  const context = e.note.includes('【需上下文】');
  const variant = e.note.includes('【异形词】');
  const local = e.note.includes('【港台常用】');
  test(`typo: ${e.wrong} → ${e.right}`, () => {
    const at = e.example.indexOf(e.wrong);
    const result = lint(e.example, { only: [RULE] });
    // Once, at the entry (or at a longer entry over it: 旅游渡假 in 旅游渡假区, whose fix is the same).
    assert.equal(result.findings.length, 1, 'the example is flagged once');
    assert.ok(result.findings[0].start < at + e.wrong.length && at < result.findings[0].end, 'at the entry');
    const [f] = result.findings;
    assert.equal(f.severity, variant ? 'info' : 'warning');
    assert.equal(f.fix === undefined, context, context ? 'a suggestion, never a bulk fix' : 'a fix');
    const longer = f.end - f.start !== e.wrong.length;
    if (!longer) assert.equal(f.messageId, context ? 'context' : variant ? 'variant' : 'typo');
    const fixed = replaced(e.example, f);
    assert.equal(fixed, e.example.slice(0, at) + e.right + e.example.slice(at + e.wrong.length));
    assert.deepEqual(lint(fixed, { only: [RULE, 'formulation'] }).findings.map((x) => x.rule), [], 'the fixed example is clean');
    for (const exception of e.exceptions) {
      const k = exception.indexOf(e.wrong);
      assert.ok(!lint(exception, { only: [RULE] }).findings.some((x) => x.start === k && x.end === k + e.wrong.length), `exception ${exception}`);
    }
    // The traditional twin, where the conversion keeps the typo (家俱 becomes 傢俱, correct in Taiwan).
    const twin = convertScript(e.example, 'traditional');
    if (normalizeToSimplified(twin).slice(at, at + e.wrong.length) !== e.wrong || normalizeToSimplified(convertScript(e.right, 'traditional')) === e.wrong) return;
    const twinResult = lint(twin, { only: [RULE] });
    assert.deepEqual(twinResult.findings.map((x) => [x.start, x.end]), result.findings.map((x) => [x.start, x.end]), `twin ${twin}`);
    const [t] = twinResult.findings;
    assert.equal(t.severity, variant || local ? 'info' : 'warning');
    assert.equal(t.fix === undefined, context || local);
    assert.equal(normalizeToSimplified(replaced(twin, t)), normalizeToSimplified(convertScript(fixed, 'traditional')));
  });
}

test('typo: 既使 answered by 又使 is 既 + 使, and 做为 before 民 is 做 + 为', () => {
  assert.deepEqual(findings('既使人民群众满意，又使企业受益。', RULE), []);
  assert.deepEqual(findings('既使用传统手段，又运用现代技术。', RULE), []);
  assert.deepEqual(findings('多做为民办实事的好事。', RULE), []);
  assert.deepEqual(findings('既使困难再多，我们也要完成任务。', RULE), [{ ...on(1, 1, 3, M('context', { found: '既使', right: '即使', note: '即使=表假设让步' })), suggested: '即使困难再多，我们也要完成任务。' }]);
  assert.deepEqual(suggestionsOf('既使困难再多，我们也要完成任务。', RULE), [[{ ...M('replace', { right: '即使' }), fixed: '即使困难再多，我们也要完成任务。' }]]);
});

test('typo: a match straddling two words is not flagged (研究+竞争, 巩固+疾病, 立即+然后)', () => {
  assert.deepEqual(findings('加强研究竞争政策，巩固疾病防控成果，立即然后再说。', RULE), []);
});

test('typo: traditional drafts keep their own character forms; 【港台常用】 entries are only noted there', () => {
  assert.deepEqual(findings('台灣的其他組職。', RULE).map((f) => [f.messageId, f.data.right, f.fixed]), [['typo', '組織', '台灣的其他組織。']]);
  assert.deepEqual(findings('做為一名黨員幹部，必須守紀律。', RULE).map((f) => [f.messageId, f.severity, f.fixed]), [['local', 'info', undefined]]);
});

test('typo: not in comments or front matter', () => {
  assert.deepEqual(findings(joinLines('---', '标题: 一如继往', '---', '正文<!-- 再接再励 -->完整。'), RULE), []);
});

test('typo: the user adds entries and switches built-in ones off', () => {
  const settings = settingsWith({ rules: { [RULE]: { options: { extra: [{ wrong: '帐号', right: '账号', note: '用“账”' }, { wrong: '登陆', right: '登录', exceptions: ['登陆艇'] }], disabled: ['再接再励', '一如繼往'] } } } });
  assert.deepEqual(findings('再接再励，一如继往，请登陆帐号，登陆艇。', RULE, { settings }).map((f) => [f.messageId, f.data, f.fixed]), [
    ['typoPlain', { found: '登陆', right: '登录' }, '再接再励，一如继往，请登录帐号，登陆艇。'],
    ['typo', { found: '帐号', right: '账号', note: '用“账”' }, '再接再励，一如继往，请登陆账号，登陆艇。'],
  ]);
  assert.throws(() => settingsWith({ rules: { [RULE]: { options: { extra: [{ wrong: '帐号' }] } } } }), /missing/);
});
