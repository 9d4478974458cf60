// Writing --fix results without ever losing the draft: the new bytes go to a temporary file in the
// same folder, are flushed to disk, and replace the original by rename only if the original is
// still exactly what was read. A full disk, an I/O error, a read-only or immutable file, a folder
// that cannot be written or a concurrent edit leave the original untouched and no temporary file.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A random suffix for a temporary file. node:crypto loads only when a fix is written (4 ms of every start). */
function tempSuffix(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:crypto') as typeof import('node:crypto')).randomBytes(6).toString('hex');
}

/** The file-system calls reading and replacing a draft makes (tests swap some to inject faults). */
export interface FileOps {
  statSync(file: string): fs.Stats;
  lstatSync(file: string): fs.Stats;
  readFileSync(file: string): Buffer;
  realpathSync(file: string): string;
  accessSync(file: string, mode: number): void;
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
}

export const nodeFileOps: FileOps = {
  statSync: (file) => fs.statSync(file),
  lstatSync: (file) => fs.lstatSync(file),
  readFileSync: (file) => fs.readFileSync(file),
  realpathSync: (file) => fs.realpathSync(file),
  accessSync: (file, mode) => fs.accessSync(file, mode),
  openSync: (file, flags, mode) => fs.openSync(file, flags, mode),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fchmodSync: (fd, mode) => fs.fchmodSync(fd, mode),
  fchownSync: (fd, uid, gid) => fs.fchownSync(fd, uid, gid),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (file) => fs.unlinkSync(file),
};

/** What was read, to tell later whether the file on disk is still the same. */
export interface ReadSnapshot {
  bytes: Uint8Array;
  stat: fs.Stats;
}

export type WriteFailure =
  /** A pipe, a device…: there is no file to replace. */
  | { kind: 'not-a-file' }
  /** No write permission bit is set: the user asked for the file to be left alone. */
  | { kind: 'read-only' }
  /** The file on disk is no longer what was read (edited, appended to or replaced meanwhile). */
  | { kind: 'changed' }
  /** A system call failed; `step` says which part. */
  | { kind: 'io'; step: 'check' | 'temp' | 'write' | 'replace'; code: string };

/**
 * Replaces `file` (symbolic links followed: the link stays, its target gets the new bytes) with
 * `bytes`, keeping its mode and, where allowed, its owner. Returns undefined on success.
 */
export function replaceFile(file: string, bytes: Uint8Array, read: ReadSnapshot, ops: FileOps = nodeFileOps): WriteFailure | undefined {
  let target: string;
  try {
    target = ops.realpathSync(file);
    if (!read.stat.isFile()) return { kind: 'not-a-file' };
    if ((read.stat.mode & 0o222) === 0) return { kind: 'read-only' };
    // Root passes this for any mode, but not for an immutable file or a read-only file system.
    ops.accessSync(target, fs.constants.W_OK);
  } catch (error) {
    return { kind: 'io', step: 'check', code: codeOf(error) };
  }

  const dir = path.dirname(target);
  let temp: string | undefined;
  let fd: number | undefined;
  let step: 'temp' | 'write' | 'replace' = 'temp';
  try {
    // O_EXCL: a name that exists (however unlikely) is never overwritten; try another.
    for (let attempt = 0; fd === undefined; attempt++) {
      const name = path.join(dir, `.${path.basename(target)}.${tempSuffix()}.speech-lint-tmp`);
      try {
        fd = ops.openSync(name, 'wx', 0o600);
        temp = name;
      } catch (error) {
        if (codeOf(error) !== 'EEXIST' || attempt >= 4) throw error;
      }
    }
    step = 'write';
    for (let offset = 0; offset < bytes.length; ) offset += ops.writeSync(fd, bytes, offset, bytes.length - offset);
    try {
      ops.fchownSync(fd, read.stat.uid, read.stat.gid);
    } catch {
      // Only root (or the owner, for the group) may: the file then belongs to whoever ran --fix.
    }
    // After chown, which may clear set-id bits.
    ops.fchmodSync(fd, read.stat.mode & 0o7777);
    ops.fsyncSync(fd);
    const closing = fd;
    fd = undefined;
    ops.closeSync(closing);

    step = 'replace';
    // Re-read just before the rename: a change made while the rules ran is never overwritten.
    if (!unchanged(target, read, ops)) {
      removeTemp(ops, temp);
      return { kind: 'changed' };
    }
    ops.renameSync(temp!, target);
    temp = undefined;
  } catch (error) {
    if (fd !== undefined) {
      try {
        ops.closeSync(fd);
      } catch {
        // already failing
      }
    }
    removeTemp(ops, temp);
    return { kind: 'io', step, code: codeOf(error) };
  }
  syncFolder(dir);
  return undefined;
}

/** Whether `target` is still the file that was read, byte for byte (a deleted file is not). */
function unchanged(target: string, read: ReadSnapshot, ops: FileOps): boolean {
  let now: fs.Stats;
  try {
    now = ops.statSync(target);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false;
    throw error;
  }
  if (now.ino !== read.stat.ino || now.dev !== read.stat.dev || now.size !== read.bytes.length) return false;
  return Buffer.from(ops.readFileSync(target)).equals(read.bytes);
}

function removeTemp(ops: FileOps, temp: string | undefined): void {
  if (temp === undefined) return;
  try {
    ops.unlinkSync(temp);
  } catch {
    // Nothing more can be done; the name starts with a dot and says what it is.
  }
}

/** Makes the rename itself durable where the platform allows it. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported for folders on every platform / file system.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

const REASONS: Record<string, [zh: string, en: string]> = {
  ENOSPC: ['磁盘空间不足', 'no space left on device'],
  EDQUOT: ['超出磁盘配额', 'disk quota exceeded'],
  EIO: ['磁盘读写出错', 'I/O error'],
  EACCES: ['没有写入权限', 'permission denied'],
  EPERM: ['不允许修改（可能被设为不可更改）', 'operation not permitted (the file may be immutable)'],
  EROFS: ['文件系统是只读的', 'read-only file system'],
  EBUSY: ['文件正被占用', 'the file is busy'],
  ENOENT: ['文件已不存在', 'the file no longer exists'],
};

/** The bilingual message for a failed write of `shown`. */
export function describeWriteFailure(failure: WriteFailure, shown: string): [zh: string, en: string] {
  if (failure.kind === 'not-a-file') return [`未写入修复：${shown} 不是普通文件`, `fixes not written: ${shown} is not a regular file`];
  if (failure.kind === 'read-only') return [`未写入修复：${shown} 是只读文件；文件未改动`, `fixes not written: ${shown} is read-only; the file is unchanged`];
  if (failure.kind === 'changed') {
    return [`未写入修复：${shown} 在检查期间被改动过，改动已保留；请重新运行`, `fixes not written: ${shown} changed while it was being checked and was left as it is; run again`];
  }
  let [zh, en] = REASONS[failure.code] ?? ['写入出错', 'write error'];
  if (failure.step === 'temp' && (failure.code === 'EACCES' || failure.code === 'EPERM')) {
    [zh, en] = ['无法在其所在文件夹中创建临时文件', 'cannot create a temporary file in its folder'];
  }
  return [`无法写入修复：${shown}（${zh}，${failure.code}）；文件未改动`, `cannot write fixes to ${shown}: ${en} (${failure.code}); the file is unchanged`];
}
