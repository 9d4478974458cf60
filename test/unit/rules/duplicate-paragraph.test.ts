// duplicate-paragraph: a paragraph of 20 characters or more repeated; short lines, near-copies and
// comments left alone; deleting the copy is a suggestion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, joinLines, M, settingsWith, tableTests } from '../helpers';
import type { Described } from '../helpers';
import { on, suggestionsOf } from '../proofread-helpers';

/** The finding with the text its first suggestion gives (a fix the user picks, never applied in bulk). */
const sug = (d: Described, suggested: string): Described => ({ ...d, suggested });

const RULE = 'duplicate-paragraph';
const P = '　　各级党委和政府要高度重视安全生产工作，切实把责任落到实处。';

tableTests(
  RULE,
  [
    ['short lines may repeat', joinLines('谢谢大家！', '同志们：', '谢谢大家！')],
    ['near-copies are different paragraphs', joinLines(P, P.replace('切实', '真正'))],
  ],
  [
    ['a paragraph twice', joinLines(P, '　　二是加强监督检查。', P), [sug(on(3, 3, 32, M('duplicate', { line: 1 })), joinLines(P, '　　二是加强监督检查。'))]],
    ['twice, spaced differently', joinLines(P, P.replace('　　', '')), [sug(on(2, 1, 30, M('duplicate', { line: 1 })), P)]],
  ],
);

test('duplicate-paragraph: the suggestion deletes the copy with its line break; minLength', () => {
  assert.deepEqual(suggestionsOf(joinLines(P, '　　二是加强监督检查。', P), RULE), [[{ ...M('delete'), fixed: joinLines(P, '　　二是加强监督检查。') }]]);
  assert.deepEqual(suggestionsOf(joinLines(P, P, '结束。'), RULE), [[{ ...M('delete'), fixed: joinLines(P, '结束。') }]]);
  const settings = settingsWith({ rules: { [RULE]: { options: { minLength: 4 } } } });
  assert.deepEqual(findings(joinLines('谢谢大家！', '谢谢大家！'), RULE, { settings }), [sug(on(2, 1, 6, M('duplicate', { line: 1 })), '谢谢大家！')]);
});

test('duplicate-paragraph: no deletion is offered across a comment', () => {
  assert.deepEqual(suggestionsOf(joinLines(P, `${P}<!-- 待定 -->`), RULE), [[]]);
});
