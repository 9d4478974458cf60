// The fuzz checker: documents generated from pieces of real speeches, page leftovers, comments,
// directives, front matter, every line ending, byte-order marks and broken surrogates, or the corpus
// files mutated, and what must hold for every one of them. Used by `npm run fuzz` (many documents,
// figures printed) and by a fixed-seed slice in `npm test`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { applyEdits, fixAll, lint, relint } from '../../server/src/core/engine';
import { defaultSettings } from '../../server/src/core/settings';
import { isDeepStrictEqual } from 'node:util';
import type { Finding, Span, TextEdit } from '../../server/src/core/types';

const repoRoot = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

/** The corpus files (both folders), read once. */
export function corpusTexts(): string[] {
  const dirs = ['corpus', 'corpus-dev'].map((d) => path.join(repoRoot, '..', 'shared', d));
  return dirs.flatMap((dir) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      : [],
  );
}

// Pieces that exercise every pass of the parser and every rule.
const PIECES = [
  '一、', '二、', '三、', '十二、', '（一）', '(二)', '（-）', '1.', '2、', '（1）', '(3)', '一 ', '# ', '## ', '**', '**一、总体要求**', '一是', '二是', '二要', '第三，', '第一个问题：',
  '首先，', '其次，', '最后，', '我讲三点意见。', '以下五个方面：', '以上三点', '上述两个方面', '“六看”', '提几点要求：', '四风', '一、二季度', '六、七十年代', '五、六十人',
  '同志们：', '各位代表：', '谢谢大家！', '---\n', '类型: 单项\n', '字数上限: 12\n', '<!--', '-->', '<!-- 待核实 -->', '<!-- speech-lint-disable -->', '<!-- speech-lint-enable -->',
  '<!-- speech-lint-disable-next-line placeholder -->', '<!-- speech-lint-disable cjk-spaces -->', '时间:2022-04-20 10:50:00', '导语:', '上一篇:', '版权所有', '备案号:京ICP备12345号',
  '下面是小编为大家整理的', '供大家参考', '新华社记者 刘彬/摄', '（新华社北京8月23日电）', '来源：新华社', '阅读原文', '<figure>', '{{< video >}}', 'XX', '某某', '*市', '【】',
  '干部', '並且', '關於', '台灣', '于', '们', '們', '工作会 议', '工作,会议', '(扩大)', 'Powered by', '。', '，', '、', '！', '？', '：', '；', '“', '”', '‘', '’', '《', '》', '……', '——',
  '。。。', '...', '的的', '布署', '二〇二四年', '2024年03月', ' ', '\u3000', '\u3000\u3000', '\t', '\n', '\r\n', '\r', '\n\n', '𠀀', '𪚥', '\uD800', '\uDC00', 'abc 123', '2,000', '\uFEFF', '\u00a0',
];

export const randomDraft = fc
  .tuple(fc.boolean(), fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) }), { maxLength: 120 }))
  .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.join(''));

/** A corpus file with a few pieces replaced; some with their line endings changed. */
export function mutatedCorpus(texts: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: texts.length - 1 }),
      fc.constantFrom('\n', '\r\n', '\r', 'keep'),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 300 }), fc.constantFrom(...PIECES, '')), { minLength: 1, maxLength: 8 }),
    )
    .map(([which, eol, mutations]) => {
      let text = texts[which];
      if (eol !== 'keep') text = text.replace(/\r\n|\r|\n/g, eol);
      for (const [at, length, insert] of mutations) {
        const start = at % (text.length + 1);
        text = text.slice(0, start) + insert + text.slice(start + length);
      }
      return text;
    });
}

function isCharBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/** The line-ending styles a text uses. */
function eolStyles(text: string): string[] {
  const styles = new Set<string>();
  for (const m of text.matchAll(/\r\n|\r|\n/g)) styles.add(m[0]);
  return [...styles].sort();
}

/** A failed invariant, with what is needed to reproduce it. */
export class FuzzFailure extends Error {}

function fail(what: string, text: string): never {
  throw new FuzzFailure(`${what}\n  document (${text.length} UTF-16 units): ${JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}…` : text)}`);
}

/** Whether `edit` reaches into `span` (touching its edges from outside is fine). */
function reaches(edit: TextEdit, span: Span): boolean {
  return edit.start < span.end && span.start < edit.end;
}

/** The most Chinese characters a fix of a word or a mark may take away (a typo, a doubled word). */
const MAX_WORD = 6;

// Rules whose fix deletes whole lines or paragraphs by design (a leftover line, a repeated paragraph).
const DELETES_LINES = new Set(['scrape-boilerplate', 'duplicate-paragraph']);

function checkFix(text: string, excluded: Span[], f: Finding, edits: TextEdit[], kind: string): void {
  const what = `${f.rule}/${f.messageId} ${kind} at ${f.start}-${f.end}`;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) fail(`${what}: edit ${e.start}-${e.end} outside the document`, text);
    if (!isCharBoundary(text, e.start) || !isCharBoundary(text, e.end)) fail(`${what}: edit splits a surrogate pair`, text);
    // LSP forbids overlapping edits in one fix; touching ones are fine unless both insert at one place.
    if (i > 0 && (e.start < sorted[i - 1].end || (e.start === e.end && e.start === sorted[i - 1].start && sorted[i - 1].start === sorted[i - 1].end))) fail(`${what}: overlapping edits`, text);
    // Nothing inside a comment, a directive or the front matter, unless the finding is about it.
    for (const span of excluded) {
      if (reaches(e, span) && !(f.start >= span.start && f.end <= span.end) && !(f.start <= span.start && f.end >= span.end && DELETES_LINES.has(f.rule))) {
        fail(`${what}: edit ${e.start}-${e.end} reaches into the excluded ${span.start}-${span.end} (${JSON.stringify(text.slice(span.start, Math.min(span.end, span.start + 40)))})`, text);
      }
    }
    // A fix deletes no sentence that is not its finding: outside whole-line deletions, an edit stays
    // within the finding's lines and replaces no more than a few characters of sentence text.
    if (!DELETES_LINES.has(f.rule) && f.rule !== 'heading-sequence' && f.rule !== 'enumeration-sequence') {
      const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
      const nextBreak = text.slice(f.end).search(/[\r\n]/);
      const lineEnd = nextBreak === -1 ? text.length : f.end + nextBreak + 2;
      const carriage = text.lastIndexOf('\r', f.start - 1) + 1;
      if (e.start < Math.min(lineStart, carriage) - 2 || e.end > lineEnd) fail(`${what}: edit ${e.start}-${e.end} outside its finding's lines`, text);
      // More Chinese characters gone than a word's worth is a sentence lost.
      const removed = text.slice(e.start, e.end);
      const han = (s: string) => (s.match(/[\u3400-\u9fff]/g) ?? []).length;
      if (han(removed) - han(e.text) > MAX_WORD) fail(`${what}: the edit removes speech text (${JSON.stringify(removed.slice(0, 60))} → ${JSON.stringify(e.text.slice(0, 60))})`, text);
    }
  }
}

export interface DocumentFigures {
  findings: number;
  fixes: number;
  suggestions: number;
  passes: number;
  ms: number;
}

/** Every invariant for one document; throws FuzzFailure with the document when one fails. */
export function checkDocument(text: string, options: { eachFix?: boolean } = {}): DocumentFigures {
  const started = performance.now();
  // One settings object: a lint after an edit takes over from the lint before only under the same settings.
  const settings = defaultSettings();
  const result = lint(text, { settings });
  if (result.ruleErrors.length) fail(`rule failed: ${JSON.stringify(result.ruleErrors)}`, text);
  const doc = result.doc;
  const excluded: Span[] = [...(doc.frontMatter ? [{ start: 0, end: doc.frontMatter.end }] : []), ...doc.comments];
  let fixes = 0;
  let suggestions = 0;
  for (const f of result.findings) {
    if (!(f.start >= 0 && f.start <= f.end && f.end <= text.length)) fail(`${f.rule} range ${f.start}-${f.end} outside 0-${text.length}`, text);
    if (!isCharBoundary(text, f.start) || !isCharBoundary(text, f.end)) fail(`${f.rule} range splits a surrogate pair`, text);
    if (f.fix) {
      fixes++;
      checkFix(text, excluded, f, f.fix.edits, 'fix');
    }
    for (const s of f.suggestions ?? []) {
      suggestions++;
      checkFix(text, excluded, f, s.fix.edits, 'suggestion');
    }
    if (options.eachFix !== false && f.fix) {
      const alone = applyEdits(text, f.fix.edits);
      const again = lint(alone, { settings });
      if (again.ruleErrors.length) fail(`after ${f.rule}'s fix alone: ${JSON.stringify(again.ruleErrors)}`, text);
      // Undoing the fix, linted from the fixed version's lint: the same as the full lint.
      if (!isDeepStrictEqual(relint(again, text, { settings }).findings, result.findings)) fail(`relint after undoing ${f.rule}'s fix differs from a full lint`, text);
    }
  }
  const fixed = fixAll(text, { settings });
  // Back from the fixed text (every fix undone at once), linted from its lint: the same as the full lint.
  if (!isDeepStrictEqual(relint(fixed.result, text, { settings }).findings, result.findings)) fail('relint from the fixed text back to the draft differs from a full lint', text);
  if (fixed.result.ruleErrors.length) fail(`fix-all: ${JSON.stringify(fixed.result.ruleErrors)}`, text);
  if (fixed.passes >= 10) fail(`fix-all did not converge in ${fixed.passes} passes`, text);
  const left = fixed.result.findings.filter((f) => f.fix);
  if (left.length) fail(`fix-all left fixable findings: ${left.map((f) => `${f.rule}/${f.messageId}`).join(', ')}`, text);
  // The byte-order mark stays (a U+FEFF inside the text may end up first once what is before it goes).
  if (text.charCodeAt(0) === 0xfeff ? fixed.text.charCodeAt(0) !== 0xfeff : fixed.text.charCodeAt(0) === 0xfeff && !text.includes('\uFEFF')) fail('fix-all changed the byte-order mark', text);
  const before = eolStyles(text);
  const after = eolStyles(fixed.text);
  if (after.some((s) => !before.includes(s)) && before.length > 0) fail(`fix-all changed the line endings: ${JSON.stringify(before)} → ${JSON.stringify(after)}`, text);
  // Every comment, directive and front matter survives fix-all, unless deleted with its leftover line.
  for (const span of excluded) {
    const piece = text.slice(span.start, span.end);
    if (!fixed.text.includes(piece) && !result.findings.some((f) => DELETES_LINES.has(f.rule) && f.fix && f.start <= span.start && f.end >= span.end)) fail(`fix-all lost ${JSON.stringify(piece.slice(0, 40))}`, text);
  }
  return { findings: result.findings.length, fixes, suggestions, passes: fixed.passes, ms: performance.now() - started };
}
