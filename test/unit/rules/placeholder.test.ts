// placeholder: built-in placeholders, masks, brackets and blanks, user placeholders in both scripts,
// what is not a placeholder, and the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, readCorpus, settingsWith, type Described, M, type Msg } from '../helpers';

const RULE = 'placeholder';
const unfilled = (found: string) => M('placeholder', { found });
const mask = (found: string) => M('mask', { found });
const at = (line: number, column: number, endColumn: number, message: Msg): Described => ({ line, column, endLine: line, endColumn, severity: 'warning', ...message });

test('placeholder: valid texts', () => {
  const valid = [
    'Exxon 公司',
    '规格为xxl号。',
    'XXL码',
    '3*4=12，a * b',
    '**重点工作**要抓好',
    '* 项目一',
    '*注：本表数据为初步统计。',
    '二〇二三年、二〇〇八年',
    '某些单位、某种程度',
    '变量 a_b 和 __init__',
    '【通知】全市会议',
    '（一）总体要求',
    '乘以×3',
    '<!-- XX市 -->正文。',
    '---\n单位: XX市\n---\n正文。',
  ];
  for (const text of valid) assert.deepEqual(findings(text, RULE), [], text);
});

test('placeholder: built-in placeholders', () => {
  const cases: [string, Described[]][] = [
    ['XX市长', [at(1, 1, 3, unfilled('XX'))]],
    ['xx市政府', [at(1, 1, 3, unfilled('xx'))]],
    ['XXX同志', [at(1, 1, 4, unfilled('XXX'))]],
    ['ＸＸ县', [at(1, 1, 3, unfilled('ＸＸ'))]],
    ['××局', [at(1, 1, 3, unfilled('××'))]],
    ['某某同志', [at(1, 1, 3, unfilled('某某'))]],
    ['【】', [at(1, 1, 3, unfilled('【】'))]],
    ['【  】', [at(1, 1, 5, unfilled('【  】'))]],
    ['截至【请填写日期】，', [at(1, 3, 10, unfilled('【请填写日期】'))]],
    ['【待补充】', [at(1, 1, 6, unfilled('【待补充】'))]],
    ['于（　　）月', [at(1, 2, 6, unfilled('（　　）'))]],
    ['签名___', [at(1, 3, 6, unfilled('___'))]],
    ['签名＿＿', [at(1, 3, 5, unfilled('＿＿'))]],
    ['XX ; XX市政府', [at(1, 1, 3, unfilled('XX')), at(1, 6, 8, unfilled('XX'))]],
  ];
  for (const [text, want] of cases) assert.deepEqual(findings(text, RULE), want, text);
});

test('placeholder: name masks — one finding per run', () => {
  assert.deepEqual(findings('*市', RULE), [at(1, 1, 2, mask('*'))]);
  assert.deepEqual(findings('刚才，*、*两位同志讲了意见。', RULE), [at(1, 4, 5, mask('*')), at(1, 6, 7, mask('*'))]);
  assert.deepEqual(findings('上传人:太** 文档', RULE), [at(1, 6, 8, mask('**'))]);
  assert.deepEqual(findings('＊＊县', RULE), [at(1, 1, 3, mask('＊＊'))]);
  // `**市**县` is not emphasis: one character between the pairs.
  assert.deepEqual(findings('**市**县', RULE), [at(1, 1, 3, mask('**')), at(1, 4, 6, mask('**'))]);
});

test('placeholder: traditional twins and Extension B columns', () => {
  assert.deepEqual(findings('截至【請填寫日期】，', RULE), [at(1, 3, 10, unfilled('【請填寫日期】'))]);
  assert.deepEqual(findings('XX市長非常重視', RULE), [at(1, 1, 3, unfilled('XX'))]);
  assert.deepEqual(findings('𠀀𠀁XX市\n𠀂*县', RULE), [at(1, 3, 5, unfilled('XX')), at(2, 2, 3, mask('*'))]);
});

test('placeholder: user placeholders are literal and match either script', () => {
  const settings = settingsWith({ placeholders: ['待定', 'TBD', '.*', '待補充'] });
  assert.deepEqual(findings('时间待定，TBD。', RULE, { settings }), [at(1, 3, 5, unfilled('待定')), at(1, 6, 9, unfilled('TBD'))]);
  assert.deepEqual(findings('abc', RULE, { settings }), []);
  assert.deepEqual(findings('数据待补充。', RULE, { settings }), [at(1, 3, 6, unfilled('待补充'))]);
  assert.deepEqual(findings('數據待補充。', RULE, { settings: settingsWith({ placeholders: ['待补充'] }) }), [at(1, 3, 6, unfilled('待補充'))]);
  // A user placeholder overlapping a built-in one is one finding.
  assert.deepEqual(findings('XX市长', RULE, { settings: settingsWith({ placeholders: ['XX市'] }) }), [at(1, 1, 4, unfilled('XX市'))]);
});

test('placeholder: severity override and directives', () => {
  assert.deepEqual(findings('XX市长', RULE, { settings: settingsWith({ rules: { placeholder: 'off' } }) }), []);
  assert.deepEqual(findings('XX市长', RULE, { settings: settingsWith({ rules: { placeholder: 'error' } }) }).map((f) => f.severity), ['error']);
  assert.deepEqual(findings('<!-- speech-lint-disable-next-line placeholder -->\nXX市长\nXX县长', RULE).map((f) => f.line), [3]);
});

test('placeholder: corpus', () => {
  const expected: Record<string, [number, Described?, Described?]> = {
    '000': [0],
    '001': [20, at(6, 69, 70, mask('*')), at(25, 128, 129, mask('*'))],
    '002': [25, at(11, 96, 97, mask('*')), at(71, 1296, 1297, mask('*'))],
    '003': [0],
    '004': [20, at(3, 6, 8, mask('**')), at(50, 134, 136, unfilled('XX'))],
  };
  for (const [name, [count, first, last]] of Object.entries(expected)) {
    const found = findings(readCorpus(name), RULE);
    assert.equal(found.length, count, name);
    if (first) assert.deepEqual(found[0], first, name);
    if (last) assert.deepEqual(found[found.length - 1], last, name);
  }
  // 004: 19 XX/xx (upper and lower case) and the masked uploader.
  const four = findings(readCorpus('004'), RULE).map((f) => `${f.messageId}:${f.data.found as string}`);
  assert.equal(four.filter((m) => m === 'placeholder:XX').length, 13);
  assert.equal(four.filter((m) => m === 'placeholder:xx').length, 6);
});
