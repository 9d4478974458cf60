/// <reference types="mocha" />
// Runs inside the VS Code extension host (see test/vscode/index.ts); Mocha TDD interface.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'speech-draft.speech-draft';

suite('smoke', () => {
  test('runs inside VS Code', () => {
    assert.strictEqual(typeof vscode.version, 'string');
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    console.log(
      `[smoke] VS Code ${vscode.version}, uiKind=${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, ` +
        `remote=${vscode.env.remoteName ?? 'none'}, trusted=${vscode.workspace.isTrusted}`,
    );
  });

  test(`extension ${EXTENSION_ID} is loaded`, () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`);
    assert.ok(vscode.extensions.all.some((e) => e.id === EXTENSION_ID));
    assert.strictEqual(ext.packageJSON.publisher, 'speech-draft');
  });

  test('a workspace folder is open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'expected exactly one workspace folder');
    assert.strictEqual(folders[0].uri.scheme, 'file');
  });
});
