// The JSON report is written in pieces as it is formatted, and reads exactly as JSON.stringify writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import { formatJson, jsonChunks, jsonFile, type FileReport } from '../../server/src/cli/format';
import { readCorpus } from './helpers';

const report = (file: string, text: string): FileReport => ({ file, result: lint(text), locale: 'zh-Hans', fixed: 0 }) as FileReport;
const whole = (reports: FileReport[]) => `${JSON.stringify({ files: reports.map((r) => jsonFile(r, r.locale)) }, null, 2)}\n`;

test('the JSON report, piece by piece, is JSON.stringify(…, null, 2) of the whole: no files, a file without findings, several files', () => {
  const corpus = ['000', '001', '002', '003', '004'].map((n) => report(`${n}.txt`, readCorpus(n)));
  const empty = report('empty.speech', '');
  for (const reports of [[], [empty], corpus.slice(0, 1), [empty, ...corpus], [...corpus, empty]]) assert.equal(formatJson(reports), whole(reports));
});

test('a report of many findings comes in pieces of about 64 KB', () => {
  const big = report('big.txt', readCorpus('001').repeat(8));
  const chunks = [...jsonChunks([big])];
  assert.ok(big.result.findings.length > 2000);
  assert.ok(chunks.length > 10, `${chunks.length} pieces`);
  assert.ok(chunks.every((c) => c.length < 70000));
  assert.equal(chunks.join(''), whole([big]));
});
