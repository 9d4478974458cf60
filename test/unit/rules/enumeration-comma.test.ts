// enumeration-comma: 、 before 等 and the last conjunction, 、 inside an estimate (Chinese and Arabic
// numerals), ordinal abbreviations and words beginning with 等/和/及 left alone, and the opt-in 、
// between quoted items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFixes, findings, joinLines, M, settingsWith, tableTests } from '../helpers';
import { on } from '../proofread-helpers';

const RULE = 'enumeration-comma';

tableTests(
  RULE,
  [
    ['a list closed by 等 without a 顿号', '医院、学校等单位'],
    ['items beginning with 等, 和, 及', '候车室、等候区，团结、和谐、稳定，认真、及时、准确，缓一缓、等一等'],
    ['ordinal abbreviations keep their 顿号', '二、三产业，三、四季度，一、二年级，3、4月，第二、三条，六、七十年代'],
    ['a list of numbers', '3、4、5个月，十一、二月'],
    ['a heading marker before a number', joinLines('三、五年来的主要工作', '　　工作。')],
    ['quoted items are left alone by default', '《条例》、《规定》和“两学一做”、“三严三实”'],
    ['estimates without a 顿号', '三五天，三四个月，七八个人'],
  ],
  [
    ['a 顿号 before 等', '医院、学校、等单位', [on(1, 6, 8, M('beforeDeng', { word: '等' }), '医院、学校等单位')]],
    ['a 顿号 before 等等', '医院、学校、等等。', [on(1, 6, 8, M('beforeDeng', { word: '等等' }), '医院、学校等等。')]],
    ['a 顿号 before 和', '医院、学校、和社区', [on(1, 6, 8, M('beforeConjunction', { word: '和' }), '医院、学校和社区')]],
    ['a 顿号 before 以及', '政府团队、以及竞选团队', [on(1, 5, 8, M('beforeConjunction', { word: '以及' }), '政府团队以及竞选团队')]],
    ['a 顿号 inside an estimate', '用三、五天时间', [on(1, 2, 5, M('estimate', { right: '三五' }), '用三五天时间')]],
    ['an estimate in Arabic numerals', '再过3、4个月', [on(1, 3, 6, M('estimate', { right: '三四' }), '再过三四个月')]],
    ['an estimate of tens of thousands', '年产三、四十万吨的钢厂', [on(1, 3, 6, M('estimate', { right: '三四' }), '年产三四十万吨的钢厂')]],
  ],
);

test('enumeration-comma: quotedItems finds the 顿号 between items in 《》 or quotation marks', () => {
  const settings = settingsWith({ rules: { [RULE]: { options: { quotedItems: true } } } });
  assert.deepEqual(findings('学习《条例》、《规定》和“两学一做”、“三严三实”。', RULE, { settings }), [
    on(1, 7, 8, M('quoted'), '学习《条例》《规定》和“两学一做”、“三严三实”。'),
    on(1, 19, 20, M('quoted'), '学习《条例》、《规定》和“两学一做”“三严三实”。'),
  ]);
  assert.equal(checkFixes('医院、学校、等单位，用三、五天时间', RULE), '医院、学校等单位，用三五天时间');
});
