// sentence-length: sentences over the limit between 。！？；, counted as Word counts 字; the `max` option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, M, settingsWith, tableTests } from '../helpers';
import { on } from '../proofread-helpers';

const RULE = 'sentence-length';
const clause = '我们要坚持问题导向和目标导向'; // 14 字
const long = Array.from({ length: 9 }, () => clause).join('，') + '。'; // 9 × 14 + 8 + 1 = 135

tableTests(
  RULE,
  [
    ['sentences split by 。 and ；', Array.from({ length: 9 }, () => clause).join('；') + '。'],
    ['Latin words and digits count one each', `${clause}，2024 年 GDP 增长 5.2%，${'https://example.com/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z'}。`],
  ],
  [['a sentence of 135 字', `　　${long}`, [on(1, 3, 138, M('long', { count: 135, max: 120 }), undefined, 'info')]]],
);

test('sentence-length: the max option', () => {
  const settings = settingsWith({ rules: { [RULE]: { options: { max: 20 } } } });
  assert.deepEqual(findings(`${clause}，${clause}。短句。`, RULE, { settings }), [on(1, 1, 31, M('long', { count: 30, max: 20 }), undefined, 'info')]);
});
