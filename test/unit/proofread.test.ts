// The proofreading rules together: the doc pages' examples (the wrong one is found, the right one is
// clean), and text the general linters get wrong left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/core/engine';
import { convertScript } from '../../server/src/core/script';
import { repoRoot, settingsWith } from './helpers';

const PROOFREADING = ['paired-punctuation', 'ellipsis-dash', 'repeated-punctuation', 'enumeration-comma', 'heading-punctuation', 'number-format', 'typo', 'formulation', 'repeated-word', 'duplicate-paragraph'];
const found = (text: string, only: string[]) => lint(text, { only }).findings.map((f) => `${f.rule}/${f.messageId}`);

/** An example on the page: `错误 Wrong：`…`` on one line, or a fenced block after the label. */
function example(page: string, label: string): string | undefined {
  return new RegExp(`${label}：\`([^\`]+)\``).exec(page)?.[1] ?? new RegExp(`${label}：\\n\\n\`\`\`\\n([^\`]+)\`\`\``).exec(page)?.[1];
}

for (const id of PROOFREADING) {
  test(`${id}: the doc page's wrong example is found and its right example is clean, in both scripts`, () => {
    const page = fs.readFileSync(path.join(repoRoot, 'docs', 'rules', `${id}.md`), 'utf8');
    const wrong = example(page, '错误 Wrong');
    const right = example(page, '正确 Right');
    assert.ok(wrong, `${id}: a wrong example`);
    assert.notDeepEqual(found(wrong, [id]), [], wrong);
    if (right) {
      assert.deepEqual(found(right, [id]), [], right);
      assert.deepEqual(found(convertScript(right, 'traditional'), [id]), [], `${right} (traditional)`);
    }
  });
}

test('proofreading: what other linters change is left alone (一.标题, （一）, Chinese next to digits and Latin)', () => {
  for (const text of ['一.加强组织领导', '（一）加强组织领导', '今年GDP增长5.2%', '今年 GDP 增长 5.2%，达到 1.2 万亿元']) assert.deepEqual(found(text, PROOFREADING), [], text);
});

test('proofreading: what other linters miss is found', () => {
  assert.deepEqual(found('截止目前，完成任务。', PROOFREADING), ['typo/typo']);
  assert.deepEqual(found('他强调：“要抓落实。', PROOFREADING), ['paired-punctuation/unclosed']);
  assert.deepEqual(found('学习《条例》、《规定》。', PROOFREADING), []);
  assert.deepEqual(lint('学习《条例》、《规定》。', { only: ['enumeration-comma'], settings: settingsWith({ presets: ['proofread-strict'] }) }).findings.map((f) => f.messageId), ['quoted']);
});
