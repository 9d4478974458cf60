// Annotate: each finding becomes one comment by 讲稿助手 anchored on exactly its characters (runs
// split where needed), and nothing else changes: same text, same formatting of every character,
// every other part byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../../server/src/core/engine';
import { parse } from '../../../server/src/core/parse';
import { annotateDocx, commentFor, COMMENT_AUTHOR } from '../../../server/src/docx/annotate';
import { exportDocx } from '../../../server/src/docx/export';
import { importDocx } from '../../../server/src/docx/import';
import { findingText } from '../../../server/src/docx/structure';
import { corpusDir } from '../helpers';
import { buildDocx, characterFormats, commentAnchors, p, parts, val, wAll, xml } from './helpers';

const B = '<w:rPr><w:b/></w:rPr>';
const r = (text: string, rPr = '') => `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;

const BODY = [
  p('关于做好工作的讲话'),
  p('同志们：'),
  // The placeholder XX spans a bold run and a plain one; a half-width comma sits in the middle of a run.
  `<w:p>${r('我们要坚持X', B)}${r('X原则,推动')}${r('发展。')}</w:p>`,
  p('一、提高认识'),
  p('（三）抓落实'),
  `<w:p>${r('要统一思想，')}<w:ins w:id="9" w:author="审稿人" w:date="2024-01-01T00:00:00Z">${r('並且')}</w:ins>${r('狠抓落实。')}</w:p>`,
  `<w:p>${r('会议')}<w:hyperlink r:id="rId50">${r('通知 ')}</w:hyperlink>${r(' 已经下发。')}</w:p>`,
].join('');

const fixture = (comments?: string, extraBody = '') => buildDocx({ body: (comments ? '<w:p><w:commentRangeStart w:id="0"/>' + r('原有批注') + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>' : '') + BODY + extraBody, comments, styles: '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' });

function findingsOf(bytes: Uint8Array) {
  const text = importDocx(bytes).text;
  return { text, findings: lint(text).findings };
}

test('annotate: one comment per finding, anchored on exactly the finding’s characters, by 讲稿助手 with the message and the fix', () => {
  const original = fixture();
  const { text, findings } = findingsOf(original);
  assert.deepEqual([...new Set(findings.map((f) => f.rule))].sort(), ['cjk-space', 'heading-sequence', 'mixed-script', 'placeholder', 'punctuation-width']);
  const annotated = annotateDocx(original, findings.map((f) => ({ start: f.start, end: f.end, comment: commentFor(f, text, 'zh-Hans') })), { date: '2024-05-01T08:00:00Z' });
  const comments = wAll(xml(annotated, 'word/comments.xml'), 'comment');
  assert.equal(comments.length, findings.length);
  const anchors = commentAnchors(annotated);
  assert.equal(anchors.size, findings.length);
  findings.forEach((f, i) => {
    const id = val(comments[i], 'id')!;
    assert.equal(anchors.get(id), text.slice(f.start, f.end), `${f.rule} anchored on its text`);
    assert.equal(val(comments[i], 'author'), COMMENT_AUTHOR);
    assert.equal(val(comments[i], 'date'), '2024-05-01T08:00:00Z');
    const lines = wAll(comments[i], 'p').map((para) => wAll(para, 't').map((t) => t.textContent).join(''));
    assert.equal(lines[0], findingText(f, 'zh-Hans'));
  });
  const comma = findings.findIndex((f) => f.rule === 'punctuation-width');
  assert.deepEqual(
    wAll(comments[comma], 'p').map((para) => wAll(para, 't').map((t) => t.textContent).join('')),
    [findingText(findings[comma], 'zh-Hans'), '建议：将“,”改为“，”'],
  );
  assert.equal(anchors.get(val(comments[findings.findIndex((f) => f.rule === 'placeholder')], 'id')!), 'XX', 'across the bold and the plain run');
});

test('annotate: the document is otherwise unchanged (text, each character’s formatting, every other part)', () => {
  const original = fixture();
  const { text, findings } = findingsOf(original);
  const annotated = annotateDocx(original, findings.map((f) => ({ start: f.start, end: f.end, comment: commentFor(f, text, 'zh-Hans') })));
  assert.equal(importDocx(annotated).text, text);
  assert.deepEqual(characterFormats(annotated), characterFormats(original));
  const before = parts(original);
  const after = parts(annotated);
  const changed = Object.keys(after).filter((name) => !before[name] || Buffer.compare(Buffer.from(before[name]), Buffer.from(after[name])) !== 0);
  assert.deepEqual(changed.sort(), ['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/comments.xml', 'word/document.xml']);
  assert.deepEqual(Object.keys(before).filter((name) => !after[name]), []);
  // Only comment markup was added to the body: without it, the runs hold the same text in the same order.
  const runs = (bytes: Uint8Array) => wAll(xml(bytes, 'word/document.xml'), 't').map((t) => t.textContent).join('');
  assert.equal(runs(annotated), runs(original));
});

test('annotate: comments already in the document stay, new ids follow theirs', () => {
  const original = fixture('<w:comment w:id="0" w:author="审稿人"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment>');
  const { text, findings } = findingsOf(original);
  const annotated = annotateDocx(original, findings.map((f) => ({ start: f.start, end: f.end, comment: commentFor(f, text, 'en') })));
  const comments = wAll(xml(annotated, 'word/comments.xml'), 'comment');
  assert.deepEqual(comments.map((c) => val(c, 'id')), ['0', ...findings.map((_, i) => String(i + 1))]);
  assert.deepEqual([val(comments[0], 'author'), wAll(comments[0], 't')[0].textContent], ['审稿人', '请核实']);
  assert.equal(commentAnchors(annotated).get('0'), '原有批注');
  assert.equal(wAll(comments[1], 't').map((t) => t.textContent).join('|').includes(findingText(findings[0], 'en')), true, 'English messages with --lang en');
});

test('annotate: a finding on automatic numbering (no characters of its own) is anchored where the paragraph’s text starts', () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%1)"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>';
  const original = buildDocx({ body: p('讲话') + p('同志们：') + p('一、总体要求') + p('抓学习', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'), numbering });
  const { text, findings } = findingsOf(original);
  assert.equal(text, '讲话\n同志们：\n一、总体要求\n(一)抓学习');
  const marker = findings.find((f) => text.slice(f.start, f.end).startsWith('('));
  assert.ok(marker, 'heading-marker finds the half-width brackets Word numbers with');
  const annotated = annotateDocx(original, [{ start: marker.start, end: marker.end, comment: commentFor(marker, text, 'zh-Hans') }]);
  assert.deepEqual([...commentAnchors(annotated).values()], ['']);
  const para = wAll(xml(annotated, 'word/document.xml'), 'p')[3];
  assert.deepEqual(
    Array.from({ length: para.childNodes.length }, (_, i) => (para.childNodes[i] as unknown as { localName: string }).localName),
    ['pPr', 'commentRangeStart', 'commentRangeEnd', 'r', 'r'],
  );
  assert.equal(importDocx(annotated).text, text);
});

test('annotate: the exported corpus files, every finding on its characters, the text unchanged', async () => {
  const dirs = [corpusDir, path.join(corpusDir, '..', 'corpus-dev')];
  let total = 0;
  for (const file of dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => path.join(d, f)))) {
    const docx = await exportDocx(parse(fs.readFileSync(file, 'utf8')));
    const { text, findings } = findingsOf(docx);
    const annotated = annotateDocx(docx, findings.map((f) => ({ start: f.start, end: f.end, comment: commentFor(f, text, 'zh-Hans') })));
    const anchors = [...commentAnchors(annotated).entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, t]) => t);
    assert.deepEqual(anchors, findings.map((f) => text.slice(f.start, f.end).replace(/\n/g, '')), path.basename(file));
    assert.equal(importDocx(annotated).text, text, path.basename(file));
    total += findings.length;
  }
  assert.ok(total > 300, `${total} findings`);
});
