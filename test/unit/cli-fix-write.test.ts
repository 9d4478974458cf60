// --fix never loses a draft: a full disk, an I/O error, a read-only or immutable file, a folder that
// cannot be written or an edit made while the rules ran leave the original byte for byte, no
// temporary file, a clear message, exit 2 and no claim that fixes were written. Faults are real where
// the system allows (a tmpfs, chmod, chattr) and injected through CliIO.fs everywhere else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../server/src/cli/run';
import { nodeFileOps, type FileOps } from '../../server/src/cli/write';
import { addCommaRule, cli, isRoot, memoryIO, onCleanup, snapshot, tempDir, workspace, write } from './cliHarness';

const ORIGINAL = '甲,乙\n丙,丁\n';
const FIXED = '甲，乙\n丙，丁\n';
/** The report of ORIGINAL when nothing could be written (the findings of the file as it is). */
const UNFIXED_REPORT = 'draft.speech:1:2 错误 半角逗号 [test-comma]\ndraft.speech:2:2 错误 半角逗号 [test-comma]\n\n2 个错误，0 个警告，0 条提示\n';

function fixture(content: string | Uint8Array = ORIGINAL): { dir: string; file: string } {
  const id = addCommaRule();
  const dir = workspace({ 'draft.speech': content }, { [id]: 'error' }, [id]);
  return { dir, file: path.join(dir, 'draft.speech') };
}

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

async function fixWith(dir: string, faults: Partial<FileOps>): Promise<{ status: number; out: string; err: string }> {
  const io = memoryIO(dir);
  io.fs = faults;
  const status = await run(['--fix', 'draft.speech'], io);
  return { status, out: io.out, err: io.err };
}

test('--fix: the file is replaced with the fixed bytes, mode kept, no temporary file left', async () => {
  const { dir, file } = fixture();
  fs.chmodSync(file, 0o640);
  const r = await fixWith(dir, {});
  assert.deepEqual(r, { status: 0, out: '已自动修复 2 处（1 个文件）\n0 个错误，0 个警告，0 条提示\n', err: '' });
  assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
  assert.equal(fs.statSync(file).mode & 0o7777, 0o640);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['.speechlintrc.json', 'draft.speech']);
});

test('--fix keeps the owner and group when it may (root only: skipped otherwise)', { skip: !isRoot && 'needs root to chown' }, async () => {
  const { dir, file } = fixture();
  fs.chownSync(file, 1234, 5678);
  assert.equal((await fixWith(dir, {})).status, 0);
  const stat = fs.statSync(file);
  assert.deepEqual([stat.uid, stat.gid, fs.readFileSync(file, 'utf8')], [1234, 5678, FIXED]);
});

test('--fix on a full disk (simulated ENOSPC while writing): original intact, no temp file, exit 2, no fix claimed', async () => {
  const { dir } = fixture();
  const before = snapshot(dir);
  const r = await fixWith(dir, {
    writeSync: (fd, buffer, offset, length) => {
      // Half of it lands, then the disk is full: what a truncating write leaves behind.
      nodeFileOps.writeSync(fd, buffer, offset, Math.floor(length / 2));
      throw errno('ENOSPC');
    },
  });
  assert.equal(r.err, 'speech-lint: 无法写入修复：draft.speech（磁盘空间不足，ENOSPC）；文件未改动 / cannot write fixes to draft.speech: no space left on device (ENOSPC); the file is unchanged\n');
  assert.equal(r.out, UNFIXED_REPORT);
  assert.equal(r.status, 2);
  assert.deepEqual(snapshot(dir), before);
});

test('--fix with an I/O error on fsync or rename: original intact, no temp file, exit 2', async () => {
  for (const faults of [{ fsyncSync: () => { throw errno('EIO'); } }, { renameSync: () => { throw errno('EIO'); } }] as Partial<FileOps>[]) {
    const { dir } = fixture();
    const before = snapshot(dir);
    const r = await fixWith(dir, faults);
    assert.equal(r.err, 'speech-lint: 无法写入修复：draft.speech（磁盘读写出错，EIO）；文件未改动 / cannot write fixes to draft.speech: I/O error (EIO); the file is unchanged\n');
    assert.equal(r.out, UNFIXED_REPORT);
    assert.equal(r.status, 2);
    assert.deepEqual(snapshot(dir), before);
  }
});

test('--fix on something that is not a regular file (a pipe, a device): nothing replaced, exit 2', async () => {
  const { dir } = fixture();
  const before = snapshot(dir);
  const r = await fixWith(dir, { statSync: (file) => Object.assign(Object.create(fs.statSync(file)), { isFile: () => false }) });
  assert.equal(r.err, 'speech-lint: 未写入修复：draft.speech 不是普通文件 / fixes not written: draft.speech is not a regular file\n');
  assert.equal(r.out, UNFIXED_REPORT);
  assert.equal(r.status, 2);
  assert.deepEqual(snapshot(dir), before);
});

test('--fix when the file changes while the rules run (a line appended): the change is kept, nothing written, exit 2', async () => {
  const { dir, file } = fixture();
  let appended = false;
  const r = await fixWith(dir, {
    // The moment the temporary file is created: after the read, before the rename.
    openSync: (name, flags, mode) => {
      if (!appended) fs.appendFileSync(file, '新加的一行,还没保存完\n');
      appended = true;
      return nodeFileOps.openSync(name, flags, mode);
    },
  });
  assert.equal(
    r.err,
    'speech-lint: 未写入修复：draft.speech 在检查期间被改动过，改动已保留；请重新运行 / fixes not written: draft.speech changed while it was being checked and was left as it is; run again\n',
  );
  assert.equal(r.out, UNFIXED_REPORT);
  assert.equal(r.status, 2);
  assert.equal(fs.readFileSync(file, 'utf8'), `${ORIGINAL}新加的一行,还没保存完\n`);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['.speechlintrc.json', 'draft.speech']);
});

test('--fix on a read-only file (chmod 444; refused even for root): untouched, exit 2, no fix claimed', () => {
  const dir = workspace({ 'draft.speech': '(一)标题\n' }, { 'heading-marker': 'warning' });
  const file = path.join(dir, 'draft.speech');
  fs.chmodSync(file, 0o444);
  const r = cli(['--fix', 'draft.speech'], { cwd: dir });
  assert.equal(r.stderr, 'speech-lint: 未写入修复：draft.speech 是只读文件；文件未改动 / fixes not written: draft.speech is read-only; the file is unchanged\n');
  assert.equal(r.status, 2);
  assert.doesNotMatch(r.stdout, /已自动修复/);
  assert.match(r.stdout, /^draft\.speech:1:1 警告 .*\[heading-marker\]$/m);
  assert.equal(fs.readFileSync(file, 'utf8'), '(一)标题\n');
  assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['.speechlintrc.json', 'draft.speech']);
});

test('--fix on an immutable file (chattr +i; root only: skipped otherwise): untouched, exit 2, no fix claimed', { skip: !isRoot && 'chattr +i needs root' }, (t) => {
  const dir = workspace({ 'draft.speech': '(一)标题\n' }, { 'heading-marker': 'warning' });
  const file = path.join(dir, 'draft.speech');
  if (!chattr('+i', file)) return void t.skip('chattr +i is not supported here');
  onCleanup(() => chattr('-i', file));
  const r = cli(['--fix', 'draft.speech'], { cwd: dir });
  assert.equal(
    r.stderr,
    'speech-lint: 无法写入修复：draft.speech（不允许修改（可能被设为不可更改），EPERM）；文件未改动 / cannot write fixes to draft.speech: operation not permitted (the file may be immutable) (EPERM); the file is unchanged\n',
  );
  assert.equal(r.status, 2);
  assert.doesNotMatch(r.stdout, /已自动修复/);
  assert.equal(fs.readFileSync(file, 'utf8'), '(一)标题\n');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['.speechlintrc.json', 'draft.speech']);
});

test('--fix in a folder that cannot be written (chmod 555, or chattr +i as root): untouched, exit 2', (t) => {
  const dir = workspace({ 'sub/draft.speech': '(一)标题\n' }, { 'heading-marker': 'warning' });
  const sub = path.join(dir, 'sub');
  if (isRoot) {
    if (!chattr('+i', sub)) return void t.skip('chattr +i is not supported here');
    onCleanup(() => chattr('-i', sub));
  } else {
    fs.chmodSync(sub, 0o555);
    onCleanup(() => fs.chmodSync(sub, 0o755));
  }
  const r = cli(['--fix', 'sub/draft.speech'], { cwd: dir });
  const code = isRoot ? 'EPERM' : 'EACCES';
  assert.equal(
    r.stderr,
    `speech-lint: 无法写入修复：sub/draft.speech（无法在其所在文件夹中创建临时文件，${code}）；文件未改动 / cannot write fixes to sub/draft.speech: cannot create a temporary file in its folder (${code}); the file is unchanged\n`,
  );
  assert.equal(r.status, 2);
  assert.doesNotMatch(r.stdout, /已自动修复/);
  assert.equal(fs.readFileSync(path.join(sub, 'draft.speech'), 'utf8'), '(一)标题\n');
  assert.deepEqual(fs.readdirSync(sub), ['draft.speech']);
});

test('--fix on a really full disk (a 64 KB tmpfs; root only: skipped otherwise): the draft is not truncated', { skip: !isRoot && 'mounting a tmpfs needs root' }, (t) => {
  const mount = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount], { stdio: 'pipe' });
  } catch {
    return void t.skip('cannot mount a tmpfs here');
  }
  onCleanup(() => execFileSync('umount', [mount], { stdio: 'pipe' }));
  write(path.join(mount, '.speechlintrc.json'), JSON.stringify({ rules: { 'punctuation-width': 'warning' } }));
  // Every fix makes the file longer (`,` → `，`): 2,000 of them on 34 KB, so a write in place
  // (truncate, then write) runs out of space part-way.
  const draft = Buffer.from('甲,乙丙丁。\n'.repeat(2000), 'utf8');
  write(path.join(mount, 'draft.speech'), draft);
  // Fill the rest of the disk.
  const filler = fs.openSync(path.join(mount, 'filler'), 'w');
  try {
    for (;;) fs.writeSync(filler, Buffer.alloc(1024));
  } catch (error) {
    assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
  } finally {
    fs.closeSync(filler);
  }
  const before = snapshot(mount);
  const r = cli(['--fix', 'draft.speech'], { cwd: mount });
  assert.equal(r.stderr, 'speech-lint: 无法写入修复：draft.speech（磁盘空间不足，ENOSPC）；文件未改动 / cannot write fixes to draft.speech: no space left on device (ENOSPC); the file is unchanged\n');
  assert.equal(r.status, 2);
  assert.doesNotMatch(r.stdout, /已自动修复/);
  assert.deepEqual(snapshot(mount), before);
});

test('nothing overwrites a file the user did not name: a link found by a folder walk is not followed; a named link is', () => {
  const outside = tempDir();
  const elsewhere = write(path.join(outside, 'notes.txt'), '(一)别处的文件\n');
  const dir = workspace({ 'drafts/a.speech': '(一)标题\n', 'drafts/.a.speech.0123456789ab.speech-lint-tmp': 'not ours' }, { 'heading-marker': 'warning' });
  fs.symlinkSync(elsewhere, path.join(dir, 'drafts', 'link.txt'));
  const r = cli(['--fix', 'drafts'], { cwd: dir });
  assert.equal(
    r.stderr,
    'speech-lint: 未写入修复：drafts/link.txt 是符号链接，只修复直接指定的链接 / fixes not written: drafts/link.txt is a symbolic link, and only links named directly are fixed\n',
  );
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^drafts\/link\.txt:1:1 警告 .*\[heading-marker\]$/m);
  assert.match(r.stdout, /^已自动修复 1 处（1 个文件）$/m);
  assert.equal(fs.readFileSync(elsewhere, 'utf8'), '(一)别处的文件\n');
  assert.equal(fs.readFileSync(path.join(dir, 'drafts', 'a.speech'), 'utf8'), '（一）标题\n');
  assert.equal(fs.readFileSync(path.join(dir, 'drafts', '.a.speech.0123456789ab.speech-lint-tmp'), 'utf8'), 'not ours');
  assert.deepEqual(fs.readdirSync(path.join(dir, 'drafts')).sort(), ['.a.speech.0123456789ab.speech-lint-tmp', 'a.speech', 'link.txt']);
  // Named on the command line: the link stays a link and its target is fixed.
  const named = cli(['--fix', 'drafts/link.txt'], { cwd: dir });
  assert.equal(named.stderr, '');
  assert.equal(named.status, 0);
  assert.ok(fs.lstatSync(path.join(dir, 'drafts', 'link.txt')).isSymbolicLink());
  assert.equal(fs.readFileSync(elsewhere, 'utf8'), '（一）别处的文件\n');
  assert.deepEqual(fs.readdirSync(outside), ['notes.txt']);
});

function chattr(flag: string, file: string): boolean {
  try {
    execFileSync('chattr', [flag, file], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
