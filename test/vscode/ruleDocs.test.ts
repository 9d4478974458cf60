/// <reference types="mocha" />
// Rule pages open rendered: a diagnostic's rule link (its code's target) is the extension's own URI,
// and opening it — as the hover and the Problems panel do — shows the bundled page in the Markdown
// preview, in Restricted Mode and remote alike. (The UI check clicks the real link.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, openScratch, waitFor } from './helpers';

/** The Markdown preview tab showing `page` (e.g. `heading-sequence.md`), once there is one. */
function previewOf(page: string): Promise<vscode.Tab> {
  return waitFor(
    vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>,
    () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview') && t.label.includes(page)),
    `a Markdown preview of ${page}`,
    20_000,
    () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} (${t.input instanceof vscode.TabInputWebview ? t.input.viewType : typeof t.input})`),
  );
}

suite('rule pages', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(closeAllEditors);

  test('a diagnostic’s rule link opens the page rendered, beside the draft', async () => {
    const { diagnostics, editor } = await openScratch('problems.speech', { diagnostics: true });
    const d = diagnostics.find((x) => codeOf(x) === 'heading-sequence');
    assert.ok(d && typeof d.code === 'object');
    const preview = previewOf('heading-sequence.md');
    await vscode.commands.executeCommand('vscode.open', d.code.target);
    const tab = await preview;
    // Beside the draft, which stays open.
    assert.notStrictEqual(tab.group.viewColumn, editor.viewColumn);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === editor.document));
  });

  test('查看规则说明 with a rule id opens its page; an unknown id opens nothing', async () => {
    const preview = previewOf('placeholder.md');
    const page = await vscode.commands.executeCommand<vscode.Uri>('speechDraft.openRuleDocs', 'placeholder');
    assert.ok(page?.path.endsWith('/docs/rules/placeholder.md'));
    await preview;
    assert.strictEqual(await vscode.commands.executeCommand('speechDraft.openRuleDocs', '../package'), undefined);
  });
});
