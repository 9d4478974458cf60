// The five real speeches in ../shared/corpus/: the linter finds what the corpus README says a linter
// should notice, and nothing it shouldn't (corpus-facts.test.ts holds the facts a reader states about
// all fifteen files). test/fixtures/corpus/<file>.expected.json is a recorded SNAPSHOT of each file's
// script, 字数, finding counts per rule and the positions of the structural findings: a change shows up
// for review; `UPDATE_SNAPSHOTS=1 npm test` rewrites them after the change has been read and judged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, lint } from '../../server/src/core/engine';
import { normalizeToSimplified } from '../../server/src/core/script';
import { positionAt } from '../../server/src/core/text';
import type { Finding } from '../../server/src/core/types';
import { readCorpus, repoRoot, settingsWith, M } from './helpers';

const NOISY = ['punctuation-width', 'mixed-script', 'placeholder', 'cjk-space', 'heading-marker', 'sentence-length'];

function summary(name: string) {
  const text = readCorpus(name);
  const result = lint(text);
  const counts: Record<string, number> = {};
  const sig: string[] = [];
  for (const f of result.findings) {
    counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    if (NOISY.includes(f.rule)) continue;
    const p = positionAt(result.doc.lines, f.start);
    sig.push(`${p.line + 1}:${p.codePoint + 1} ${f.rule}`);
  }
  return { text, result, summary: { script: result.doc.script.script, total: result.doc.count.total, counts, sig } };
}

const at = (text: string, f: Finding) => text.slice(f.start, f.end);
const lineOf = (text: string, f: Finding) => text.slice(text.lastIndexOf('\n', f.start - 1) + 1, text.indexOf('\n', f.start) === -1 ? undefined : text.indexOf('\n', f.start));

for (const name of ['000', '001', '002', '003', '004']) {
  test(`corpus ${name}: snapshot of the findings (UPDATE_SNAPSHOTS=1 rewrites it)`, () => {
    const file = path.join(repoRoot, 'test', 'fixtures', 'corpus', `${name}.expected.json`);
    const actual = summary(name).summary;
    if (process.env.UPDATE_SNAPSHOTS === '1') fs.writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(fs.readFileSync(file, 'utf8')));
  });
  test(`corpus ${name}: fixing everything leaves nothing fixable and the speech's own lines intact`, () => {
    const text = readCorpus(name);
    const fixed = fixAll(text);
    assert.deepEqual(fixed.result.findings.filter((f) => f.fix).map((f) => f.rule), []);
    assert.deepEqual(fixed.result.ruleErrors, []);
    // Every line of the salutation, headings and body survives (fixes change marks, not words).
    const doc = lint(text).doc;
    // Compared in one script: the mixed-script fixes change 干 to 幹 and the like.
    const normalize = (s: string) => normalizeToSimplified(s).replace(/[\s\u3000,，:：;；?？!！()（）、.．]/g, '');
    const after = normalize(fixed.text);
    for (const block of doc.blocks.filter((b) => b.type === 'heading' && !b.heading!.inline)) {
      assert.ok(after.includes(normalize(doc.text.slice(block.heading!.title.start, block.heading!.title.end))), `heading line ${block.line + 1} kept`);
    }
  });
}

test('corpus 000 (traditional): scrape header, repeated title, 我講三點意見 matches 一、二、三、, simplified leftovers 于 and 并', () => {
  const { text, result } = summary('000');
  const scrape = result.findings.filter((f) => f.rule === 'scrape-boilerplate').map((f) => lineOf(text, f).slice(0, 3));
  assert.deepEqual(scrape, ['時間:', '導語:', '市長在']);
  assert.deepEqual(result.findings.filter((f) => f.rule === 'announced-count'), []);
  assert.deepEqual(result.doc.announcements.filter((a) => a.strength === 'strong').map((a) => [a.text, a.number, a.actual]), [['講三點', 3, 3]]);
  assert.deepEqual(result.findings.filter((f) => f.rule === 'enumeration-sequence'), []);
  const leftovers = new Set(result.findings.filter((f) => f.rule === 'mixed-script').map((f) => at(text, f)));
  assert.ok(leftovers.has('于') && leftovers.has('并'));
});

test('corpus 001: 先讲三点意见 → 一、二、三、 and 以下五个方面 → 一是…五是 match; * masks; 上一篇/下一篇', () => {
  const { text, result } = summary('001');
  assert.deepEqual(result.findings.filter((f) => f.rule === 'announced-count'), []);
  assert.deepEqual(
    result.doc.announcements.filter((a) => a.actual !== undefined).map((a) => [a.text, a.target, a.actual]),
    [['讲三点', 'headings', 3], ['以下五个方面', 'enumeration', 5]],
  );
  const masks = result.findings.filter((f) => f.rule === 'placeholder').map((f) => text.slice(f.start, f.end + 2));
  assert.ok(masks.includes('*市有') || masks.some((m) => m.startsWith('*市')));
  assert.ok(masks.some((m) => m.startsWith('*经济')));
  const footer = result.findings.filter((f) => f.rule === 'scrape-boilerplate').map((f) => lineOf(text, f).slice(0, 5));
  assert.deepEqual(footer.slice(-2), ['- 上一篇', '- 下一篇']);
});

test('corpus 002: CSS junk, 小编…供大家参考, 相关热词搜索, 相关文章, 版权所有, Powered by, 备案号; 讲四个方面 → 4; long lists clean', () => {
  const { text, result } = summary('002');
  const lines = result.findings.filter((f) => f.rule === 'scrape-boilerplate').map((f) => lineOf(text, f));
  for (const leftover of ['.b1{white-space-collapsing', '下面是小编为大家整理的', '相关热词搜索', '相关文章', '版权所有', 'Powered by', '备案号']) {
    assert.ok(lines.some((l) => l.includes(leftover)), leftover);
  }
  assert.deepEqual(result.findings.filter((f) => f.rule === 'announced-count' || f.rule === 'enumeration-sequence'), []);
  const lists = result.doc.enumerations.map((e) => e.items.length);
  assert.ok(lists.includes(6) && lists.includes(9), `一是…六是 and 一要…九要: ${lists.join(',')}`);
  const length = result.findings.find((f) => f.rule === 'length-limit')!;
  assert.deepEqual(M(length.messageId, length.data), M('over', { total: 11546, limit: 5000, over: 6546, mode: { id: 'length-limit/modeWord' }, unit: { id: 'length-limit/modeWord' }, owner: { id: 'length-limit/ownerComprehensive' } }));
});

test('corpus 003 (traditional): 講五個方面 → 五個一級標題; 1、 is not GB/T 1. unless configured; the second 1、…3、 list under 五、', () => {
  const { text, result } = summary('003');
  assert.deepEqual(result.findings.filter((f) => f.rule === 'announced-count'), []);
  const markers = result.findings.filter((f) => f.rule === 'heading-marker');
  assert.equal(markers.length, 21);
  assert.ok(markers.every((f) => f.messageId === 'level3Standard' && /^\d+\.$/.test(f.data.expected as string) && /^\d+、$/.test(f.data.actual as string)));
  const dun = lint(text, { settings: settingsWith({ level3Style: 'dun' }) });
  assert.deepEqual(dun.findings.filter((f) => f.rule === 'heading-marker'), []);
  const sequence = result.findings.filter((f) => f.rule === 'heading-sequence');
  assert.deepEqual(sequence.map((f) => [positionAt(result.doc.lines, f.start).line + 1, M(f.messageId, f.data)]), [[53, M('restart', { expected: '5、', actual: '1、' })]]);
  assert.ok(result.findings.some((f) => f.rule === 'mixed-script' && text.slice(f.start, f.start + 2) === '干部'));
});

test('corpus 004: page chrome, page-chunk markers that are not outline numbers, (-) OCR damage, 工作会 议, XX/xx', () => {
  const { text, result } = summary('004');
  const chunk = result.findings.filter((f) => f.rule === 'scrape-boilerplate' && f.messageId === 'pageChunk');
  assert.equal(chunk.length, 22);
  assert.equal(result.doc.headings.filter((h) => h.level === 3).length, 0, 'no page-chunk marker is read as a heading');
  for (const leftover of ['上传人', '第1页 / 共12页', '点击查看更多', '资源描述', '展开阅读全文', '本站为文档C TO C交易模式']) {
    assert.ok(result.findings.some((f) => f.rule === 'scrape-boilerplate' && lineOf(text, f).includes(leftover)), leftover);
  }
  assert.ok(result.findings.some((f) => f.rule === 'heading-marker' && at(text, f) === '(-)' && f.data.expected === '（一）'));
  assert.ok(result.findings.some((f) => f.rule === 'cjk-space' && lineOf(text, f).includes('工作会 议')));
  const placeholders = new Set(result.findings.filter((f) => f.rule === 'placeholder').map((f) => at(text, f)));
  assert.ok(placeholders.has('XX') && placeholders.has('xx'));
});
