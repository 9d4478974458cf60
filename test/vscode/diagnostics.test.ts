/// <reference types="mocha" />
// Diagnostics in the editor: exact rule codes, ranges, severities and Chinese messages on a
// simplified and a traditional draft, and the same findings as the lint core on the real corpus.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { lint } from '../../server/src/core/engine';
import { api, closeAllEditors, codeOf, openScratch, readCorpus, repoRoot, summarize, waitForStructure } from './helpers';
import { resolveLocale } from '../../server/src/core/i18n/format';
import { findingMessage } from '../../server/src/core/messages';

/** Sorted like the Problems panel: by position, then rule. */
const sorted = (diagnostics: vscode.Diagnostic[]) =>
  [...diagnostics].sort((a, b) => a.range.start.compareTo(b.range.start) || String(codeOf(a)).localeCompare(String(codeOf(b))));

suite('diagnostics', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(closeAllEditors);

  test('simplified draft: every finding with its rule, range, severity and message', async () => {
    const { uri, diagnostics } = await openScratch('problems.speech', { diagnostics: true });
    assert.deepStrictEqual(sorted(diagnostics).map(summarize), [
      '2:1-2:33 warning [scrape-boilerplate] 网页残留：网站编辑的引导语（“下面是小编为大家整理的……供大家参考”），不属于讲稿正文，应删除整行',
      '5:20-5:23 warning [announced-count] 预告“三点意见”，其后有四个一级标题',
      '6:7-6:8 warning [punctuation-width] 半角逗号“,”夹在中文之间，应改为全角“，”',
      '7:31-7:33 warning [enumeration-sequence] 列举编号不连续：应为“三是”，实为“四是”',
      '11:4-11:6 warning [placeholder] 占位符“XX”尚未填写，定稿前应替换为实际内容',
      '11:13-11:14 warning [mixed-script] 简体文稿中混入繁体字“並”，应为“并”',
      '12:1-12:4 error [heading-sequence] 标题编号不连续：应为“（二）”，实为“（三）”',
      '13:2-13:3 warning [cjk-space] 中文之间有多余的空格，应删除',
      '13:13-13:19 warning [announced-count] 预告“三个方面”，其后的列举只有两项（一是…二是）',
      '15:1-15:5 warning [heading-marker] “（一）”后不加标点：应为“（一）”，实为“（一）、”',
    ]);
    for (const d of diagnostics) {
      assert.strictEqual(d.source, 'speech-lint');
      // The rule code links to the rendered page of the rule shipped with the extension (rule-docs.test.ts).
      assert.ok(typeof d.code === 'object' && d.code.target instanceof vscode.Uri, `code of ${summarize(d)} has no link`);
      const target = (d.code as { target: vscode.Uri }).target;
      assert.strictEqual(target.toString(true), `${vscode.env.uriScheme}://speech-draft.speech-draft/rule-docs?rule=${codeOf(d)}`);
      assert.ok(fs.existsSync(`${repoRoot}/docs/rules/${codeOf(d)}.md`));
    }
    // The text the ranges point at.
    const document = await vscode.workspace.openTextDocument(uri);
    const at = (rule: string) => diagnostics.filter((d) => codeOf(d) === rule).map((d) => document.getText(d.range));
    assert.deepStrictEqual(at('placeholder'), ['XX']);
    assert.deepStrictEqual(at('mixed-script'), ['並']);
    assert.deepStrictEqual(at('heading-sequence'), ['（三）']);
    assert.deepStrictEqual(at('announced-count'), ['讲三点', '以下三个方面']);
  });

  test('traditional draft: simplified leftovers (info), punctuation, numbering, spaces, placeholder — in traditional Chinese', async () => {
    const { document, diagnostics } = await openScratch('traditional.speech', { diagnostics: true });
    assert.deepStrictEqual(sorted(diagnostics).map(summarize), [
      '6:17-6:18 warning [punctuation-width] 半角逗號「,」夾在中文之間，應改為全角「，」',
      '6:21-6:22 info [mixed-script] 按「重於泰山」一詞，繁體應作「於」（原為「于」）',
      '10:1-10:4 error [heading-sequence] 標題編號不連續：應為「（二）」，實為「（三）」',
      '11:2-11:3 warning [cjk-space] 中文之間有多餘的空格，應刪除',
      '11:13-11:15 warning [placeholder] 佔位符「XX」尚未填寫，定稿前應替換為實際內容',
      '13:8-13:9 info [mixed-script] 按「領導幹部」一詞，繁體應作「幹」（原為「干」）',
    ]);
    assert.deepStrictEqual(
      diagnostics.filter((d) => codeOf(d) === 'mixed-script').map((d) => [document.getText(d.range), d.severity]),
      [
        ['于', vscode.DiagnosticSeverity.Information],
        ['干', vscode.DiagnosticSeverity.Information],
      ],
    );
    // The draft is recognised as traditional; 並 is right there and not reported.
    const s = await waitForStructure(document);
    assert.strictEqual(s.script, 'traditional');
    assert.strictEqual(s.count.total, 152);
  });

  for (const [prefix, what] of [
    ['000', 'traditional: scrape header, simplified leftovers'],
    ['003', 'traditional: 講五個方面, 1、 third level'],
    ['001', 'simplified: scrape header, * masks, 上一篇/下一篇'],
  ] as const) {
    test(`corpus ${prefix} (${what}): the editor shows exactly the core's findings`, async function () {
      const corpus = readCorpus(prefix);
      if (!corpus) return this.skip(); // ../shared/corpus is not beside this checkout
      // Copied into the (temporary) workspace at run time, as a .speech draft.
      const { document, diagnostics } = await openScratch(`${prefix}.speech`, { text: corpus.text, diagnostics: true });
      const expected = JSON.parse(fs.readFileSync(`${repoRoot}/test/fixtures/corpus/${prefix}.expected.json`, 'utf8')) as { script: string; total: number; counts: Record<string, number> };
      const counts: Record<string, number> = {};
      for (const d of diagnostics) counts[codeOf(d)!] = (counts[codeOf(d)!] ?? 0) + 1;
      assert.deepStrictEqual(counts, expected.counts);
      // Same ranges (UTF-16), severities and messages as the core computes for the same text, in the
      // draft's own script.
      const result = lint(corpus.text);
      const locale = resolveLocale('zh', result.doc.script.script);
      const core = result.findings.map((f) => {
        const start = document.positionAt(f.start);
        const end = document.positionAt(f.end);
        const severity = { error: 'error', warning: 'warning', info: 'info' }[f.severity];
        return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${severity} [${f.rule}] ${findingMessage(f, locale)}`;
      });
      assert.deepStrictEqual(sorted(diagnostics).map(summarize).sort(), core.sort());
      const s = await waitForStructure(document);
      assert.strictEqual(s.script, expected.script);
      assert.strictEqual(s.count.total, expected.total);
    });
  }
});
