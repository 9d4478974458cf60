// ellipsis-dash: ellipses typed as 。。。, ..., ⋯⋯ or a single …; an ellipsis with 等/等等; dashes typed
// as doubled hyphens; single dashes between Chinese only suggested; connectors, ranges, URLs and
// English left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFixes, joinLines, M, tableTests } from '../helpers';
import type { Described } from '../helpers';
import { on, suggestionsOf } from '../proofread-helpers';

/** The finding with the text its first suggestion gives (a fix the user picks, never applied in bulk). */
const sug = (d: Described, suggested: string): Described => ({ ...d, suggested });

const RULE = 'ellipsis-dash';

tableTests(
  RULE,
  [
    ['a standard ellipsis and dash', '我们要抓好安全、环保、稳定……各项工作——这是底线。'],
    ['twelve dots for an omitted paragraph', '原文如下：…………'],
    ['dots in English, numbers and URLs', joinLines('wait... and see', '1...9', '网址 http://example.com/a...b 见说明'), undefined],
    ['ranges of numbers take the connector', '二〇二一—二〇二五年，三—五天，2021—2025年'],
    ['words beginning with 等 after an ellipsis', '一家人……等待着团聚。'],
    ['hyphens in a URL between Chinese', '<img src="https://example.com/蔡英文-勝選宣言-台灣.jpg">'],
    ['a list item marker', '- 上一篇：工作报告'],
  ],
  [
    ['periods for an ellipsis', '抓好安全、环保。。。各项工作', [on(1, 8, 11, M('ellipsis', { found: '。。。' }), '抓好安全、环保……各项工作')]],
    ['half-width dots', '抓好安全、环保...各项工作', [on(1, 8, 11, M('ellipsis', { found: '...' }), '抓好安全、环保……各项工作')]],
    ['one ellipsis character', '抓好安全、环保…各项工作', [on(1, 8, 9, M('ellipsis', { found: '…' }), '抓好安全、环保……各项工作')]],
    ['midline ellipsis characters', '抓好安全、环保⋯⋯各项工作', [on(1, 8, 10, M('ellipsis', { found: '⋯⋯' }), '抓好安全、环保……各项工作')]],
    ['an ellipsis before 等', '医院、学校……等单位', [on(1, 6, 8, M('withDeng', { deng: '等' }), '医院、学校等单位')]],
    ['an ellipsis before 等等', '医院、学校……等等。', [on(1, 6, 8, M('withDeng', { deng: '等等' }), '医院、学校等等。')]],
    ['等等 before an ellipsis', '医院、学校等等……', [on(1, 8, 10, M('withDeng', { deng: '等等' }), '医院、学校等等')]],
    ['a dash of two hyphens', '我们的目标--建设现代化强国', [on(1, 6, 8, M('dash', { found: '--' }), '我们的目标——建设现代化强国')]],
    ['a dash of two full-width hyphens', '对香港的人来说－－法治是重要的', [on(1, 8, 10, M('dash', { found: '－－' }), '对香港的人来说——法治是重要的')]],
    ['three ellipsis characters (suggested)', '抓好安全、环保………各项工作', [sug(on(1, 8, 11, M('ellipsisLength', { count: 3 })), '抓好安全、环保……各项工作')]],
    ['a single dash between Chinese (suggested, info)', '我们的目标—建设现代化强国', [sug(on(1, 6, 7, M('dashSingle', { found: '—' }), undefined, 'info'), '我们的目标——建设现代化强国')]],
  ],
);

test('ellipsis-dash: suggestions and fixes', () => {
  assert.deepEqual(suggestionsOf('我们的目标—建设现代化强国', RULE), [[{ ...M('toDash'), fixed: '我们的目标——建设现代化强国' }]]);
  assert.deepEqual(suggestionsOf('抓好安全………各项工作', RULE), [[{ ...M('toEllipsis'), fixed: '抓好安全……各项工作' }]]);
  assert.equal(checkFixes('抓好安全。。。环保...稳定…等工作，目标--建设强国，学校……等等。', RULE), '抓好安全……环保……稳定等工作，目标——建设强国，学校等等。');
});
