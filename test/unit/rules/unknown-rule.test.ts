// unknown-rule: every rule id a directive names must exist; near misses get a suggestion, never a fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/core/engine';
import { findings, joinLines, M } from '../helpers';

const RULE = 'unknown-rule';

test('unknown-rule: known ids, a bare directive and a note after -- are fine', () => {
  const valid = [
    '<!-- speech-lint-disable -->\n正文。',
    '<!-- speech-lint-disable placeholder, cjk-space -->\n正文。\n<!-- speech-lint-enable placeholder -->',
    '<!-- speech-lint-disable-next-line heading-sequence -- 引文照录 -->\n一、正文',
    '<!-- 这是普通注释，提到 no-such-rule 也无妨 -->\n正文。',
  ];
  for (const text of valid) assert.deepEqual(findings(text, RULE), [], text);
});

test('unknown-rule: an unknown id is reported where it is written', () => {
  const text = joinLines('<!-- speech-lint-disable placeholder, no-such-rule -->', '正文。');
  assert.deepEqual(findings(text, RULE), [
    { line: 1, column: 39, endLine: 1, endColumn: 51, severity: 'warning', ...M('unknown', { rule: 'no-such-rule' }) },
  ]);
});

test('unknown-rule: a near miss offers the known id as a suggestion, not a fix', () => {
  const text = joinLines('<!-- speech-lint-disable-next-line cjk-spaces -->', '会 议。');
  assert.deepEqual(findings(text, RULE), [
    {
      line: 1,
      column: 36,
      endLine: 1,
      endColumn: 46,
      severity: 'warning',
      ...M('unknownDidYouMean', { rule: 'cjk-spaces', suggestion: 'cjk-space' }),
      suggested: joinLines('<!-- speech-lint-disable-next-line cjk-space -->', '会 议。'),
    },
  ]);
  // The misspelt directive silences nothing: the stray space is still reported.
  assert.deepEqual(lint(text).findings.map((f) => f.rule), ['unknown-rule', 'cjk-space']);
});

test('unknown-rule: enable with an unknown id is reported too', () => {
  assert.deepEqual(findings('<!-- speech-lint-enable Placeholder -->', RULE).map((f) => M(f.messageId, f.data)), [M('unknownDidYouMean', { rule: 'Placeholder', suggestion: 'placeholder' })]);
});
