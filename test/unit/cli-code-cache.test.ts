// The command line starts from the code cache the build made (bin/code-cache.js): V8 takes it, the
// output is what the bundle prints without it, and a cache that no longer matches its bundle is left alone.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { cli, tempDir } from './cliHarness';
import { corpusDir, repoRoot } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const codeCache = require(path.join(repoRoot, 'bin', 'code-cache.js')) as { cachedDataFor(file: string): Buffer | undefined };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('node:module') as { wrap(source: string): string };
const bundle = path.join(repoRoot, 'dist', 'cli.js');

test('the build made a cache for the bundle, and V8 takes it', () => {
  const cachedData = codeCache.cachedDataFor(bundle);
  assert.ok(cachedData && cachedData.length > 100_000, 'dist/cli.cache is missing or empty');
  // The flag the loader sets on Node 20, so that this process compiles under the cache's flags.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (/^11\./.test(process.versions.v8)) require('node:v8').setFlagsFromString('--interrupt-budget=600000');
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  assert.equal(script.cachedDataRejected, false);
});

test('with the cache the command line prints exactly what the bundle prints without it', () => {
  const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort().slice(0, 3).map((f) => path.join(corpusDir, f));
  const cached = cli(['--format', 'json', ...files]);
  const plain = spawnSync(process.execPath, [bundle, '--format', 'json', ...files], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(cached.status, plain.status);
  assert.equal(cached.stdout, plain.stdout);
  assert.equal(JSON.parse(cached.stdout).files.length, 3);
});

test('the command line runs from the cache of its own bundle, and without the cache of another build', () => {
  const dir = tempDir();
  const copy = path.join(dir, 'cli.js');
  fs.copyFileSync(bundle, copy);
  // The cache for this copy, made as the build makes it.
  const made = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'code-cache.js'), '--make', copy, path.join(repoRoot, 'examples', 'draft.speech')], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  assert.ok(fs.statSync(path.join(dir, 'cli.cache')).size > 100_000);
  const launcher = path.join(dir, 'launch.js');
  // Whether V8 was given a cache and took it: false when taken, undefined when none was given.
  fs.writeFileSync(launcher, `const s = require(${JSON.stringify(path.join(repoRoot, 'bin', 'code-cache.js'))}).load(${JSON.stringify(copy)});\nprocess.on('exit', () => process.stderr.write('rejected: ' + s.cachedDataRejected));\n`);
  const same = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8' });
  assert.equal(same.status, 0, same.stderr);
  assert.equal(same.stderr, 'rejected: false');
  // A damaged cache (same length, some bytes changed) is not handed to V8, which would abort on it.
  const cacheFile = path.join(dir, 'cli.cache');
  const whole = fs.readFileSync(cacheFile);
  const damaged = Buffer.from(whole);
  for (let i = whole.indexOf(10) + 1000; i < damaged.length; i += 997) damaged[i] ^= 0xff;
  fs.writeFileSync(cacheFile, damaged);
  assert.equal(codeCache.cachedDataFor(copy), undefined);
  const broken = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8' });
  assert.equal(broken.status, 0, broken.stderr);
  assert.equal(broken.stderr, 'rejected: undefined');
  fs.writeFileSync(cacheFile, whole);
  assert.ok(codeCache.cachedDataFor(copy));
  // Same size, another modification time: the cache's stamp no longer matches.
  const { mtime } = fs.statSync(copy);
  fs.utimesSync(copy, mtime, new Date(mtime.getTime() - 86_400_000));
  assert.equal(codeCache.cachedDataFor(copy), undefined);
  const other = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8' });
  assert.equal(other.status, 0, other.stderr);
  assert.equal(other.stderr, 'rejected: undefined');
  assert.equal(other.stdout, same.stdout);
  assert.match(other.stdout, /\d+\.\d+\.\d+/);
});
