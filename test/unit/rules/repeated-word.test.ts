// repeated-word: 的的, 了了, 和和, 在在, 是是 typed by accident; reduplication and words that end or
// begin with the doubled character (现在+在, 实事求是+是, 为了+了解, 目的+的, 是否) left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFixes, M, tableTests } from '../helpers';
import { on } from '../proofread-helpers';

const RULE = 'repeated-word';

tableTests(
  RULE,
  [
    ['reduplication', '看看、谢谢、常常、人人、天天、渐渐、研究研究'],
    ['reduplicated function words', '的的确确，和和美美，实实在在，是是非非，不了了之'],
    ['a word ending in the doubled character', '我们现在在这里，实事求是是党的思想路线，达到目的的手段，调和和统一'],
    ['a word beginning with the doubled character', '为了了解情况，关键是是否落实，和和谐相处'],
  ],
  [
    ['的的', '这是我们的的任务', [on(1, 5, 7, M('doubled', { word: '的' }), '这是我们的任务')]],
    ['了了', '我们完成了了任务', [on(1, 5, 7, M('doubled', { word: '了' }), '我们完成了任务')]],
    ['和和', '医院和和学校', [on(1, 3, 5, M('doubled', { word: '和' }), '医院和学校')]],
    ['在在', '他在在会上讲', [on(1, 2, 4, M('doubled', { word: '在' }), '他在会上讲')]],
    ['是是', '这是是一项任务', [on(1, 2, 4, M('doubled', { word: '是' }), '这是一项任务')]],
  ],
);

test('repeated-word: a character typed three times loses both repetitions', () => {
  assert.equal(checkFixes('这是我们的的的任务', RULE), '这是我们的任务');
});
