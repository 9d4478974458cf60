// The document model: one parse gives front matter, comments, title, salutation, headings,
// sections with 字数, enumerations, announcements and counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countText } from '../../server/src/core/count';
import { formatChineseNumeral, parseChineseNumeral } from '../../server/src/core/numerals';
import { parse } from '../../server/src/core/parse';
import type { Section } from '../../server/src/core/types';
import { joinLines, readCorpus, settingsWith } from './helpers';

const tree = (sections: Section[]): unknown[] =>
  sections.map((s) => [s.heading.markerText, s.heading.titleText, s.count, ...(s.children.length ? [tree(s.children)] : [])]);

test('parse: Chinese numerals 一 … 九十九 round-trip; others are rejected', () => {
  for (let n = 1; n <= 99; n++) assert.equal(parseChineseNumeral(formatChineseNumeral(n)), n);
  assert.deepEqual(['十', '十一', '二十', '九十九', '两'].map(parseChineseNumeral), [10, 11, 20, 99, 2]);
  assert.deepEqual(['零', '一十一十', '十十', '一百', '', '二二'].map(parseChineseNumeral), [null, null, null, null, null, null]);
});

test('parse: front matter (类型, 字数上限, kind), comments and directives', () => {
  const doc = parse(joinLines('---', '类型: 单项', '字数上限: 2500', '作者: 办公室', '---', '<!-- speech-lint-disable placeholder -->', '标题', '<!--', '多行注释', '-->', '正文。'));
  assert.equal(doc.frontMatter?.kind, 'single');
  assert.equal(doc.frontMatter?.limit, 2500);
  assert.deepEqual(doc.frontMatter?.entries, { 类型: '单项', 字数上限: '2500', 作者: '办公室' });
  assert.deepEqual(doc.directives.map((d) => [d.type, d.rules, d.line]), [['disable', ['placeholder'], 5]]);
  assert.equal(doc.comments.length, 2);
  // Front matter and comments are not counted: 标题 (2) + 正文。(3).
  assert.equal(doc.count.total, 5);
  assert.equal(parse(joinLines('---', 'kind: comprehensive', '---', '正文')).frontMatter?.kind, 'comprehensive');
  assert.equal(parse(joinLines('---', '類型: 綜合', '---', '正文')).frontMatter?.kind, 'comprehensive');
  assert.deepEqual(parse(joinLines('---', '类型: 其他', '---', '正文')).frontMatter?.problems.map((p) => [p.messageId, p.data]), [['front-matter-kind', { value: '其他' }]]);
});

test('parse: title, salutation, four heading levels, run-on body, Markdown # prefix', () => {
  const text = joinLines(
    '在全县工作会议上的讲话',
    '',
    '同志们：',
    '今天召开会议，我讲两点意见。',
    '# 一、提高认识。这是正文。',
    '（一）统一思想',
    '1.学习文件',
    '（1）原文',
    '(2) 半角括号',
    '二、狠抓落实',
  );
  const doc = parse(text);
  assert.equal(text.slice(doc.title!.start, doc.title!.end), '在全县工作会议上的讲话');
  assert.equal(text.slice(doc.salutation!.start, doc.salutation!.end), '同志们：');
  assert.deepEqual(doc.headings.map((h) => [h.level, h.number, h.markerText, h.titleText, h.canonical]), [
    [1, 1, '一、', '提高认识', true],
    [2, 1, '（一）', '统一思想', true],
    [3, 1, '1.', '学习文件', true],
    [4, 1, '（1）', '原文', true],
    [4, 2, '(2)', '半角括号', false],
    [1, 2, '二、', '狠抓落实', true],
  ]);
  const first = doc.headings[0];
  assert.equal(text.slice(first.prefix!.start, first.prefix!.end), '# ');
  assert.equal(text.slice(first.body!.start, first.body!.end), '这是正文。');
  assert.deepEqual(tree(doc.sections), [
    // 12 (# and half-width marks count 0) + 7 + 5 + 5 + 5
    ['一、', '提高认识', 34, [['（一）', '统一思想', 22, [['1.', '学习文件', 15, [['（1）', '原文', 5], ['(2)', '半角括号', 5]]]]]]],
    ['二、', '狠抓落实', 6],
  ]);
  assert.equal(doc.preambleCount, 11 + 4 + 14);
});

test('parse: numerals up to 九十九, OCR look-alikes and wrong punctuation are still headings', () => {
  const doc = parse(joinLines('九十九、最后一节', '（-）看错的一', '(十二)、多了顿号', '一.用了点号', '3、顿号', '12．全角点'));
  assert.deepEqual(doc.headings.map((h) => [h.level, h.number, h.expectedMarker]), [
    [1, 99, '九十九、'],
    [2, 1, '（一）'],
    [2, 12, '（十二）'],
    [1, 1, '一、'],
    [3, 3, '3.'],
    [3, 12, '12.'],
  ]);
  // Not headings: a list word, an ordinal, a year, a decimal.
  assert.deepEqual(parse(joinLines('一是抓落实。', '第一，要学习。', '2023年工作。', '1.5亿元的投资。')).headings, []);
});

test('parse: enumerations, nested and across paragraphs; a heading closes them', () => {
  const doc = parse(joinLines('一、总体要求', '一是抓学习。我们面临三项任务：一是甲；二是乙；三是丙。', '二是抓落实。', '第一，要快。第二，要实。', '首先，统一思想；其次，明确责任；最后，抓好落实。', '二、具体措施', '二是不该接上。'));
  assert.deepEqual(
    doc.enumerations.map((e) => [e.family, e.depth, e.items.map((i) => i.text).join('')]),
    [
      ['shi-yao', 0, '一是二是'],
      ['shi-yao', 1, '一是二是三是'],
      ['ordinal', 0, '第一，第二，'],
      ['sequence', 0, '首先，其次，最后，'],
      ['shi-yao', 0, '二是'],
    ],
  );
  // 统一是… is a word, not an item.
  assert.deepEqual(parse('思想统一是前提。').enumerations, []);
});

test('parse: announced counts — strong, weak, 几 — and what they count', () => {
  // “四个到位” is a slogan, not an announcement: only “N看”-style one-word terms are.
  const doc = parse(joinLines('同志们：', '下面，我讲三点意见。这次要做到“四个到位”。', '一、甲', '要抓好“两看”：一是看进度，二是看质量。', '二、乙', '提几点要求。', '三、丙'));
  assert.deepEqual(
    doc.announcements.map((a) => [a.text, a.number, a.strength, a.target, a.actual]),
    [
      ['讲三点', 3, 'strong', 'headings', 3],
      ['“两看”', 2, 'weak', 'enumeration', 2],
      ['提几点', null, 'strong', undefined, undefined],
    ],
  );
});

test('parse: traditional drafts parse the same as simplified ones', () => {
  const simplified = parse(joinLines('同志们：', '下面，我讲两点意见。', '一、统一思想', '一是学习；二是讨论。', '二、狠抓落实'));
  const traditional = parse(joinLines('同志們：', '下面，我講兩點意見。', '一、統一思想', '一是學習；二是討論。', '二、狠抓落實'));
  assert.equal(traditional.script.script, 'traditional');
  assert.deepEqual(tree(traditional.sections), [['一、', '統一思想', 16], ['二、', '狠抓落實', 6]]);
  assert.deepEqual(tree(simplified.sections), [['一、', '统一思想', 16], ['二、', '狠抓落实', 6]]);
  assert.deepEqual(traditional.announcements.map((a) => [a.number, a.actual]), [[2, 2]]);
  assert.deepEqual(traditional.enumerations.map((e) => e.items.length), [2]);
});

test('parse: 字数 modes — word, chars, hanzi — count code points (Extension B is one)', () => {
  const text = '𠀀讲话稿，2023年GDP增长 5.2%。Hello world！';
  assert.equal(countText(text, 'word'), 1 + 3 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 1 + 1 + 1);
  assert.equal(countText(text, 'chars'), [...text].filter((c) => !/\s/.test(c)).length);
  assert.equal(countText(text, 'hanzi'), 1 + 3 + 1 + 2);
  assert.equal(parse(text, { settings: settingsWith({ countMode: 'hanzi' }) }).count.total, 7);
});

test('parse: the corpus page-chunk markers of 004 are not headings; 003 has two levels', () => {
  const chunked = parse(readCorpus('004'));
  assert.equal(chunked.pageChunkMarkers.length, 22);
  // Every heading of the cut pages is run into a page's text: 一、 and 二、 with (一)…(五) under them.
  assert.ok(chunked.headings.every((h) => h.inline));
  assert.deepEqual(chunked.sections.map((s) => [s.heading.markerText, s.heading.line + 1, s.children.map((c) => c.heading.markerText).join('')]), [
    ['一、', 14, '(三)(四)(五)(一)(二)(三)'],
    ['二、', 50, '(-)(二)'],
  ]);
  const twoLevels = parse(readCorpus('003'));
  assert.deepEqual([...new Set(twoLevels.headings.map((h) => h.level))], [1, 3]);
  assert.equal(twoLevels.sections.length, 5);
});
