// Export → import gives back the same text and the same outline: the example draft, every snippet
// skeleton, and every corpus file (../shared/corpus, ../shared/corpus-dev).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { outline, type OutlineNode } from '../../../server/src/core/outline';
import { parse } from '../../../server/src/core/parse';
import { exportDocx } from '../../../server/src/docx/export';
import { importDocx } from '../../../server/src/docx/import';
import { speechBlocks } from '../../../server/src/docx/structure';
import { corpusDir, repoRoot } from '../helpers';
import { expandSnippet } from '../snippet-expand';

interface Draft {
  name: string;
  text: string;
}

const files = (dir: string): Draft[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => ({ name: `${path.basename(dir)}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }))
    : [];

const snippets = Object.entries(JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', 'speech.json'), 'utf8')) as Record<string, { body: string | string[]; isFileTemplate?: boolean }>)
  .filter(([, s]) => s.isFileTemplate)
  .map(([name, s]) => ({ name: `snippet ${name}`, text: expandSnippet(s.body) }));

const examples = fs
  .readdirSync(path.join(repoRoot, 'examples'))
  .sort()
  .map((f) => ({ name: `examples/${f}`, text: fs.readFileSync(path.join(repoRoot, 'examples', f), 'utf8') }));

const corpus = [...files(corpusDir), ...files(path.join(repoRoot, '..', 'shared', 'corpus-dev'))];

/** The outline as a reader sees it: levels, markers, titles and 字数, without line numbers. */
function shape(nodes: OutlineNode[]): unknown[] {
  return nodes.map((n) => ({ level: n.level, marker: n.marker, title: n.title, count: n.count, children: shape(n.children) }));
}

const timings = { export: 0, import: 0, drafts: 0, bytes: 0 };

async function roundTrip(draft: Draft): Promise<void> {
  const doc = parse(draft.text);
  let started = performance.now();
  const bytes = await exportDocx(doc);
  timings.export += performance.now() - started;
  started = performance.now();
  const imported = importDocx(bytes);
  timings.import += performance.now() - started;
  timings.drafts++;
  timings.bytes += bytes.length;
  // The text: every exported paragraph, one line each (front matter, comments, blank lines and indents left out).
  assert.equal(imported.text, speechBlocks(doc).map((b) => b.text).join('\n'), `${draft.name}: text`);
  const again = parse(imported.text);
  assert.deepEqual(shape(outline(again)), shape(outline(doc)), `${draft.name}: outline`);
  assert.equal(again.count.total, doc.count.total, `${draft.name}: 字数`);
  const title = (d: typeof doc) => d.title && d.text.slice(d.title.start, d.title.end).trimEnd();
  assert.equal(title(again), title(doc), `${draft.name}: title (trailing spaces are not exported)`);
}

test('round trip: the examples', async () => {
  assert.ok(examples.length >= 1);
  for (const draft of examples) await roundTrip(draft);
});

test('round trip: every snippet skeleton', async () => {
  assert.equal(snippets.length, 5);
  for (const draft of snippets) await roundTrip(draft);
});

test('round trip: every corpus file', async (t) => {
  assert.equal(corpus.length, 15, 'five corpus files and ten dev-corpus files');
  for (const draft of corpus) await roundTrip(draft);
  t.diagnostic(`${timings.drafts} drafts, ${(timings.bytes / 1024).toFixed(0)} KiB of .docx: export ${timings.export.toFixed(0)} ms, import ${timings.import.toFixed(0)} ms in all`);
});

test('round trip: a draft with front matter, comments, a Markdown heading prefix and indents gives the clean text', async () => {
  const text = '---\n类型: 单项\n---\n讲话\n\n　　同志们：\n<!-- 待定 -->\n　　今天开会。<!-- 删掉？ -->好。\n## 一、总体要求\n';
  const imported = importDocx(await exportDocx(parse(text)));
  assert.equal(imported.text, '讲话\n同志们：\n今天开会。好。\n一、总体要求');
});
