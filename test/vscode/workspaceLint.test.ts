/// <reference types="mocha" />
// 检查工作区中的全部讲稿: the drafts that are not open go into the Problems panel with the same
// findings an open draft gets; opening one hands it over to the live diagnostics (no duplicates).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { WorkspaceLintResult } from '../../client/src/workspaceLint';
import { api, closeAllEditors, codeOf, setWorkspaceSetting, waitForDiagnostics, workspaceFolder } from './helpers';

suite('workspace lint', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(closeAllEditors);

  test('lints every .speech file that is not open into the Problems panel; an opened one is not listed twice', async () => {
    const { workspaceLint } = await api();
    await closeAllEditors();
    const problems = vscode.Uri.joinPath(workspaceFolder(), 'problems.speech');
    const traditional = vscode.Uri.joinPath(workspaceFolder(), 'traditional.speech');
    const notes = vscode.Uri.joinPath(workspaceFolder(), 'notes.md');
    const result = await vscode.commands.executeCommand<WorkspaceLintResult>('speechDraft.lintWorkspace');
    assert.ok(result && result.files >= 3, JSON.stringify(result));
    assert.deepStrictEqual(result.skipped, []);
    const listed = workspaceLint.collection.get(problems) ?? [];
    assert.strictEqual(listed.length, 10);
    assert.ok(listed.some((d) => codeOf(d) === 'heading-sequence' && d.severity === vscode.DiagnosticSeverity.Error));
    assert.strictEqual(workspaceLint.collection.get(traditional)?.length, 6);
    // Markdown only when it is opted in.
    assert.strictEqual(workspaceLint.collection.has(notes), false);
    // Everything the Problems panel shows for the file (the panel reads the same diagnostics).
    assert.strictEqual(vscode.languages.getDiagnostics(problems).length, 10);

    // Opened: the live diagnostics take over, the workspace entry goes.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(problems));
    const live = await waitForDiagnostics(problems, (d) => d.length === 10 && !workspaceLint.collection.has(problems));
    assert.strictEqual(live.length, 10);
    assert.strictEqual(workspaceLint.collection.has(problems), false);
  });

  test('with Markdown opted in, Markdown files are linted too', async () => {
    const { workspaceLint } = await api();
    const notes = vscode.Uri.joinPath(workspaceFolder(), 'notes.md');
    await setWorkspaceSetting('speechDraft', 'additionalLanguages', ['markdown']);
    try {
      const result = await vscode.commands.executeCommand<WorkspaceLintResult>('speechDraft.lintWorkspace');
      assert.ok(result);
      assert.deepStrictEqual(workspaceLint.collection.get(notes)?.map(codeOf), ['punctuation-width']);
    } finally {
      await setWorkspaceSetting('speechDraft', 'additionalLanguages', undefined);
    }
  });
});
