// The Word commands of the real command line (node bin/speech-lint.js, the esbuild bundle): what is
// written where, what is refused, the messages and exit statuses.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importDocx } from '../../../server/src/docx/import';
import { repoRoot } from '../helpers';
import { buildDocx, p, wAll, xml } from './helpers';

const bin = path.join(repoRoot, 'bin', 'speech-lint.js');

function cli(args: string[], cwd: string) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8', input: '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-lint-docx-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const DRAFT = '关于做好工作的讲话\n\n同志们：\n一、提高认识\n（三）抓落实\n要统一思想。\n';
/** Only heading-sequence on: the draft has one error, （三） where （一） belongs. */
const CONFIG = JSON.stringify({ rules: Object.fromEntries(['heading-marker', 'heading-level', 'announced-count', 'enumeration-sequence', 'length-limit', 'scrape-boilerplate', 'banned-phrase', 'placeholder', 'mixed-script', 'punctuation-width', 'cjk-space'].map((id) => [id, 'off'])) });

test('cli export: writes draft.docx next to the draft, warns about errors and still exports, refuses to overwrite', () => {
  const dir = folder({ 'draft.speech': DRAFT, '.speechlintrc.json': CONFIG });
  const first = cli(['export', 'draft.speech'], dir);
  assert.equal(first.stderr, 'speech-lint: draft.speech 有 1 个错误级别的问题，仍然导出（运行 speech-lint draft.speech 查看） / draft.speech has 1 error-level finding(s); exported anyway (run speech-lint draft.speech to see them)\n');
  assert.equal(first.stdout, '已导出 draft.speech → draft.docx\n');
  assert.equal(first.status, 0);
  const bytes = fs.readFileSync(path.join(dir, 'draft.docx'));
  assert.equal(importDocx(bytes).text, '关于做好工作的讲话\n同志们：\n一、提高认识\n（三）抓落实\n要统一思想。');
  const again = cli(['export', 'draft.speech'], dir);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /draft\.docx 已存在，未覆盖；用 -o 指定输出文件或加 --force 覆盖/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'draft.docx')), bytes, 'left as it was');
  assert.equal(cli(['export', 'draft.speech', '--force'], dir).status, 0);
  assert.equal(cli(['export', 'draft.speech', '-o', 'draft.docx'], dir).status, 0, '-o names the file: overwritten');
  assert.equal(cli(['export', 'draft.speech', '-o', 'out/none.docx'], dir).status, 2, 'a folder that does not exist');
});

test('cli import: one line per paragraph into draft.speech (or standard output with -o -)', () => {
  const docx = buildDocx({ body: p('讲话') + p('同志们：') + p('今天开会。') });
  const dir = folder({ 'a.docx': docx });
  const r = cli(['import', 'a.docx'], dir);
  assert.deepEqual(r, { status: 0, stdout: '已导入 a.docx → a.speech（3 段）\n', stderr: '' });
  assert.equal(fs.readFileSync(path.join(dir, 'a.speech'), 'utf8'), '讲话\n同志们：\n今天开会。\n');
  assert.deepEqual(cli(['import', 'a.docx', '-o', '-'], dir), { status: 0, stdout: '讲话\n同志们：\n今天开会。\n', stderr: '' });
  const refused = cli(['import', 'a.docx', '--lang', 'en'], dir);
  assert.equal(refused.status, 2);
  assert.equal(refused.stderr, 'speech-lint: a.speech 已存在，未覆盖；用 -o 指定输出文件或加 --force 覆盖 / a.speech exists and was not overwritten: name the output with -o or add --force\n');
});

test('cli: a .docx is linted directly, findings named by paragraph and column', () => {
  const docx = buildDocx({ body: p('关于做好工作的讲话') + p('同志们：') + p('一、提高认识') + `<w:tbl><w:tr><w:tc>${p('项目')}</w:tc></w:tr></w:tbl>` + p('（三）抓落实') });
  const dir = folder({ 'w.docx': docx, '.speechlintrc.json': CONFIG });
  const r = cli(['w.docx'], dir);
  assert.equal(r.stdout, 'w.docx:5:1 错误 标题编号不连续：应为“（一）”，实为“（三）” [heading-sequence]\n\n1 个错误，0 个警告，0 条提示（其中 1 个可用 --fix 自动修复）\n');
  assert.equal(r.status, 1);
  const json = JSON.parse(cli(['-f', 'json', 'w.docx'], dir).stdout);
  assert.deepEqual(json.files[0].diagnostics.map((d: { line: number; column: number }) => [d.line, d.column]), [[5, 1]]);
});

test('cli annotate: draft.checked.docx with one comment per finding; the original is not touched', () => {
  const docx = buildDocx({ body: p('关于做好工作的讲话') + p('同志们：') + p('一、提高认识') + p('（三）抓落实') });
  const dir = folder({ 'w.docx': docx, '.speechlintrc.json': CONFIG });
  const r = cli(['annotate', 'w.docx'], dir);
  assert.deepEqual(r, { status: 0, stdout: '已写入 1 条批注：w.docx → w.checked.docx\n', stderr: '' });
  const annotated = fs.readFileSync(path.join(dir, 'w.checked.docx'));
  assert.deepEqual(wAll(xml(annotated, 'word/comments.xml'), 't').map((t) => t.textContent), ['标题编号不连续：应为“（一）”，实为“（三）”', '建议：将“三”改为“一”']);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'w.docx')), Buffer.from(docx));
  assert.equal(cli(['annotate', 'w.docx'], dir).status, 2, 'w.checked.docx exists now');
});

test('cli: bad Word files get one clear message and exit 2; the other files are still processed', () => {
  const good = buildDocx({ body: p('讲话') + p('同志们：') });
  const ole = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(`Root Entry\u0000${stream}\u0000`, 'utf16le')]);
  const dir = folder({
    'notes.docx': '这只是文本\n',
    'locked.docx': ole('EncryptedPackage'),
    'cut.docx': Buffer.from(good).subarray(0, 200),
    'old.doc': ole('WordDocument'),
    'good.docx': good,
  });
  const order = ['notes.docx', 'locked.docx', 'cut.docx', 'old.doc', 'good.docx'];
  const messages = [
    'speech-lint: notes.docx：不是 Word 文档（.docx）：文件不是 ZIP 格式 / notes.docx: not a Word document (.docx): the file is not a ZIP package',
    'speech-lint: locked.docx：文件受密码保护（已加密），无法读取：请在 Word 中打开，删除密码（文件 → 信息 → 保护文档 → 用密码进行加密）后再试 / locked.docx: the file is password-protected (encrypted) and cannot be read: remove the password in Word (File → Info → Protect Document → Encrypt with Password) and try again',
    'speech-lint: cut.docx：文件已损坏或不完整（ZIP 数据无法读取），可能是下载或复制时被截断 / cut.docx: the file is damaged or incomplete (its ZIP data cannot be read); it may have been truncated',
    'speech-lint: old.doc：这是旧版 Word 97-2003 文档（.doc），请在 Word 或 WPS 中另存为 .docx 后再试 / old.doc: this is an old Word 97-2003 document (.doc): save it as .docx in Word or WPS and try again',
  ];
  const lintRun = cli(order, dir);
  assert.equal(lintRun.stderr, messages.map((m) => `${m}\n`).join(''));
  assert.equal(lintRun.status, 2);
  assert.equal(JSON.parse(cli(['-f', 'json', ...order], dir).stdout).files.map((f: { file: string }) => f.file).join(), 'good.docx');
  const importRun = cli(['import', ...order], dir);
  assert.equal(importRun.stderr, messages.map((m) => `${m}\n`).join(''));
  assert.equal(importRun.stdout, '已导入 good.docx → good.speech（2 段）\n');
  assert.equal(importRun.status, 2);
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.speech')), ['good.speech'], 'nothing written for the bad files');
});

test('cli: -o with several inputs, export of a Word file, unknown options: usage errors', () => {
  const dir = folder({ 'a.speech': DRAFT, 'b.speech': DRAFT, 'c.docx': buildDocx({ body: p('讲话') }) });
  assert.equal(cli(['export', 'a.speech', 'b.speech', '-o', 'x.docx'], dir).stderr, 'speech-lint: -o 只能用于一个输入文件 / -o takes a single input file\n');
  assert.equal(cli(['export', 'c.docx'], dir).stderr, 'speech-lint: c.docx 已经是 Word 文档；导出的是讲稿文本（.speech、.txt、.md） / c.docx is already a Word document: export takes a draft (.speech, .txt, .md)\n');
  const unknown = cli(['annotate', '--fix', 'c.docx'], dir);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr, 'speech-lint: 未知选项 --fix / unknown option --fix\nspeech-lint: 运行 speech-lint annotate --help 查看用法 / run speech-lint annotate --help for usage\n');
  assert.match(cli(['export', '--help'], dir).stdout, /^用法：speech-lint export <稿件\.speech>… \[-o 输出\.docx\] \[--force\]/);
});

test('cli: --fix leaves a .docx alone (with a word why) and still lints it; a .docx on standard input is recognised', () => {
  const docx = buildDocx({ body: p('关于做好工作的讲话') + p('同志们：') + p('一、提高认识') + p('（三）抓落实') });
  const dir = folder({ 'w.docx': docx, '.speechlintrc.json': CONFIG });
  const r = cli(['--fix', 'w.docx'], dir);
  assert.equal(r.stderr, 'speech-lint: w.docx 是 Word 文档，不能就地修复；可用 speech-lint annotate 写入批注，或先 speech-lint import 再修复 / w.docx is a Word document and cannot be fixed in place: use speech-lint annotate, or import it first\n');
  assert.match(r.stdout, /^w\.docx:4:1 错误 /);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'w.docx')), Buffer.from(docx));
  const stdin = spawnSync(process.execPath, [bin, '-f', 'json', '-'], { cwd: dir, input: Buffer.from(docx), encoding: 'utf8' });
  assert.deepEqual(JSON.parse(stdin.stdout).files[0].diagnostics.map((d: { line: number; rule: string }) => [d.line, d.rule]), [[4, 'heading-sequence']]);
});
