import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, lint } from '../../../server/src/core/engine';
import { findings, readCorpus, settingsWith, M } from '../helpers';

const RULE = 'mixed-script';

test('mixed-script: a pure traditional or simplified draft has no finding', () => {
  assert.deepEqual(findings('同志們：今天我們召開幹部大會，岳陽市的周邊地區要克服困難。', RULE), []);
  assert.deepEqual(findings('同志们：今天我们召开干部大会，岳阳市的周边地区要克服困难。', RULE), []);
});

test('mixed-script: characters valid in both scripts are not flagged (岳陽, 周, 克服, 了解, 注意, 里程, 于 as a surname)', () => {
  const traditional = '岳陽市周邊，克服困難，了解情況，注意安全，里程碑，于先生來了。我們繼續前進。';
  assert.deepEqual(findings(traditional, RULE), []);
  const simplified = '岳阳市周边，克服困难，了解情况，注意安全，里程碑，于先生来了。我们继续前进。';
  assert.deepEqual(findings(simplified, RULE), []);
});

test('mixed-script: a simplified-only character in a traditional draft is a warning with a fix', () => {
  assert.deepEqual(findings('關於這個問題，并且我們要說清楚。', RULE), [
    { line: 1, column: 8, endLine: 1, endColumn: 9, severity: 'warning', ...M('character', { own: { id: 'script/traditional' }, other: { id: 'script/simplified' }, found: '并', replacement: '並' }), fixed: '關於這個問題，並且我們要說清楚。' },
  ]);
});

test('mixed-script: a traditional-only character in a simplified draft is a warning with a fix', () => {
  assert.deepEqual(findings('我们的幹部队伍并不弱，要继续努力。', RULE), [
    { line: 1, column: 4, endLine: 1, endColumn: 5, severity: 'warning', ...M('character', { own: { id: 'script/simplified' }, other: { id: 'script/traditional' }, found: '幹', replacement: '干' }), fixed: '我们的干部队伍并不弱，要继续努力。' },
  ]);
});

test('mixed-script: an ambiguous character is judged by phrase context at info severity', () => {
  assert.deepEqual(findings('我們的干部隊伍不弱，關於這一點要說清楚。', RULE), [
    { line: 1, column: 4, endLine: 1, endColumn: 5, severity: 'info', ...M('phrase', { phrase: '幹部', own: { id: 'script/traditional' }, replacement: '幹', found: '干' }), fixed: '我們的幹部隊伍不弱，關於這一點要說清楚。' },
  ]);
  const off = settingsWith({ rules: { [RULE]: { options: { phraseContext: false } } } });
  assert.deepEqual(findings('我們的干部隊伍不弱，關於這一點要說清楚。', RULE, { settings: off }), []);
});

test('mixed-script: a user severity of error does not raise phrase-context findings above info', () => {
  const settings = settingsWith({ rules: { [RULE]: 'error' } });
  assert.deepEqual(findings('我們的干部隊伍並不弱，并且說清楚。', RULE, { settings }).map((f) => f.severity), ['info', 'error']);
});

test('mixed-script: columns count an Extension B character as one', () => {
  assert.deepEqual(findings('𠀀我們並且并且說清楚。', RULE).map((f) => [f.column, f.endColumn]), [[6, 7]]);
});

test('mixed-script: comments and front matter are not checked', () => {
  const text = '---\n类型: 综合\n---\n<!-- 这里是简体注释，并且不检查 -->\n我們並且說清楚。\n';
  assert.deepEqual(findings(text, RULE), []);
});

test('mixed-script: script can be forced by settings', () => {
  const settings = settingsWith({ script: 'traditional' });
  assert.deepEqual(findings('我们开会。', RULE, { settings }).map((f) => M(f.messageId, f.data)), [
    M('character', { own: { id: 'script/traditional' }, other: { id: 'script/simplified' }, found: '们', replacement: '們' }),
    M('character', { own: { id: 'script/traditional' }, other: { id: 'script/simplified' }, found: '开', replacement: '開' }),
    M('character', { own: { id: 'script/traditional' }, other: { id: 'script/simplified' }, found: '会', replacement: '會' }),
  ]);
});

test('mixed-script: corpus 000 (traditional) flags its simplified leftovers 于 and 并', () => {
  const text = readCorpus('000');
  const result = lint(text, { only: [RULE] });
  assert.equal(result.doc.script.script, 'traditional');
  const byChar = result.findings.map((f) => `${text.slice(f.start, f.end)}:${f.severity}`);
  assert.deepEqual(byChar, [
    '于:info', '咨:info', '于:info', '于:info', '并:warning', '并:warning', '并:warning', '干:info', '里:info', '并:warning', '并:warning', '里:info',
  ]);
});

test('mixed-script: corpus 003 (traditional) flags 干部 → 幹部 by phrase', () => {
  const text = readCorpus('003');
  const result = lint(text, { only: [RULE] });
  assert.equal(result.doc.script.script, 'traditional');
  const ganbu = result.findings.filter((f) => text.slice(f.start, f.start + 2) === '干部');
  assert.ok(ganbu.length >= 10, `干部 findings: ${ganbu.length}`);
  assert.ok(ganbu.every((f) => f.severity === 'info' && f.messageId === 'phrase' && f.data.replacement === '幹'));
  // Characters valid in both scripts outside such phrases stay unflagged.
  for (const f of result.findings) assert.notEqual(text.slice(f.start, f.end), '周');
});

test('mixed-script: the simplified corpus files have no finding', () => {
  for (const name of ['001', '002', '004']) assert.deepEqual(findings(readCorpus(name), RULE), [], name);
});

test('mixed-script: fixing corpus 000 leaves nothing fixable and changes only flagged characters', () => {
  const text = readCorpus('000');
  const before = lint(text, { only: [RULE] }).findings;
  const fixed = fixAll(text, { only: [RULE] });
  assert.deepEqual(fixed.result.findings, []);
  assert.equal(fixed.text.length, text.length);
  const changed = [...text].map((c, i) => (c === [...fixed.text][i] ? -1 : i)).filter((i) => i >= 0);
  assert.deepEqual(changed, before.map((f) => f.start));
});
