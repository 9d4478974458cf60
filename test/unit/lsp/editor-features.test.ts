// The language server's editor conveniences, through a real JSON-RPC client: "fix all of this rule"
// and "fix all" among the quick fixes (resolved lazily when the client can), "disable for this
// file", the closing (结尾) in the structure, symbols and folding, section templates that never
// split a section, the workspace lint, one notification per broken config file, and the log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixAll } from '../../../server/src/core/engine';
import { repoRoot } from '../helpers';
import { LspClient } from './lspClient';


/** Two half-width commas, a stray space, a numbering gap; a closing after the last section (the same draft the LSP and Neovim tests read). */
const DRAFT = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'editor', 'draft.speech'), 'utf8');

function r(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

const tmpDirs: string[] = [];
after(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-lsp-editor-'));
  tmpDirs.push(dir);
  return dir;
}

async function actionsAt(client: LspClient, uri: string, code: string, index = 0): Promise<any[]> {
  const diagnostics = (await client.diagnostics(uri)).items.filter((d: any) => d.code === code);
  const d = diagnostics[index];
  assert.ok(d, `no ${code} diagnostic`);
  return client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
}

describe('code actions for the whole file', () => {
  let client: LspClient;
  const uri = 'untitled:bulk';
  before(async () => {
    client = await LspClient.start();
    await client.open(uri, DRAFT);
  });
  after(() => client.kill());

  it('offers, at a half-width comma: the fix, fix all of the rule, disable for the line and the file, fix all', async () => {
    const actions = await actionsAt(client, uri, 'punctuation-width');
    assert.deepEqual(
      actions.map((a: any) => [a.title, a.kind, a.isPreferred === true]),
      [
        ['修复：半角逗号“,”夹在中文之间，应改为全角“，”', 'quickfix', true],
        ['修复全部 punctuation-width 问题（2 处）', 'quickfix', false],
        ['在此行禁用 punctuation-width', 'quickfix', false],
        ['在此文件中禁用 punctuation-width', 'quickfix', false],
        ['修复所有可自动修复的问题（speech-lint）', 'quickfix', false],
      ],
    );
    // Without resolve support the edits come at once.
    const fixRule = actions[1];
    assert.equal(client.applied(uri, fixRule.edit), DRAFT.replace('会议,主要', '会议，主要').replace('泰山,要', '泰山，要'));
    assert.deepEqual(fixRule.diagnostics.map((d: any) => d.code), ['punctuation-width']);
    assert.equal(client.applied(uri, actions[4].edit), fixAll(DRAFT).text);
  });

  it('offers no "fix all of this rule" for a rule with one fixable finding', async () => {
    const titles = (await actionsAt(client, uri, 'cjk-space')).map((a: any) => a.title);
    assert.ok(!titles.some((t: string) => t.startsWith('修复全部')), titles.join(' | '));
    assert.ok(titles.includes('修复所有可自动修复的问题（speech-lint）'));
  });

  it('disables a rule for the file with a directive at the top (after the front matter), and adds to it', async () => {
    const disable = (await actionsAt(client, uri, 'punctuation-width')).find((a: any) => a.title === '在此文件中禁用 punctuation-width');
    const text = client.applied(uri, disable.edit);
    assert.equal(text, `<!-- speech-lint-disable punctuation-width -->\n${DRAFT}`);
    const other = 'untitled:bulk-disabled';
    await client.open(other, text);
    const codes = (await client.diagnostics(other)).items.map((d: any) => d.code);
    assert.ok(!codes.includes('punctuation-width'), codes.join(' '));
    assert.ok(codes.includes('cjk-space'));
    // A second rule joins the same directive.
    const more = (await actionsAt(client, other, 'cjk-space')).find((a: any) => a.title === '在此文件中禁用 cjk-space');
    assert.equal(client.applied(other, more.edit), `<!-- speech-lint-disable punctuation-width cjk-space -->\n${DRAFT}`);
    await client.close(other);
    const withFrontMatter = 'untitled:bulk-front-matter';
    await client.open(withFrontMatter, `---\n类型: 单项\n---\n${DRAFT}`);
    const inFm = (await actionsAt(client, withFrontMatter, 'cjk-space')).find((a: any) => a.title === '在此文件中禁用 cjk-space');
    assert.equal(client.applied(withFrontMatter, inFm.edit), `---\n类型: 单项\n---\n<!-- speech-lint-disable cjk-space -->\n${DRAFT}`);
    await client.close(withFrontMatter);
  });

  it('shows the closing (结尾) as its own part: structure, symbols, folding; the last section stops before it', async () => {
    const s = await client.request('speechDraft/structure', { uri });
    assert.deepEqual(s.closing, { range: { start: { line: 10, character: 0 }, end: { line: 11, character: 5 } }, count: 36, findings: 0 });
    const second = s.sections[1];
    assert.equal(r(second.range), '5:0-9:10');
    assert.equal(second.children[1].count, 19);
    assert.equal(s.preambleCount + s.sections.reduce((n: number, x: any) => n + x.count, 0) + s.closing.count, s.count.total);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((x: any) => [x.name, x.detail, x.kind, r(x.range), r(x.selectionRange)]),
      [
        ['一、提高认识', '25 字', 15, '3:0-4:20', '3:0-3:6'],
        ['二、压实责任', '44 字', 15, '5:0-9:10', '5:0-5:6'],
        ['结尾', '36 字', 15, '10:0-11:5', '10:0-10:31'],
      ],
    );
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds.map((f: any) => `${f.startLine}-${f.endLine}`), ['3-4', '5-9', '6-7', '8-9', '10-11']);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 1 } });
    assert.match(hover.contents.value, /^\*\*（三）落实监管责任\*\*\n\n19 字/);
  });

  it('inserts a section at the end of the current one, before the closing; a sibling first', async () => {
    const at = async (line: number) => client.request('speechDraft/sectionTemplates', { uri, position: { line, character: 0 } });
    // On （一）落实主体责任: （二） after its body, not between the heading and its body.
    const onHeading = await at(6);
    assert.deepEqual(onHeading.slice(0, 4).map((t: any) => `${t.id} ${t.label} ${r(t.range)} ${t.detail}`), [
      'level2 （二）标题 7:11-7:11 二级标题 · 插在“（一）落实主体责任”一节末尾',
      'subsection （二）小标题 + 一是…二是…三是… 7:11-7:11 二级标题及“一是…二是…三是” · 插在“（一）落实主体责任”一节末尾',
      'level3 1.标题 7:11-7:11 三级标题 · 插在“（一）落实主体责任”一节末尾',
      'level1 三、标题 9:10-9:10 一级标题 · 插在“二、压实责任”一节末尾',
    ]);
    assert.equal(onHeading[0].snippet, '\n（二）${1:标题}\n${0:正文}');
    // In the closing: a new section goes before it, 一级 first.
    const inClosing = await at(11);
    assert.deepEqual(inClosing.slice(0, 2).map((t: any) => `${t.id} ${t.label} ${r(t.range)} ${t.detail}`), [
      'level1 三、标题 9:10-9:10 一级标题 · 插在结尾之前',
      'section 三、标题 + （一）（二）（三） 9:10-9:10 一级标题及三个二级标题 · 插在结尾之前',
    ]);
    // In the opening: after it, before 一、.
    const inOpening = await at(2);
    assert.equal(`${inOpening[0].id} ${r(inOpening[0].range)} ${inOpening[0].detail}`, 'level1 2:15-2:15 一级标题 · 插在开头之后');
  });
});

describe('code actions resolved when picked', () => {
  it('sends the bulk fixes without an edit and resolves it for the current version only', async () => {
    const client = await LspClient.start({ resolveCodeActions: true });
    const uri = 'untitled:resolve';
    try {
      await client.open(uri, DRAFT);
      const actions = await actionsAt(client, uri, 'punctuation-width');
      const fixRule = actions.find((a: any) => a.title.startsWith('修复全部'));
      const fixAllAction = actions.find((a: any) => a.title.startsWith('修复所有'));
      // The single fix and the disable actions are small: they come with their edits.
      assert.ok(actions[0].edit);
      assert.equal(fixRule.edit, undefined);
      assert.deepEqual(fixRule.data, { uri, version: 1, rule: 'punctuation-width' });
      const resolved = await client.request('codeAction/resolve', fixRule);
      assert.equal(client.applied(uri, resolved.edit), DRAFT.replace('会议,主要', '会议，主要').replace('泰山,要', '泰山，要'));
      const all = await client.request('codeAction/resolve', fixAllAction);
      assert.equal(client.applied(uri, all.edit), fixAll(DRAFT).text);
      // After an edit the old action resolves to nothing rather than a wrong edit.
      await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '　' }]);
      const stale = await client.request('codeAction/resolve', fixRule);
      assert.equal(stale.edit, undefined);
      // Bad input is handed back as it came.
      assert.deepEqual(await client.request('codeAction/resolve', { title: 'x', data: 3 }), { title: 'x', data: 3 });
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('workspace lint (speechDraft/lintFiles)', () => {
  it('lints files that are not open (read from disk, GB18030 decoded) and uses the open ones as they are', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.speech');
    const b = path.join(dir, 'b.txt');
    fs.writeFileSync(a, DRAFT);
    // 一、标题,正文 in GB18030: a half-width comma between Chinese characters.
    fs.writeFileSync(b, Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xb1, 0xea, 0xcc, 0xe2, 0x2c, 0xd5, 0xfd, 0xce, 0xc4, 0x0a]));
    fs.writeFileSync(path.join(dir, '.speechlintrc.json'), JSON.stringify({ rules: { 'cjk-space': 'off' } }));
    const client = await LspClient.start();
    try {
      const open = 'untitled:open-draft';
      await client.open(open, '一、标题\n正文 内容。\n');
      const results = await client.request('speechDraft/lintFiles', {
        files: [{ uri: pathToFileURL(a).href }, { uri: pathToFileURL(b).href }, { uri: open }, { uri: 'untitled:sent', text: '一、标题,正文\n' }, { uri: pathToFileURL(path.join(dir, 'missing.speech')).href }],
      });
      const brief = results.map((x: any) => [path.basename(x.uri), x.diagnostics.map((d: any) => d.code).join(' '), x.error ? 'error' : '']);
      assert.deepEqual(brief, [
        // The .speechlintrc.json beside the files applies: no cjk-space.
        ['a.speech', 'punctuation-width punctuation-width heading-sequence', ''],
        ['b.txt', 'punctuation-width', ''],
        // An open draft: its own analysis (its settings: none, so cjk-space reports).
        ['untitled:open-draft', 'cjk-space', ''],
        ['untitled:sent', 'punctuation-width', ''],
        ['missing.speech', '', 'error'],
      ]);
      assert.equal(results[0].diagnostics[0].source, 'speech-lint');
      await assert.rejects(client.request('speechDraft/lintFiles', { files: 'a' }), /files must be an array/);
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('settings problems and the log', () => {
  it('shows the first problem of a broken .speechlintrc.json once; later ones go to the log only', async () => {
    const dir = tempDir();
    const config = path.join(dir, '.speechlintrc.json');
    const uri = pathToFileURL(path.join(dir, 'draft.speech')).href;
    fs.writeFileSync(config, '{ "rules": ');
    const client = await LspClient.start();
    try {
      const shown = client.next('window/showMessage');
      await client.open(uri, DRAFT);
      await client.diagnostics(uri);
      assert.match((await shown).message, /JSON 语法错误/);
      // Typing on (auto-save): each state broken in a new way.
      for (const state of ['{ "rules": { "cjk-space": ', '{ "rules": { "cjk-space": "of" }', '{ "rules": { "cjk-space": "of" } }']) {
        fs.writeFileSync(config, state);
        const refreshed = client.next('workspace/diagnostic/refresh');
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
        await refreshed;
        // The structure carries the current problems (the status bar shows them).
        const s = await client.request('speechDraft/structure', { uri });
        assert.equal(s.settingsProblems.length, 1, state);
      }
      assert.equal(client.received.filter((m) => m.method === 'window/showMessage').length, 1);
      const logged = client.logs.filter((l) => l.startsWith('settings problem:'));
      assert.equal(logged.length, 4, logged.join('\n'));
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });

  it('logs its version, the settings in effect and each lint with its time', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.speechlintrc.json'), '{}');
    const client = await LspClient.start();
    try {
      const uri = pathToFileURL(path.join(dir, 'draft.speech')).href;
      await client.open(uri, DRAFT);
      await client.diagnostics(uri);
      const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
      assert.match(client.logs[0], new RegExp(`^speech-lint language server ${version.replace(/\./g, '\\.')} \\(Node v\\d+`));
      assert.ok(client.logs.some((l) => l === `settings for ${uri}: ${path.join(dir, '.speechlintrc.json')} over the editor settings`), client.logs.join('\n'));
      assert.ok(client.logs.some((l) => new RegExp(`^linted ${uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(version 1, \\d+ characters\\) in \\d+\\.\\d ms: 4 findings$`).test(l)), client.logs.join('\n'));
      assert.equal(await client.stop(), 0);
    } finally {
      client.kill();
    }
  });
});
