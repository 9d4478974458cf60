// The bundled language server (dist/server.js --stdio) driven by a real JSON-RPC client: diagnostics,
// code actions, symbols, folding, hover, completion, the custom requests, incremental sync and
// settings. No sleeps: every wait is on a message or a response, with a timeout.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixAll, lint } from '../../../server/src/core/engine';
import { convertScript } from '../../../server/src/core/script';
import { positionAt } from '../../../server/src/core/text';
import { readCorpus, repoRoot } from '../helpers';
import { LspClient } from './lspClient';
import { findingMessage } from '../../../server/src/core/messages';

const DRAFT = [
  '在全市作风建设推进会上的讲话',
  '',
  '同志们：',
  '今天召开会议，主要是部署工作。下面，我讲三点意见。',
  '一、统一思想,提高认识',
  '今年以来，全市上下做了大量工作。一是加强学习。二是深入调研。四是狠抓落实。',
  '二、突出重点',
  '（一）抓好学习',
  '要组织XX同志参加培训。',
  '（三）抓好落实',
  '　　要 加强督查。',
  '三、加强领导',
  '各级领导要带头。',
  '四、严格考核',
  '年底要考核。',
  '',
].join('\n');

const FIXED = [
  '在全市作风建设推进会上的讲话',
  '',
  '同志们：',
  '今天召开会议，主要是部署工作。下面，我讲三点意见。',
  '一、统一思想，提高认识',
  '今年以来，全市上下做了大量工作。一是加强学习。二是深入调研。三是狠抓落实。',
  '二、突出重点',
  '（一）抓好学习',
  '要组织XX同志参加培训。',
  '（二）抓好落实',
  '　　要加强督查。',
  '三、加强领导',
  '各级领导要带头。',
  '四、严格考核',
  '年底要考核。',
  '',
].join('\n');

const docs = (rule: string) => pathToFileURL(path.join(repoRoot, 'docs', 'rules', `${rule}.md`)).href;

/** `line:char-line:char` */
function r(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function brief(items: any[]): string[] {
  return items.map((d) => `${r(d.range)} ${d.severity} ${d.code} ${d.message}`);
}

const EXPECTED_DIAGNOSTICS = [
  '3:19-3:22 2 announced-count 预告“三点意见”，其后有四个一级标题',
  '4:6-4:7 2 punctuation-width 半角逗号“,”夹在中文之间，应改为全角“，”',
  '5:30-5:32 2 enumeration-sequence 列举编号不连续：应为“三是”，实为“四是”',
  '8:3-8:5 2 placeholder 占位符“XX”尚未填写，定稿前应替换为实际内容',
  '9:0-9:3 1 heading-sequence 标题编号不连续：应为“（二）”，实为“（三）”',
  '10:3-10:4 2 cjk-space 中文之间有多余的空格，应删除',
];

const tmpDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-lsp-'));
  tmpDirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('language server over stdio (pull diagnostics)', () => {
  let client: LspClient;
  const uri = 'untitled:draft-1';

  before(async () => {
    client = await LspClient.start();
    await client.open(uri, DRAFT);
  });
  after(() => client.kill());

  it('pulls diagnostics with rule codes, doc links, source and Chinese messages', async () => {
    const report = await client.diagnostics(uri);
    assert.equal(report.kind, 'full');
    assert.deepEqual(brief(report.items), EXPECTED_DIAGNOSTICS);
    for (const d of report.items) {
      assert.equal(d.source, 'speech-lint');
      assert.deepEqual(d.codeDescription, { href: docs(d.code) });
    }
  });

  it('converts exactly the core’s findings (positions in UTF-16)', async () => {
    const report = await client.diagnostics(uri);
    const result = lint(DRAFT);
    const severity = { error: 1, warning: 2, info: 3 } as const;
    const expected = result.findings.map((f) => {
      const s = positionAt(result.doc.lines, f.start);
      const e = positionAt(result.doc.lines, f.end);
      return `${s.line}:${s.character}-${e.line}:${e.character} ${severity[f.severity]} ${f.rule} ${findingMessage(f, 'zh-Hans')}`;
    });
    assert.deepEqual(brief(report.items), expected);
  });

  it('answers an unchanged version with `unchanged`', async () => {
    const first = await client.diagnostics(uri);
    const second = await client.diagnostics(uri, first.resultId);
    assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
  });

  it('answers an edit that leaves the diagnostics as they were with `unchanged`, and one that changes them in full', async () => {
    const uri = 'untitled:typing.speech';
    await client.open(uri, DRAFT);
    const first = await client.diagnostics(uri);
    // 各级领导要带头。(line 12) has no finding, and typing 很 before it makes none.
    await client.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: '很' }]);
    assert.deepEqual(await client.diagnostics(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    await client.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 1 } }, text: '' }]);
    assert.deepEqual(await client.diagnostics(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // The half-width comma of 统一思想,提高认识 (4:6) made full-width: its finding goes.
    await client.change(uri, [{ range: { start: { line: 4, character: 6 }, end: { line: 4, character: 7 } }, text: '，' }]);
    const fixed = await client.diagnostics(uri, first.resultId);
    assert.equal(fixed.kind, 'full');
    assert.notEqual(fixed.resultId, first.resultId);
    assert.equal(fixed.items.length, first.items.length - 1);
    assert.ok(!fixed.items.some((d: any) => d.code === 'punctuation-width' && d.range.start.line === 4));
    await client.change(uri, [{ text: DRAFT }]);
    assert.deepEqual((await client.diagnostics(uri, fixed.resultId)).items, first.items);
    await client.close(uri);
  });

  it('answers a pull after several quick edits from the newest version alone: the versions in between are never linted', async () => {
    const uri = 'untitled:quick.speech';
    await client.open(uri, DRAFT);
    await client.diagnostics(uri);
    for (const ch of ['很', '很', '很']) await client.change(uri, [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: ch }]);
    const report = await client.diagnostics(uri);
    assert.equal(report.kind, 'full');
    const linted = client.logs.filter((m: string) => m.startsWith(`linted ${uri} (version`)).map((m: string) => /version (\d+)/.exec(m)![1]);
    assert.deepEqual(linted, ['1', '4']);
    await client.close(uri);
  });

  it('after a run of edits, each linted from the one before, shows what a fresh lint of the text finds', async () => {
    // Typing, a line break, a deleted heading marker, a new list item, a comment: what a drafter does.
    const edits: [number, number, number, string][] = [
      [5, 0, 0, '的'],
      [8, 3, 3, '\n'],
      [11, 0, 2, ''],
      [6, 0, 0, '五是抓好宣传。'],
      [3, 0, 0, '<!-- 待改 -->'],
      [12, 2, 4, ',,'],
    ];
    const uri = 'untitled:edits.speech';
    await client.open(uri, DRAFT);
    let text = DRAFT;
    let previousId: string | undefined;
    // What the editor shows: the last full report (an `unchanged` one keeps it).
    let shown: any[] = [];
    for (const [line, from, to, insert] of edits) {
      await client.change(uri, [{ range: { start: { line, character: from }, end: { line, character: to } }, text: insert }]);
      const lines = text.split('\n');
      lines[line] = lines[line].slice(0, from) + insert + lines[line].slice(to);
      text = lines.join('\n');
      const report = await client.diagnostics(uri, previousId);
      previousId = report.resultId;
      if (report.kind === 'full') shown = report.items;
      const fresh = lint(text);
      const expected = fresh.findings.map((f) => `${r({ start: positionAt(fresh.doc.lines, f.start), end: positionAt(fresh.doc.lines, f.end) })} ${f.rule} ${findingMessage(f, 'zh-Hans')}`);
      assert.deepEqual(shown.map((d: any) => `${r(d.range)} ${d.code} ${d.message}`), expected);
    }
    await client.close(uri);
  });

  it('offers a preferred quick fix with its diagnostic attached', async () => {
    const diagnostics = (await client.diagnostics(uri)).items;
    const comma = diagnostics.find((d: any) => d.code === 'punctuation-width');
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: comma.range,
      context: { diagnostics: [comma] },
    });
    const fix = actions.find((a: any) => a.title.startsWith('修复'));
    assert.equal(fix.title, '修复：半角逗号“,”夹在中文之间，应改为全角“，”');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [comma]);
    assert.equal(client.applied(uri, fix.edit), DRAFT.replace('统一思想,提高认识', '统一思想，提高认识'));
  });

  it('disables a rule for one line, keeping the line’s indentation', async () => {
    const diagnostics = (await client.diagnostics(uri)).items;
    const space = diagnostics.find((d: any) => d.code === 'cjk-space');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: space.range, context: { diagnostics: [space] } });
    const disable = actions.find((a: any) => a.title === '在此行禁用 cjk-space');
    assert.equal(disable.kind, 'quickfix');
    const text = client.applied(uri, disable.edit);
    assert.equal(text, DRAFT.replace('　　要 加强督查。', '　　<!-- speech-lint-disable-next-line cjk-space -->\n　　要 加强督查。'));
    // The directive works: linting the new text drops exactly that finding.
    const other = 'untitled:draft-disable';
    await client.open(other, text);
    const codes = (await client.diagnostics(other)).items.map((d: any) => d.code);
    assert.deepEqual(codes, ['announced-count', 'punctuation-width', 'enumeration-sequence', 'placeholder', 'heading-sequence']);
    await client.close(other);
  });

  it('source.fixAll.speech-lint returns minimal edits of fixAll’s end result', async () => {
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.speech-lint');
    const text = client.applied(uri, actions[0].edit);
    assert.equal(text, FIXED);
    assert.equal(text, fixAll(DRAFT).text);
    const edits = actions[0].edit.documentChanges[0].edits;
    assert.deepEqual(
      edits.map((e: any) => `${r(e.range)} ${e.newText}`),
      ['4:6-4:7 ，', '5:30-5:31 三', '9:1-9:2 二', '10:3-10:4 '],
    );
  });

  it('offers no fix-all for other kinds, and renumbering on numbered lines', async () => {
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(!actions.some((a: any) => a.kind.startsWith('source')));
    const renumber = actions.find((a: any) => a.title === '重新编号整个提纲');
    assert.ok(renumber, JSON.stringify(actions.map((a: any) => a.title)));
    const text = client.applied(uri, renumber.edit);
    assert.equal(text, DRAFT.replace('（三）抓好落实', '（二）抓好落实').replace('四是狠抓落实', '三是狠抓落实'));
    const edits = await client.request('speechDraft/renumber', { uri });
    assert.equal(client.applyEdits(uri, edits), text);
  });

  it('lists document symbols by level with 字数', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const show = (s: any): unknown => ({ name: s.name, detail: s.detail, kind: s.kind, range: r(s.range), selection: r(s.selectionRange), children: s.children.map(show) });
    assert.deepEqual(symbols.map(show), [
      { name: '一、统一思想,提高认识', detail: '47 字', kind: 15, range: '4:0-5:37', selection: '4:0-4:11', children: [] },
      {
        name: '二、突出重点',
        detail: '37 字',
        kind: 15,
        range: '6:0-10:9',
        selection: '6:0-6:6',
        children: [
          { name: '（一）抓好学习', detail: '18 字', kind: 15, range: '7:0-8:12', selection: '7:0-7:7', children: [] },
          { name: '（三）抓好落实', detail: '13 字', kind: 15, range: '9:0-10:9', selection: '9:0-9:7', children: [] },
        ],
      },
      { name: '三、加强领导', detail: '14 字', kind: 15, range: '11:0-12:8', selection: '11:0-11:6', children: [] },
      { name: '四、严格考核', detail: '12 字', kind: 15, range: '13:0-14:6', selection: '13:0-13:6', children: [] },
    ]);
  });

  it('folds sections, front matter and comments', async () => {
    const ranges = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(
      ranges.map((f: any) => `${f.startLine}-${f.endLine}`),
      ['4-5', '6-10', '7-8', '9-10', '11-12', '13-14'],
    );
    const other = 'untitled:folding';
    await client.open(other, '---\n类型: 单项\n---\n<!--\n备注\n-->\n一、标题\n正文。\n');
    const more = await client.request('textDocument/foldingRange', { textDocument: { uri: other } });
    assert.deepEqual(more, [
      { startLine: 0, endLine: 2, kind: 'region' },
      { startLine: 3, endLine: 5, kind: 'comment' },
      { startLine: 6, endLine: 7, kind: 'region' },
    ]);
    await client.close(other);
  });

  it('hovers a heading with its 字数, share and speaking time', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 2 } });
    assert.deepEqual(hover.contents, { kind: 'markdown', value: '**二、突出重点**\n\n37 字 · 占全文 24% · 不到 1 分钟  \n（按每分钟 200 字计）' });
    assert.equal(r(hover.range), '6:0-6:6');
    const title = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(title.contents.value, '全文 153 字 · 上限 5,000（综合） · 不到 1 分钟');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } }), null);
  });

  it('completes the next markers at the start of a line', async () => {
    const other = 'untitled:completion';
    await client.open(other, '讲话\n\n一、第一部分\n正文。一是加强学习。二是深入调研。\n\n二、第二部分\n（一）小标题\n\n');
    const labels = async (line: number, character: number) => {
      const items = await client.request('textDocument/completion', { textDocument: { uri: other }, position: { line, character } });
      return (Array.isArray(items) ? items : items.items).map((i: any) => `${i.label}@${r(i.textEdit.range)}${i.filterText !== i.label ? ` filter=${i.filterText}` : ''}`);
    };
    assert.deepEqual(await labels(4, 0), ['二、@4:0-4:0', '（一）@4:0-4:0', '三是@4:0-4:0']);
    assert.deepEqual(await labels(7, 0), ['（二）@7:0-7:0', '1.@7:0-7:0', '三、@7:0-7:0']);
    // After a sentence end: the enumeration's next word only.
    assert.deepEqual(await labels(3, 17), ['三是@3:17-3:17']);
    // Inside a sentence: nothing.
    assert.deepEqual(await labels(3, 2), []);
    // A partial full-width or half-width bracket.
    await client.change(other, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: '（' }]);
    assert.deepEqual(await labels(7, 1), ['（二）@7:0-7:1']);
    await client.change(other, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 1 } }, text: '(' }]);
    assert.deepEqual(await labels(7, 1), ['（二）@7:0-7:1 filter=(二）']);
    const first = await client.request('textDocument/completion', { textDocument: { uri: other }, position: { line: 4, character: 0 } });
    assert.equal(first[0].detail, '一级标题（同级下一个）');
    assert.equal(first[0].preselect, true);
    await client.close(other);
  });

  it('answers the structure request', async () => {
    const s = await client.request('speechDraft/structure', { uri });
    const show = (x: any): unknown => ({ marker: x.marker, title: x.title, level: x.level, count: x.count, findings: x.findings, own: x.ownFindings, range: r(x.range), children: x.children.map(show) });
    assert.equal(s.version, 1);
    assert.equal(s.script, 'simplified');
    assert.equal(s.kind, 'comprehensive');
    assert.deepEqual(s.count, { mode: 'word', total: 153, limit: 5000, status: 'ok' });
    assert.equal(s.findings, 6);
    assert.equal(s.preambleCount, 43);
    assert.deepEqual(s.title, { text: '在全市作风建设推进会上的讲话', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } } });
    assert.deepEqual(s.sections.map(show), [
      { marker: '一、', title: '统一思想,提高认识', level: 1, count: 47, findings: 2, own: 2, range: '4:0-5:37', children: [] },
      {
        marker: '二、',
        title: '突出重点',
        level: 1,
        count: 37,
        findings: 3,
        own: 0,
        range: '6:0-10:9',
        children: [
          { marker: '（一）', title: '抓好学习', level: 2, count: 18, findings: 1, own: 1, range: '7:0-8:12', children: [] },
          { marker: '（三）', title: '抓好落实', level: 2, count: 13, findings: 2, own: 2, range: '9:0-10:9', children: [] },
        ],
      },
      { marker: '三、', title: '加强领导', level: 1, count: 14, findings: 0, own: 0, range: '11:0-12:8', children: [] },
      { marker: '四、', title: '严格考核', level: 1, count: 12, findings: 0, own: 0, range: '13:0-14:6', children: [] },
    ]);
    assert.deepEqual(s.announcements, [
      {
        text: '讲三点',
        range: { start: { line: 3, character: 19 }, end: { line: 3, character: 22 } },
        number: 3,
        actual: 4,
        target: 'headings',
        matches: false,
        message: '预告“三点意见”，其后有四个一级标题',
      },
    ]);
    assert.deepEqual(s.preambleMismatches, ['预告“三点意见”，其后有四个一级标题']);
    assert.equal(await client.request('speechDraft/structure', { uri: 'untitled:not-open' }), null);
  });

  it('converts the script as minimal edits, of the document or a range', async () => {
    const other = 'untitled:convert';
    const text = '一、加强党的建设\n要发挥干部队伍的作用，推进改革发展。\n';
    await client.open(other, text);
    const edits = await client.request('speechDraft/convertScript', { uri: other, to: 'traditional' });
    const converted = client.applyEdits(other, edits);
    assert.equal(converted, convertScript(text, 'traditional'));
    assert.equal(converted, '一、加強黨的建設\n要發揮幹部隊伍的作用，推進改革發展。\n');
    assert.ok(edits.every((e: any) => e.range.start.line === e.range.end.line && e.newText.length <= 4), JSON.stringify(edits));
    const line2 = await client.request('speechDraft/convertScript', { uri: other, to: 'traditional', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } } });
    assert.equal(client.applyEdits(other, line2), '一、加强党的建设\n要發揮幹部隊伍的作用，推進改革發展。\n');
    await client.close(other);
  });

  it('writes the kind into the front matter, creating it when missing', async () => {
    const other = 'untitled:kind';
    await client.open(other, '讲话\r\n正文。\r\n');
    const created = await client.request('speechDraft/setKind', { uri: other });
    assert.equal(created.kind, 'single');
    assert.equal(client.applyEdits(other, created.edits), '---\r\n类型: 单项\r\n---\r\n讲话\r\n正文。\r\n');
    await client.close(other);
    await client.open(other, '---\n标题: 讲话\n类型：综合\n---\n讲话\n');
    const updated = await client.request('speechDraft/setKind', { uri: other });
    assert.equal(client.applyEdits(other, updated.edits), '---\n标题: 讲话\n类型：单项\n---\n讲话\n');
    const same = await client.request('speechDraft/setKind', { uri: other, kind: 'comprehensive' });
    assert.equal(client.applyEdits(other, same.edits), '---\n标题: 讲话\n类型：综合\n---\n讲话\n');
    await client.close(other);
    await client.open(other, '---\n字数上限: 4000\n---\n讲话\n');
    const added = await client.request('speechDraft/setKind', { uri: other, kind: 'single' });
    assert.equal(client.applyEdits(other, added.edits), '---\n字数上限: 4000\n类型: 单项\n---\n讲话\n');
    await client.close(other);
  });

  it('numbers section templates and next markers for the cursor’s place', async () => {
    const other = 'untitled:templates';
    await client.open(other, '一、第一部分\n（一）小标题\n正文。\n\n');
    const markers = await client.request('speechDraft/nextMarkers', { uri: other, position: { line: 3, character: 0 } });
    assert.deepEqual(markers.map((m: any) => `${m.text} ${m.relation}`), ['（二） sibling', '1. child', '二、 parent']);
    const templates = await client.request('speechDraft/sectionTemplates', { uri: other, position: { line: 3, character: 0 } });
    const byId = Object.fromEntries(templates.map((t: any) => [t.id, t]));
    // Headings go at the end of the section: here the cursor's blank line right after 正文。.
    assert.equal(byId.level1.snippet, '二、${1:标题}\n${0:正文}');
    assert.equal(byId.level2.snippet, '（二）${1:标题}\n${0:正文}');
    assert.equal(r(byId.level1.range), '3:0-3:0');
    assert.equal(byId.level1.detail, '一级标题 · 插在“一、第一部分”一节末尾');
    // Lists go where the cursor is.
    assert.equal(byId.shi.snippet, '一是${1:……}。二是${2:……}。三是${0:……}。');
    assert.equal(r(byId.shi.range), '3:0-3:0');
    // On the heading （一）小标题: a sibling first, inserted after its body, not between heading and body.
    const onHeading = await client.request('speechDraft/sectionTemplates', { uri: other, position: { line: 1, character: 2 } });
    assert.deepEqual(onHeading.slice(0, 5).map((t: any) => `${t.id} ${t.label} ${r(t.range)}`), [
      'level2 （二）标题 2:3-2:3',
      'subsection （二）小标题 + 一是…二是…三是… 2:3-2:3',
      'level3 1.标题 2:3-2:3',
      'level1 二、标题 2:3-2:3',
      'section 二、标题 + （一）（二）（三） 2:3-2:3',
    ]);
    await client.close(other);
  });

  it('reports its memory', async () => {
    const m = await client.request('speechDraft/memory', undefined);
    assert.ok(m.rss > 0 && m.heapUsed > 0 && m.cachedDocuments >= 1, JSON.stringify(m));
  });

  it('lints the new version after an incremental change', async () => {
    const before = await client.diagnostics(uri);
    // Replace the half-width comma (4:6) and delete the stray space (10:3).
    await client.change(uri, [
      { range: { start: { line: 10, character: 3 }, end: { line: 10, character: 4 } }, text: '' },
      { range: { start: { line: 4, character: 6 }, end: { line: 4, character: 7 } }, text: '，' },
    ]);
    const afterChange = await client.diagnostics(uri, before.resultId);
    assert.equal(afterChange.kind, 'full');
    assert.notEqual(afterChange.resultId, before.resultId);
    assert.deepEqual(
      afterChange.items.map((d: any) => d.code),
      ['announced-count', 'enumeration-sequence', 'placeholder', 'heading-sequence'],
    );
    const s = await client.request('speechDraft/structure', { uri });
    assert.equal(s.version, 2);
    assert.equal(s.findings, 4);
  });

  it('exits cleanly on shutdown and exit', async () => {
    assert.equal(await client.stop(), 0);
  });
});

describe('settings', () => {
  it('pulls settings per resource and re-pulls them on didChangeConfiguration', async () => {
    const perUri: Record<string, unknown> = { 'untitled:a': {}, 'untitled:b': { rules: { placeholder: 'off' }, language: 'en' } };
    const client = await LspClient.start({ settings: (scope) => perUri[scope ?? ''] ?? {} });
    try {
      await client.open('untitled:a', DRAFT);
      await client.open('untitled:b', DRAFT);
      const a = await client.diagnostics('untitled:a');
      const b = await client.diagnostics('untitled:b');
      assert.equal(a.items.length, 6);
      assert.deepEqual(b.items.map((d: any) => d.code), ['announced-count', 'punctuation-width', 'enumeration-sequence', 'heading-sequence', 'cjk-space']);
      const english = lint(DRAFT).findings.map((f) => findingMessage(f, 'en'));
      assert.deepEqual(b.items.map((d: any) => d.message), english.filter((_, i) => i !== 3));
      assert.match(b.items[1].message, /^Half-width comma/);
      assert.ok(client.configurationRequests.includes('untitled:a') && client.configurationRequests.includes('untitled:b'));

      // Turn cjk-space off for a, slow the speaking rate: the server asks for refreshed diagnostics.
      perUri['untitled:a'] = { rules: { 'cjk-space': 'off' }, speakingRate: 60 };
      const refreshed = client.next('workspace/diagnostic/refresh');
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      const a2 = await client.diagnostics('untitled:a', a.resultId);
      assert.equal(a2.kind, 'full');
      assert.deepEqual(a2.items.map((d: any) => d.code), ['announced-count', 'punctuation-width', 'enumeration-sequence', 'placeholder', 'heading-sequence']);
      const hover = await client.request('textDocument/hover', { textDocument: { uri: 'untitled:a' }, position: { line: 6, character: 0 } });
      assert.equal(hover.contents.value, '**二、突出重点**\n\n37 字 · 占全文 24% · 不到 1 分钟  \n（按每分钟 60 字计）');
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });

  it('lets .speechlintrc.json win over editor settings and reloads it when it changes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'draft.speech');
    const config = path.join(dir, '.speechlintrc.json');
    fs.writeFileSync(file, DRAFT);
    fs.writeFileSync(config, JSON.stringify({ rules: { 'cjk-space': 'off' } }));
    const client = await LspClient.start({ settings: () => ({ rules: { 'cjk-space': 'error', placeholder: 'error' } }) });
    try {
      const uri = pathToFileURL(file).href;
      await client.open(uri, DRAFT);
      const first = await client.diagnostics(uri);
      assert.deepEqual(first.items.map((d: any) => `${d.code}:${d.severity}`), [
        'announced-count:2',
        'punctuation-width:2',
        'enumeration-sequence:2',
        'placeholder:1',
        'heading-sequence:1',
      ]);
      // The server registered a watcher for config files (this client did not say it watches them).
      assert.ok(client.received.some((m) => m.method === 'client/registerCapability' && JSON.stringify(m.params).includes('.speechlintrc.json')));
      fs.writeFileSync(config, JSON.stringify({ rules: { 'cjk-space': 'off', placeholder: 'off', 'announced-count': 'info' } }));
      const refreshed = client.next('workspace/diagnostic/refresh');
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
      await refreshed;
      const second = await client.diagnostics(uri, first.resultId);
      assert.deepEqual(second.items.map((d: any) => `${d.code}:${d.severity}`), ['announced-count:3', 'punctuation-width:2', 'enumeration-sequence:2', 'heading-sequence:1']);
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });

  it('shows a rule that throws: once as a warning, in the structure (status bar) for as long as it fails, and in the output', async () => {
    const client = await LspClient.start({ env: { SPEECH_LINT_FAIL_RULE: 'cjk-space' } });
    try {
      const uri = 'untitled:rule-failure.speech';
      const shown = client.next('window/showMessage');
      const logged = client.next('window/logMessage', (p: any) => /rule cjk-space failed/.test(p.message));
      await client.open(uri, DRAFT);
      const report = await client.diagnostics(uri);
      // The other rules still run; cjk-space's finding on line 11 is missing.
      assert.ok(report.items.length > 0);
      assert.ok(report.items.every((d: any) => d.code !== 'cjk-space'));
      const notice = await shown;
      assert.equal(notice.type, 2);
      assert.equal(notice.message, '讲稿助手：规则 cjk-space 出错，已跳过（详见“输出”中的讲稿助手）');
      const log = await logged;
      assert.equal(log.type, 1);
      assert.match(log.message, /rule cjk-space failed on untitled:rule-failure\.speech \(version 1\): injected failure/);
      const structure = await client.request('speechDraft/structure', { uri });
      assert.deepEqual(structure.ruleErrors, ['规则 cjk-space 出错，这次检查跳过了它：injected failure (SPEECH_LINT_FAIL_RULE=cjk-space)']);
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });

  it('keeps answering with a broken .speechlintrc.json, and says what is wrong', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'draft.speech');
    fs.writeFileSync(path.join(dir, '.speechlintrc.json'), '{ "rules": { "cjk-space": "of" }, "countMode": 3,');
    const client = await LspClient.start();
    try {
      const uri = pathToFileURL(file).href;
      const shown = client.next('window/showMessage');
      await client.open(uri, DRAFT);
      const report = await client.diagnostics(uri);
      assert.equal(report.items.length, 6);
      const message = await shown;
      assert.equal(message.type, 2);
      assert.match(message.message, /\.speechlintrc\.json:1:\d+: JSON 语法错误/);
      // A bad field (not bad JSON): the rest still applies.
      fs.writeFileSync(path.join(dir, '.speechlintrc.json'), '{ "rules": { "cjk-space": "of", "placeholder": "off" }, "countMode": 3 }');
      const refreshed = client.next('workspace/diagnostic/refresh');
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.speechlintrc.json')).href, type: 2 }] });
      await refreshed;
      const again = await client.diagnostics(uri);
      assert.deepEqual(again.items.map((d: any) => d.code), ['announced-count', 'punctuation-width', 'enumeration-sequence', 'heading-sequence', 'cjk-space']);
      const structure = await client.request('speechDraft/structure', { uri });
      assert.deepEqual(structure.settingsProblems.map((p: string) => p.replace(/^.*\.speechlintrc\.json: /, '')), [
        'rules.cjk-space: 应为 "off"、"info"、"warning"、"error" 之一',
        'countMode: 应为 "word"、"chars"、"hanzi" 之一',
      ]);
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 0 } });
      assert.ok(hover.contents.value.startsWith('**二、突出重点**'));
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('robustness', () => {
  it('lints a 1 MB document and keeps answering', { timeout: 120000 }, async () => {
    const client = await LspClient.start();
    try {
      const corpus = readCorpus('001');
      let big = '';
      while (big.length < 1024 * 1024) big += corpus + '\n';
      await client.open('untitled:big', big);
      const report = await client.diagnostics('untitled:big', undefined);
      assert.equal(report.kind, 'full');
      assert.ok(Array.isArray(report.items));
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:big' } }, 60000);
      assert.ok(symbols.length > 0);
      await client.open('untitled:small', DRAFT);
      assert.equal((await client.diagnostics('untitled:small')).items.length, 6);
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });

  it('answers requests for unknown documents and bad positions', async () => {
    const client = await LspClient.start();
    try {
      assert.deepEqual(await client.diagnostics('untitled:nothing'), { kind: 'full', items: [] });
      await client.open('untitled:x', DRAFT);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'untitled:x' }, position: { line: 999, character: 999 } }), null);
      assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: 'untitled:x' }, position: { line: 999, character: 0 } }), []);
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('push diagnostics (client without pull support)', () => {
  it('publishes diagnostics for the latest version only', async () => {
    const client = await LspClient.start({ pull: false });
    try {
      const uri = 'untitled:push';
      const first = client.next('textDocument/publishDiagnostics', (p: any) => p.uri === uri);
      await client.open(uri, DRAFT);
      const published = await first;
      assert.equal(published.version, 1);
      assert.deepEqual(brief(published.diagnostics), EXPECTED_DIAGNOSTICS);
      const third = client.next('textDocument/publishDiagnostics', (p: any) => p.uri === uri && p.version === 3);
      await client.change(uri, [{ range: { start: { line: 4, character: 6 }, end: { line: 4, character: 7 } }, text: '，' }]);
      await client.change(uri, [{ range: { start: { line: 10, character: 3 }, end: { line: 10, character: 4 } }, text: '' }]);
      const latest = await third;
      assert.deepEqual(latest.diagnostics.map((d: any) => d.code), ['announced-count', 'enumeration-sequence', 'placeholder', 'heading-sequence']);
      assert.ok(!client.received.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 2), 'version 2 was superseded');
      const cleared = client.next('textDocument/publishDiagnostics', (p: any) => p.uri === uri && p.diagnostics.length === 0);
      await client.close(uri);
      await cleared;
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});
