// Fixes never lose a drafter's text: a leftover fix deletes the leftover and nothing of the speech; no
// edit reaches into a comment, a directive or the BOM; one fix never carries overlapping edits; the
// line-ending style is the file's. Each case is one that once lost text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, lint } from '../../server/src/core/engine';
import type { TextEdit } from '../../server/src/core/types';

/** The text after fix-all. */
function fixed(text: string): string {
  return fixAll(text).text;
}

test('scrape-boilerplate: a footer glued to the closing sentence goes, the sentence stays', () => {
  assert.equal(
    fixed('同志们：\n今天会议很重要，大家要认真落实，谢谢大家！版权所有 © 2020 备案号:京ICP备12345号\n'),
    '同志们：\n今天会议很重要，大家要认真落实，谢谢大家！\n',
  );
});

test('scrape-boilerplate: site-footer words inside a sentence of speech are speech (no finding, nothing deleted)', () => {
  const speech = [
    '同志们：\n我们的事业Powered by 人民群众的支持，才能不断前进。\n',
    '同志们：\n有人说网站本站只提供存储空间就不担责任，这个说法不对。\n',
    '同志们：\n要推行CTOC交易模式，搞活农村市场。\n',
    '同志们：\n这些材料由会员分享，大家可在线阅读学习。\n',
    '同志们：\n请把报告.doc_第1页发给我。\n',
    '同志们：\n备案号：京ICP备12345号这类信息，网站要在页面底部公示。\n',
    // 整理 / 本文 / 下文 in a sentence that ends 供大家参考 is the speaker's own offer, not a site blurb.
    '同志们：\n我把近期调研的情况整理成几点意见，供大家参考。\n',
    '同志们：\n这些经验做法，我们已经整理成册，供大家参考借鉴。\n',
    '同志们：\n下文所列的几条做法，供大家参考。\n',
  ];
  for (const text of speech) {
    assert.deepEqual(lint(text).findings.filter((f) => f.rule === 'scrape-boilerplate'), [], text);
    assert.equal(fixed(text), text, text);
  }
});

test('scrape-boilerplate: the site blurb itself is still deleted whole', () => {
  assert.equal(fixed('下面是小编为大家整理的讲话稿，供大家参考。\n同志们：\n我们要落实。\n'), '同志们：\n我们要落实。\n');
});

test('a BOM before a deleted first line is kept', () => {
  assert.equal(fixed('\uFEFF下面是小编为大家整理的讲话稿，供大家参考。\n同志们：\n我们要落实。\n'), '\uFEFF同志们：\n我们要落实。\n');
});

test('punctuation-width: a comment or directive before the mark is never swallowed', () => {
  assert.equal(fixed('同志们：\n我们要<!-- 待核实数据 -->,认真落实。\n'), '同志们：\n我们要<!-- 待核实数据 -->，认真落实。\n');
  // The space after the comment goes with the mark; the comment stays whole.
  assert.equal(fixed('同志们：\n我们要<!-- 待核实数据 --> ,认真落实。\n'), '同志们：\n我们要<!-- 待核实数据 -->，认真落实。\n');
  assert.equal(fixed('同志们：\n今天开会<!-- 注 -->,大家要<!-- 待定 -->:认真落实。\n'), '同志们：\n今天开会<!-- 注 -->，大家要<!-- 待定 -->：认真落实。\n');
  const directive = '同志们<!-- speech-lint-disable placeholder -->:XX同志\n';
  assert.equal(fixed(directive), directive);
  assert.deepEqual(lint(directive).findings, []);
});

test('one fix never carries overlapping edits (工作: ?我们)', () => {
  const text = '同志们：\n工作: ?我们要落实。\n';
  const overlaps = (edits: TextEdit[]) => {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    return sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end);
  };
  const found = lint(text).findings.filter((f) => f.fix);
  assert.ok(found.length > 0);
  for (const f of found) assert.equal(overlaps(f.fix!.edits), false, f.rule);
  assert.equal(fixed(text), '同志们：\n工作：？我们要落实。\n');
});

test('a CR-only file: the inline-heading fix starts the heading on a new line with CR, never LF', () => {
  assert.equal(
    fixed('同志们：\r今天开会。一、总体要求\r要抓紧落实。二、工作安排\r要抓紧。\r'),
    '同志们：\r今天开会。\r一、总体要求\r要抓紧落实。\r二、工作安排\r要抓紧。\r',
  );
  assert.equal(
    fixed('同志们：\r\n今天开会。一、总体要求\r\n要抓紧落实。二、工作安排\r\n要抓紧。\r\n'),
    '同志们：\r\n今天开会。\r\n一、总体要求\r\n要抓紧落实。\r\n二、工作安排\r\n要抓紧。\r\n',
  );
});

test('a file mixing CR and LF: deleting a leftover line never joins a CR and an LF into a CRLF', () => {
  // The leftover line ends in LF, the line before it in CR, and a blank LF line follows.
  const text = '同志们：\r我们要认真落实。\r2016-05-01 震惊|海口拆违人员穿制服戴口罩持械殴打妇女儿童\n\n下面讲第二个问题。\r';
  const out = fixed(text);
  assert.equal(out.includes('\r\n'), false);
  assert.equal(out, '同志们：\r我们要认真落实。\r下面讲第二个问题。\r');
});
