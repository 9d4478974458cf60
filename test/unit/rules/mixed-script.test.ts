import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, lint } from '../../../server/src/core/engine';
import { findings, readCorpus, readCorpusDev, settingsWith, M } from '../helpers';

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
    // 松口氣 is 鬆口氣 in every traditional standard; 并先后 holds 先後 (line 13).
    '于:info', '咨:info', '于:info', '于:info', '并:warning', '后:info', '并:warning', '松:info', '并:warning', '干:info', '里:info', '并:warning', '并:warning', '里:info',
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

test('mixed-script: 台 and the other forms a traditional standard keeps are valid in a traditional draft', () => {
  // 台 is Hong Kong's and Taiwan's everyday form; 群, 裡, 著 Taiwan's; 着, 裏, 爲 OpenCC's; 説 Hong Kong's.
  const text = '台灣的平台、舞台、電台出台了新辦法。我們群策群力，在這裡面臨著挑戰，也面臨着機遇，爲此裏外説明。';
  assert.deepEqual(findings(text, RULE), []);
});

test('mixed-script: a phrase check reports a form no standard writes, not one a region writes either way', () => {
  // 聯系 is a conversion slip (every standard writes 聯繫); 公布, 回歸, 每周 are how Hong Kong and Taiwan write.
  assert.deepEqual(findings('我們要建立聯系，公布結果，迎接回歸，每周開會。', RULE).map((f) => M(f.messageId, f.data)), [
    M('phrase', { own: { id: 'script/traditional' }, phrase: '聯繫', found: '系', replacement: '繫' }),
  ]);
  // A phrase-table match that cuts across words (是只 in 絕對是只遵照) says nothing.
  assert.deepEqual(findings('法庭絕對是只遵照法律判案。', RULE), []);
});

test('mixed-script: a region setting narrows the forms a traditional draft may use', () => {
  const text = '溫度與温度都是常用詞，我們向前走。';
  // 温 is Hong Kong's form of 溫: valid in a traditional draft and a Hong Kong one, a slip in a Taiwan one.
  assert.deepEqual(findings(text, RULE), []);
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ script: 'traditional-hk' }) }), []);
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ script: 'traditional-tw' }) }).map((f) => [f.column, M(f.messageId, f.data)]), [
    [4, M('character', { own: { id: 'script/traditional' }, other: { id: 'script/simplified' }, found: '温', replacement: '溫' })],
  ]);
  // 台 stays valid in Taiwan text, and so does 群 in Hong Kong text, though each region's table writes 臺 / 羣.
  assert.deepEqual(findings('台灣群眾', RULE, { settings: settingsWith({ script: 'traditional-tw' }) }), []);
  assert.deepEqual(findings('台灣群眾', RULE, { settings: settingsWith({ script: 'traditional-hk' }) }), []);
});

test('mixed-script: a traditional-only character of a Hong Kong form is flagged in a simplified draft', () => {
  assert.deepEqual(findings('我们要保衞家园。', RULE).map((f) => M(f.messageId, f.data)), [
    M('character', { own: { id: 'script/simplified' }, other: { id: 'script/traditional' }, found: '衞', replacement: '卫' }),
  ]);
});

test('mixed-script: the Taiwan and Hong Kong speeches have no character finding; 08 has its 聯系 slip', () => {
  assert.deepEqual(findings(readCorpusDev('10'), RULE), []);
  assert.deepEqual(findings(readCorpusDev('09'), RULE), []);
  const hk = readCorpusDev('08');
  assert.deepEqual(findings(hk, RULE).map((f) => [f.line, hk.split('\n')[f.line - 1].slice(f.column - 4, f.column)]), [[25, '建立聯系']]);
});

test('mixed-script: the wrong one of two traditional characters for one simplified (重復 for 重複) is a phrase slip; variants are not', () => {
  assert.deepEqual(findings('這樣的問題不要重復，情況很復雜。', RULE).map((f) => M(f.messageId, f.data)), [
    M('phrase', { own: { id: 'script/traditional' }, phrase: '重複', found: '復', replacement: '複' }),
    M('phrase', { own: { id: 'script/traditional' }, phrase: '複雜', found: '復', replacement: '複' }),
  ]);
  // Where two phrases overlap and want different forms, neither reading is certain and neither form is
  // flagged: 重复 → 重複 but 复出 → 復出 (重復出現, 重複出現); 干部 → 幹部 but 全干 → 全乾 (安全幹部, 安全乾部).
  // Flagging either way would turn a correct text wrong and then flag it back.
  for (const text of ['不要重復出現。', '不要重複出現。', '保障財產安全幹部。', '保障財產安全乾部。']) assert.deepEqual(findings(text, RULE), [], text);
  // Pairs a region writes either way: 盡早/儘早, 事跡/事蹟, 錘煉/錘鍊, 個中/箇中.
  assert.deepEqual(findings('我們要盡早落實，宣傳先進事跡，在實踐中錘煉，個中道理很清楚。', RULE), []);
});
