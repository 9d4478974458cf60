/**
 * Static checks of the declarative parts of the extension: snippets/speech.json, the TextMate
 * grammar, language-configuration.json, the package.json contributions with their nls files, and
 * schemas/speechlintrc.schema.json.
 */
import { defaultSettings } from '../../server/src/core/settings';
import { rules } from '../../server/src/core/rules';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { expandChoiceVariants, expandSnippet, expandSnippetDetailed, parseSnippet, SnippetSyntaxError, tabstopOrder, validateSnippet } from './snippet-expand';

// ---------------------------------------------------------------------------------------------
// helpers

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The nearest directory at or above `start` whose package.json is named "speech-draft". */
function findRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'speech-draft') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

// out/test/unit → repo root; when compiled elsewhere, SPEECH_DRAFT_ROOT or the working directory.
const ROOT =
  findRepoRoot(__dirname) ??
  findRepoRoot(process.env.SPEECH_DRAFT_ROOT ?? process.cwd()) ??
  assert.fail(`no package.json named "speech-draft" above ${__dirname} or ${process.cwd()}`);
const readJson = (rel: string): Json => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8')) as Json;
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: Json | undefined, what: string): JsonObject => {
  assert.ok(isObject(v), `${what} is an object`);
  return v;
};

const RULE_IDS = rules.map((rule) => rule.meta.id);

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const NUMERAL = '[一二三四五六七八九十]+';

/** 一 … 九十九 → 1 … 99 (NaN for anything else). */
function chineseNumber(s: string): number {
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (/^[一二三四五六七八九]$/.test(s)) return digits[s];
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (!m) return Number.NaN;
  return (m[1] ? digits[m[1]] : 1) * 10 + (m[2] ? digits[m[2]] : 0);
}

// ---------------------------------------------------------------------------------------------
// the expander itself

test('snippet expander: tab stops, placeholders, mirrors, choices, escapes', () => {
  assert.equal(expandSnippet('a$1b$0c'), 'abc');
  assert.equal(expandSnippet('${1:同志们}：$0'), '同志们：');
  assert.equal(expandSnippet('在${1:全市会议}上的讲话。今天召开$1。'), '在全市会议上的讲话。今天召开全市会议。');
  assert.equal(expandSnippet('今天召开$1。在${1:全市会议}上'), '今天召开全市会议。在全市会议上', 'a mirror before its placeholder');
  assert.equal(expandSnippet('讲${1|三,四,五|}点'), '讲三点');
  assert.equal(expandSnippet('${1:外${2:内}层}'), '外内层');
  assert.equal(expandSnippet('\\$1 \\} \\\\ ${1:a\\}b}'), '$1 } \\ a}b');
  assert.equal(expandSnippet('${1|a\\,b,c\\|d|}'), 'a,b');
  assert.equal(expandSnippet('${1:abc} ${1/(b)/[$1]/}'), 'abc a[b]c');
  assert.equal(expandSnippet('${1:abc} ${1/(.*)/${1:/upcase}/}'), 'abc ABC');
  assert.equal(expandSnippet('${1:x} ${1/(y)?/${1:?yes:no}/}'), 'x nox');
  assert.equal(expandSnippet('$CURRENT_YEAR年', { now: new Date(2024, 2, 15) }), '2024年');
  assert.equal(expandSnippet('${TM_SELECTED_TEXT:默认}'), '默认');
  assert.equal(expandSnippet('${UNKNOWN_VAR}'), 'UNKNOWN_VAR');
  assert.equal(expandSnippet('讲${1|三,四|}点，共${1}点', { choose: (_i, o) => o[1] }), '讲四点，共四点');
  assert.equal(expandSnippet('在${1:甲}上', { values: { 1: '乙' } }), '在乙上');
  assert.deepEqual(expandChoiceVariants('${1|三,四|}、${2|甲,乙|}'), ['三、甲', '四、甲', '三、乙']);
  assert.deepEqual(tabstopOrder('$0${2:b}${1:a}$2'), [1, 2, 0]);
  const detailed = expandSnippetDetailed('一、${1:标题}$0');
  assert.equal(detailed.text, '一、标题');
  assert.deepEqual(detailed.tabstops, [
    { index: 1, start: 2, end: 4 },
    { index: 0, start: 4, end: 4 },
  ]);
  assert.deepEqual(parseSnippet(['a', 'b']), [{ kind: 'text', value: 'a\nb', offset: 0 }]);
});

test('snippet expander: syntax errors', () => {
  for (const bad of ['价格$', '${1:abc', '${1|a,b}', '${1|a,b|', '${', '${1x}', '${foo', '${1|a,,b|}', '$ 1', '${1/(/x/}']) {
    assert.throws(() => parseSnippet(bad), SnippetSyntaxError, JSON.stringify(bad));
    assert.equal(validateSnippet(bad)[0]?.severity, 'error', JSON.stringify(bad));
  }
  // lenient mode treats a stray $ as text, like VS Code
  assert.equal(expandSnippet('价格$5元$', { strict: false }), '价格元$');
  assert.equal(expandSnippet('${1|a,b}', { strict: false }), '${1|a,b}');
  assert.deepEqual(validateSnippet('${1:a} ${1:b}').map((i) => i.severity), ['warning']);
  assert.deepEqual(validateSnippet('$NOPE').map((i) => i.severity), ['warning']);
});

// ---------------------------------------------------------------------------------------------
// snippets/speech.json

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
  isFileTemplate?: boolean;
}

const snippets = readJson('snippets/speech.json') as unknown as Record<string, Snippet>;
const prefixesOf = (s: Snippet): string[] => (typeof s.prefix === 'string' ? [s.prefix] : s.prefix);

/** Problems a clean Chinese draft must not have; returns messages. */
function draftProblems(text: string): string[] {
  const problems: string[] = [];
  const checks: [RegExp, string][] = [
    [/[Xx]{2,}|××|某某|【|】/u, 'placeholder'],
    [new RegExp(`[*＊](?=[${CJK}])`, 'u'), '* mask'],
    [/\$/u, 'leftover $'],
    [new RegExp(`[${CJK}，。、；：！？”’）》][,;:?!()]|[,;:?!()][${CJK}“‘（《]`, 'u'), 'half-width punctuation next to Chinese'],
    [new RegExp(`[${CJK}][.][${CJK}]`, 'u'), 'half-width full stop between Chinese characters'],
    [new RegExp(`[${CJK}\\u3000-\\u303f\\uff01-\\uff5e][ \\t\\u3000]|[ \\t\\u3000][${CJK}\\u3000-\\u303f\\uff01-\\uff5e]`, 'u'), 'space inside Chinese text'],
    [/[ \t]+$/mu, 'trailing whitespace'],
  ];
  for (const [re, what] of checks) {
    const m = re.exec(text);
    if (m) problems.push(`${what}: …${text.slice(Math.max(0, m.index - 8), m.index + 8)}…`);
  }
  for (const line of text.split('\n')) {
    for (const [open, close] of [['“', '”'], ['‘', '’'], ['（', '）'], ['《', '》']]) {
      let depth = 0;
      for (const ch of line) {
        if (ch === open) depth++;
        if (ch === close && --depth < 0) break;
      }
      if (depth !== 0) problems.push(`unbalanced ${open}${close} in: ${line}`);
    }
  }
  return problems;
}

test('snippets: file shape, prefixes and descriptions', () => {
  assert.ok(Object.keys(snippets).length >= 20, 'a useful number of snippets');
  const seen = new Map<string, string>();
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(isObject(s as unknown as Json), `${name} is an object`);
    const prefixes = prefixesOf(s);
    assert.ok(Array.isArray(prefixes) && prefixes.length > 0, `${name}: prefix`);
    assert.ok(prefixes.some((p) => /^jh-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(p)), `${name}: a pinyin prefix jh-…`);
    assert.ok(prefixes.some((p) => new RegExp(`[${CJK}]`, 'u').test(p)), `${name}: a Chinese prefix`);
    for (const p of prefixes) {
      assert.ok(!/\s/.test(p), `${name}: prefix ${JSON.stringify(p)} has no spaces`);
      assert.ok(!seen.has(p), `prefix ${p} used by both ${seen.get(p)} and ${name}`);
      seen.set(p, name);
    }
    assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
    assert.equal(typeof s.description, 'string', `${name}: description`);
    assert.ok(new RegExp(`[${CJK}]`, 'u').test(s.description), `${name}: Chinese description`);
  }
});

test('snippets: every body is valid snippet syntax and expands to a clean draft', () => {
  for (const [name, s] of Object.entries(snippets)) {
    assert.deepEqual(validateSnippet(s.body), [], `${name}: snippet syntax`);
    assert.ok(tabstopOrder(s.body).length > 0, `${name}: has at least one tab stop`);
    for (const text of expandChoiceVariants(s.body)) {
      assert.ok(text.trim().length > 0, `${name}: expands to something`);
      assert.deepEqual(draftProblems(text), [], `${name}:\n${text}`);
    }
  }
});

const SKELETONS = ['jh-dongyuan', 'jh-zongjie', 'jh-zuotan', 'jh-biaozhang', 'jh-zhuanti'];

/** Checks the numbering of a consecutive list of numerals. */
function assertSequence(values: number[], what: string): void {
  assert.deepEqual(values, values.map((_v, i) => i + 1), `${what}: numbered 1…n in order`);
}

function checkSkeleton(name: string, text: string): void {
  const lines = text.split('\n');
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  assert.match(lines[0], /^在.+上的讲话$/u, `${name}: title line`);
  assert.equal(lines[1], '', `${name}: blank line after the title`);
  assert.match(lines[2], /^[^，。：]+：$/u, `${name}: salutation`);
  const opening = lines[3];
  const announced = new RegExp(`讲(${NUMERAL})(?:点|个方面的)意见`, 'u').exec(opening);
  assert.ok(announced, `${name}: the opening announces the number of parts`);
  const level1 = lines.map((l) => new RegExp(`^(${NUMERAL})、`, 'u').exec(l)).filter((m): m is RegExpExecArray => m !== null);
  assert.ok(level1.length >= 2, `${name}: at least two parts`);
  assert.equal(level1.length, chineseNumber(announced[1]), `${name}: announced ${announced[1]} parts`);
  assertSequence(level1.map((m) => chineseNumber(m[1])), `${name}: level-1 headings`);

  // lower levels restart under each parent; levels are not skipped
  let level2: number[] = [];
  let level3: number[] = [];
  let level4: number[] = [];
  let depth = 0;
  const flush = (list: number[], what: string) => {
    if (list.length) assertSequence(list, `${name}: ${what}`);
  };
  for (const line of lines.slice(3)) {
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^(${NUMERAL})、`, 'u').exec(line))) {
      flush(level2, 'level-2 headings');
      flush(level3, 'level-3 headings');
      flush(level4, 'level-4 headings');
      level2 = [];
      level3 = [];
      level4 = [];
      depth = 1;
    } else if ((m = new RegExp(`^（(${NUMERAL})）`, 'u').exec(line))) {
      assert.ok(depth >= 1, `${name}: （一） under a 一、 heading`);
      assert.doesNotMatch(line, /^（[^）]+）[、，。.．：]/u, `${name}: no punctuation after （一）`);
      flush(level3, 'level-3 headings');
      flush(level4, 'level-4 headings');
      level3 = [];
      level4 = [];
      level2.push(chineseNumber(m[1]));
      depth = 2;
    } else if ((m = /^([0-9]+)[.．、]/u.exec(line))) {
      assert.ok(depth >= 2, `${name}: 1. under a （一） heading`);
      flush(level4, 'level-4 headings');
      level4 = [];
      level3.push(Number(m[1]));
      depth = 3;
    } else if ((m = /^（([0-9]+)）/u.exec(line))) {
      assert.ok(depth >= 3, `${name}: （1） under a 1. heading`);
      level4.push(Number(m[1]));
      depth = 4;
    }
  }
  flush(level2, 'level-2 headings');
  flush(level3, 'level-3 headings');
  flush(level4, 'level-4 headings');

  // in-paragraph enumerations: 一是…二是…, 一要…二要…, 第一，…, 首先…其次…最后
  let enumerations = 0;
  for (const line of lines) {
    const before = '(?:^|(?<=[。；：，！？]))';
    for (const verb of ['是', '要']) {
      const nums = [...line.matchAll(new RegExp(`${before}(${NUMERAL})${verb}`, 'gu'))].map((m) => chineseNumber(m[1]));
      if (nums.length) {
        enumerations++;
        assert.ok(nums.length >= 2, `${name}: a list has at least two items: ${line}`);
        assertSequence(nums, `${name}: 一${verb}… in ${line}`);
        const promised = new RegExp(`以下(${NUMERAL})个方面`, 'u').exec(line);
        if (promised) assert.equal(nums.length, chineseNumber(promised[1]), `${name}: 以下${promised[1]}个方面`);
      }
    }
    const ordinals = [...line.matchAll(new RegExp(`${before}第(${NUMERAL})，`, 'gu'))].map((m) => chineseNumber(m[1]));
    if (ordinals.length) {
      enumerations++;
      assertSequence(ordinals, `${name}: 第一，… in ${line}`);
    }
    const order = [...line.matchAll(/(?:^|(?<=[。；：，！？]))(首先|其次|再次|最后)，/gu)].map((m) => m[1]);
    if (order.length) {
      enumerations++;
      assert.equal(order[0], '首先', `${name}: 首先 first`);
      assert.equal(order[order.length - 1], '最后', `${name}: 最后 last`);
    }
  }
  assert.ok(enumerations >= 1, `${name}: has an in-paragraph enumeration`);
  const closing = lines[lines.length - 1];
  assert.match(closing, /^同志们，.+[！。]$/u, `${name}: closing paragraph`);
}

test('snippets: whole-speech skeletons are complete, consistently numbered drafts', () => {
  const byPrefix = new Map<string, [string, Snippet]>();
  for (const [name, s] of Object.entries(snippets)) for (const p of prefixesOf(s)) byPrefix.set(p, [name, s]);
  for (const prefix of SKELETONS) {
    const entry = byPrefix.get(prefix);
    assert.ok(entry, `skeleton ${prefix} exists`);
    const [name, s] = entry;
    assert.equal(s.isFileTemplate, true, `${name}: offered by "Fill File with Snippet"`);
    for (const text of expandChoiceVariants(s.body)) checkSkeleton(name, text);
  }
  // every file template is one of the checked skeletons
  for (const [name, s] of Object.entries(snippets)) {
    if (s.isFileTemplate) assert.ok(prefixesOf(s).some((p) => SKELETONS.includes(p)), `${name}: file template is checked`);
  }
});

test('snippets: building blocks expand as documented', () => {
  const byPrefix = (p: string) => {
    const found = Object.values(snippets).find((s) => prefixesOf(s).includes(p));
    assert.ok(found, p);
    return expandSnippet(found.body);
  };
  assert.equal(byPrefix('jh-tongzhimen'), '同志们：\n');
  assert.equal(byPrefix('jh-gewei'), '各位代表、同志们：\n');
  assert.equal(byPrefix('jh-xiamian'), '下面，我讲三点意见。');
  assert.equal(byPrefix('jh-yiji'), '一、标题');
  assert.equal(byPrefix('jh-erji'), '（一）标题');
  assert.equal(byPrefix('jh-sanji'), '1.标题');
  assert.equal(byPrefix('jh-sanji-dun'), '1、标题');
  assert.equal(byPrefix('jh-siji'), '（1）标题');
  assert.match(byPrefix('jh-yishi'), /^一是.+二是.+三是.+$/u);
  assert.match(byPrefix('jh-yiyao'), /^一要.+二要.+三要.+$/u);
  assert.match(byPrefix('jh-diyi'), /^第一，.+第二，.+第三，.+$/u);
  assert.match(byPrefix('jh-shouxian'), /^首先，.+其次，.+最后，.+$/u);
  assert.match(byPrefix('jh-jiewei'), /^同志们，.+让我们.+！$/u);
  assert.match(byPrefix('jh-kaitou'), /下面，我讲三点意见。\n$/u);
});

// ---------------------------------------------------------------------------------------------
// syntaxes/speech.tmLanguage.json

interface GrammarRule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  patterns?: GrammarRule[];
  captures?: Record<string, GrammarRule>;
  beginCaptures?: Record<string, GrammarRule>;
  endCaptures?: Record<string, GrammarRule>;
  repository?: Record<string, GrammarRule>;
}

const grammarText = fs.readFileSync(path.join(ROOT, 'syntaxes/speech.tmLanguage.json'), 'utf8');
const grammar = JSON.parse(grammarText) as GrammarRule & { scopeName: string; repository: Record<string, GrammarRule> };

/**
 * Oniguruma → JS for the few anchors TextMate grammars use: \A (start of document), \G (where the
 * previous match ended), \z / \Z (end). Everything else must already be valid in both.
 */
function onigToJs(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'G') out += '';
      else if (!inClass && (next === 'z' || next === 'Z')) out += '$';
      else out += ch + next;
      i++;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}

function eachRule(fn: (rule: GrammarRule, where: string) => void): void {
  const visit = (rule: GrammarRule, where: string) => {
    fn(rule, where);
    rule.patterns?.forEach((r, i) => visit(r, `${where}.patterns[${i}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
      for (const [k, r] of Object.entries(rule[key] ?? {})) visit(r, `${where}.${key}[${k}]`);
    }
  };
  visit({ patterns: grammar.patterns }, 'patterns');
  for (const [k, r] of Object.entries(grammar.repository)) visit(r, `repository.${k}`);
}

/** The grammar's regexes as JS RegExps (unicode), by repository path. */
function jsRegex(source: string, flags = 'u'): RegExp {
  return new RegExp(onigToJs(source), flags);
}

test('grammar: valid JSON, scope name, every regex compiles, every include resolves', () => {
  assert.equal(grammar.scopeName, 'text.speech');
  let count = 0;
  eachRule((rule, where) => {
    for (const key of ['match', 'begin', 'end', 'while'] as const) {
      const src = rule[key];
      if (src === undefined) continue;
      count++;
      assert.doesNotThrow(() => jsRegex(src), `${where}.${key}: ${src}`);
      // Oniguruma-only syntax that a JS check would not catch
      assert.doesNotMatch(src, /\(\?>|[*+?}]\+|\\[hHKRX]|\\p\{(?!Script=|sc=|L|N|P)/u, `${where}.${key} uses Oniguruma-only syntax`);
    }
    if (rule.include !== undefined) {
      const inc = rule.include;
      assert.ok(inc === '$self' || inc === '$base' || (inc.startsWith('#') && inc.slice(1) in grammar.repository), `${where}: include ${inc}`);
    }
    if (rule.begin !== undefined) assert.ok(rule.end !== undefined || rule.while !== undefined, `${where}: begin without end`);
  });
  assert.ok(count > 20, 'regexes found');
  for (const scope of [
    'markup.heading.1.speech', 'markup.heading.2.speech', 'markup.heading.3.speech', 'markup.heading.4.speech',
    'punctuation.definition.heading.speech', 'constant.numeric.heading.1.speech', 'keyword.other.enumeration.speech',
    'string.quoted.double.speech', 'string.quoted.single.speech', 'string.quoted.other.title.speech',
    'invalid.illegal.placeholder.speech', 'comment.block.html.speech', 'keyword.control.directive.speech',
    'meta.embedded.block.front-matter.speech', 'meta.announced-count.speech',
  ]) {
    assert.ok(grammarText.includes(`"${scope}"`), `grammar uses scope ${scope}`);
  }
});

test('grammar: heading, enumeration, placeholder and comment patterns match what they should', () => {
  const repo = grammar.repository;
  const headingRe = (level: number) => jsRegex(repo[`heading-${level}`].begin ?? '');
  const cases: [number, string, boolean][] = [
    [1, '一、提高政治站位', true],
    [1, '十、加强领导', true],
    [1, '十一、其他', true],
    [1, '九十九、最后一项', true],
    [1, '## 三、标题', true],
    [1, '一是提高认识', false],
    [1, '十分重要、非常紧迫', false],
    [2, '（一）着力稳增长', true],
    [2, '(二)半角括号', true],
    [2, '（三)混用括号', true],
    [2, '（1）四级', false],
    [3, '1.标题', true],
    [3, '2、标题', true],
    [3, '3．标题', true],
    [3, '12.标题', true],
    [3, '1.5亿元的投资', false],
    [3, '2023年以来', false],
    [4, '（1）标题', true],
    [4, '(2)标题', true],
    [4, '（一）标题', false],
    [4, '（2024年3月15日）', false],
  ];
  for (const [level, line, expected] of cases) {
    assert.equal(headingRe(level).test(line), expected, `level ${level}: ${line}`);
  }
  // a heading ends after its first sentence; the rest of the line is body text
  assert.ok(jsRegex(repo['heading-1'].end ?? '').source.includes('(?<=[。'), 'heading ends after 。');

  const matchesIn = (rules: GrammarRule[], text: string): string[] => {
    const found: string[] = [];
    for (const r of rules) {
      if (r.match) for (const m of text.matchAll(jsRegex(r.match, 'gu'))) found.push(m[0]);
    }
    return found;
  };
  const enumRules = repo.enumeration.patterns ?? [];
  assert.deepEqual(matchesIn(enumRules, '主要有三点：一是提高认识。二是统一要求。三要落实'), ['一是', '二是', '三要']);
  assert.deepEqual(matchesIn(enumRules, '要统一要求，唯一是指'), []);
  assert.deepEqual(matchesIn(enumRules, '第一，要加强。第二，要落实。排名第一，'), ['第一，', '第二，']);
  assert.deepEqual(matchesIn(enumRules, '首先，甲。其次，乙。再次，丙。最后，丁。首先要'), ['首先，', '其次，', '再次，', '最后，']);

  const placeholderRules = repo.placeholder.patterns ?? [];
  assert.deepEqual(matchesIn(placeholderRules, 'XX市、xx同志、××局、某某、【填写】、*市、XXL、某市'), ['XX', 'xx', '××', '某某', '【填写】', '*']);

  const countRules = repo['announced-count'].patterns ?? [];
  assert.deepEqual(matchesIn(countRules, '下面，我讲三点意见。講五個方面的意見。以下五个方面'), ['讲三点意见', '講五個方面的意見', '以下五个方面']);

  const directive = jsRegex(repo.comment.patterns?.[0].match ?? '', 'gu');
  assert.deepEqual(
    [...'<!-- speech-lint-disable-next-line placeholder --> <!-- speech-lint-disable --> <!-- speech-lint-enable -->'.matchAll(directive)].map((m) => m[0]),
    ['speech-lint-disable-next-line', 'speech-lint-disable', 'speech-lint-enable'],
  );
  const ruleIds = jsRegex(repo.comment.patterns?.[1].match ?? '', 'gu');
  for (const id of RULE_IDS) assert.ok(new RegExp(ruleIds.source, 'u').test(` ${id} `), `rule id ${id} highlighted in comments`);
  assert.ok(jsRegex(repo['front-matter'].begin ?? '').test('---'));
});

/**
 * With VS Code's own tokenizer when it is available (vscode-textmate + vscode-oniguruma, e.g. from
 * the VS Code server that scripts/install-vscode-server.sh installs): real Oniguruma semantics.
 */
test('grammar: tokenizes a sample with vscode-textmate (VS Code\'s own tokenizer)', async () => {
  const base = path.join(ROOT, 'node_modules');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved from the project, wherever this file was compiled to
  const vsctm = require(path.join(base, 'vscode-textmate')) as {
    Registry: new (opts: unknown) => { loadGrammar(scope: string): Promise<{ tokenizeLine(line: string, stack: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown } } | null> };
    INITIAL: unknown;
    parseRawGrammar(content: string, filePath: string): unknown;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
  const onig = require(path.join(base, 'vscode-oniguruma')) as {
    loadWASM(data: ArrayBuffer): Promise<void>;
    OnigScanner: new (patterns: string[]) => unknown;
    OnigString: new (s: string) => unknown;
  };
  const wasm = fs.readFileSync(path.join(base, 'vscode-oniguruma/release/onig.wasm'));
  try {
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  } catch (err) {
    if (!/already|once/i.test(String(err))) throw err;
  }
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: (scope: string) => Promise.resolve(scope === 'text.speech' ? vsctm.parseRawGrammar(grammarText, 'speech.tmLanguage.json') : null),
  });
  const g = await registry.loadGrammar('text.speech');
  assert.ok(g, 'grammar loads');
  const sample = [
    '---',
    'kind: single',
    '---',
    '<!-- speech-lint-disable-next-line heading-sequence -->',
    '在XX市工作会议上的讲话',
    '同志们：',
    '下面，我讲三点意见。',
    '一、提高“政治站位”',
    '（一）这是政治要求。正文一是统一要求，二是落实。',
    '1.第一小点',
    '（1）第四层',
    '首先，做好*市工作。最后，《关于〈某项〉的意見》。',
  ];
  const scopesAt = new Map<string, string[]>();
  let stack = vsctm.INITIAL;
  sample.forEach((line, lineNo) => {
    const r = g.tokenizeLine(line, stack);
    for (const tok of r.tokens) scopesAt.set(`${lineNo}:${line.slice(tok.startIndex, tok.endIndex)}`, tok.scopes);
    stack = r.ruleStack;
  });
  const has = (key: string, scope: string) => {
    const scopes = scopesAt.get(key);
    assert.ok(scopes, `token ${key} (tokens: ${[...scopesAt.keys()].filter((k) => k.startsWith(key.split(':')[0] + ':')).join(' | ')})`);
    assert.ok(scopes.includes(scope), `${key}: ${scopes.join(' ')} includes ${scope}`);
  };
  has('0:---', 'meta.embedded.block.front-matter.speech');
  has('1:kind', 'entity.name.tag.front-matter.speech');
  has('3:speech-lint-disable-next-line', 'keyword.control.directive.speech');
  has('3:heading-sequence', 'variable.parameter.rule-id.speech');
  has('4:XX', 'invalid.illegal.placeholder.speech');
  has('6:三', 'constant.numeric.count.speech');
  has('7:一', 'markup.heading.1.speech');
  has('7:一', 'constant.numeric.heading.1.speech');
  has('7:、', 'punctuation.definition.heading.speech');
  has('7:政治站位', 'string.quoted.double.speech');
  has('7:政治站位', 'markup.heading.1.speech');
  has('8:一', 'markup.heading.2.speech');
  has('8:这是政治要求。', 'markup.heading.2.speech');
  has('8:二是', 'keyword.other.enumeration.speech');
  assert.ok(!(scopesAt.get('8:二是') ?? []).includes('markup.heading.2.speech'), 'run-in body text is not part of the heading');
  has('9:1', 'markup.heading.3.speech');
  has('10:1', 'markup.heading.4.speech');
  has('11:首先', 'keyword.other.enumeration.speech');
  has('11:*', 'invalid.illegal.placeholder.mask.speech');
  has('11:〈某项〉', 'string.quoted.other.title.speech');
});

// ---------------------------------------------------------------------------------------------
// language-configuration.json

test('language configuration: comments, pairs and word pattern', () => {
  const conf = obj(readJson('language-configuration.json'), 'language-configuration.json');
  assert.deepEqual(obj(conf.comments, 'comments').blockComment, ['<!--', '-->']);
  const pairs = (conf.brackets as string[][]).map((p) => p.join(''));
  const closing = (conf.autoClosingPairs as JsonObject[]).map((p) => `${p.open as string}${p.close as string}`);
  const surrounding = (conf.surroundingPairs as string[][]).map((p) => p.join(''));
  for (const pair of ['“”', '‘’', '《》', '（）', '【】', '「」', '()', '[]', '{}']) {
    assert.ok(pairs.includes(pair), `brackets ${pair}`);
    assert.ok(closing.includes(pair), `autoClosingPairs ${pair}`);
    assert.ok(surrounding.includes(pair), `surroundingPairs ${pair}`);
  }
  const word = new RegExp(conf.wordPattern as string, 'g');
  assert.deepEqual('jh-kaitou'.match(word), ['jh-kaitou'], 'snippet prefixes are one word');
  assert.deepEqual('今天，我们召开会议。'.match(word), ['今天', '我们召开会议'], 'Chinese punctuation separates words');
});

// ---------------------------------------------------------------------------------------------
// package.json contributions and nls

const pkg = obj(readJson('package.json'), 'package.json');
const nlsEn = obj(readJson('package.nls.json'), 'package.nls.json');
const nlsZh = obj(readJson('package.nls.zh-cn.json'), 'package.nls.zh-cn.json');

function nlsKeysUsed(v: Json, out = new Set<string>()): Set<string> {
  if (typeof v === 'string') {
    const m = /^%([^%\s]+)%$/.exec(v);
    if (m) out.add(m[1]);
  } else if (Array.isArray(v)) v.forEach((x) => nlsKeysUsed(x, out));
  else if (isObject(v)) Object.values(v).forEach((x) => nlsKeysUsed(x, out));
  return out;
}

test('package.json: every %key% exists in both nls files', () => {
  const used = nlsKeysUsed(pkg);
  assert.ok(used.size > 10, 'nls keys used');
  for (const key of used) {
    assert.equal(typeof nlsEn[key], 'string', `package.nls.json has ${key}`);
    assert.equal(typeof nlsZh[key], 'string', `package.nls.zh-cn.json has ${key}`);
    assert.ok(new RegExp(`[${CJK}]`, 'u').test(nlsZh[key] as string), `zh-cn ${key} is Chinese`);
  }
  assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort(), 'both nls files have the same keys');
});

test('package.json: contributions', () => {
  const c = obj(pkg.contributes, 'contributes');
  const lang = (c.languages as JsonObject[]).find((l) => l.id === 'speech');
  assert.ok(lang, 'language speech');
  assert.deepEqual(lang.extensions, ['.speech']);
  assert.deepEqual(lang.aliases, ['讲稿', 'Speech draft']);
  assert.ok(fs.existsSync(path.join(ROOT, lang.configuration as string)), 'language configuration exists');
  const gr = (c.grammars as JsonObject[]).find((g) => g.language === 'speech');
  assert.ok(gr && gr.scopeName === 'text.speech' && fs.existsSync(path.join(ROOT, gr.path as string)), 'grammar');
  const sn = (c.snippets as JsonObject[]).find((s) => s.language === 'speech');
  assert.ok(sn && fs.existsSync(path.join(ROOT, sn.path as string)), 'snippets');
  for (const v of c.jsonValidation as JsonObject[]) {
    assert.ok(fs.existsSync(path.join(ROOT, v.url as string)), `schema ${v.url as string}`);
  }

  const commands = c.commands as JsonObject[];
  const ids = commands.map((x) => x.command as string);
  for (const id of [
    'speechDraft.convertToSimplified', 'speechDraft.convertToTraditional', 'speechDraft.renumber', 'speechDraft.insertSection',
    'speechDraft.showCount', 'speechDraft.lintAsSpeech', 'speechDraft.switchKind', 'speechDraft.structure.refresh', 'speechDraft.structure.reveal',
  ]) {
    assert.ok(ids.includes(id), `command ${id}`);
  }
  for (const cmd of commands) assert.equal(cmd.category, '%category%', `${cmd.command as string}: category`);
  const menus = obj(c.menus, 'menus');
  for (const [menu, items] of Object.entries(menus)) {
    for (const item of items as JsonObject[]) assert.ok(ids.includes(item.command as string), `${menu}: ${item.command as string} is declared`);
  }
  const palette = menus.commandPalette as JsonObject[];
  assert.equal(palette.find((m) => m.command === 'speechDraft.structure.reveal')?.when, 'false', 'reveal is hidden from the palette');
  const views = obj(c.views, 'views').explorer as JsonObject[];
  assert.ok(views.some((v) => v.id === 'speechDraft.structure'), 'structure view');

  const props = obj(obj(c.configuration, 'configuration').properties, 'configuration.properties');
  for (const [key, p] of Object.entries(props)) {
    assert.ok(key.startsWith('speechDraft.'), key);
    assert.equal(obj(p, key).scope, 'resource', `${key}: scope resource`);
    assert.ok(obj(p, key).markdownDescription ?? obj(p, key).description, `${key}: description`);
  }
  assert.deepEqual(Object.keys(obj(obj(props['speechDraft.rules'], 'rules').properties, 'rules.properties')), RULE_IDS);
  // Markdown and plain text activate only the small entry module (client/src/bootstrap.ts).
  assert.deepEqual(pkg.activationEvents, ['onLanguage:speech', 'onLanguage:markdown', 'onLanguage:plaintext']);
  assert.deepEqual(obj(pkg.capabilities, 'capabilities').untrustedWorkspaces, { supported: true });
});

// ---------------------------------------------------------------------------------------------
// schemas/speechlintrc.schema.json

test('schema: draft-07, rule ids, same keys and defaults as the settings', () => {
  const schema = obj(readJson('schemas/speechlintrc.schema.json'), 'schema');
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.additionalProperties, false);
  const props = obj(schema.properties, 'schema.properties');
  const rules = obj(props.rules, 'schema.properties.rules');
  assert.equal(rules.additionalProperties, false, 'only known rule ids');
  assert.deepEqual(Object.keys(obj(rules.properties, 'rules.properties')), RULE_IDS);

  const settings = obj(obj(obj(pkg.contributes, 'contributes').configuration, 'configuration').properties, 'properties');
  // The schema describes exactly the core's settings object; VS Code has those plus editor-only ones.
  const expected = Object.keys(defaultSettings());
  const editorOnly = ['additionalLanguages', 'docsBaseUrl', 'trace.server'];
  assert.deepEqual(Object.keys(props).filter((k) => k !== '$schema').sort(), [...expected].sort());
  assert.deepEqual(Object.keys(settings).map((k) => k.replace(/^speechDraft\./, '')).sort(), [...expected, ...editorOnly].sort());
  for (const key of expected) assert.deepEqual(obj(props[key], key).default, (defaultSettings() as unknown as Record<string, unknown>)[key], `${key}: the core's default`);
  assert.ok('$schema' in props);
  for (const key of expected) {
    assert.deepEqual(obj(props[key], key).default, obj(settings[`speechDraft.${key}`], key).default, `${key}: same default`);
    const description = obj(props[key], key).description as string;
    assert.match(description, new RegExp(`^[^/]*[${CJK}].* / .*[A-Za-z]`, 'su'), `${key}: Chinese, then English after " / "`);
  }
});

type AjvClass = new (opts: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };

test('schema: accepts and rejects sample configurations (ajv)', () => {
  // resolved from the project, wherever this file was compiled to
  const mod = createRequire(path.join(ROOT, 'package.json'))('ajv') as { default?: AjvClass } & AjvClass;
  const Ajv: AjvClass = mod.default ?? mod;
  const validate = new Ajv({ strict: false, allErrors: true }).compile(readJson('schemas/speechlintrc.schema.json') as object);
  const good = [
    {},
    { $schema: './node_modules/speech-draft/schemas/speechlintrc.schema.json', kind: 'single', lengthPreset: 'custom', limits: { single: 2500, comprehensive: 4500 } },
    { rules: { placeholder: 'error', 'length-limit': { severity: 'warning', options: { warnAt: 0.85 } }, 'cjk-space': 'off' } },
    { rules: { 'heading-marker': { options: { level3: 'consistent', inline: false } } } },
    { bannedPhrases: ['高度重视', { phrase: '抓手', replacement: '措施', message: '少用“抓手”' }], bannedPhrasePresets: ['wenfeng'] },
    { placeholders: ['○○'], script: 'traditional', language: 'en', speakingRate: 180, countMode: 'hanzi', level3Style: 'dun' },
  ];
  const bad = [
    { kind: 'both' },
    { rules: { 'no-such-rule': 'error' } },
    { rules: { placeholder: 'fatal' } },
    { rules: { placeholder: { severity: 'error', extra: 1 } } },
    // The schema knows each rule's options.
    { rules: { 'length-limit': { options: { max: 4000 } } } },
    { rules: { 'heading-marker': { options: { level3: 'majority' } } } },
    { bannedPhrases: [{ replacement: 'x' }] },
    { bannedPhrasePresets: ['other'] },
    { additionalLanguages: ['markdown'] },
    { limits: { single: 'many' } },
    { speakingRate: 12.5 },
  ];
  for (const g of good) assert.equal(validate(g), true, `valid: ${JSON.stringify(g)} ${JSON.stringify(validate.errors)}`);
  for (const b of bad) assert.equal(validate(b), false, `invalid: ${JSON.stringify(b)}`);
});
