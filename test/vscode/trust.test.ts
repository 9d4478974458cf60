/// <reference types="mocha" />
// Workspace trust. The VS Code server runner opens the workspace in Restricted Mode, as VS Code does
// with a folder the user has not trusted yet (unless it runs with --trusted); @vscode/test-electron
// always runs trusted. The extension declares capabilities.untrustedWorkspaces.supported = true, so
// everything must work in Restricted Mode: this file checks the mode and that linting happens.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, closeAllEditors, codeOf, expectedTrust, openScratch, runner, waitForStructure } from './helpers';

suite('workspace trust', () => {
  teardown(closeAllEditors);

  test('the extension declares full support for untrusted workspaces', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    assert.deepStrictEqual(ext.packageJSON.capabilities?.untrustedWorkspaces, { supported: true });
  });

  test(`the workspace is ${expectedTrust ?? '(trust not announced by the runner)'} as the runner (${runner}) opened it`, function () {
    if (expectedTrust === undefined) return this.skip();
    assert.strictEqual(vscode.workspace.isTrusted, expectedTrust === 'trusted');
    if (runner === 'vscode-electron') assert.strictEqual(vscode.workspace.isTrusted, true, '@vscode/test-electron runs with --disable-workspace-trust');
  });

  test('drafts are linted, with their structure and status bar, whatever the trust', async () => {
    const { statusBar } = await api();
    const { document, diagnostics } = await openScratch('problems.speech', { diagnostics: true });
    assert.strictEqual(diagnostics.length, 10);
    assert.ok(diagnostics.some((d) => codeOf(d) === 'heading-sequence'));
    await waitForStructure(document);
    assert.strictEqual(statusBar.text, '字数 233 / 5,000 · 综合');
    console.log(`[trust] isTrusted=${vscode.workspace.isTrusted}: ${diagnostics.length} diagnostics`);
  });
});
