// repeated-punctuation: doubled marks, a weaker mark before a stronger one (fixed), a stronger one first
// (two suggestions), emphatic ！！ and ？？ (info), list markers and ellipses left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFixes, joinLines, M, tableTests } from '../helpers';
import type { Described } from '../helpers';
import { on, suggestionsOf } from '../proofread-helpers';

/** The finding with the text its first suggestion gives (a fix the user picks, never applied in bulk). */
const sug = (d: Described, suggested: string): Described => ({ ...d, suggested });

const RULE = 'repeated-punctuation';

tableTests(
  RULE,
  [
    ['one mark at each pause', '同志们：今天，我们召开会议。会议很重要！大家明白吗？'],
    ['an ellipsis of periods (ellipsis-dash’s)', '抓好安全。。。各项工作'],
    ['a page marker before the text’s own full stop', joinLines('17、。在此，我代表市政府办公室'), undefined],
  ],
  [
    ['a doubled comma', '今天，，我们召开会议。', [on(1, 3, 5, M('doubled', { mark: '，' }), '今天，我们召开会议。')]],
    ['a doubled full stop', '我们召开会议。。大家', [on(1, 7, 9, M('doubled', { mark: '。' }), '我们召开会议。大家')]],
    ['a doubled 顿号', '医院、、学校', [on(1, 3, 5, M('doubled', { mark: '、' }), '医院、学校')]],
    ['a comma before a full stop', '我们召开会议，。大家', [on(1, 7, 9, M('clash', { first: '，', second: '。' }), '我们召开会议。大家')]],
    ['a 顿号 before a comma', '医院、学校、，还有', [on(1, 6, 8, M('clash', { first: '、', second: '，' }), '医院、学校，还有')]],
    ['a full stop before a comma', '我们召开会议。，大家', [sug(on(1, 7, 9, M('clashEither', { first: '。', second: '，' })), '我们召开会议。大家')]],
    ['emphatic exclamation marks (info)', '我们一定要胜利！！', [sug(on(1, 8, 10, M('emphatic', { found: '！！', mark: '！' }), undefined, 'info'), '我们一定要胜利！')]],
  ],
);

test('repeated-punctuation: a stronger mark first offers either; emphatic marks offer one', () => {
  assert.deepEqual(suggestionsOf('召开会议。，大家', RULE), [[
    { ...M('keep', { mark: '。' }), fixed: '召开会议。大家' },
    { ...M('keep', { mark: '，' }), fixed: '召开会议，大家' },
  ]]);
  assert.deepEqual(suggestionsOf('一定要胜利！！！', RULE), [[{ ...M('keep', { mark: '！' }), fixed: '一定要胜利！' }]]);
  assert.equal(checkFixes('今天，，，我们召开会议，。医院、，学校', RULE), '今天，我们召开会议。医院，学校');
});
