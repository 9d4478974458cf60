/// <reference types="mocha" />
// Typing prose in a draft: no word suggestions pop up, Enter starts a new paragraph. VS Code's
// effective settings for the `speech` language, the completion list in the middle of a paragraph,
// and typing a paragraph and Enter with the editor's own `type` command. (The UI check types with the
// real keyboard, with the suggest widget open.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, openScratch, waitForText } from './helpers';

suite('typing prose', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(closeAllEditors);

  test('for speech drafts: no word-based or quick suggestions, Enter never accepts one', () => {
    const editor = vscode.workspace.getConfiguration('editor', { languageId: 'speech' });
    assert.strictEqual(editor.get('wordBasedSuggestions'), 'off');
    assert.deepStrictEqual(editor.get('quickSuggestions'), { other: 'off', comments: 'off', strings: 'off' });
    assert.strictEqual(editor.get('acceptSuggestionOnEnter'), 'off');
    // The heading markers still come on their trigger characters.
    assert.strictEqual(editor.get('suggestOnTriggerCharacters'), true);
    // Markdown and other languages keep their own.
    assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('acceptSuggestionOnEnter'), 'on');
  });

  test('in the middle of a paragraph nothing is proposed (no 各乡镇党委 after 各乡镇)', async () => {
    const text = '一、抓好落实\n各乡镇党委要高度重视。各乡镇要举一反三。\n各乡镇\n';
    const { uri } = await openScratch('typing.speech', { text });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(2, 3));
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    assert.deepStrictEqual(list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet).map(label), []);
  });

  test('typing a paragraph and Enter inserts a line break', async () => {
    const { document, editor } = await openScratch('typing.speech', { text: '一、抓好落实\n各乡镇党委要高度重视。\n' });
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await vscode.commands.executeCommand('type', { text: '各乡镇' });
    await vscode.commands.executeCommand('type', { text: '\n' });
    await vscode.commands.executeCommand('type', { text: '要举一反三。' });
    await waitForText(document, (t) => t.endsWith('各乡镇\n要举一反三。'), 'the typed paragraphs');
    assert.strictEqual(document.getText(), '一、抓好落实\n各乡镇党委要高度重视。\n各乡镇\n要举一反三。');
  });
});
