// Debian's Neovim (0.7.2 on Debian 12) with the configuration documented in docs/neovim.md — the
// blocks marked `<!-- tested: neovim-0.7 -->`, taken from the page as they are — started headless on
// a draft: the diagnostics, the code actions at a half-width comma, the document symbols (the
// closing 结尾 included), :SpeechCount, and fix on save, against what the core computes. The
// settings given in init_options apply. Needs `nvim` (.ci/run installs Debian's package).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixAll, lint } from '../../server/src/core/engine';
import { findingMessage, message } from '../../server/src/core/messages';
import { defaultSettings } from '../../server/src/core/settings';
import { positionAt } from '../../server/src/core/text';
import { repoRoot } from '../unit/helpers';

const MARKER = '<!-- tested: neovim-0.7 -->';

/** The Lua blocks of docs/neovim.md marked as tested, in order. */
export function testedBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let at = markdown.indexOf(MARKER);
  while (at !== -1) {
    const fence = /```lua\n([^]*?)\n```/.exec(markdown.slice(at));
    assert.ok(fence, `no lua block after the marker at ${at}`);
    blocks.push(fence[1]);
    at = markdown.indexOf(MARKER, at + MARKER.length);
  }
  return blocks;
}

/** Two half-width commas, a stray space, a numbering gap; a closing after the last section (the same draft the LSP and Neovim tests read). */
const DRAFT = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'editor', 'draft.speech'), 'utf8');

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

test('Neovim with the documented 0.7 configuration: diagnostics, a code action, symbols, :SpeechCount, fix on save', () => {
  const version = nvimVersion();
  assert.ok(version, 'nvim is not installed (Debian: apt-get install neovim)');
  const blocks = testedBlocks(fs.readFileSync(path.join(repoRoot, 'docs', 'neovim.md'), 'utf8'));
  assert.equal(blocks.length, 2, 'the configuration and the fix-on-save/commands blocks');
  const server = path.join(repoRoot, 'dist', 'server.js');
  assert.ok(fs.existsSync(server), 'dist/server.js missing: npm run build');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-nvim-'));
  try {
    // Neovim's own config, data, state and cache inside the temp folder: nothing of the user's is read or written.
    const home = (name: string) => {
      const folder = path.join(dir, name);
      fs.mkdirSync(folder);
      return folder;
    };
    const env = { ...process.env, XDG_CONFIG_HOME: home('config'), XDG_DATA_HOME: home('data'), XDG_STATE_HOME: home('state'), XDG_CACHE_HOME: home('cache'), SPEECH_NVIM_OUT: path.join(dir, 'out.json') };
    const init = blocks.join('\n\n').replace('/path/to/speech-draft/dist/server.js', server);
    assert.ok(init.includes(server), 'the documented server path was not found in the configuration');
    fs.writeFileSync(path.join(dir, 'init.lua'), init);
    const draft = path.join(dir, 'draft.speech');
    fs.writeFileSync(draft, DRAFT);
    const started = Date.now();
    const run = spawnSync('nvim', ['--headless', '-u', path.join(dir, 'init.lua'), '-c', `luafile ${path.join(repoRoot, 'test', 'neovim', 'harness.lua')}`, draft], { cwd: dir, env, encoding: 'utf8', timeout: 90_000 });
    console.log(`${version}: ${Date.now() - started} ms`);
    assert.equal(run.status, 0, `nvim exited with ${run.status ?? run.signal}: ${run.stderr}${run.stdout}`);
    const out = JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'));
    assert.deepEqual(out.errors, []);
    assert.equal(out.filetype, 'speech');

    // The core's findings with the documented settings (cjk-space off, from init_options).
    const settings = { ...defaultSettings(), rules: { 'cjk-space': 'off' as const } };
    const result = lint(DRAFT, { settings });
    assert.ok(lint(DRAFT).findings.some((f) => f.rule === 'cjk-space'), 'the draft has a cjk-space finding to turn off');
    const severity = { error: 1, warning: 2, info: 3 } as const;
    const expected = result.findings.map((f) => {
      const s = positionAt(result.doc.lines, f.start);
      const e = positionAt(result.doc.lines, f.end);
      return `${s.line}:${s.character}-${e.line}:${e.character} ${severity[f.severity]} ${f.rule} ${findingMessage(f, 'zh-Hans')}`;
    });
    // (Neovim's columns are bytes; the server's are UTF-16: compare by the text they point at.)
    const byteLines = DRAFT.split('\n').map((l) => Buffer.from(l, 'utf8'));
    const utf16 = (line: number, byte: number) => byteLines[line].subarray(0, byte).toString('utf8').length;
    const seen = out.diagnostics.map((d: { line: number; col: number; end_line: number; end_col: number; severity: number; code: string; message: string }) => `${d.line}:${utf16(d.line, d.col)}-${d.end_line}:${utf16(d.end_line, d.end_col)} ${d.severity} ${d.code} ${d.message}`);
    assert.deepEqual(seen, expected);

    // At the first half-width comma: the fix, fix all of the rule, disable for the line and the file,
    // fix all. Neovim resolves edits (codeAction/resolve): the bulk ones come when picked.
    assert.deepEqual(
      out.actions.map((a: { title: string; kind: string; edit: string }) => [a.title, a.kind, a.edit]),
      [
        ['修复：半角逗号“,”夹在中文之间，应改为全角“，”', 'quickfix', 'sent'],
        ['修复全部 punctuation-width 问题（2 处）', 'quickfix', 'resolved'],
        ['在此行禁用 punctuation-width', 'quickfix', 'sent'],
        ['在此文件中禁用 punctuation-width', 'quickfix', 'sent'],
        ['修复所有可自动修复的问题（speech-lint）', 'quickfix', 'resolved'],
      ],
    );

    // The outline, with 字数, and the closing after the sections.
    const shape = (list: { name: string; detail: string; kind: number; children: unknown[] }[]): unknown[] =>
      list.map((s) => [s.name, s.detail, s.kind, ...(s.children.length ? [shape(s.children as typeof list)] : [])]);
    assert.deepEqual(shape(out.symbols), [
      ['一、提高认识', '25 字', 15],
      ['二、压实责任', '44 字', 15, [['（一）落实主体责任', '19 字', 15], ['（三）落实监管责任', '19 字', 15]]],
      [message('ui/closing', undefined, 'zh-Hans'), '36 字', 15],
    ]);

    assert.equal(out.count, ['字数 138 / 5000', '开头  33 字', '一、提高认识  25 字', '二、压实责任  44 字', '  （一）落实主体责任  19 字', '  （三）落实监管责任  19 字', '结尾  36 字'].join('\n'));

    // Fix on save wrote every fix (the settings apply: the stray space stays).
    assert.equal(fs.readFileSync(draft, 'utf8'), fixAll(DRAFT, { settings }).text);
    assert.ok(fs.readFileSync(draft, 'utf8').includes('企业要 落实'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
