/// <reference types="mocha" />
// Root hooks of the extension-host suite (this file sorts first; its hooks apply to every suite).
import * as vscode from 'vscode';
import { entry, expectedTrust, runner } from './helpers';

suiteSetup(async function () {
  this.timeout(60_000);
  // The extension under test: its entry module only (00-activation.test.ts checks that nothing more
  // loads before a draft is open; every other suite loads the rest with api()).
  await entry();
  // Built-in extensions that activate on their own a few seconds after startup register providers
  // then; VS Code cancels a code action request running at that moment (see codeActions.test.ts).
  // Activate them now, before any test runs.
  const startup = vscode.extensions.all.filter(
    (e) => !e.isActive && ((e.packageJSON.activationEvents as string[] | undefined) ?? []).some((a) => a === '*' || a === 'onStartupFinished'),
  );
  await Promise.all(startup.map((e) => Promise.resolve(e.activate()).catch(() => undefined)));
  console.log(
    `[suite] VS Code ${vscode.version} (${runner}, workspace ${vscode.workspace.isTrusted ? 'trusted' : 'untrusted'}, runner says ${expectedTrust ?? '?'}); ` +
      `activated up front: ${startup.map((e) => e.id).join(', ') || 'none'}`,
  );
});
