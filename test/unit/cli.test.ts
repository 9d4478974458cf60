// The command line. Most tests run the real thing (`node bin/speech-lint.js`, the esbuild bundle in
// dist/) on temp files and the corpus and check stdout, stderr and the exit status exactly; a few run
// it in-process with test rules (exact --fix behaviour, a rule that throws). Findings of the real
// rules are only asserted through configs that turn on one rule, so that the rules can evolve.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { decode, encode, lineEnding, restoreLineEndings } from '../../server/src/cli/decode';
import { expandBraces, expandInputs, segmentRegExp } from '../../server/src/cli/glob';
import { run, type CliIO } from '../../server/src/cli/run';
import { outline } from '../../server/src/core/outline';
import { parse } from '../../server/src/core/parse';
import type { Rule } from '../../server/src/core/rule';
import { ruleById, rules } from '../../server/src/core/rules';
import { corpusDir, repoRoot } from './helpers';

const bin = path.join(repoRoot, 'bin', 'speech-lint.js');
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
/** The real rules (captured before the in-process tests add theirs). */
const realRuleIds = rules.map((r) => r.meta.id);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))) throw new Error('dist/cli.js missing: run `node scripts/bundle.mjs` first');
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? repoRoot, input: options.input ?? '', env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDirs: string[] = [];
after(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-lint-cli-'));
  tempDirs.push(dir);
  return dir;
}

function write(file: string, content: string | Buffer): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** A config turning every rule off except the given ones. */
function onlyRules(enabled: Record<string, string> = {}): string {
  const config = { rules: Object.fromEntries(realRuleIds.map((id) => [id, enabled[id] ?? 'off'])) };
  return JSON.stringify(config);
}

/** A folder with `.speechlintrc.json` (only `enabled` rules on) and the given files. */
function workspace(files: Record<string, string | Buffer>, enabled: Record<string, string> = {}): string {
  const dir = tempDir();
  write(path.join(dir, '.speechlintrc.json'), onlyRules(enabled));
  for (const [name, content] of Object.entries(files)) write(path.join(dir, name), content);
  return dir;
}

const CLEAN = '同志们：\n今天的会议开得很好。\n';

/** A short draft with a numbering gap (（一） then （三）), a half-width marker and a trailing 、. */
const GAP_DRAFT = [
  '关于做好工作的讲话', // 1
  '同志们：', // 2
  '今天讲两点意见。', // 3
  '一、提高认识', // 4
  '（一）抓学习', // 5
  '要读原文。', // 6
  '（三）抓落实', // 7
  '要见实效。', // 8
  '二、压实责任', // 9
  '(一)强化督查', // 10
  '（二）、强化问责', // 11
  '谢谢大家！', // 12
  '',
].join('\n');

// ---------------------------------------------------------------- usage, help, version

test('--version and --help', () => {
  assert.deepEqual(cli(['--version']), { status: 0, stdout: `${pkg.version}\n`, stderr: '' });
  const help = cli(['--help']);
  assert.equal(help.status, 0);
  assert.equal(help.stderr, '');
  assert.match(help.stdout, /^speech-lint \S+：讲话稿检查工具\n\n用法：speech-lint \[选项\] <文件\|文件夹\|通配符\|->\n/);
  for (const option of ['--format', '--config', '--kind', '--fix', '--stats', '--lang']) assert.ok(help.stdout.includes(option), option);
  const en = cli(['--lang', 'en', '-h']);
  assert.equal(en.status, 0);
  assert.match(en.stdout, /^speech-lint \S+: checks Chinese speech drafts/);
  assert.match(en.stdout, /Exit status: 0 no errors, 1 errors found, 2 usage or file errors\./);
});

test('usage errors: exit 2, Chinese then English on stderr, nothing on stdout', () => {
  const hint = 'speech-lint: 运行 speech-lint --help 查看用法 / run speech-lint --help for usage\n';
  assert.deepEqual(cli([]), { status: 2, stdout: '', stderr: `speech-lint: 没有指定要检查的文件 / no files given\n${hint}` });
  assert.deepEqual(cli(['--bogus', 'x.txt']), { status: 2, stdout: '', stderr: `speech-lint: 未知选项 --bogus / unknown option --bogus\n${hint}` });
  assert.deepEqual(cli(['--format', 'xml', 'x.txt']), {
    status: 2,
    stdout: '',
    stderr: `speech-lint: --format 应为 text、json 或 sarif，而不是“xml” / --format must be text, json or sarif, not "xml"\n${hint}`,
  });
  assert.deepEqual(cli(['x.txt', '--config']), { status: 2, stdout: '', stderr: `speech-lint: 选项 --config 需要一个值 / option --config needs a value\n${hint}` });
  assert.deepEqual(cli(['--kind=big', 'x.txt']), {
    status: 2,
    stdout: '',
    stderr: `speech-lint: --kind 应为 single（单项）或 comprehensive（综合），而不是“big” / --kind must be single or comprehensive, not "big"\n${hint}`,
  });
  assert.equal(cli(['--lang', 'fr', 'x.txt']).status, 2);
  assert.equal(cli(['--fix=yes', 'x.txt']).status, 2);
});

test('parseArgs: forms of options, `--` and `-`', () => {
  assert.deepEqual(parseArgs(['-f', 'json', '--config=a.json', '-k', '单项', '--fix', '--stats', '--lang=en', 'a', '-', '--', '--b']), {
    format: 'json',
    config: 'a.json',
    kind: 'single',
    fix: true,
    stats: true,
    lang: 'en',
    help: false,
    version: false,
    files: ['a', '-', '--b'],
  });
  assert.equal(parseArgs(['--no-color', 'x']).color, false);
  assert.throws(() => parseArgs(['-f']), UsageError);
  assert.throws(() => parseArgs(['--format', '--fix']), UsageError);
});

// ---------------------------------------------------------------- text output and exit codes

test('text: nothing found → only the summary, exit 0 (zh and en)', () => {
  const dir = workspace({ 'draft.speech': CLEAN });
  assert.deepEqual(cli(['draft.speech'], { cwd: dir }), { status: 0, stdout: '0 个错误，0 个警告，0 条提示\n', stderr: '' });
  assert.deepEqual(cli(['--lang', 'en', 'draft.speech'], { cwd: dir }), { status: 0, stdout: '0 errors, 0 warnings, 0 infos\n', stderr: '' });
});

test('text: `file:line:column severity message [rule]`, summary; exit 1 only for error severity', () => {
  const dir = workspace({ 'draft.speech': GAP_DRAFT }, { 'heading-sequence': 'error' });
  const r = cli(['draft.speech'], { cwd: dir });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1);
  const lines = r.stdout.split('\n');
  assert.equal(lines[lines.length - 1], '');
  const findings = lines.slice(0, -3);
  assert.ok(findings.length >= 1);
  for (const line of findings) assert.match(line, /^draft\.speech:\d+:\d+ 错误 \S.* \[heading-sequence\]$/);
  assert.ok(findings.some((l) => l.startsWith('draft.speech:7:1 错误 ')), 'the gap at （三） on line 7');
  assert.equal(lines[lines.length - 3], '');
  assert.match(lines[lines.length - 2], new RegExp(`^${findings.length} 个错误，0 个警告，0 条提示`));

  // The same finding as a warning: exit 0; in English: English severity and summary.
  write(path.join(dir, '.speechlintrc.json'), onlyRules({ 'heading-sequence': 'warning' }));
  const warn = cli(['--lang', 'en', 'draft.speech'], { cwd: dir });
  assert.equal(warn.status, 0);
  assert.match(warn.stdout, /^draft\.speech:7:1 warning \S.* \[heading-sequence\]$/m);
  assert.match(warn.stdout, /\n0 errors, \d+ warnings?, 0 infos/);
});

test('colour only when asked for or on a terminal (never in a pipe)', () => {
  const dir = workspace({ 'draft.speech': GAP_DRAFT }, { 'heading-sequence': 'error' });
  assert.ok(!cli(['draft.speech'], { cwd: dir }).stdout.includes('\u001b['));
  const coloured = cli(['--color', 'draft.speech'], { cwd: dir });
  assert.ok(coloured.stdout.includes('\u001b[31m'), 'errors in red');
  assert.equal(coloured.stdout.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), ''), cli(['draft.speech'], { cwd: dir }).stdout);
});

test('columns count code points (an Extension B character is one column)', () => {
  const dir = workspace({ 'draft.speech': '同志们：\n𠀀𠀀镇XX同志要抓好落实。\n' }, { placeholder: 'warning' });
  const text = cli(['draft.speech'], { cwd: dir });
  assert.match(text.stdout, /^draft\.speech:2:4 警告 .*\[placeholder\]$/m);
  const json = JSON.parse(cli(['-f', 'json', 'draft.speech'], { cwd: dir }).stdout);
  const d = json.files[0].diagnostics[0];
  assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [2, 4, 2, 6]);
  const sarif = JSON.parse(cli(['-f', 'sarif', 'draft.speech'], { cwd: dir }).stdout);
  assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.region, { startLine: 2, startColumn: 4, endLine: 2, endColumn: 6 });
});

// ---------------------------------------------------------------- JSON

test('json: exactly the documented shape', () => {
  const dir = workspace({ 'draft.speech': GAP_DRAFT }, { 'heading-sequence': 'error' });
  const r = cli(['--format', 'json', 'draft.speech'], { cwd: dir });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(json), ['files']);
  assert.equal(json.files.length, 1);
  const file = json.files[0];
  assert.deepEqual(Object.keys(file), ['file', 'script', 'kind', 'count', 'outline', 'diagnostics']);
  assert.equal(file.file, 'draft.speech');
  assert.equal(file.script, 'simplified');
  assert.equal(file.kind, 'comprehensive');
  assert.deepEqual(Object.keys(file.count), ['mode', 'total', 'limit']);
  assert.deepEqual(file.count, { mode: 'word', total: parse(GAP_DRAFT).count.total, limit: 5000 });
  assert.deepEqual(file.outline, outline(parse(GAP_DRAFT)));
  assert.deepEqual(
    file.outline.map((n: { marker: string; line: number; children: { marker: string; line: number }[] }) => [n.marker, n.line, n.children.map((c) => [c.marker, c.line])]),
    [
      ['一、', 4, [['（一）', 5], ['（三）', 7]]],
      ['二、', 9, [['(一)', 10], ['（二）、', 11]]],
    ],
  );
  assert.ok(file.diagnostics.length >= 1);
  for (const d of file.diagnostics) {
    assert.deepEqual(Object.keys(d), ['rule', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message', 'messageId', 'fixable', 'suggestions']);
    assert.equal(d.rule, 'heading-sequence');
    assert.equal(d.severity, 'error');
    assert.ok(['gap', 'duplicate', 'order', 'restart'].includes(d.messageId), d.messageId);
    assert.match(d.message, /^(同级)?标题编号/, 'Chinese message by default');
    assert.equal(d.fixable, true);
    assert.equal(d.suggestions, 0);
    for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(d[k]) && d[k] >= 1, k);
  }
  assert.ok(file.diagnostics.some((d: { line: number; column: number }) => d.line === 7 && d.column === 1));
  // --lang en: messages in English.
  const en = JSON.parse(cli(['--format', 'json', '--lang', 'en', 'draft.speech'], { cwd: dir }).stdout);
  assert.ok(!/[\u4e00-\u9fff]{4}/.test(en.files[0].diagnostics[0].message.replace(/[“”"][^“”"]*[“”"]/g, '')));
});

test('json: several files in order; nothing but { files }', () => {
  const dir = workspace({ 'b.speech': CLEAN, 'a.txt': '', 'c.md': GAP_DRAFT });
  const r = cli(['-f', 'json', 'b.speech', 'a.txt', 'c.md'], { cwd: dir });
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '');
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.files.map((f: { file: string }) => f.file), ['b.speech', 'a.txt', 'c.md']);
  assert.deepEqual(json.files[1], { file: 'a.txt', script: 'simplified', kind: 'comprehensive', count: { mode: 'word', total: 0, limit: 5000 }, outline: [], diagnostics: [] });
});

// ---------------------------------------------------------------- SARIF

test('sarif: a valid SARIF 2.1.0 log with rules, code-point columns and results', () => {
  const dir = workspace({ 'draft.speech': GAP_DRAFT, 'sub/two.speech': GAP_DRAFT }, { 'heading-sequence': 'error', 'heading-marker': 'warning' });
  const r = cli(['--format', 'sarif', 'draft.speech', 'sub/two.speech'], { cwd: dir });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.runs.length, 1);
  const run0 = log.runs[0];
  assert.equal(run0.columnKind, 'unicodeCodePoints');
  assert.equal(run0.tool.driver.name, 'speech-lint');
  assert.equal(run0.tool.driver.version, pkg.version);
  const ids = run0.tool.driver.rules.map((rule: { id: string }) => rule.id);
  assert.deepEqual(ids, realRuleIds);
  for (const rule of run0.tool.driver.rules) {
    assert.ok(rule.shortDescription.text.length > 0);
    assert.match(rule.helpUri, new RegExp(`^[a-z]+://.*docs/rules/${rule.id}\\.md$`));
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  assert.ok(run0.results.length >= 4);
  const uris = new Set<string>();
  for (const result of run0.results) {
    assert.ok(['heading-sequence', 'heading-marker'].includes(result.ruleId));
    assert.equal(ids[result.ruleIndex], result.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    // heading-sequence or heading-marker, in Chinese: "…应为“（二）”，实为…".
    assert.match(result.message.text, /应为“[^”]+”/);
    const location = result.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
    uris.add(location.artifactLocation.uri);
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(location.region[k]) && location.region[k] >= 1);
  }
  assert.deepEqual([...uris].sort(), ['draft.speech', 'sub/two.speech']);
  assert.match(run0.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  assert.deepEqual(run0.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);

  // What went to stderr is in the log too; a file that could not be read makes the run unsuccessful.
  const broken = cli(['--format', 'sarif', 'draft.speech', 'missing.speech'], { cwd: dir });
  assert.equal(broken.status, 2);
  assert.deepEqual(JSON.parse(broken.stdout).runs[0].invocations, [
    { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'cannot read file missing.speech' } }] },
  ]);
});

// ---------------------------------------------------------------- --fix

const CRLF_BOM_EXPECTED = (text: string) => text.replace('(一)强化督查', '（一）强化督查').replace('（二）、强化问责', '（二）强化问责');

test('--fix: only the fixes change, CRLF and BOM are kept, nothing fixable remains', () => {
  const original = '\uFEFF' + GAP_DRAFT.replace(/\n/g, '\r\n');
  const dir = workspace({ 'draft.speech': original }, { 'heading-marker': 'warning' });
  const file = path.join(dir, 'draft.speech');
  const before = JSON.parse(cli(['-f', 'json', 'draft.speech'], { cwd: dir }).stdout).files[0].diagnostics;
  assert.ok(before.some((d: { fixable: boolean }) => d.fixable));
  const r = cli(['--fix', 'draft.speech'], { cwd: dir });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
  const fixed = bytes.toString('utf8');
  assert.equal(fixed, CRLF_BOM_EXPECTED(original));
  assert.equal(fixed.match(/(?<!\r)\n/g), null, 'no bare LF');
  assert.match(r.stdout, /^已自动修复 \d+ 处（1 个文件）\n0 个错误，\d+ 个警告，0 条提示\n$/m);
  // Re-run: nothing fixable is left.
  const after = JSON.parse(cli(['-f', 'json', 'draft.speech'], { cwd: dir }).stdout).files[0].diagnostics;
  assert.deepEqual(after.filter((d: { fixable: boolean }) => d.fixable), []);
});

test('--fix with every default rule on the example draft: BOM/CRLF kept, nothing fixable left', () => {
  const dir = tempDir();
  write(path.join(dir, '.speechlintrc.json'), '{}');
  const example = fs.readFileSync(path.join(repoRoot, 'examples', 'draft.speech'), 'utf8');
  const original = '\uFEFF' + example.replace(/\n/g, '\r\n');
  write(path.join(dir, 'draft.speech'), original);
  const r = cli(['--fix', 'draft.speech'], { cwd: dir });
  assert.equal(r.stderr, '');
  assert.ok(r.status === 0 || r.status === 1);
  const fixed = fs.readFileSync(path.join(dir, 'draft.speech'), 'utf8');
  assert.ok(fixed.startsWith('\uFEFF'));
  assert.equal(fixed.match(/(?<!\r)\n|\r(?!\n)/g), null, 'only CRLF');
  assert.notEqual(fixed, original);
  const after = JSON.parse(cli(['-f', 'json', 'draft.speech'], { cwd: dir }).stdout).files[0].diagnostics;
  assert.deepEqual(after.filter((d: { fixable: boolean }) => d.fixable), []);
  // The example itself is untouched.
  assert.equal(fs.readFileSync(path.join(repoRoot, 'examples', 'draft.speech'), 'utf8'), example);
});

test('--fix: a file with nothing to fix is not written', () => {
  const dir = workspace({ 'draft.speech': CLEAN });
  const file = path.join(dir, 'draft.speech');
  const past = new Date(2001, 0, 1);
  fs.utimesSync(file, past, past);
  assert.deepEqual(cli(['--fix', 'draft.speech'], { cwd: dir }), { status: 0, stdout: '0 个错误，0 个警告，0 条提示\n', stderr: '' });
  assert.equal(fs.statSync(file).mtimeMs, past.getTime());
});

test('--fix -: the fixed text on stdout, the report on stderr', () => {
  const dir = workspace({}, { 'heading-marker': 'warning' });
  const r = cli(['--fix', '-'], { cwd: dir, input: GAP_DRAFT });
  assert.equal(r.status, 0);
  assert.equal(r.stdout, CRLF_BOM_EXPECTED(GAP_DRAFT));
  assert.match(r.stderr, /已自动修复 \d+ 处（1 个文件）\n0 个错误，\d+ 个警告，0 条提示\n$/);
});

// ---------------------------------------------------------------- stdin, files, globs

test('- reads standard input, shown as <stdin>', () => {
  const dir = workspace({}, { 'heading-sequence': 'error' });
  const r = cli(['-'], { cwd: dir, input: GAP_DRAFT });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^<stdin>:7:1 错误 .*\[heading-sequence\]$/m);
  const json = JSON.parse(cli(['-f', 'json', '-'], { cwd: dir, input: GAP_DRAFT }).stdout);
  assert.equal(json.files[0].file, '<stdin>');
});

test('an unreadable file among several: reported, the others linted, exit 2', () => {
  const dir = workspace({ 'a.speech': CLEAN, 'c.speech': GAP_DRAFT }, { 'heading-sequence': 'error' });
  const r = cli(['-f', 'json', 'a.speech', 'missing.txt', 'c.speech'], { cwd: dir });
  assert.equal(r.status, 2, 'I/O error wins over error findings');
  assert.equal(r.stderr, 'speech-lint: 无法读取文件 missing.txt（ENOENT） / cannot read file missing.txt\n');
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file), ['a.speech', 'c.speech']);
  const folder = cli(['a.speech', 'sub'], { cwd: dir });
  assert.equal(folder.status, 2);
  assert.equal(folder.stderr, 'speech-lint: 无法读取文件 sub（ENOENT） / cannot read file sub\n');
});

test('globs and folders (quoted, expanded by speech-lint itself)', () => {
  const dir = workspace({
    'a.speech': CLEAN,
    'b.txt': CLEAN,
    'c.md': CLEAN,
    'd.doc': CLEAN,
    'sub/e.speech': CLEAN,
    'sub/deep/f.speech': CLEAN,
    '.hidden/g.speech': CLEAN,
    'node_modules/h.speech': CLEAN,
  });
  const files = (...args: string[]) => {
    const r = cli(['-f', 'json', ...args], { cwd: dir });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    return JSON.parse(r.stdout).files.map((f: { file: string }) => f.file);
  };
  assert.deepEqual(files('**/*.speech'), ['a.speech', 'sub/deep/f.speech', 'sub/e.speech']);
  assert.deepEqual(files('*.{speech,md}'), ['a.speech', 'c.md']);
  assert.deepEqual(files('?.txt', 'sub/*'), ['b.txt', 'sub/deep/f.speech', 'sub/e.speech']);
  assert.deepEqual(files('.'), ['a.speech', 'b.txt', 'c.md', 'sub/deep/f.speech', 'sub/e.speech']);
  assert.deepEqual(files('sub', 'sub/e.speech', 'a.speech'), ['sub/deep/f.speech', 'sub/e.speech', 'a.speech'], 'each file once');
  assert.deepEqual(files('d.doc'), ['d.doc'], 'a file named explicitly is linted whatever its extension');
  const none = cli(['x/**/*.speech', 'a.speech'], { cwd: dir });
  assert.equal(none.status, 2);
  assert.equal(none.stderr, 'speech-lint: 没有找到与“x/**/*.speech”匹配的稿件 / no drafts match "x/**/*.speech"\n');
  assert.equal(none.stdout, '0 个错误，0 个警告，0 条提示\n');
});

test('expandInputs / expandBraces / segmentRegExp', () => {
  const dir = tempDir();
  for (const f of ['a1.speech', 'a2.speech', 'b.txt', '.dot.speech', 'x/y/z.md', 'x/w.speech', 'x/.git/q.speech', 'lit[1].txt']) write(path.join(dir, f), '');
  const shown = (...args: string[]) => expandInputs(args, dir).inputs.map((i) => i.display);
  assert.deepEqual(shown('a?.speech'), ['a1.speech', 'a2.speech']);
  assert.deepEqual(shown('a[2-9].speech'), ['a2.speech']);
  assert.deepEqual(shown('a[!1].speech'), ['a2.speech']);
  assert.deepEqual(shown('*.speech'), ['a1.speech', 'a2.speech'], 'dotfiles need an explicit dot');
  assert.deepEqual(shown('.*.speech'), ['.dot.speech']);
  assert.deepEqual(shown('**/*.md'), ['x/y/z.md']);
  assert.deepEqual(shown('x/**'), ['x/w.speech', 'x/y/z.md'], 'a folder matched by ** is walked for drafts');
  assert.deepEqual(shown('{x/w,a1}.speech'), ['x/w.speech', 'a1.speech']);
  assert.deepEqual(shown('lit[1].txt'), ['lit[1].txt'], 'an existing path is taken literally');
  assert.deepEqual(shown('-', '-'), ['-']);
  assert.deepEqual(shown(path.join(dir, 'x', '*.speech')), [`${path.join(dir, 'x')}/w.speech`], 'absolute patterns stay absolute');
  assert.deepEqual(expandInputs(['nothing/*.txt', 'empty-dir-missing'], dir).unmatched, ['nothing/*.txt']);
  assert.deepEqual(expandBraces('a{b,c{d,e}}f{g}'), ['abf{g}', 'acdf{g}', 'acef{g}']);
  assert.deepEqual(expandBraces('{,x}y'), ['y', 'xy']);
  assert.ok(segmentRegExp('*.speech').test('讲稿.speech'));
  assert.ok(!segmentRegExp('*.speech').test('.speech'));
  assert.ok(segmentRegExp('a+b(1).txt').test('a+b(1).txt'), 'regex characters are literal');
});

// ---------------------------------------------------------------- config on the command line

test('bad config: one clear stderr line naming the file and field; linting goes on', () => {
  const fixtures = path.join(repoRoot, 'test', 'fixtures', 'config');
  const syntax = cli(['draft.speech'], { cwd: path.join(fixtures, 'syntax-error') });
  assert.equal(
    syntax.stderr,
    'speech-lint: 配置文件不是有效的 JSON，已改用默认设置：.speechlintrc.json:3:11: JSON 语法错误：意外的 "s" / config is not valid JSON, defaults used: .speechlintrc.json:3:11: invalid JSON: unexpected "s"\n',
  );
  assert.match(syntax.stdout, /0 个错误，0 个警告，0 条提示\n$/);
  assert.equal(syntax.status, 0);

  const unknown = cli(['-f', 'json', 'draft.speech'], { cwd: path.join(fixtures, 'unknown-rule') });
  assert.equal(
    unknown.stderr,
    'speech-lint: 配置有误，该项已忽略：.speechlintrc.json: rules.heading-sequnce: 未知规则（是否应为“heading-sequence”？） / bad config, field ignored: .speechlintrc.json: rules.heading-sequnce: unknown rule (did you mean "heading-sequence"?)\n',
  );
  assert.equal(unknown.status, 0);
  assert.equal(JSON.parse(unknown.stdout).files[0].count.mode, 'hanzi', 'the rest of the config applies');

  const wrong = cli(['-f', 'json', 'draft.speech'], { cwd: path.join(fixtures, 'wrong-type') });
  assert.equal(
    wrong.stderr,
    'speech-lint: 配置有误，该项已忽略：.speechlintrc.json: countMode: 应为 "word"、"chars"、"hanzi" 之一 / bad config, field ignored: .speechlintrc.json: countMode: must be one of "word", "chars", "hanzi"\n' +
      'speech-lint: 配置有误，该项已忽略：.speechlintrc.json: kind: 应为 "single"、"comprehensive" 之一 / bad config, field ignored: .speechlintrc.json: kind: must be one of "single", "comprehensive"\n',
  );
  assert.equal(wrong.status, 0);
  assert.deepEqual(JSON.parse(wrong.stdout).files[0].count, { mode: 'word', total: 10, limit: 5000 });

  const option = cli(['draft.speech'], { cwd: path.join(fixtures, 'rule-option') });
  assert.equal(
    option.stderr,
    'speech-lint: 配置有误，该项已忽略：.speechlintrc.json: rules.announced-count.options.weak: 应为布尔值（true 或 false） / bad config, field ignored: .speechlintrc.json: rules.announced-count.options.weak: must be a boolean (true or false)\n',
  );
  assert.equal(option.status, 0);
});

test('a config problem is reported once however many drafts share the config', () => {
  const dir = tempDir();
  write(path.join(dir, '.speechlintrc.json'), '{ "countMode": "letters" }');
  write(path.join(dir, 'a.speech'), CLEAN);
  write(path.join(dir, 'b.speech'), CLEAN);
  const r = cli(['a.speech', 'b.speech'], { cwd: dir });
  assert.equal(r.stderr.split('\n').filter(Boolean).length, 1);
  assert.match(r.stderr, /^speech-lint: 配置有误，该项已忽略：\.speechlintrc\.json: countMode: /);
});

test('--config F: used instead of the nearest; a missing one is an I/O error (exit 2) and defaults apply', () => {
  const dir = workspace({ 'draft.speech': CLEAN, 'other.json': '{ "countMode": "chars" }' });
  const r = cli(['-f', 'json', '--config', 'other.json', 'draft.speech'], { cwd: dir });
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).files[0].count.mode, 'chars');
  const missing = cli(['-f', 'json', '--config', 'nope.json', 'draft.speech'], { cwd: dir });
  assert.equal(missing.status, 2);
  assert.equal(
    missing.stderr,
    'speech-lint: 无法读取配置文件，已改用默认设置：nope.json: 无法读取文件（ENOENT） / cannot read config, defaults used: nope.json: cannot read the file (ENOENT)\n',
  );
  assert.equal(JSON.parse(missing.stdout).files[0].count.mode, 'word');
});

test('--kind sets the kind and limit; the draft’s front matter wins', () => {
  const dir = workspace({ 'a.speech': CLEAN, 'b.speech': `---\n类型: 综合\n---\n${CLEAN}` });
  const json = JSON.parse(cli(['-f', 'json', '--kind', 'single', 'a.speech', 'b.speech'], { cwd: dir }).stdout);
  assert.deepEqual(json.files.map((f: { kind: string; count: { limit: number } }) => [f.kind, f.count.limit]), [
    ['single', 3000],
    ['comprehensive', 5000],
  ]);
});

// ---------------------------------------------------------------- --stats

test('--stats: the outline with 字数, then total, limit, kind and script', () => {
  const draft = ['关于做好工作的讲话', '同志们：', '今天讲两点意见。', '一、提高认识', '要统一思想。', '（一）抓学习', '二、压实责任', '谢谢大家！', ''].join('\n');
  const dir = workspace({ 'draft.speech': draft });
  assert.deepEqual(cli(['--stats', 'draft.speech'], { cwd: dir }), {
    status: 0,
    stderr: '',
    stdout: [
      'draft.speech 提纲',
      '  标题：关于做好工作的讲话',
      '  （开头） …… 21 字',
      '  一、提高认识 …… 18 字',
      '    （一）抓学习 …… 6 字',
      '  二、压实责任 …… 6 字',
      '  （结尾） …… 5 字',
      '  合计 50 字，上限 5000 字（综合）；简体；按每分钟 200 字计，讲话不到 1 分钟',
      '',
      '0 个错误，0 个警告，0 条提示',
      '',
    ].join('\n'),
  });
  const en = cli(['--stats', '--lang', 'en', '--kind', 'single', 'draft.speech'], { cwd: dir });
  assert.equal(
    en.stdout,
    [
      'Outline of draft.speech',
      '  Title: 关于做好工作的讲话',
      '  (opening) …… 21 words',
      '  一、提高认识 …… 18 words',
      '    （一）抓学习 …… 6 words',
      '  二、压实责任 …… 6 words',
      '  (closing) …… 5 words',
      '  Total 50 words, limit 3000 (single-topic); simplified; under 1 min at 200/min',
      '',
      '0 errors, 0 warnings, 0 infos',
      '',
    ].join('\n'),
  );
});

test('--stats after the findings', () => {
  const dir = workspace({ 'draft.speech': GAP_DRAFT }, { 'heading-sequence': 'warning' });
  const lines = cli(['--stats', 'draft.speech'], { cwd: dir }).stdout.split('\n');
  const statsAt = lines.indexOf('draft.speech 提纲');
  assert.ok(statsAt > 0);
  assert.match(lines[0], /\[heading-sequence\]$/);
  assert.equal(lines[statsAt - 1], '');
  assert.match(lines[lines.length - 2], /个错误/);
});

// ---------------------------------------------------------------- bad input never crashes

test('binary, invalid UTF-8, GBK, empty and UTF-16 files', () => {
  const dir = workspace({
    'bin.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
    'latin1.txt': Buffer.from('Café, naïve\n', 'latin1'),
    'gbk.txt': Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7]),
    'empty.txt': '',
    'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('同志们：\n今天开会。\n', 'utf16le')]),
  });
  const r = cli(['-f', 'json', 'bin.txt', 'latin1.txt', 'gbk.txt', 'empty.txt', 'utf16.txt'], { cwd: dir });
  assert.equal(r.status, 2, 'a file that could not be linted');
  assert.equal(
    r.stderr,
    'speech-lint: bin.txt 看来是二进制文件，不是文稿，已跳过 / bin.txt looks like a binary file, not a draft: skipped\n' +
      'speech-lint: latin1.txt 不是有效的 UTF-8，无法解码的字节已替换为 � / latin1.txt is not valid UTF-8: undecodable bytes replaced by U+FFFD\n' +
      'speech-lint: gbk.txt 不是 UTF-8，看来是 GB18030（GBK） 编码，已按此读取（可用 --encoding 指定） / gbk.txt is not UTF-8 and looks like GB18030 (GBK): read as such (--encoding sets it)\n',
  );
  const files = JSON.parse(r.stdout).files;
  assert.deepEqual(files.map((f: { file: string }) => f.file), ['latin1.txt', 'gbk.txt', 'empty.txt', 'utf16.txt']);
  assert.equal(files[1].count.total, 5, '你好，世界 read as GBK');
  assert.equal(files[2].count.total, 0);
  assert.equal(files[3].count.total, 9);
  // Invalid UTF-8 is never written back by --fix.
  const latin1 = fs.readFileSync(path.join(dir, 'latin1.txt'));
  const fix = cli(['--fix', 'latin1.txt'], { cwd: dir });
  assert.equal(fix.status, 0);
  assert.match(fix.stderr, /不会写回修复 \/ .*fixes will not be written\n$/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'latin1.txt')), latin1);
});

test('a large draft (≈1 MB) is linted without trouble', () => {
  const paragraph = '我们要坚持以人民为中心的发展思想，扎实推进各项工作落地见效，不断增强人民群众的获得感、幸福感、安全感。\n';
  const dir = workspace({ 'big.txt': paragraph.repeat(Math.ceil(1_000_000 / Buffer.byteLength(paragraph))) }, { 'length-limit': 'error' });
  const started = Date.now();
  const r = cli(['big.txt'], { cwd: dir });
  assert.equal(r.status, 1, 'over the length limit');
  assert.equal(r.stderr, '');
  assert.ok(Date.now() - started < 20_000);
});

// ---------------------------------------------------------------- the corpus

test('the five corpus files: one report each, scripts as documented, 003’s outline', () => {
  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(corpusDir, f));
  assert.equal(files.length, 5);
  const started = Date.now();
  const r = cli(['-f', 'json', ...files]);
  const elapsed = Date.now() - started;
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.equal(r.stderr, '');
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.files.map((f: { script: string }) => f.script), ['traditional', 'simplified', 'simplified', 'traditional', 'simplified']);
  assert.deepEqual(json.files[3].outline, outline(parse(fs.readFileSync(files[3], 'utf8'))));
  assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  const text = cli(files);
  assert.equal(text.stderr, '');
  for (const line of text.stdout.split('\n').slice(0, -3)) assert.match(line, /^\/.*\.txt:\d+:\d+ (错误|警告|提示|錯誤) .+ \[[a-z-]+\]$/);
});

// ---------------------------------------------------------------- in-process: exact --fix, rule errors

function memoryIO(cwd: string, stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    cwd,
    env: {},
    out: '',
    err: '',
    isTTY: false,
    stdout(text: string | Uint8Array) {
      io.out += typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
    },
    stderr(text: string) {
      io.err += text;
    },
    readStdin: () => Promise.resolve(Buffer.from(stdin, 'utf8')),
  };
  return io;
}

/** Test rules: `test-comma` fixes `,` between Han characters; `test-split` breaks a line at `｜`; `test-throws` throws. */
function addTestRules(): void {
  if (ruleById.has('test-comma')) return;
  const meta = (id: string, fixable: boolean) => ({
    id,
    description: { zh: id, en: id },
    defaultSeverity: 'error' as const,
    ...(fixable ? { fixable: 'code' as const } : {}),
    docs: `docs/rules/${id}.md`,
    options: {},
    messages: { comma: { zh: '半角逗号', en: 'half-width comma' }, split: { zh: '断行', en: 'split' } },
  });
  const testRules: Rule[] = [
    {
      meta: meta('test-comma', true),
      check(ctx) {
        const re = /(?<=[\u4e00-\u9fff]),(?=[\u4e00-\u9fff])/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(ctx.doc.text))) {
          ctx.report({ start: m.index, end: m.index + 1, messageId: 'comma', fix: { edits: [{ start: m.index, end: m.index + 1, text: '，' }] } });
        }
      },
    },
    {
      meta: meta('test-split', true),
      check(ctx) {
        const at = ctx.doc.text.indexOf('｜');
        if (at !== -1) ctx.report({ start: at, end: at + 1, severity: 'warning', messageId: 'split', fix: { edits: [{ start: at, end: at + 1, text: '\n' }] } });
      },
    },
    {
      meta: meta('test-throws', false),
      check() {
        throw new Error('boom');
      },
    },
  ];
  for (const rule of testRules) {
    rules.push(rule);
    ruleById.set(rule.meta.id, rule);
  }
}

function testConfig(enabled: string[]): string {
  const all = [...realRuleIds, 'test-comma', 'test-split', 'test-throws'];
  return JSON.stringify({ rules: Object.fromEntries(all.map((id) => [id, enabled.includes(id) ? 'error' : 'off'])) });
}

test('in-process --fix: exact bytes; a line break a fix inserts follows the file (CRLF); UTF-16 kept', async () => {
  addTestRules();
  const dir = tempDir();
  write(path.join(dir, '.speechlintrc.json'), testConfig(['test-comma', 'test-split']));
  const original = '\uFEFF标题\r\n同志们：\r\n安全,发展,稳定｜都要抓。\r\n  末行 保留,空格  \r\n';
  write(path.join(dir, 'a.speech'), original);
  write(path.join(dir, 'b.speech'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('甲,乙\n', 'utf16le')]));
  const io = memoryIO(dir);
  const status = await run(['--fix', 'a.speech', 'b.speech'], io);
  assert.equal(io.err, '');
  assert.equal(status, 0);
  assert.equal(io.out, '已自动修复 5 处（2 个文件）\n0 个错误，0 个警告，0 条提示\n');
  assert.equal(fs.readFileSync(path.join(dir, 'a.speech'), 'utf8'), '\uFEFF标题\r\n同志们：\r\n安全，发展，稳定\r\n都要抓。\r\n  末行 保留，空格  \r\n');
  assert.deepEqual(fs.readFileSync(path.join(dir, 'b.speech')), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('甲，乙\n', 'utf16le')]));
});

test('in-process: a rule that throws is reported on stderr and the run exits 2; the others still run', async () => {
  addTestRules();
  const dir = tempDir();
  write(path.join(dir, '.speechlintrc.json'), testConfig(['test-comma', 'test-throws']));
  write(path.join(dir, 'a.speech'), '安全,发展。\n');
  const io = memoryIO(dir);
  const status = await run(['a.speech'], io);
  assert.equal(status, 2);
  assert.equal(io.err, 'speech-lint: 规则 test-throws 在 a.speech 上出错，已跳过该规则（boom） / rule test-throws failed on a.speech and was skipped: boom\n');
  assert.equal(io.out, 'a.speech:1:3 错误 半角逗号 [test-comma]\n\n1 个错误，0 个警告，0 条提示（其中 1 个可用 --fix 自动修复）\n');
});

test('--fix -: input that cannot be fixed comes back byte for byte', () => {
  const dir = workspace({}, { 'heading-marker': 'warning' });
  const latin1 = Buffer.concat([Buffer.from('(一)', 'utf8'), Buffer.from('Café\n', 'latin1')]);
  const r = spawnSync(process.execPath, [bin, '--fix', '-'], { cwd: dir, input: latin1 });
  assert.equal(r.status, 0);
  assert.deepEqual(r.stdout, latin1);
  // GBK input is fixed in GBK.
  const gbk = spawnSync(process.execPath, [bin, '--fix', '-'], { cwd: dir, input: Buffer.from([0x28, 0xd2, 0xbb, 0x29, 0xc4, 0xe3, 0x0a]) });
  assert.equal(gbk.status, 0);
  assert.deepEqual(gbk.stdout, Buffer.from([0xa3, 0xa8, 0xd2, 0xbb, 0xa3, 0xa9, 0xc4, 0xe3, 0x0a]));
  const binary = Buffer.from([0x00, 0x01, 0x02]);
  const b = spawnSync(process.execPath, [bin, '--fix', '-'], { cwd: dir, input: binary });
  assert.equal(b.status, 2);
  assert.deepEqual(b.stdout, binary);
  const bom = Buffer.from('\uFEFF(一)标题\r\n', 'utf8');
  const c = spawnSync(process.execPath, [bin, '--fix', '-'], { cwd: dir, input: bom });
  assert.equal(c.stdout.toString('utf8'), '\uFEFF（一）标题\r\n', 'BOM and CRLF kept');
});

test('in-process: stdin through the injected reader', async () => {
  addTestRules();
  const dir = tempDir();
  write(path.join(dir, '.speechlintrc.json'), testConfig(['test-comma']));
  const io = memoryIO(dir, '甲,乙\r\n');
  assert.equal(await run(['--fix', '-'], io), 0);
  assert.equal(io.out, '甲，乙\r\n');
  assert.equal(io.err, '已自动修复 1 处（1 个文件）\n0 个错误，0 个警告，0 条提示\n');
});

test('decode / encode / line endings', () => {
  const utf8 = decode(Buffer.from('\uFEFF甲\r\n乙', 'utf8'));
  assert.deepEqual(utf8, { text: '甲\r\n乙', encoding: 'utf8', bom: true, invalid: false, binary: false, looksLikeGbk: false, guessed: false, lineEnding: 'crlf' });
  assert.deepEqual(encode(utf8.text, utf8), Buffer.from('\uFEFF甲\r\n乙', 'utf8'));
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('甲\n', 'utf16le').swap16()]);
  const decodedBe = decode(be);
  assert.equal(decodedBe.text, '甲\n');
  assert.equal(decodedBe.encoding, 'utf16be');
  assert.deepEqual(encode(decodedBe.text, decodedBe), be);
  const invalid = decode(Buffer.from([0xe7, 0x94, 0xb2, 0xff]));
  assert.equal(invalid.invalid, true);
  assert.equal(invalid.text, '甲\uFFFD');
  assert.equal(decode(Buffer.from([0x41, 0x00, 0x42])).binary, true);
  assert.deepEqual(['a', 'a\nb', 'a\r\nb', 'a\rb', 'a\nb\r\nc'].map(lineEnding), ['none', 'lf', 'crlf', 'cr', 'mixed']);
  assert.equal(restoreLineEndings('a\nb\r\nc', 'crlf'), 'a\r\nb\r\nc');
  assert.equal(restoreLineEndings('a\r\nb', 'lf'), 'a\nb');
  assert.equal(restoreLineEndings('a\nb\r\nc', 'mixed'), 'a\nb\r\nc');
});

test('a real rule that throws: the bundled CLI says so, still reports the other rules, and exits 2', () => {
  const dir = tempDir();
  write(path.join(dir, 'a.speech'), '这是XX，会 议。\n');
  const r = cli(['a.speech'], { cwd: dir, env: { SPEECH_LINT_FAIL_RULE: 'cjk-space' } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /规则 cjk-space 在 a\.speech 上出错，已跳过该规则（injected failure/);
  assert.match(r.stdout, /\[placeholder\]/);
  assert.doesNotMatch(r.stdout, /\[cjk-space\]/);
  // Without the failure the same draft exits 0 (only warnings).
  assert.equal(cli(['a.speech'], { cwd: dir }).status, 0);
});

test('a Markdown file keeps its own syntax: # and ** are not web leftovers there, but are in a .txt draft', () => {
  const dir = tempDir();
  const draft = '# 在全市工作会议上的讲话\n\n同志们：\n\n**一、提高认识**\n\n今天开会。\n';
  write(path.join(dir, 'a.md'), draft);
  write(path.join(dir, 'a.txt'), draft);
  const rules = (file: string) => (JSON.parse(cli(['--format', 'json', file], { cwd: dir }).stdout).files[0].diagnostics as { rule: string }[]).map((d) => d.rule);
  assert.deepEqual(rules('a.md'), []);
  assert.deepEqual(rules('a.txt'), ['scrape-boilerplate', 'scrape-boilerplate']);
});
