// Command-line file arguments: plain paths, folders (walked for drafts) and globs with `*`, `**`,
// `?`, `[abc]` and `{a,b}` (Node 20 has no fs.glob, and the linter adds no packages for it).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Extensions of drafts picked up when a folder is walked. */
export const DRAFT_EXTENSIONS = ['.speech', '.txt', '.md'];

/** Folders never walked into by `**` or a folder argument. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface ExpandedInput {
  /** `-` for standard input, else the path as shown (relative to cwd when the argument was). */
  display: string;
  /** Absolute path; undefined for standard input. */
  absolute?: string;
  /** Named as such on the command line (not found by walking a folder or matching a glob). */
  named?: boolean;
}

export interface Expansion {
  inputs: ExpandedInput[];
  /** Arguments (globs or folders) that matched no draft. */
  unmatched: string[];
  /** Globs that cannot be used, each with the reason (Chinese and English). */
  invalid: { arg: string; zh: string; en: string }[];
}

/** A glob that cannot be matched: a usage error for that argument only. */
export class GlobError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** `{a,b}` repeated n times gives 2^n patterns, each matched against the disk: more is refused. */
export const MAX_BRACE_ALTERNATIVES = 10_000;

export function hasMagic(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/**
 * `{a,b}` alternatives, nested braces included; a brace without a top-level comma stays literal.
 * Throws a GlobError past `limit` alternatives. No recursive call yields more strings than the whole
 * pattern does, so the cap is hit before more than `limit` strings are built at any level.
 */
export function expandBraces(pattern: string, limit = MAX_BRACE_ALTERNATIVES): string[] {
  const tooMany = () => new GlobError(`花括号展开后超过 ${limit} 种写法`, `brace expansion gives more than ${limit} patterns`);
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const inner = pattern.slice(open + 1, i);
        const parts = splitTopLevel(inner);
        const before = pattern.slice(0, open);
        const after = pattern.slice(i + 1);
        if (parts.length < 2) {
          // Literal braces: keep them and expand what follows.
          return expandBraces(after, limit).map((rest) => `${before}{${inner}}${rest}`);
        }
        const out: string[] = [];
        for (const part of parts) {
          for (const expanded of expandBraces(before + part + after, limit)) {
            if (out.length === limit) throw tooMany();
            out.push(expanded);
          }
        }
        return out;
      }
    }
  }
  return [pattern];
}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}

/** A RegExp for one path segment (no `/`, no braces). Leading dots must be matched literally. */
export function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\' && i + 1 < segment.length) {
      re += escape(segment[++i]);
    } else if (c === '*') {
      while (segment[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        re += '\\[';
        continue;
      }
      const whole = segment.slice(i, close + 1);
      let body = segment.slice(i + 1, close);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      checkRanges(body, whole);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else {
      re += escape(c);
    }
  }
  const dotOk = segment.startsWith('.');
  try {
    return new RegExp(`^${dotOk ? '' : '(?!\\.)'}${re}$`, 'u');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GlobError(`无法解析“${segment}”（${reason}）`, `cannot parse "${segment}" (${reason})`);
  }
}

/** `[z-a]` is a RegExp syntax error: say which range is reversed. */
function checkRanges(body: string, whole: string): void {
  const chars = [...body];
  for (let i = 1; i + 1 < chars.length; i++) {
    if (chars[i] !== '-') continue;
    const from = chars[i - 1];
    const to = chars[i + 1];
    if (from.codePointAt(0)! > to.codePointAt(0)!) {
      throw new GlobError(`字符类 ${whole} 中的范围 ${from}-${to} 顺序颠倒`, `range ${from}-${to} is out of order in ${whole}`);
    }
    i += 2;
  }
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function isDraft(name: string): boolean {
  const lower = name.toLowerCase();
  return DRAFT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function readDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function isDirectory(p: string, entry?: fs.Dirent): boolean {
  if (entry && !entry.isSymbolicLink()) return entry.isDirectory();
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Every draft file under `dir` (sorted, dot-folders and node_modules skipped). */
export function walkDrafts(dir: string, display: string, out: ExpandedInput[], seen = new Set<string>()): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return; // symlink loops
  seen.add(real);
  for (const entry of readDir(dir)) {
    const full = path.join(dir, entry.name);
    const shown = joinDisplay(display, entry.name);
    if (isDirectory(full, entry)) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) walkDrafts(full, shown, out, seen);
    } else if (isDraft(entry.name)) {
      out.push({ display: shown, absolute: full });
    }
  }
}

function joinDisplay(dir: string, name: string): string {
  if (dir === '' || dir === '.') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** Matches one brace-free glob; matched folders are walked for drafts. */
function matchGlob(pattern: string, cwd: string, out: ExpandedInput[]): void {
  const normalized = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
  const absolute = path.isAbsolute(normalized);
  const segments = normalized.split('/');
  // The literal leading segments are the folder the walk starts from.
  let baseCount = 0;
  while (baseCount < segments.length - 1 && !hasMagic(segments[baseCount])) baseCount++;
  const baseSegments = segments.slice(0, baseCount);
  const baseDisplay = baseSegments.join('/') || (absolute ? '/' : '');
  const baseAbs = absolute ? baseDisplay || '/' : path.resolve(cwd, baseDisplay || '.');
  const rest = segments.slice(baseCount).filter((s, i, all) => s !== '' || i === all.length - 1);
  const regexps = rest.map((s) => (s === '**' ? null : segmentRegExp(s)));

  const visit = (dir: string, display: string, index: number, seen: Set<string>): void => {
    if (index === rest.length) {
      if (isDirectory(dir)) walkDrafts(dir, display, out);
      else out.push({ display, absolute: dir });
      return;
    }
    const re = regexps[index];
    if (re === null) {
      // `**`: zero folders here, or one more folder and `**` again.
      visit(dir, display, index + 1, seen);
      let real: string;
      try {
        real = fs.realpathSync(dir);
      } catch {
        return;
      }
      if (seen.has(real)) return;
      const inner = new Set(seen).add(real);
      for (const entry of readDir(dir)) {
        if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
        const full = path.join(dir, entry.name);
        if (isDirectory(full, entry)) visit(full, joinDisplay(display, entry.name), index, inner);
      }
      return;
    }
    if (rest[index] === '') {
      // A trailing slash: folders only.
      if (isDirectory(dir)) visit(dir, display, index + 1, seen);
      return;
    }
    if (!hasMagic(rest[index])) {
      const full = path.join(dir, rest[index].replace(/\\(.)/g, '$1'));
      if (fs.existsSync(full) && (index === rest.length - 1 || isDirectory(full))) visit(full, joinDisplay(display, rest[index]), index + 1, seen);
      return;
    }
    for (const entry of readDir(dir)) {
      if (!re.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (index < rest.length - 1 && !isDirectory(full, entry)) continue;
      visit(full, joinDisplay(display, entry.name), index + 1, seen);
    }
  };
  if (!isDirectory(baseAbs)) return;
  visit(baseAbs, baseDisplay, 0, new Set());
}

/**
 * Expands the command line's file arguments in order, each result once. `-` is standard input;
 * a plain path is kept even when it does not exist (reading it reports the error).
 */
export function expandInputs(args: string[], cwd: string): Expansion {
  const inputs: ExpandedInput[] = [];
  const unmatched: string[] = [];
  const invalid: Expansion['invalid'] = [];
  const seen = new Map<string, ExpandedInput>();
  const add = (input: ExpandedInput) => {
    const key = input.absolute ?? '-';
    const earlier = seen.get(key);
    if (earlier) {
      // Found by a walk and also named: it counts as named (--fix writes through a named link).
      if (input.named) earlier.named = true;
      return;
    }
    seen.set(key, input);
    inputs.push(input);
  };
  for (const arg of args) {
    if (arg === '-') {
      add({ display: '-' });
      continue;
    }
    let found: ExpandedInput[];
    try {
      found = expandOne(arg, cwd);
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      invalid.push({ arg, zh: error.zh, en: error.en });
      continue;
    }
    if (found.length === 0) unmatched.push(arg);
    for (const input of found) add(input);
  }
  return { inputs, unmatched, invalid };
}

/** The drafts one argument stands for (throws a GlobError for a glob that cannot be used). */
function expandOne(arg: string, cwd: string): ExpandedInput[] {
  const found: ExpandedInput[] = [];
  if (!hasMagic(arg) || fs.existsSync(path.resolve(cwd, arg))) {
    const absolute = path.resolve(cwd, arg);
    if (isDirectory(absolute)) walkDrafts(absolute, arg.replace(/[\\/]+$/, '') || arg, found);
    else found.push({ display: arg, absolute, named: true });
    // A plain path is kept even when it does not exist (reading it reports the error).
    return found;
  }
  for (const pattern of expandBraces(arg)) {
    if (hasMagic(pattern.replace(/\\./g, ''))) {
      // Each pattern's matches in path order (brace alternatives keep their own order).
      const matched: ExpandedInput[] = [];
      matchGlob(pattern, cwd, matched);
      matched.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
      // A loop, not push(...matched): a big tree can pass the engine's argument limit.
      for (const input of matched) found.push(input);
    } else {
      const absolute = path.resolve(cwd, pattern);
      if (isDirectory(absolute)) walkDrafts(absolute, pattern, found);
      else if (fs.existsSync(absolute)) found.push({ display: pattern, absolute });
    }
  }
  return found;
}
