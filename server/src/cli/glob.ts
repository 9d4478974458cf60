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
}

export interface Expansion {
  inputs: ExpandedInput[];
  /** Arguments (globs or folders) that matched no draft. */
  unmatched: string[];
}

export function hasMagic(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

/** `{a,b}` alternatives, nested braces included; a brace without a top-level comma stays literal. */
export function expandBraces(pattern: string): string[] {
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
          return expandBraces(after).map((rest) => `${before}{${inner}}${rest}`);
        }
        const out: string[] = [];
        for (const part of parts) for (const expanded of expandBraces(before + part + after)) out.push(expanded);
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
      let body = segment.slice(i + 1, close);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else {
      re += escape(c);
    }
  }
  const dotOk = segment.startsWith('.');
  return new RegExp(`^${dotOk ? '' : '(?!\\.)'}${re}$`, 'u');
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
  const seen = new Set<string>();
  const add = (input: ExpandedInput) => {
    const key = input.absolute ?? '-';
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(input);
  };
  for (const arg of args) {
    if (arg === '-') {
      add({ display: '-' });
      continue;
    }
    const found: ExpandedInput[] = [];
    if (!hasMagic(arg) || fs.existsSync(path.resolve(cwd, arg))) {
      const absolute = path.resolve(cwd, arg);
      if (isDirectory(absolute)) {
        walkDrafts(absolute, arg.replace(/[\\/]+$/, '') || arg, found);
        if (found.length === 0) unmatched.push(arg);
      } else {
        found.push({ display: arg, absolute });
      }
    } else {
      for (const pattern of expandBraces(arg)) {
        if (hasMagic(pattern.replace(/\\./g, ''))) {
          // Each pattern's matches in path order (brace alternatives keep their own order).
          const matched: ExpandedInput[] = [];
          matchGlob(pattern, cwd, matched);
          found.push(...matched.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)));
        } else {
          const absolute = path.resolve(cwd, pattern);
          if (isDirectory(absolute)) walkDrafts(absolute, pattern, found);
          else if (fs.existsSync(absolute)) found.push({ display: pattern, absolute });
        }
      }
      if (found.length === 0) unmatched.push(arg);
    }
    for (const input of found) add(input);
  }
  return { inputs, unmatched };
}
