/// <reference types="mocha" />
// Activation (runs first: nothing has loaded the extension's main part yet). A Markdown file that is
// not opted in activates only the small entry module — no language server, no views; a command of
// the extension loads the rest without starting the server; a .speech draft starts the server.
// The times go to the log ([activation] lines).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { entry, scratchFile, waitForDiagnostics } from './helpers';

suite('activation', () => {
  test('a Markdown file that is not opted in loads nothing but the entry module', async () => {
    const e = await entry();
    assert.strictEqual(e.loaded, false, 'the main part was loaded before any draft was open');
    const document = await vscode.workspace.openTextDocument(await scratchFile('notes.md'));
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'markdown');
    // onDidOpenTextDocument has run (it fires before openTextDocument resolves): still nothing loaded.
    assert.strictEqual(e.loaded, false);
    assert.ok(e.activationMs < 50, `the entry module took ${e.activationMs} ms`);
    console.log(`[activation] entry module activate(): ${e.activationMs} ms; after opening notes.md: main part loaded = ${e.loaded}`);
  });

  test('a command run before any draft is open loads the rest, but starts no server', async () => {
    const e = await entry();
    // 显示字数统计 on the Markdown file: "open a draft first", nothing else.
    assert.deepStrictEqual(await vscode.commands.executeCommand('speechDraft.showCount'), []);
    assert.strictEqual(e.loaded, true);
    const api = await e.api();
    assert.strictEqual(api.client(), undefined, 'a language server started for a Markdown file');
    console.log(`[activation] main part loaded in ${api.timings.loadMs} ms`);
  });

  test('a .speech draft starts the language server', async () => {
    const e = await entry();
    const uri = await scratchFile('problems.speech');
    const started = Date.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostics(uri);
    const api = await e.api();
    assert.ok(api.client()?.isRunning());
    assert.ok(api.timings.serverStartMs !== undefined);
    console.log(`[activation] language server started in ${api.timings.serverStartMs} ms; first diagnostics ${Date.now() - started} ms after opening the draft`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
