/// <reference types="mocha" />
// Settings re-lint open drafts: a rule turned off or up in the workspace settings, a
// .speechlintrc.json beside the draft, the kind; and Markdown is linted only once it is opted in
// with speechDraft.additionalLanguages (the language client restarts with the new selector).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, openScratch, scratchFile, setWorkspaceSetting, summarize, waitForDiagnostics, waitForStructure } from './helpers';

suite('settings', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(async () => {
    await setWorkspaceSetting('speechDraft', 'rules', undefined);
    await setWorkspaceSetting('speechDraft', 'kind', undefined);
    await setWorkspaceSetting('speechDraft', 'additionalLanguages', undefined);
    await closeAllEditors();
  });

  test('turning a rule off in the workspace settings removes its diagnostics; turning it back on restores them', async () => {
    const { uri, diagnostics } = await openScratch('problems.speech', { diagnostics: true });
    assert.strictEqual(diagnostics.filter((d) => codeOf(d) === 'placeholder').length, 1);
    await setWorkspaceSetting('speechDraft', 'rules', { placeholder: 'off' });
    const without = await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'placeholder'), undefined, 'placeholder off');
    assert.deepStrictEqual(without.map(summarize).sort(), diagnostics.filter((d) => codeOf(d) !== 'placeholder').map(summarize).sort());
    await setWorkspaceSetting('speechDraft', 'rules', undefined);
    const back = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'placeholder'), undefined, 'placeholder back');
    assert.deepStrictEqual(back.map(summarize).sort(), diagnostics.map(summarize).sort());
  });

  test('raising a rule to error changes the severity in place', async () => {
    const { uri } = await openScratch('problems.speech', { diagnostics: true });
    await setWorkspaceSetting('speechDraft', 'rules', { 'cjk-space': 'error', 'scrape-boilerplate': { severity: 'info' } });
    const after = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'cjk-space' && x.severity === vscode.DiagnosticSeverity.Error), undefined, 'cjk-space as error');
    assert.deepStrictEqual(
      after.filter((d) => ['cjk-space', 'scrape-boilerplate'].includes(codeOf(d)!)).map(summarize).sort(),
      ['13:2-13:3 error [cjk-space] 中文之间有多余的空格，应删除', '2:1-2:33 info [scrape-boilerplate] 网页残留：网站编辑的引导语（“下面是小编为大家整理的……供大家参考”），不属于讲稿正文，应删除整行'],
    );
  });

  test('speechDraft.kind = single: the status bar limit becomes 3,000', async () => {
    const { statusBar } = await api();
    const { document } = await openScratch('problems.speech', { diagnostics: true });
    await waitForStructure(document);
    assert.strictEqual(statusBar.text, '字数 233 / 5,000 · 综合');
    await setWorkspaceSetting('speechDraft', 'kind', 'single');
    await waitForStructure(document, (s) => s.kind === 'single', 'kind single from the settings');
    assert.strictEqual(statusBar.text, '字数 233 / 3,000 · 单项');
  });

  test('a .speechlintrc.json beside the draft wins over the settings and is picked up when it changes', async () => {
    // In a folder of its own (the config file applies to everything below it).
    const draft = await scratchFile('problems.speech');
    const folder = vscode.Uri.joinPath(draft, '..', 'with-config');
    const inFolder = vscode.Uri.joinPath(folder, 'draft.speech');
    await vscode.workspace.fs.copy(draft, inFolder, { overwrite: true });
    const config = vscode.Uri.joinPath(folder, '.speechlintrc.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(JSON.stringify({ rules: { placeholder: 'error', 'mixed-script': 'off' } })));
    await setWorkspaceSetting('speechDraft', 'rules', { placeholder: 'off' });
    const document = await vscode.workspace.openTextDocument(inFolder);
    await vscode.window.showTextDocument(document);
    const d = await waitForDiagnostics(inFolder, (x) => x.some((y) => codeOf(y) === 'placeholder'));
    assert.deepStrictEqual(d.filter((x) => codeOf(x) === 'placeholder').map(summarize), ['11:4-11:6 error [placeholder] 占位符“XX”尚未填写，定稿前应替换为实际内容']);
    assert.deepStrictEqual(d.filter((x) => codeOf(x) === 'mixed-script'), []);
    // Editing the file: the client's file watcher tells the server, which re-lints.
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(JSON.stringify({ rules: { placeholder: 'info' } })));
    const after = await waitForDiagnostics(inFolder, (x) => x.some((y) => codeOf(y) === 'placeholder' && y.severity === vscode.DiagnosticSeverity.Information), 15_000, 'placeholder as info');
    assert.strictEqual(after.filter((x) => codeOf(x) === 'mixed-script').length, 1);
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  test('a broken .speechlintrc.json: the status bar carries the problem while it lasts (shown as a notification once)', async () => {
    const { statusBar } = await api();
    const draft = await scratchFile('problems.speech');
    const folder = vscode.Uri.joinPath(draft, '..', 'broken-config');
    const inFolder = vscode.Uri.joinPath(folder, 'draft.speech');
    await vscode.workspace.fs.copy(draft, inFolder, { overwrite: true });
    const config = vscode.Uri.joinPath(folder, '.speechlintrc.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "cjk-space": "of" } }'));
    const document = await vscode.workspace.openTextDocument(inFolder);
    await vscode.window.showTextDocument(document);
    await waitForStructure(document, (s) => s.settingsProblems.length === 1, 'the settings problem');
    assert.strictEqual(statusBar.text, '$(warning) 字数 233 / 5,000 · 综合');
    const tooltip = statusBar.tooltip instanceof vscode.MarkdownString ? statusBar.tooltip.value : String(statusBar.tooltip);
    assert.match(tooltip, /\$\(warning\) .*rules\.cjk-space: 应为 "off"、"info"、"warning"、"error" 之一/);
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "cjk-space": "off" } }'));
    await waitForStructure(document, (s) => s.settingsProblems.length === 0, 'no settings problem', 15_000);
    assert.strictEqual(statusBar.text, '字数 233 / 5,000 · 综合');
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder, { recursive: true });
  });

  test('Markdown: no diagnostics until speechDraft.additionalLanguages includes markdown, then it is linted', async () => {
    const { uri, document } = await openScratch('notes.md');
    assert.strictEqual(document.languageId, 'markdown');
    const before = (await api()).client();
    assert.ok(!before || vscode.languages.match(before.clientOptions.documentSelector as vscode.DocumentSelector, document) === 0, 'markdown is in the selector');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri), []);

    await setWorkspaceSetting('speechDraft', 'additionalLanguages', ['markdown']);
    const diagnostics = await waitForDiagnostics(uri, undefined, 20_000);
    assert.deepStrictEqual(diagnostics.map(summarize), ['3:7-3:8 warning [punctuation-width] 半角逗号“,”夹在中文之间，应改为全角“，”']);
    const client = (await api()).client();
    assert.ok(client && vscode.languages.match(client.clientOptions.documentSelector as vscode.DocumentSelector, document) > 0);
    // The Markdown file stays Markdown (its own grammar, preview …).
    assert.strictEqual(document.languageId, 'markdown');

    await setWorkspaceSetting('speechDraft', 'additionalLanguages', undefined);
    await waitForDiagnostics(uri, (d) => d.length === 0, 20_000, 'the markdown diagnostics gone');
    // .speech drafts are linted again by the restarted client.
    const { uri: speech } = await openScratch('problems.speech');
    await waitForDiagnostics(speech, undefined, 20_000);
  });
});
