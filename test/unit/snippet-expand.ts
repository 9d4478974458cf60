/**
 * A small parser and expander for VS Code / TextMate snippet syntax, used by the tests to check
 * snippets/speech.json and by anyone who wants to lint the text a snippet inserts.
 *
 *   any         ::= tabstop | placeholder | choice | variable | text
 *   tabstop     ::= '$' int | '${' int '}' | '${' int transform '}'
 *   placeholder ::= '${' int ':' any* '}'
 *   choice      ::= '${' int '|' option (',' option)* '|}'
 *   variable    ::= '$' var | '${' var '}' | '${' var ':' any* '}' | '${' var transform '}'
 *   transform   ::= '/' regex '/' (format | text)* '/' options
 *
 * Escapes follow VS Code: in text `\$`, `\}` and `\\`; in a choice option `\,`, `\|` and `\\`;
 * any other backslash is a literal backslash.
 *
 * `parseSnippet` is strict by default: a `$` that does not start a valid construct is an error
 * (VS Code would silently insert a literal `$`, which in a speech snippet is always a mistake).
 * `expandSnippet` inserts what VS Code inserts when the user accepts every default: placeholders
 * take their default text, mirrors (`$1` elsewhere) take the default of the first placeholder with
 * that index that has one, choices take their first option, `$0` and empty tab stops vanish.
 */

export type SnippetNode = TextNode | TabstopNode | PlaceholderNode | ChoiceNode | VariableNode;

export interface TextNode {
  kind: 'text';
  value: string;
  offset: number;
}
export interface TabstopNode {
  kind: 'tabstop';
  index: number;
  transform?: Transform;
  offset: number;
}
export interface PlaceholderNode {
  kind: 'placeholder';
  index: number;
  children: SnippetNode[];
  offset: number;
}
export interface ChoiceNode {
  kind: 'choice';
  index: number;
  options: string[];
  offset: number;
}
export interface VariableNode {
  kind: 'variable';
  name: string;
  children?: SnippetNode[];
  transform?: Transform;
  offset: number;
}

export type CaseModifier = 'upcase' | 'downcase' | 'capitalize' | 'camelcase' | 'pascalcase';

export type FormatPart =
  | string
  | { group: number; modifier?: CaseModifier; ifValue?: string; elseValue?: string };

export interface Transform {
  regex: string;
  format: FormatPart[];
  flags: string;
}

export class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly source: string,
  ) {
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    super(`${message} (line ${line}, column ${column}: ${JSON.stringify(source.slice(offset, offset + 20))})`);
    this.name = 'SnippetSyntaxError';
  }
}

export interface ParseOptions {
  /** Default true: reject a `$` that starts no valid construct. False: treat it as text, like VS Code. */
  strict?: boolean;
}

/** Snippet bodies in a snippets file are a string or an array of lines. */
export function bodyText(body: string | readonly string[]): string {
  return typeof body === 'string' ? body : body.join('\n');
}

const CASE_MODIFIERS: readonly string[] = ['upcase', 'downcase', 'capitalize', 'camelcase', 'pascalcase'];

class Parser {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly strict: boolean,
  ) {}

  parseAll(): SnippetNode[] {
    const nodes = this.parseSequence(false);
    if (this.pos < this.src.length) this.fail('unexpected input');
    return nodes;
  }

  private fail(message: string, at = this.pos): never {
    throw new SnippetSyntaxError(message, at, this.src);
  }

  private peek(offset = 0): string {
    return this.src.charAt(this.pos + offset);
  }

  /** Text and constructs until the end (top level) or an unescaped `}` (inside a placeholder). */
  private parseSequence(inPlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    let textStart = this.pos;
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text, offset: textStart });
      text = '';
      textStart = this.pos;
    };
    while (this.pos < this.src.length) {
      const ch = this.peek();
      if (ch === '\\') {
        const next = this.peek(1);
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
        continue;
      }
      if (ch === '}' && inPlaceholder) break;
      if (ch === '$') {
        const start = this.pos;
        let node: SnippetNode | undefined;
        try {
          node = this.parseDollar();
        } catch (err) {
          if (this.strict) throw err;
          this.pos = start;
          node = undefined;
        }
        if (node) {
          flush();
          nodes.push(node);
          textStart = this.pos;
        } else {
          text += '$';
          this.pos = start + 1;
        }
        continue;
      }
      text += ch;
      this.pos += 1;
    }
    flush();
    return nodes;
  }

  private readInt(): number | undefined {
    const m = /^[0-9]+/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private readName(): string | undefined {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private expect(ch: string, what: string): void {
    if (this.peek() !== ch) this.fail(`expected ${what}`);
    this.pos += 1;
  }

  /** At a `$`: returns the construct, or throws. */
  private parseDollar(): SnippetNode {
    const offset = this.pos;
    this.pos += 1; // $
    const index = this.readInt();
    if (index !== undefined) return { kind: 'tabstop', index, offset };
    const name = this.readName();
    if (name !== undefined) return { kind: 'variable', name, offset };
    if (this.peek() !== '{') this.fail('unescaped "$" (write "\\\\$" for a literal dollar sign)', offset);
    this.pos += 1; // {
    const idx = this.readInt();
    if (idx !== undefined) {
      const c = this.peek();
      if (c === '}') {
        this.pos += 1;
        return { kind: 'tabstop', index: idx, offset };
      }
      if (c === ':') {
        this.pos += 1;
        const children = this.parseSequence(true);
        this.expect('}', '"}" closing the placeholder');
        return { kind: 'placeholder', index: idx, children, offset };
      }
      if (c === '|') {
        this.pos += 1;
        const options = this.parseChoiceOptions();
        return { kind: 'choice', index: idx, options, offset };
      }
      if (c === '/') {
        const transform = this.parseTransform();
        this.expect('}', '"}" closing the transform');
        return { kind: 'tabstop', index: idx, transform, offset };
      }
      this.fail('expected "}", ":", "|" or "/" after the tab stop number');
    }
    const vname = this.readName();
    if (vname !== undefined) {
      const c = this.peek();
      if (c === '}') {
        this.pos += 1;
        return { kind: 'variable', name: vname, offset };
      }
      if (c === ':') {
        this.pos += 1;
        const children = this.parseSequence(true);
        this.expect('}', '"}" closing the variable');
        return { kind: 'variable', name: vname, children, offset };
      }
      if (c === '/') {
        const transform = this.parseTransform();
        this.expect('}', '"}" closing the transform');
        return { kind: 'variable', name: vname, transform, offset };
      }
      this.fail('expected "}", ":" or "/" after the variable name');
    }
    this.fail('expected a tab stop number or a variable name after "${"');
  }

  private parseChoiceOptions(): string[] {
    const options: string[] = [];
    let cur = '';
    for (;;) {
      if (this.pos >= this.src.length) this.fail('unterminated choice (expected "|}")');
      const ch = this.peek();
      if (ch === '\\') {
        const next = this.peek(1);
        if (next === ',' || next === '|' || next === '\\') {
          cur += next;
          this.pos += 2;
        } else {
          cur += ch;
          this.pos += 1;
        }
        continue;
      }
      if (ch === ',') {
        if (!cur) this.fail('empty choice option');
        options.push(cur);
        cur = '';
        this.pos += 1;
        continue;
      }
      if (ch === '|') {
        if (!cur) this.fail('empty choice option');
        options.push(cur);
        this.pos += 1;
        this.expect('}', '"}" after the closing "|" of a choice');
        return options;
      }
      cur += ch;
      this.pos += 1;
    }
  }

  /** `/regex/format/flags` (the caller consumes the closing `}`). */
  private parseTransform(): Transform {
    this.expect('/', '"/"');
    let regex = '';
    for (;;) {
      if (this.pos >= this.src.length) this.fail('unterminated transform regex');
      const ch = this.peek();
      if (ch === '\\' && this.peek(1) === '/') {
        regex += '/';
        this.pos += 2;
        continue;
      }
      if (ch === '\\' && this.pos + 1 < this.src.length) {
        regex += ch + this.peek(1);
        this.pos += 2;
        continue;
      }
      if (ch === '/') break;
      regex += ch;
      this.pos += 1;
    }
    this.pos += 1; // /
    const format: FormatPart[] = [];
    let text = '';
    const flushText = () => {
      if (text) format.push(text);
      text = '';
    };
    for (;;) {
      if (this.pos >= this.src.length) this.fail('unterminated transform format');
      const ch = this.peek();
      if (ch === '\\') {
        const next = this.peek(1);
        if (next === '/' || next === '$' || next === '\\' || next === '}') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
        continue;
      }
      if (ch === '/') break;
      if (ch === '$') {
        flushText();
        format.push(this.parseFormatReference());
        continue;
      }
      text += ch;
      this.pos += 1;
    }
    flushText();
    this.pos += 1; // /
    const m = /^[a-z]*/.exec(this.src.slice(this.pos));
    const flags = m ? m[0] : '';
    if (/[^gimsuy]/.test(flags)) this.fail(`unknown regex flags "${flags}"`);
    this.pos += flags.length;
    try {
      new RegExp(regex, flags);
    } catch (err) {
      this.fail(`invalid transform regex: ${(err as Error).message}`);
    }
    return { regex, format, flags };
  }

  private parseFormatReference(): FormatPart {
    this.pos += 1; // $
    const direct = this.readInt();
    if (direct !== undefined) return { group: direct };
    this.expect('{', '"{" or a group number after "$" in a format');
    const group = this.readInt();
    if (group === undefined) this.fail('expected a group number');
    if (this.peek() === '}') {
      this.pos += 1;
      return { group };
    }
    this.expect(':', '":" or "}"');
    const readUntilClose = (stopAtColon: boolean): string => {
      let s = '';
      for (;;) {
        if (this.pos >= this.src.length) this.fail('unterminated format reference');
        const ch = this.peek();
        if (ch === '\\' && this.pos + 1 < this.src.length) {
          s += this.peek(1);
          this.pos += 2;
          continue;
        }
        if (ch === '}' || (stopAtColon && ch === ':')) return s;
        s += ch;
        this.pos += 1;
      }
    };
    const c = this.peek();
    if (c === '/') {
      this.pos += 1;
      const name = this.readName() ?? '';
      if (!CASE_MODIFIERS.includes(name)) this.fail(`unknown case modifier "${name}"`);
      this.expect('}', '"}"');
      return { group, modifier: name as CaseModifier };
    }
    if (c === '+') {
      this.pos += 1;
      const ifValue = readUntilClose(false);
      this.expect('}', '"}"');
      return { group, ifValue };
    }
    if (c === '?') {
      this.pos += 1;
      const ifValue = readUntilClose(true);
      this.expect(':', '":" in "${n:?if:else}"');
      const elseValue = readUntilClose(false);
      this.expect('}', '"}"');
      return { group, ifValue, elseValue };
    }
    if (c === '-') this.pos += 1;
    const elseValue = readUntilClose(false);
    this.expect('}', '"}"');
    return { group, elseValue };
  }
}

/** Parses a snippet body; throws SnippetSyntaxError on invalid syntax. */
export function parseSnippet(body: string | readonly string[], options: ParseOptions = {}): SnippetNode[] {
  return new Parser(bodyText(body), options.strict ?? true).parseAll();
}

/** Variables VS Code resolves itself (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_variables). */
export const KNOWN_VARIABLES: readonly string[] = [
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER',
  'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH',
  'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET',
  'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
];

export interface ValidationIssue {
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Syntax errors (strict parse) plus warnings VS Code would not report: unknown variables (VS Code
 * inserts their name), a tab stop index used both as a choice and as a placeholder with different
 * defaults, a tab stop that is only ever mirrored and never given a default.
 */
export function validateSnippet(body: string | readonly string[]): ValidationIssue[] {
  let nodes: SnippetNode[];
  try {
    nodes = parseSnippet(body);
  } catch (err) {
    return [{ severity: 'error', message: (err as Error).message }];
  }
  const issues: ValidationIssue[] = [];
  const defaults = new Map<number, string[]>();
  walk(nodes, (n) => {
    if (n.kind === 'variable' && !KNOWN_VARIABLES.includes(n.name)) {
      issues.push({ severity: 'warning', message: `unknown variable $${n.name} (VS Code would insert its name)` });
    }
    if (n.kind === 'placeholder' || n.kind === 'choice') {
      const text = n.kind === 'choice' ? n.options[0] : plainText(n.children);
      const list = defaults.get(n.index) ?? [];
      list.push(text);
      defaults.set(n.index, list);
    }
  });
  for (const [index, list] of defaults) {
    if (index !== 0 && new Set(list.filter((t) => t !== '')).size > 1) {
      issues.push({
        severity: 'warning',
        message: `tab stop $${index} has different defaults (${list.map((t) => JSON.stringify(t)).join(', ')}); VS Code uses the first`,
      });
    }
  }
  return issues;
}

function walk(nodes: readonly SnippetNode[], fn: (n: SnippetNode) => void): void {
  for (const n of nodes) {
    fn(n);
    if (n.kind === 'placeholder') walk(n.children, fn);
    if (n.kind === 'variable' && n.children) walk(n.children, fn);
  }
}

function plainText(nodes: readonly SnippetNode[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.value : n.kind === 'placeholder' ? plainText(n.children) : '')).join('');
}

/** All tab stop indices used in a snippet, ascending, `0` last if present (VS Code's tab order). */
export function tabstopOrder(body: string | readonly string[]): number[] {
  const set = new Set<number>();
  walk(parseSnippet(body), (n) => {
    if (n.kind === 'tabstop' || n.kind === 'placeholder' || n.kind === 'choice') set.add(n.index);
  });
  const list = [...set].filter((i) => i !== 0).sort((a, b) => a - b);
  if (set.has(0)) list.push(0);
  return list;
}

export interface ExpandOptions {
  /** Values to use for tab stops instead of their defaults (as if the user typed them). */
  values?: Readonly<Record<number, string>>;
  /** Which option a choice takes; default: the first. */
  choose?: (index: number, options: readonly string[]) => string;
  /** Variable values; by default CURRENT_* come from `now`, selection/clipboard are empty. */
  variables?: Readonly<Record<string, string>>;
  /** Date for CURRENT_* variables (default: now). */
  now?: Date;
  /** Parse leniently like VS Code (default: strict). */
  strict?: boolean;
}

export interface TabstopRange {
  index: number;
  /** UTF-16 offsets into the expanded text. */
  start: number;
  end: number;
}

export interface Expansion {
  text: string;
  /** Every occurrence of every tab stop (placeholders, mirrors, choices, `$0`), in text order. */
  tabstops: TabstopRange[];
}

function defaultVariables(now: Date): Record<string, string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  return {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(now.getMonth() + 1),
    CURRENT_MONTH_NAME: months[now.getMonth()],
    CURRENT_MONTH_NAME_SHORT: months[now.getMonth()].slice(0, 3),
    CURRENT_DATE: pad(now.getDate()),
    CURRENT_DAY_NAME: days[now.getDay()],
    CURRENT_DAY_NAME_SHORT: days[now.getDay()].slice(0, 3),
    CURRENT_HOUR: pad(now.getHours()),
    CURRENT_MINUTE: pad(now.getMinutes()),
    CURRENT_SECOND: pad(now.getSeconds()),
    CURRENT_SECONDS_UNIX: String(Math.floor(now.getTime() / 1000)),
    TM_SELECTED_TEXT: '',
    TM_CURRENT_WORD: '',
    CLIPBOARD: '',
    BLOCK_COMMENT_START: '<!--',
    BLOCK_COMMENT_END: '-->',
  };
}

function applyCase(value: string, modifier: CaseModifier): string {
  switch (modifier) {
    case 'upcase':
      return value.toUpperCase();
    case 'downcase':
      return value.toLowerCase();
    case 'capitalize':
      return value.charAt(0).toUpperCase() + value.slice(1);
    case 'camelcase':
    case 'pascalcase': {
      const words = value.split(/[-_\s]+/).filter(Boolean);
      const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
      return modifier === 'camelcase' ? joined.charAt(0).toLowerCase() + joined.slice(1) : joined;
    }
  }
}

export function applyTransform(value: string, t: Transform): string {
  const re = new RegExp(t.regex, t.flags);
  return value.replace(re, (...args: unknown[]) => {
    // args: match, p1 … pn, offset (a number), whole string[, named groups]
    const offsetIndex = args.findIndex((a) => typeof a === 'number');
    const groups = args.slice(0, offsetIndex) as (string | undefined)[];
    return t.format
      .map((part) => {
        if (typeof part === 'string') return part;
        const g = groups[part.group] ?? '';
        if (part.modifier) return applyCase(g, part.modifier);
        if (part.ifValue !== undefined || part.elseValue !== undefined) {
          return g ? (part.ifValue ?? g) : (part.elseValue ?? '');
        }
        return g;
      })
      .join('');
  });
}

/** Expands a snippet the way VS Code inserts it when every default is accepted. */
export function expandSnippetDetailed(body: string | readonly string[], options: ExpandOptions = {}): Expansion {
  const nodes = parseSnippet(body, { strict: options.strict ?? true });
  const choose = options.choose ?? ((_i: number, opts: readonly string[]) => opts[0]);
  const variables = { ...defaultVariables(options.now ?? new Date()), ...(options.variables ?? {}) };

  // VS Code: the first placeholder (or choice) of an index that has a value defines it for all.
  const definitions = new Map<number, PlaceholderNode | ChoiceNode>();
  walk(nodes, (n) => {
    if ((n.kind === 'placeholder' && n.children.length > 0) || n.kind === 'choice') {
      if (!definitions.has(n.index)) definitions.set(n.index, n);
    }
  });

  const tabstops: TabstopRange[] = [];
  const resolving = new Set<number>();

  const valueOf = (index: number): string => {
    if (options.values && Object.prototype.hasOwnProperty.call(options.values, index)) return options.values[index];
    const def = definitions.get(index);
    if (!def) return '';
    if (def.kind === 'choice') return choose(index, def.options);
    if (resolving.has(index)) throw new Error(`tab stop $${index} contains itself`);
    resolving.add(index);
    try {
      return render(def.children, 0, false);
    } finally {
      resolving.delete(index);
    }
  };

  // `record` is false while computing a value (offsets would be meaningless there).
  const render = (list: readonly SnippetNode[], base: number, record: boolean): string => {
    let out = '';
    for (const n of list) {
      const start = base + out.length;
      switch (n.kind) {
        case 'text':
          out += n.value;
          break;
        case 'tabstop': {
          const v = n.transform ? applyTransform(valueOf(n.index), n.transform) : valueOf(n.index);
          out += v;
          if (record) tabstops.push({ index: n.index, start, end: start + v.length });
          break;
        }
        case 'choice':
        case 'placeholder': {
          let v: string;
          if (options.values && Object.prototype.hasOwnProperty.call(options.values, n.index)) {
            v = options.values[n.index];
            out += v;
          } else if (n.kind === 'choice') {
            v = choose(n.index, n.options);
            out += v;
          } else if (n.children.length > 0) {
            // Nested placeholders inside a default are tab stops of their own.
            v = render(n.children, start, record);
            out += v;
          } else {
            v = valueOf(n.index);
            out += v;
          }
          if (record) tabstops.push({ index: n.index, start, end: start + v.length });
          break;
        }
        case 'variable': {
          let v: string;
          if (Object.prototype.hasOwnProperty.call(variables, n.name) && (variables[n.name] !== '' || !n.children)) {
            v = variables[n.name];
          } else if (n.children) {
            v = render(n.children, start, record);
          } else {
            v = n.name; // VS Code inserts the name of an unknown variable
          }
          out += n.transform ? applyTransform(v, n.transform) : v;
          break;
        }
      }
    }
    return out;
  };

  const text = render(nodes, 0, true);
  tabstops.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, tabstops };
}

/** Expands a snippet with its defaults (first option of every choice). */
export function expandSnippet(body: string | readonly string[], options: ExpandOptions = {}): string {
  return expandSnippetDetailed(body, options).text;
}

/**
 * Every distinct expansion obtained by trying each option of each choice in turn while the other
 * choices keep their first option (one variant per option, not the full cross product).
 */
export function expandChoiceVariants(body: string | readonly string[], options: ExpandOptions = {}): string[] {
  const choices: ChoiceNode[] = [];
  walk(parseSnippet(body, { strict: options.strict ?? true }), (n) => {
    if (n.kind === 'choice') choices.push(n);
  });
  const results = new Set<string>([expandSnippet(body, options)]);
  for (const c of choices) {
    for (const opt of c.options) {
      results.add(
        expandSnippet(body, {
          ...options,
          choose: (index, opts) => (index === c.index ? opt : (options.choose ?? ((_: number, o: readonly string[]) => o[0]))(index, opts)),
        }),
      );
    }
  }
  return [...results];
}
