import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/core/engine';
import type { SpeechLintSettings } from '../../../server/src/core/settings';
import { type Described, findings, joinLines, readCorpus, settingsWith, tableTests, M, type Msg } from '../helpers';

const RULE = 'announced-count';
const L = joinLines;
const W = (line: number, column: number, endColumn: number, message: Msg): Described => ({ line, column, endLine: line, endColumn, severity: 'warning', ...message });

const valid: [string, string, SpeechLintSettings?][] = [
  ['三点意见 and three headings', L('同志们：', '今天我讲三点意见。', '一、提高认识', '正文。', '二、突出重点', '正文。', '三、加强领导', '正文。')],
  ['以下三个方面 and three level-2 headings in a section', L('一、提高认识', '二、突出重点', '今年要抓好以下三个方面：', '（一）加强学习', '（二）改进作风', '（三）严格考核', '三、加强领导')],
  ['以下五个方面 and 一是…五是', '主要有以下五个方面：一是学习不够，二是作风不实，三是效率不高，四是纪律松弛，五是落实不力。'],
  ['几 announces no number', L('我讲几点意见。', '一、提高认识', '二、突出重点')],
  ['nothing follows that it could announce', '这项工作我讲了三点，大家都清楚。'],
  ['两点 and 第一，第二，', '我讲两点：第一，抓学习；第二，抓作风。'],
  ['a weak announcement with weak: false', '今年要完成三项任务：一要抓学习，二要抓作风。', settingsWith({ rules: { [RULE]: { options: { weak: false } } } })],
];

const invalid: [string, string, Described[]][] = [
  [
    'three announced, four headings follow',
    L('同志们：', '今天我讲三点意见。', '一、提高认识', '正文。', '二、突出重点', '正文。', '三、加强领导', '正文。', '四、确保实效', '正文。'),
    [W(2, 4, 7, M('moreHeadings', { phrase: '三点意见', announced: 3, actual: 4, level: { id: 'level/1' } }))],
  ],
  ['five announced, four headings follow', L('同志们：', '下面，我讲五个方面的意见。', '一、提高认识', '二、突出重点', '三、加强领导', '四、确保实效'), [W(2, 5, 10, M('fewerHeadings', { phrase: '五个方面的意见', announced: 5, actual: 4, level: { id: 'level/1' } }))]],
  [
    'level-2 headings in a section',
    L('一、提高认识', '正文。', '二、突出重点', '今年要抓好以下三个方面：', '（一）加强学习', '（二）改进作风', '三、加强领导'),
    [W(4, 6, 12, M('fewerHeadings', { phrase: '三个方面', announced: 3, actual: 2, level: { id: 'level/2' } }))],
  ],
  [
    'an enumeration one short',
    L('同志们：', '机关作风方面主要存在以下五个方面的问题：一是学习不够，二是作风不实，三是效率不高，四是纪律松弛。'),
    [W(2, 11, 17, M('fewerItems', { phrase: '五个方面的问题', announced: 5, actual: 4, range: '一是…四是' }))],
  ],
  ['a weak announcement before a list', '今年要完成三项任务：一要抓学习，二要抓作风。', [W(1, 6, 11, M('fewerItems', { phrase: '三项任务', announced: 3, actual: 2, range: '一要…二要' }))]],
  ['an ordinal list one too long', '我讲两点：第一，抓学习；第二，抓作风；第三，抓落实。', [W(1, 2, 5, M('moreItems', { phrase: '两点', announced: 2, actual: 3, range: '第一…第三' }))]],
  ['a quoted count', '关于“六看”：一是看学习，二是看作风，三是看效率，四是看纪律，五是看落实。', [W(1, 3, 7, M('fewerItems', { phrase: '六看', announced: 6, actual: 5, range: '一是…五是' }))]],
];

tableTests(RULE, valid, invalid, { twinMessages: true });

test(`${RULE}: a traditional draft quotes its own phrase`, () => {
  assert.deepEqual(findings(L('同志們：', '今天我講三點意見。', '一、提高認識', '二、突出重點'), RULE), [W(2, 4, 7, M('fewerHeadings', { phrase: '三點意見', announced: 3, actual: 2, level: { id: 'level/1' } }))]);
});

test(`${RULE}: the data carries the announced and the actual number`, () => {
  const [f] = lint(L('我讲三点意见。', '一、提高认识', '二、突出重点'), { only: [RULE] }).findings;
  assert.deepEqual(M(f.messageId, f.data), M('fewerHeadings', { phrase: '三点意见', announced: 3, actual: 2, level: { id: 'level/1' } }));
});

test(`${RULE}: severity can be overridden`, () => {
  const text = L('我讲三点意见。', '一、提高认识', '二、突出重点');
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'error' } }) }).map((f) => f.severity), ['error']);
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'off' } }) }), []);
});

test(`${RULE}: every corpus announcement matches what follows`, () => {
  // 000 我讲三点意见 → 3, 四项工作任务: → 一是…四是; 001 先讲三点意见 → 3, 以下五个方面 → 一是…五是;
  // 002 讲四个方面的意见 → 4, “六看” → 6, “九个讲” → 9; 003 講五個方面的意見 → 5, 講幾點 (no number);
  // 004 讲几点 (no number), 以下五个方面 (nothing it could count after it in the damaged copy).
  for (const name of ['000', '001', '002', '003', '004']) assert.deepEqual(findings(readCorpus(name), RULE), [], name);
  const resolved = (name: string) => lint(readCorpus(name), { only: [RULE] }).doc.announcements.filter((a) => a.number !== null && a.actual !== undefined).map((a) => [a.text, a.target, a.actual]);
  assert.deepEqual(resolved('000'), [['講三點', 'headings', 3], ['四項工作任務:', 'enumeration', 4]]);
  assert.deepEqual(resolved('001'), [['讲三点', 'headings', 3], ['以下五个方面', 'enumeration', 5]]);
  // 003 line 27: 今年重點要抓好三件事：一是…二是…三是….
  assert.deepEqual(resolved('003'), [['講五個方面', 'headings', 5], ['抓好三件事', 'enumeration', 3]]);
  assert.deepEqual(resolved('002').find((a) => a[0] === '讲四个方面'), ['讲四个方面', 'headings', 4]);
});

test(`${RULE}: counts a list must follow at once — 共有7条, 包括三层含义, 分两步, 抓好三件事, 八大罪状`, () => {
  const counts = (text: string) => lint(text, { only: [RULE] }).doc.announcements.map((a) => [a.text, a.target ?? null, a.actual ?? null]);
  // corpus-dev 08 line 70 and 80 (traditional), 05 line 14 → 15–21.
  assert.deepEqual(counts('決定草案正文部分共有7條，第一條，規定總體要求。第二條，規定目標。第三條，規定職責。第四條，規定機構。第五條，規定授權。第六條，規定立法。第七條，規定生效。'), [['共有7條', 'enumeration', 7]]);
  assert.deepEqual(counts('包括三層含義。一是堅持原則；二是完善制度；三是加強執行。'), [['包括三層含義', 'enumeration', 3]]);
  assert.deepEqual(counts('就叫做八大罪状吧。\n党八股的第一条罪状是：空话连篇。\n第二条罪状是：装腔作势。'), [['八大罪状', 'enumeration', 2]]);
  assert.deepEqual(findings('就叫做八大罪状吧。\n党八股的第一条罪状是：空话连篇。\n第二条罪状是：装腔作势。', RULE).map((f) => M(f.messageId, f.data)), [
    M('fewerItems', { phrase: '八大罪状', announced: 8, actual: 2, range: '第一…第二' }),
  ]);
  // Nothing follows at once: no count to compare.
  assert.deepEqual(counts('全年共有三项工作获得表彰，大家辛苦了。'), [['共有三项', null, null]]);
  assert.deepEqual(findings('全年共有三项工作获得表彰，大家辛苦了。\n一、总结成绩\n二、部署工作', RULE), []);
});
