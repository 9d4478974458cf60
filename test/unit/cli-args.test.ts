// Command-line arguments that used to crash the CLI or take it over: a glob with a bad character
// class, a brace expansion that explodes, and output too long for one push(...).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { expandBraces, expandInputs, GlobError, MAX_BRACE_ALTERNATIVES, segmentRegExp } from '../../server/src/cli/glob';
import { run } from '../../server/src/cli/run';
import type { Rule } from '../../server/src/core/rule';
import { ruleById, rules } from '../../server/src/core/rules';
import { cli, memoryIO, workspace, write } from './cliHarness';

const CLEAN = '同志们：\n今天的会议开得很好。\n';

test('a glob with a bad character class: a usage message for that argument, exit 2, the other arguments linted', () => {
  const dir = workspace({ 'a.speech': CLEAN, 'b.speech': CLEAN });
  const r = cli(['-f', 'json', 'a.speech', '[z-a].txt', 'b.speech'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.equal(
    r.stderr,
    'speech-lint: 通配符“[z-a].txt”无效：字符类 [z-a] 中的范围 z-a 顺序颠倒 / bad glob "[z-a].txt": range z-a is out of order in [z-a]\n',
  );
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file), ['a.speech', 'b.speech']);
  // The same in a negated class and in a folder segment.
  assert.throws(() => segmentRegExp('[!9-0]*'), (e: unknown) => e instanceof GlobError && e.en === 'range 9-0 is out of order in [!9-0]');
  const inputs = expandInputs(['sub[z-a]/*.speech', 'a.speech'], dir);
  assert.deepEqual(inputs.inputs.map((i) => i.display), ['a.speech']);
  assert.deepEqual(inputs.invalid.map((i) => i.arg), ['sub[z-a]/*.speech']);
  // A file that really has that name is taken literally.
  write(path.join(dir, '[z-a].txt'), CLEAN);
  assert.equal(cli(['[z-a].txt'], { cwd: dir }).status, 0);
});

test('brace expansion is capped at 10,000 patterns before any is matched: exit 2 at once, the other arguments linted', { timeout: 20000 }, () => {
  const dir = workspace({ 'a.speech': CLEAN });
  const bomb = `${'{a,b}'.repeat(22)}.txt`;
  const started = Date.now();
  const r = cli(['-f', 'json', bomb, 'a.speech'], { cwd: dir, timeout: 15000 });
  const elapsed = Date.now() - started;
  assert.equal(r.status, 2);
  assert.equal(
    r.stderr,
    `speech-lint: 通配符“${bomb}”无效：花括号展开后超过 10000 种写法 / bad glob "${bomb}": brace expansion gives more than 10000 patterns\n`,
  );
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file), ['a.speech']);
  assert.ok(elapsed < 5000, `took ${elapsed} ms`);
});

test('expandBraces: 10,000 alternatives expand; one more group is refused without expanding', () => {
  assert.equal(MAX_BRACE_ALTERNATIVES, 10000);
  const digit = '{0,1,2,3,4,5,6,7,8,9}';
  const four = expandBraces(digit.repeat(4));
  assert.equal(four.length, 10000);
  assert.equal(four[0], '0000');
  assert.equal(four[9999], '9999');
  const started = Date.now();
  assert.throws(() => expandBraces(digit.repeat(40)), GlobError);
  assert.throws(() => expandBraces(`{${digit.repeat(4)},x}`), GlobError, 'nested: 10,001');
  assert.ok(Date.now() - started < 1000);
  assert.deepEqual(expandBraces('a{b,c{d,e}}f{g}'), ['abf{g}', 'acdf{g}', 'acef{g}'], 'unchanged below the cap');
});

test('more than 125,000 findings are all printed (no argument-list overflow)', async () => {
  const id = 'test-every-line';
  if (!ruleById.has(id)) {
    const rule: Rule = {
      meta: { id, description: { zh: id, en: id }, defaultSeverity: 'warning', docs: `docs/rules/${id}.md`, options: {}, messages: { line: { zh: '行', en: 'line' } } },
      check(ctx) {
        for (const line of ctx.doc.lines) if (line.end > line.start) ctx.report({ start: line.start, end: line.start + 1, messageId: 'line' });
      },
    };
    rules.push(rule);
    ruleById.set(id, rule);
  }
  const lines = 130_000;
  const dir = workspace({ 'many.txt': '甲\n'.repeat(lines) }, { [id]: 'warning' }, [id]);
  const io = memoryIO(dir);
  const status = await run(['many.txt'], io);
  assert.equal(io.err, '');
  assert.equal(status, 0);
  const out = io.out.split('\n');
  assert.equal(out.length, lines + 3);
  assert.equal(out[0], 'many.txt:1:1 警告 行 [test-every-line]');
  assert.equal(out[lines - 1], `many.txt:${lines}:1 警告 行 [test-every-line]`);
  assert.equal(out[lines + 1], `0 个错误，${lines} 个警告，0 条提示`);
});
