// number-format: leading zeros in dates, look-alike zeros in Chinese years, full-width digits and
// letters, ranges with % / 万 / 亿 on one end, contradictory approximations, decreases in 倍, two-digit
// years; correct numbers and words that only look like approximations left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFixes, M, tableTests } from '../helpers';
import type { Described } from '../helpers';
import { on, suggestionsOf } from '../proofread-helpers';

/** The finding with the text its first suggestion gives (a fix the user picks, never applied in bulk). */
const sug = (d: Described, suggested: string): Described => ({ ...d, suggested });

const RULE = 'number-format';

tableTests(
  RULE,
  [
    ['dates as GB/T 15835 writes them', '2024年1月5日，二〇二四年，1949年10月1日，07月份'],
    ['ranges with the sign on both ends', '15%～30%，13万～17万元，100～150元，400—429页'],
    ['one approximation at a time', '近200人，200余人，大约20人，20人左右，最近十多天，节约200多元，制约20元左右'],
    ['an increase in 倍', '增长了3倍，提高两倍'],
    ['years in full', '用了24年时间，24年3个月'],
    ['ＸＸ is a placeholder (the placeholder rule’s)', 'ＸＸ市'],
  ],
  [
    ['leading zeros in a date', '2024年01月05日召开', [on(1, 1, 12, M('leadingZero', { right: '2024年1月5日' }), '2024年1月5日召开')]],
    ['a leading zero in the month', '2024年03月开会', [on(1, 1, 9, M('leadingZero', { right: '2024年3月' }), '2024年3月开会')]],
    ['a leading zero after a year in Chinese numerals', '二〇二四年03月召开', [on(1, 6, 9, M('leadingZero', { right: '3月' }), '二〇二四年3月召开')]],
    ['a digit 0 in a Chinese year', '二0二四年会议', [on(1, 1, 5, M('zero', { right: '二〇二四年' }), '二〇二四年会议')]],
    ['Latin O in a Chinese year', '二OO一年八月讲话', [on(1, 1, 5, M('zero', { right: '二〇〇一年' }), '二〇〇一年八月讲话')]],
    ['look-alike zeros in both years of a range', '二O一一—二O一五年规划', [on(1, 1, 5, M('zero', { right: '二〇一一' }), '二〇一一—二O一五年规划'), on(1, 6, 10, M('zero', { right: '二〇一五年' }), '二O一一—二〇一五年规划')]],
    ['a circle in a Chinese year', '一九五○年会议', [on(1, 1, 5, M('zero', { right: '一九五〇年' }), '一九五〇年会议')]],
    ['full-width digits', '投资１０００元', [on(1, 3, 7, M('fullWidth', { found: '１０００', right: '1000' }), '投资1000元')]],
    ['full-width letters', '全市ＧＤＰ增长', [on(1, 3, 6, M('fullWidth', { found: 'ＧＤＰ', right: 'GDP' }), '全市GDP增长')]],
    ['a full-width decimal', '增长５．２％', [on(1, 3, 6, M('fullWidth', { found: '５．２', right: '5.2' }), '增长5.2％')]],
    ['a percentage on one end of a range', '增长15～30%', [on(1, 3, 9, M('range', { unit: '%', right: '15%～30%' }), '增长15%～30%')]],
    ['万 on one end of a range', '投资13～17万元', [on(1, 3, 9, M('range', { unit: '万', right: '13万～17万' }), '投资13万～17万元')]],
    ['近 with 余', '近200余人参加', [sug(on(1, 1, 6, M('nearAndMore', { near: '近', more: '余' })), '200余人参加')]],
    ['大约 with 左右', '大约20人左右', [on(1, 1, 8, M('aboutAround', { about: '大约', around: '左右' }), '大约20人')]],
    ['a decrease in 倍 (info)', '费用降低了3倍', [on(1, 3, 8, M('decreaseTimes'), undefined, 'info')]],
    ['a two-digit year', '24年3月召开', [sug(on(1, 1, 6, M('shortYear', { found: '24年3月', right: '2024年3月' })), '2024年3月召开')]],
  ],
  { twinMessages: true },
);

test('number-format: suggestions for contradictory approximations and short years', () => {
  assert.deepEqual(suggestionsOf('近200余人参加', RULE), [[
    { ...M('drop', { word: '近' }), fixed: '200余人参加' },
    { ...M('drop', { word: '余' }), fixed: '近200人参加' },
  ]]);
  assert.deepEqual(suggestionsOf('98年3月', RULE), [[{ ...M('fullYear', { right: '1998年3月' }), fixed: '1998年3月' }]]);
  assert.equal(checkFixes('2024年01月05日，二0二四年，１０００元，15～30%，约3万元左右', RULE), '2024年1月5日，二〇二四年，1000元，15%～30%，约3万元');
});
