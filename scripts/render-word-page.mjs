#!/usr/bin/env node
// Renders the Word export of examples/draft.speech with LibreOffice (headless) to PDF, then its first
// page to docs/word-export.png (the README picture), and prints what a reader would count: pages,
// lines per page and characters per line. Needs Debian's libreoffice-writer-nogui and poppler-utils;
// not part of CI. The GB fonts are not installed, so the text falls back to other fonts: judge the
// layout here and the font names in the XML (test/unit/docx/export.test.ts).
//
//   node scripts/render-word-page.mjs [--draft F] [--out docs/word-export.png] [--dpi 80]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { draft: { type: 'string' }, out: { type: 'string' }, dpi: { type: 'string' } } });
const draft = path.resolve(values.draft ?? path.join(root, 'examples', 'draft.speech'));
const out = path.resolve(values.out ?? path.join(root, 'docs', 'word-export.png'));
for (const tool of ['soffice', 'pdftoppm', 'pdftotext']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`render-word-page: ${tool} not found: apt-get install libreoffice-writer-nogui poppler-utils`);
    process.exit(2);
  }
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-render-'));
try {
  const docx = path.join(tmp, 'draft.docx');
  execFileSync(process.execPath, [path.join(root, 'bin', 'speech-lint.js'), 'export', draft, '-o', docx], { stdio: 'ignore' });
  const started = Date.now();
  // A profile of its own, so that a LibreOffice already running elsewhere is left alone.
  execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], { stdio: 'ignore' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const pdf = path.join(tmp, 'draft.pdf');
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  pages.forEach((page, i) => {
    const lines = page.split('\n').filter((l) => l.trim());
    const body = lines.slice(0, -1); // the last line is the page number
    console.log(`page ${i + 1}: ${body.length} lines, characters per line ${body.map((l) => Array.from(l.replace(/\s/g, '')).length).join(' ')}; footer ${JSON.stringify(lines.at(-1).trim())}`);
  });
  execFileSync('pdftoppm', ['-png', '-r', values.dpi ?? '80', '-f', '1', '-l', '1', '-singlefile', pdf, out.replace(/\.png$/, '')]);
  console.log(`rendered ${pages.length} pages in ${seconds} s; page 1 → ${path.relative(root, out)}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
