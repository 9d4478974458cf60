// scrape-boilerplate: web-page leftovers, simplified and traditional, whole lines and in-line pieces,
// and the corpus: after fixing, no leftover remains and every other line is intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, lint, type LintOptions } from '../../../server/src/core/engine';
import type { TextEdit } from '../../../server/src/core/types';
import { type Described, checkFixes, findings, readCorpus, settingsWith, M, type Msg } from '../helpers';

const RULE = 'scrape-boilerplate';
const fixedBy = (text: string, options?: LintOptions) => checkFixes(text, RULE, options);
const WHOLE = (...kinds: string[]) => M('line', { what: kinds.map((kind) => ({ id: `${RULE}/kind.${kind}` })) });
const HEADER = WHOLE('header');
const BLURB = WHOLE('blurb');
const NAV = WHOLE('nav');
const RELATED = WHOLE('related');
const COPYRIGHT = WHOLE('copyright');
const DOCSITE = WHOLE('docsite');
const EDITOR_INLINE = M('piece', { what: [{ id: 'scrape-boilerplate/kind.editor' }] });
const DUPLICATE = M('duplicateTitle');
const chunk = (marker: string) => M('pageChunk', { marker });

function w(line: number, column: number, endColumn: number, message: Msg, fixed: string): Described {
  return { line, column, endLine: line, endColumn, severity: 'warning', ...message, fixed };
}

test('scrape-boilerplate: valid texts', () => {
  const valid = [
    '讲话\n同志们：\n我讲几点意见，供大家参考。\n时间：上午九点在三楼开会。\n相关文章要认真学习。\n版权保护工作要加强。',
    '第一页的内容。\n阅读是一种习惯。\n当前位置决定下一步。',
    // A leftover inside a comment or the front matter is not the draft's text.
    '---\n时间: 2022-04-20\n---\n<!-- 时间:2022-04-20 10:50:00 -->\n正文。',
    // A repeated line with no leftover between.
    '讲话\n\n讲话\n正文。',
    // Outline numbers are not page chunks.
    '讲话\n1、第一点。\n2、第二点。\n3、第三点。',
  ];
  for (const text of valid) assert.deepEqual(findings(text, RULE), [], text);
});

test('scrape-boilerplate: scrape header, blurb and repeated title (simplified and traditional)', () => {
  const s = '市长讲话\n时间:2022-04-20 10:50:00\n导语:市长讲话一文来源于网友上传,不代表本站观点,欢迎参考。\n市长讲话\n同志们：\n正文。';
  const t = '市長講話\n時間:2022-04-20 10:50:00\n導語:市長講話一文來源于網友上傳,不代表本站觀點,歡迎參考。\n市長講話\n同志們：\n正文。';
  for (const text of [s, t]) {
    const lines = text.split('\n');
    const without = (i: number) => lines.filter((_, k) => k !== i).join('\n');
    assert.deepEqual(findings(text, RULE), [w(2, 1, 23, HEADER, without(1)), w(3, 1, 31, BLURB, without(2)), w(4, 1, 5, DUPLICATE, without(3))]);
    assert.equal(fixedBy(text), [lines[0], lines[4], lines[5]].join('\n'));
  }
});

test('scrape-boilerplate: blank lines around deleted lines collapse to one', () => {
  const text = '市长讲话\n\n时间:2022-04-20 10:50:00\n\n导语:一文来源于网友上传,不代表本站观点。\n\n市长讲话\n\n同志们：\n\n正文。';
  assert.deepEqual(findings(text, RULE), [
    w(3, 1, 23, HEADER, '市长讲话\n\n导语:一文来源于网友上传,不代表本站观点。\n\n市长讲话\n\n同志们：\n\n正文。'),
    w(5, 1, 22, BLURB, '市长讲话\n\n时间:2022-04-20 10:50:00\n\n市长讲话\n\n同志们：\n\n正文。'),
    w(7, 1, 5, DUPLICATE, '市长讲话\n\n时间:2022-04-20 10:50:00\n\n导语:一文来源于网友上传,不代表本站观点。\n\n同志们：\n\n正文。'),
  ]);
  assert.equal(fixedBy(text), '市长讲话\n\n同志们：\n\n正文。');
});

test('scrape-boilerplate: 上一篇/下一篇 footer with a list bullet', () => {
  const text = '正文。\n- 上一篇:书记的讲话\n- 下一篇:另一篇讲话';
  assert.deepEqual(findings(text, RULE), [w(2, 1, 12, NAV, '正文。\n- 下一篇:另一篇讲话'), w(3, 1, 12, NAV, '正文。\n- 上一篇:书记的讲话')]);
  assert.equal(fixedBy(text), '正文。');
  // Traditional, with CRLF line breaks and a trailing newline.
  assert.equal(fixedBy('正文。\r\n- 上一篇:書記的講話\r\n- 下一篇:另一篇講話\r\n'), '正文。\r\n');
});

test('scrape-boilerplate: the editor blurb inside a paragraph deletes only that sentence; Extension B before it', () => {
  const text = '𠀀讲话\n𠀀我们要抓好落实。下面是小编为大家整理的讲话范文，供大家参考。接着讲第二点。';
  assert.deepEqual(findings(text, RULE), [w(2, 10, 32, EDITOR_INLINE, '𠀀讲话\n𠀀我们要抓好落实。接着讲第二点。')]);
  // Traditional twin.
  const t = '𠀀講話\n𠀀我們要抓好落實。下面是小編為大家整理的講話範文，供大家參考。接著講第二點。';
  assert.deepEqual(findings(t, RULE), [w(2, 10, 32, EDITOR_INLINE, '𠀀講話\n𠀀我們要抓好落實。接著講第二點。')]);
  // 供大家参考 with a site word is a leftover; the speaker's own is not.
  assert.deepEqual(findings('讲话\n本文整理了几篇讲话，供大家参考。', RULE), [w(2, 1, 17, WHOLE('editor'), '讲话')]);
});

test('scrape-boilerplate: a CSS line running into the blurb is one whole-line finding', () => {
  const text = '讲话\n.b1{white-space-collapsing:preserve;}.p1{text-ind下面是小编为大家整理的讲话,供大家参考。\n正文。';
  assert.deepEqual(findings(text, RULE), [w(2, 1, 70, WHOLE('css', 'editor'), '讲话\n正文。')]);
});

test('scrape-boilerplate: related, copyright and ICP lines at the end', () => {
  const text =
    '正文。\n\n相关热词搜索: 交办 会上\n相关文章\n\n版权所有:某某网 2018-2024\n\nPowered by 某某网 © All Rights Reserved.。备案号:粤ICP备18015855号-3';
  assert.deepEqual(
    findings(text, RULE).map(({ fixed, ...f }) => f),
    [
      { line: 3, column: 1, endLine: 3, endColumn: 14, severity: 'warning', ...RELATED },
      { line: 4, column: 1, endLine: 4, endColumn: 5, severity: 'warning', ...RELATED },
      { line: 6, column: 1, endLine: 6, endColumn: 19, severity: 'warning', ...COPYRIGHT },
      { line: 8, column: 1, endLine: 8, endColumn: 59, severity: 'warning', ...COPYRIGHT },
    ],
  );
  assert.equal(fixedBy(text), '正文。');
  assert.deepEqual(findings('正文。\n相關文章\n版權所有:某網', RULE).map((f) => M(f.messageId, f.data)), [RELATED, COPYRIGHT]);
});

test('scrape-boilerplate: document-sharing site chrome', () => {
  const text = [
    '讲话.docx',
    '',
    '上传人:太** 文档编号:93106981',
    '返回 下载 相关 举报',
    '讲话.docx_第1页',
    '第1页 / 共12页',
    '点击查看更多>>',
    '资源描述',
    '',
    '《讲话.docx》由会员分享,可在线阅读,更多相关',
    '',
    '正文。',
    '',
    '展开阅读全文',
    '相关资源',
    '相关搜索',
    '',
    '当前位置:首页 > 应用文书',
    '',
    '本站为文档C TO C交易模式,本站只提供存储空间',
    '',
    '工信部备案号:黑ICP备15003705号',
  ].join('\n');
  assert.deepEqual(
    findings(text, RULE).map((f) => `${f.line}:${f.column}-${f.endColumn} ${JSON.stringify(M(f.messageId, f.data))}`),
    [
      `1:3-8 ${JSON.stringify(M('extension', { ext: '.docx' }))}`,
      `3:1-22 ${JSON.stringify(DOCSITE)}`,
      `4:1-12 ${JSON.stringify(DOCSITE)}`,
      `5:1-12 ${JSON.stringify(DOCSITE)}`,
      `6:1-11 ${JSON.stringify(DOCSITE)}`,
      `7:1-9 ${JSON.stringify(DOCSITE)}`,
      `8:1-5 ${JSON.stringify(DOCSITE)}`,
      `10:1-26 ${JSON.stringify(DOCSITE)}`,
      `14:1-7 ${JSON.stringify(DOCSITE)}`,
      `15:1-5 ${JSON.stringify(RELATED)}`,
      `16:1-5 ${JSON.stringify(RELATED)}`,
      `18:1-15 ${JSON.stringify(WHOLE('breadcrumb'))}`,
      `20:1-26 ${JSON.stringify(WHOLE('disclaimer'))}`,
      `22:1-22 ${JSON.stringify(COPYRIGHT)}`,
    ],
  );
  assert.equal(fixedBy(text), '讲话\n\n正文。');
});

test('scrape-boilerplate: page-chunk markers found by the parser', () => {
  const page = '这是被切断的一页文字'.repeat(11);
  const text = `讲话\n\n1、${page}\n\n2、 ${page}\n\n3、${page}`;
  const found = findings(text, RULE);
  assert.deepEqual(
    found.map(({ fixed, ...f }) => f),
    [
      { line: 3, column: 1, endLine: 3, endColumn: 3, severity: 'warning', ...chunk('1、') },
      { line: 5, column: 1, endLine: 5, endColumn: 3, severity: 'warning', ...chunk('2、') },
      { line: 7, column: 1, endLine: 7, endColumn: 3, severity: 'warning', ...chunk('3、') },
    ],
  );
  // The marker goes with the spaces after it.
  assert.equal(found[1].fixed, `讲话\n\n1、${page}\n\n${page}\n\n3、${page}`);
  assert.equal(fixedBy(text), `讲话\n\n${page}\n\n${page}\n\n${page}`);
});

test('scrape-boilerplate: directives and severity override', () => {
  const text = '讲话\n<!-- speech-lint-disable-next-line scrape-boilerplate -->\n时间:2022-04-20 10:50:00\n时间:2022-04-21 10:50:00';
  assert.deepEqual(findings(text, RULE).map((f) => f.line), [4]);
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'off' } }) }), []);
  assert.deepEqual(findings(text, RULE, { settings: settingsWith({ rules: { [RULE]: 'error' } }) }).map((f) => f.severity), ['error']);
});

/** After fixing, each line that was not a leftover is still there, changed only by in-line fixes. */
function assertIntact(name: string): void {
  const text = readCorpus(name);
  const result = lint(text, { only: [RULE] });
  const { lines } = result.doc;
  const removed = new Set<number>();
  const inline = new Map<number, TextEdit[]>();
  for (const f of result.findings) {
    const line = lines.findIndex((l) => l.start <= f.start && f.start <= l.end);
    if (f.messageId === 'line' || f.messageId === 'duplicateTitle') removed.add(line);
    else inline.set(line, f.fix!.edits);
  }
  const expected = lines
    .filter((l) => !removed.has(l.index) && l.text.trim() !== '')
    .map((l) => {
      const edits = (inline.get(l.index) ?? []).map((e) => ({ ...e, start: e.start - l.start, end: e.end - l.start }));
      return applyEdits(l.text, edits);
    });
  const fixed = fixedBy(text);
  assert.deepEqual(
    fixed.split('\n').filter((l) => l.trim() !== ''),
    expected,
    name,
  );
}

test('scrape-boilerplate: corpus findings', () => {
  const summary = (name: string) => findings(readCorpus(name), RULE).map(({ fixed, ...f }) => f);
  const f = (line: number, column: number, endColumn: number, message: Msg) => ({ line, column, endLine: line, endColumn, severity: 'warning', ...message });

  assert.deepEqual(summary('000'), [f(3, 1, 23, HEADER), f(5, 1, 54, BLURB), f(7, 1, 13, DUPLICATE)]);
  assert.deepEqual(summary('001'), [f(2, 1, 23, HEADER), f(3, 1, 59, BLURB), f(26, 1, 24, NAV), f(27, 1, 24, NAV)]);
  assert.deepEqual(summary('002'), [
    // The site's category 工作总结 above the title.
    f(1, 1, 5, WHOLE('breadcrumb')),
    f(5, 1, 28, HEADER),
    f(7, 1, 149, WHOLE('css', 'editor')),
    f(9, 1, 33, DUPLICATE),
    f(75, 1, 52, RELATED),
    f(76, 1, 5, RELATED),
    f(78, 1, 52, COPYRIGHT),
    f(80, 1, 61, COPYRIGHT),
  ]);
  assert.deepEqual(summary('003'), [f(2, 1, 23, HEADER), f(3, 1, 52, BLURB), f(59, 1, 21, NAV), f(60, 1, 19, NAV)]);
  const s4 = summary('004');
  assert.equal(s4.length, 38);
  assert.deepEqual(s4.slice(0, 3), [f(1, 19, 24, M('extension', { ext: '.docx' })), f(3, 1, 63, DOCSITE), f(4, 1, 12, DOCSITE)]);
  // 22 page-chunk markers, 1、 … 22、, on lines 14, 16, … 56.
  const chunks = s4.filter((x) => x.messageId === 'pageChunk');
  assert.equal(chunks.length, 22);
  assert.deepEqual(chunks[0], f(14, 1, 3, chunk('1、')));
  assert.deepEqual(chunks[21], f(56, 1, 4, chunk('22、')));
  assert.deepEqual(s4.slice(-3), [f(62, 1, 22, WHOLE('breadcrumb')), f(64, 1, 197, WHOLE('disclaimer')), f(66, 1, 54, COPYRIGHT)]);
});

test('scrape-boilerplate: corpus after fixing — nothing left, the speech intact', () => {
  for (const name of ['000', '001', '002', '003', '004']) assertIntact(name);
  // The fixed drafts start with the title and then the speech.
  assert.ok(fixedBy(readCorpus('000')).startsWith('市長在三幫雙促調度會講話\n\n同志們:\n\n剛才'));
  assert.ok(fixedBy(readCorpus('001')).startsWith('市长在作风效能建设推进大会上的讲话\n今天,全市'));
  assert.ok(fixedBy(readCorpus('004')).startsWith('在全市政府系统办公室工作会议上的讲话\n\n在全市政府系统办公室工作会议上的讲话同志们:'));
});

test('scrape-boilerplate: a site category above the speech title is a leftover; a title alone is not', () => {
  const lines = (text: string) => findings(text, RULE).map((f) => [f.line, f.messageId]);
  assert.deepEqual(lines('工作总结\n\n在全市安全生产工作会议上的讲话\n\n同志们：\n今天开会。'), [[1, 'line']]);
  // The title of the speech itself, or a category without a title after it, stays.
  assert.deepEqual(lines('在全市安全生产工作会议上的讲话\n\n同志们：\n今天开会。'), []);
  assert.deepEqual(lines('工作总结\n\n今年以来，我们做了大量工作。'), []);
  assert.deepEqual(lines('政府工作报告\n\n各位代表：\n现在，我代表市人民政府作报告。'), []);
});
