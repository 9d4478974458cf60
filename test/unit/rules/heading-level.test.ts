import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SpeechLintSettings } from '../../../server/src/core/settings';
import { type Described, findings, joinLines, readCorpus, settingsWith, tableTests, M, type Msg } from '../helpers';

const RULE = 'heading-level';
const L = joinLines;
const skipped = (levels: number[], parent: string, expected: string, actual: string) => M('skipped', { missing: levels.map((l) => ({ id: `level/${l}` })), parent, expected, actual });
const W = (line: number, endColumn: number, message: Msg): Described => ({ line, column: 1, endLine: line, endColumn, severity: 'warning', ...message });

const strict = settingsWith({ rules: { [RULE]: { options: { allowLevel3UnderLevel1: false } } } });
const dun = settingsWith({ level3Style: 'dun' });

const valid: [string, string, SpeechLintSettings?][] = [
  ['four levels in order', L('一、总体要求', '（一）指导思想', '1.坚持问题导向', '（1）查找问题', '（2）整改落实', '二、重点任务', '（一）抓好学习')],
  ['1. directly under 一、 in a two-level outline (no （一） anywhere)', L('一、总体要求', '1.坚持问题导向', '2.坚持目标导向', '二、重点任务', '1.抓好学习')],
  ['（1） under 1. under 一、 in an outline without （一）', L('一、总体要求', '1.坚持问题导向', '（1）查找问题', '二、重点任务')],
  ['only level-1 headings', L('一、总体要求', '二、重点任务', '三、保障措施')],
  ['no headings', '同志们：今天的会议很重要。'],
  ['a level going back up is fine', L('一、总体要求', '（一）指导思想', '1.坚持问题导向', '二、重点任务', '三、保障措施')],
];

const invalid: [string, string, Described[], SpeechLintSettings?][] = [
  ['（一） before any 一、', L('（一）指导思想', '（二）工作目标', '一、总体要求', '（一）抓好学习'), [W(1, 4, M('beforeParent', { level: { id: 'level/2' }, actual: '（一）', missing: [{ id: 'level/1' }], expected: '一、' }))]],
  [
    '1. directly under 一、 when the draft has （一） elsewhere',
    L('一、总体要求', '1.坚持问题导向', '2.坚持目标导向', '二、重点任务', '（一）抓好学习'),
    [W(2, 3, skipped([2], '一、', '（一）', '1.'))],
  ],
  ['1. directly under 一、 with allowLevel3UnderLevel1: false', L('一、总体要求', '1.坚持问题导向'), [W(2, 3, skipped([2], '一、', '（一）', '1.'))], strict],
  ['（1） directly under （一）', L('一、总体要求', '（一）抓好学习', '（1）读原著', '（2）写体会'), [W(3, 4, skipped([3], '（一）', '1.', '（1）'))]],
  ['（1） directly under （一）, level3Style dun', L('一、总体要求', '（一）抓好学习', '（1）读原著'), [W(3, 4, skipped([3], '（一）', '1、', '（1）'))], dun],
  ['（1） directly under 一、', L('一、总体要求', '（1）读原著', '二、重点任务', '（一）抓好学习'), [W(2, 4, skipped([2, 3], '一、', '（一）', '（1）'))]],
  ['（1） directly under 二、 in a two-level outline', L('一、总体要求', '1.坚持问题导向', '二、重点任务', '（1）读原著'), [W(4, 4, skipped([3], '二、', '1.', '（1）'))]],
  ['1. before any 一、', L('1.前言', '一、总体要求', '（一）抓好学习'), [W(1, 3, M('beforeParent', { level: { id: 'level/3' }, actual: '1.', missing: [{ id: 'level/1' }, { id: 'level/2' }], expected: '一、' }))]],
  ['1. before any 一、 in a two-level outline', L('1.前言', '一、总体要求', '1.抓好学习'), [W(1, 3, M('beforeParent', { level: { id: 'level/3' }, actual: '1.', missing: [{ id: 'level/1' }], expected: '一、' }))]],
  [
    'each misplaced group once',
    L('一、总体要求', '（1）读原著', '（2）写体会', '二、重点任务', '（一）抓好学习', '（1）读原著', '（2）写体会'),
    [W(2, 4, skipped([2, 3], '一、', '（一）', '（1）')), W(6, 4, skipped([3], '（一）', '1.', '（1）'))],
  ],
];

tableTests(RULE, valid, invalid);

test(`${RULE}: severity can be overridden`, () => {
  const text = L('（一）指导思想', '一、总体要求');
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'error' } }) }).map((f) => f.severity), ['error']);
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'off' } }) }), []);
});

test(`${RULE}: corpus 000–003 use their levels in order (003: 一、 then 1、 with no （一） anywhere)`, () => {
  for (const name of ['000', '001', '002', '003']) assert.deepEqual(findings(readCorpus(name), RULE), [], name);
});

test(`${RULE}: corpus 004: its （一）-level headings sit under 一、 and 二、, which are run into the text (…我先讲几点意 见。一、履职尽责,…)`, () => {
  assert.deepEqual(findings(readCorpus('004'), RULE), []);
});
