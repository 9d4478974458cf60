/// <reference types="mocha" />
// 导出为 Word（公文格式） and 从 Word 导入 in a real VS Code: the files they write next to the draft,
// what they open, and that nothing existing is replaced unless the caller says so.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { importDocx } from '../../server/src/docx/import';
import { api, closeAllEditors, openScratch, scratchFile, waitForDiagnostics } from './helpers';

const DRAFT = ['关于做好工作的讲话', '', '同志们：', '一、总体要求', '（一）抓学习。要读原文。', '（三）抓落实', ''].join('\n');

async function read(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

suite('Word export and import', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(async () => {
    await vscode.workspace.saveAll(false);
    await closeAllEditors();
  });

  test('导出为 Word writes draft.docx next to the draft, with the text and outline of the editor', async () => {
    const { uri, editor } = await openScratch('word.speech', { text: DRAFT, diagnostics: true });
    // The unsaved state of the editor is what gets exported.
    await editor.edit((e) => e.insert(new vscode.Position(6, 0), '谢谢大家！'));
    const target = await vscode.commands.executeCommand<vscode.Uri | undefined>('speechDraft.exportDocx');
    assert.ok(target);
    assert.strictEqual(target.path, uri.path.replace(/\.speech$/, '.docx'));
    assert.strictEqual(importDocx(await read(target)).text, '关于做好工作的讲话\n同志们：\n一、总体要求\n（一）抓学习。要读原文。\n（三）抓落实\n谢谢大家！');
  });

  test('导出为 Word does not replace an existing .docx unless told to', async () => {
    const { uri } = await openScratch('word.speech', { text: DRAFT, diagnostics: true });
    const target = uri.with({ path: uri.path.replace(/\.speech$/, '.docx') });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('not mine to replace'));
    assert.strictEqual(await vscode.commands.executeCommand('speechDraft.exportDocx', uri, { overwrite: false }), undefined);
    assert.strictEqual(new TextDecoder().decode(await read(target)), 'not mine to replace');
    const written = await vscode.commands.executeCommand<vscode.Uri>('speechDraft.exportDocx', uri, { overwrite: true });
    assert.strictEqual(written?.toString(), target.toString());
    assert.strictEqual(importDocx(await read(target)).paragraphs.length, 5);
  });

  test('从 Word 导入 writes draft.speech next to the .docx and opens it, linted', async () => {
    const { uri } = await openScratch('source.speech', { text: DRAFT, diagnostics: true });
    const docx = await vscode.commands.executeCommand<vscode.Uri>('speechDraft.exportDocx', uri);
    assert.ok(docx);
    // A .docx with no draft beside it: rename away the source.
    const word = vscode.Uri.joinPath(docx, '..', 'from-word.docx');
    await vscode.workspace.fs.rename(docx, word, { overwrite: true });
    const imported = await vscode.commands.executeCommand<vscode.Uri | undefined>('speechDraft.importDocx', word);
    assert.ok(imported);
    assert.strictEqual(imported.path, word.path.replace(/\.docx$/, '.speech'));
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), imported.toString());
    assert.strictEqual(editor.document.languageId, 'speech');
    assert.strictEqual(editor.document.getText(), '关于做好工作的讲话\n同志们：\n一、总体要求\n（一）抓学习。要读原文。\n（三）抓落实\n');
    const diagnostics = await waitForDiagnostics(imported, (d) => d.some((x) => x.message.includes('（二）')));
    assert.ok(diagnostics.some((d) => d.range.start.line === 4), 'the numbering gap on line 5');
  });

  test('从 Word 导入 does not replace an existing .speech unless told to, and refuses a file that is not Word', async () => {
    const { uri } = await openScratch('keep.speech', { text: DRAFT, diagnostics: true });
    const docx = await vscode.commands.executeCommand<vscode.Uri>('speechDraft.exportDocx', uri);
    assert.ok(docx);
    await closeAllEditors();
    assert.strictEqual(await vscode.commands.executeCommand('speechDraft.importDocx', docx, { overwrite: false }), undefined);
    assert.strictEqual(new TextDecoder().decode(await read(uri)), DRAFT, 'the draft beside it is left alone');
    const fake = await scratchFile('fake.docx', '这不是 Word 文档');
    assert.strictEqual(await vscode.commands.executeCommand('speechDraft.importDocx', fake, { overwrite: true }), undefined);
    const fakeDraft = fake.with({ path: fake.path.replace(/\.docx$/, '.speech') });
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(fakeDraft)), 'nothing written for it');
  });
});
