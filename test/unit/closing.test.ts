// The closing (结尾) of a speech: recognised after the last section on drafts and on the real
// speeches of ../shared/corpus and ../shared/corpus-dev, left alone where a speech has none; the
// section counts leave it out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closingSpan } from '../../server/src/core/closing';
import { draftParts } from '../../server/src/core/outline';
import { parse } from '../../server/src/core/parse';
import { corpusDir, joinLines, readCorpus } from './helpers';

const devDir = path.join(corpusDir, '..', 'corpus-dev');

function readDev(prefix: string): string {
  const file = fs.readdirSync(devDir).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`corpus-dev file ${prefix} not found in ${devDir}`);
  return fs.readFileSync(path.join(devDir, file), 'utf8');
}

/** The closing's text, or undefined. */
function closingOf(text: string): string | undefined {
  const span = closingSpan(parse(text));
  return span && text.slice(span.start, span.end);
}

const BODY = ['在全市安全生产工作会议上的讲话', '同志们：', '今天召开会议，我讲两点意见。', '一、提高认识', '安全生产责任重于泰山。', '二、压实责任', '（一）落实主体责任', '企业要落实主体责任。'];

test('closing: 同志们，… exhortation and 谢谢大家！ after the last section', () => {
  const text = joinLines(...BODY, '同志们，安全生产工作任重道远，希望大家牢固树立安全发展理念。', '让我们齐心协力，为全市经济社会发展创造良好的安全环境而努力奋斗！', '谢谢大家！', '');
  assert.equal(closingOf(text), '同志们，安全生产工作任重道远，希望大家牢固树立安全发展理念。\n让我们齐心协力，为全市经济社会发展创造良好的安全环境而努力奋斗！\n谢谢大家！');
});

test('closing: each of its forms on its own', () => {
  for (const [closing, what] of [
    ['谢谢！', 'thanks alone'],
    ['谢谢大家。', 'thanks with a full stop'],
    ['希望大家认真抓好落实。', '希望…'],
    ['让我们携起手来，共同开创新局面！', '让我们…'],
    ['我就讲这些。最后，祝大家工作顺利、身体健康！', '我就讲这些'],
    ['最后，预祝本次会议圆满成功！', '最后，预祝…'],
    ['为完成全年目标任务而努力奋斗！', 'a slogan'],
    ['同志們，讓我們共同努力！', 'traditional script'],
    ['同志们,让我们共同努力!', 'half-width marks'],
  ] as const) {
    assert.equal(closingOf(joinLines(...BODY, closing, '')), closing, what);
  }
});

test('closing: none where the last section just ends, or 同志们 addresses the room mid-speech', () => {
  assert.equal(closingOf(joinLines(...BODY, '')), undefined);
  assert.equal(closingOf(joinLines(...BODY.slice(0, 5), '同志们，这项工作很重要。', '要抓紧落实。', ...BODY.slice(5), '')), undefined);
  // 希望 as the section's only body: it is the section's text, not a closing.
  assert.equal(closingOf(joinLines('一、提高认识', '希望大家提高认识。', '')), undefined);
  // …but an explicit thanks is a closing even right after a heading.
  assert.equal(closingOf(joinLines('一、提高认识', '要提高认识。', '二、压实责任', '谢谢大家！', '')), '谢谢大家！');
  // Without headings the opening keeps a paragraph of its own.
  assert.equal(closingOf(joinLines('同志们：', '谢谢大家！', '')), undefined);
  assert.equal(closingOf(joinLines('同志们：', '今天的会开得很好。', '谢谢大家！', '')), '谢谢大家！');
  assert.equal(closingOf(''), undefined);
});

test('closing: page leftovers after it are skipped, and are not part of it', () => {
  const text = joinLines(...BODY, '同志们，让我们共同努力！', '- 上一篇:在全县会议上的讲话', '- 下一篇:在全市会议上的讲话', '（根据录音整理）', '');
  assert.equal(closingOf(text), '同志们，让我们共同努力！');
  // After a Markdown rule nothing is the speech.
  assert.equal(closingOf(joinLines(...BODY, '谢谢大家！', '', '---', '', '请加入成为订户，谢谢！', '')), '谢谢大家！');
});

test('closing: the section counts leave it out; the parts add up to the whole', () => {
  const text = joinLines(...BODY, '同志们，让我们共同努力！', '谢谢大家！', '');
  const doc = parse(text);
  const parts = draftParts(doc);
  assert.ok(parts.closing);
  const [first, second] = doc.sections;
  assert.equal(parts.sectionCount(second), second.count - parts.closing.count);
  assert.equal(parts.sectionCount(second.children[0]), second.children[0].count - parts.closing.count);
  assert.equal(parts.sectionCount(first), first.count);
  assert.equal(parts.openingCount + parts.sectionCount(first) + parts.sectionCount(second) + parts.closing.count, doc.count.total);
  assert.equal(text.slice(parts.sectionSpan(second).start, parts.sectionSpan(second).end).trim(), '二、压实责任\n（一）落实主体责任\n企业要落实主体责任。');
});

test('closing: corpus 000 (traditional, 同志們,…希望…) and 001 (同志们,… then 上一篇/下一篇)', () => {
  const t000 = closingOf(readCorpus('000'));
  assert.ok(t000?.startsWith('同志們,“三幫雙促”工作已經進入到了攻堅階段,希望我們全體同志'), t000);
  assert.ok(t000!.endsWith('為人民群眾交上一份滿意的答卷。'));
  const t001 = closingOf(readCorpus('001'));
  assert.ok(t001?.startsWith('同志们,*的发展正站在新的历史起点上'), t001);
  assert.ok(t001!.endsWith('以优异的成绩向建国60周年献礼。'));
  // The last sections' 字数 stop where the closing starts (001's 上一篇/下一篇 lines after it count in neither).
  for (const name of ['000', '001']) {
    const doc = parse(readCorpus(name));
    const parts = draftParts(doc);
    const last = doc.sections[doc.sections.length - 1];
    assert.equal(parts.sectionCount(last), doc.countPrefix[parts.closing!.start] - doc.countPrefix[last.span.start], name);
    assert.ok(parts.sectionCount(last) <= last.count - parts.closing!.count, name);
  }
});

test('closing: the corpus speeches that end without one', () => {
  // 002, 003: the last section's list, then page chrome; 004: cut off mid-sentence by the site.
  for (const name of ['002', '003', '004']) assert.equal(closingOf(readCorpus(name)), undefined, name);
});

test('closing: corpus-dev speeches with a closing', () => {
  assert.equal(closingOf(readDev('03_')), '最后，我请同志们注意，也请全党同志注意:   \n  \n　　为在一九五六年胜利地召开党的第八次全国代表大会而斗争!   \n  \n　　为胜利地完成第一个五年计划而斗争!');
  // The closing line before the WeChat page's chrome (二维码, 阅读原文 …).
  assert.equal(closingOf(readDev('06_')), '我就讲这些。最后，祝大家工作顺利、身体健康、阖家幸福，在今后的工作中取得更大成绩！');
  // A slogan, before the 新华社 and 人民日报 credits.
  assert.match(closingOf(readDev('07_'))!, /^陈毅同志的革命风范将长存于世。.*而不懈奋斗！$/);
  // Thanks at the end of the last paragraph, before the subscription footer after `---`.
  assert.match(closingOf(readDev('09_'))!, /^我謹此祝願各位.*謝謝各位。$/);
  assert.match(closingOf(readDev('10_'))!, /^台灣不只有民主.*謝謝大家。$/);
});

test('closing: corpus-dev speeches without one', () => {
  // 01, 02: one physical line; 04, 05: notes after the speech; 08: a signature and 請審議。
  for (const name of ['01_', '02_', '04_', '05_', '08_']) assert.equal(closingOf(readDev(name)), undefined, name);
});
