/// <reference types="mocha" />
// Quick fixes and fix-all: the code actions offered, and the exact text after applying them —
// through the code action provider, the editor's code action command and codeActionsOnSave.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, applyEdit, closeAllEditors, codeOf, openScratch, setWorkspaceSetting, summarize, waitForDiagnostics, waitForText } from './helpers';

const FIX_ALL = 'source.fixAll.speech-lint';

/** problems.speech with every auto-fixable problem fixed (what `speech-lint --fix` writes). */
const FIXED = [
  '在全市作风建设推进会上的讲话',
  '',
  '同志们：',
  '今天召开会议，主要是部署工作。下面，我讲三点意见。',
  '一、统一思想，提高认识',
  '今年以来，全市上下做了大量工作。一是加强学习。二是深入调研。三是狠抓落实。',
  '二、突出重点',
  '（一）抓好学习',
  '1.加强理论学习',
  '要组织XX同志参加培训，并且严格考核。',
  '（二）抓好落实',
  '要加强督查。要重点抓好以下三个方面：一是明确责任。二是细化措施。',
  '三、加强领导',
  '（一）强化督查',
  '各级领导要带头。',
  '四、严格考核',
  '年底要考核。',
  '',
].join('\n');

/** What fix-all cannot fix: the announced counts and the placeholder are the drafter's to decide. */
const LEFT_AFTER_FIX_ALL = [
  '4:20-4:23 warning [announced-count] 预告“三点意见”，其后有四个一级标题',
  '10:4-10:6 warning [placeholder] 占位符“XX”尚未填写，定稿前应替换为实际内容',
  '12:12-12:18 warning [announced-count] 预告“三个方面”，其后的列举只有两项（一是…二是）',
];

type Action = vscode.CodeAction | vscode.Command;
const isCodeAction = (a: Action): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string');

/**
 * The code actions at the range, as the editor would get them. VS Code cancels a code action
 * request when the set of code action providers for the document changes while it runs (an
 * extension activating meanwhile; `getCodeActions` listens to the registry) and then returns an
 * empty list: an empty answer is asked again once. A genuinely empty answer stays empty.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string, resolve = 0): Promise<vscode.CodeAction[]> {
  let actions: Action[] = [];
  for (let attempt = 0; attempt < 2 && actions.length === 0; attempt++) {
    // `resolve`: the edits of the first N actions are resolved (codeAction/resolve), as when picked.
    actions = (await vscode.commands.executeCommand<Action[]>('vscode.executeCodeActionProvider', uri, range, kind, resolve)) ?? [];
  }
  return actions.filter(isCodeAction);
}

const sortedSummary = (d: vscode.Diagnostic[]) => [...d].sort((a, b) => a.range.start.compareTo(b.range.start)).map(summarize);

suite('code actions', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(async () => {
    await setWorkspaceSetting('editor', 'codeActionsOnSave', undefined, 'speech');
    await vscode.workspace.saveAll(false);
    await closeAllEditors();
  });

  test('quick fix for a half-width comma replaces exactly that comma', async () => {
    const { uri, document, diagnostics } = await openScratch('problems.speech', { diagnostics: true });
    const comma = diagnostics.find((d) => codeOf(d) === 'punctuation-width');
    assert.ok(comma);
    const actions = await codeActions(uri, comma.range);
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.kind?.value, !!a.isPreferred]),
      [
        ['修复：半角逗号“,”夹在中文之间，应改为全角“，”', 'quickfix', true],
        ['在此行禁用 punctuation-width', 'quickfix', false],
        ['在此文件中禁用 punctuation-width', 'quickfix', false],
        // The comma sits on a heading line: renumbering is offered as a refactoring.
        ['重新编号整个提纲', 'refactor.rewrite', false],
        // Six other rules have fixable findings here: fix them all from the same menu.
        ['修复所有可自动修复的问题（speech-lint）', 'quickfix', false],
      ],
    );
    // (vscode.executeCodeActionProvider does not carry the actions' `diagnostics` over.)
    const before = document.getText();
    await applyEdit(actions[0].edit);
    assert.strictEqual(document.lineAt(5).text, '一、统一思想，提高认识');
    assert.strictEqual(document.getText(), before.replace('一、统一思想,提高认识', '一、统一思想，提高认识'));
    const after = await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'punctuation-width'));
    assert.strictEqual(after.length, diagnostics.length - 1);
  });

  test('quick fixes for a traditional character, a stray space and a misnumbered heading', async () => {
    const { uri, document, diagnostics } = await openScratch('problems.speech', { diagnostics: true });
    const fix = async (rule: string) => {
      const d = vscode.languages.getDiagnostics(uri).find((x) => codeOf(x) === rule);
      assert.ok(d, `no ${rule} diagnostic`);
      const action = (await codeActions(uri, d.range)).find((a) => a.kind?.value === 'quickfix' && a.isPreferred);
      assert.ok(action, `no preferred quick fix for ${rule}`);
      await applyEdit(action.edit);
      await waitForDiagnostics(uri, (all) => !all.some((x) => codeOf(x) === rule), undefined, `${rule} fixed`);
    };
    await fix('mixed-script');
    assert.strictEqual(document.lineAt(10).text, '要组织XX同志参加培训，并且严格考核。');
    await fix('cjk-space');
    assert.strictEqual(document.lineAt(12).text, '要加强督查。要重点抓好以下三个方面：一是明确责任。二是细化措施。');
    await fix('heading-sequence');
    assert.strictEqual(document.lineAt(11).text, '（二）抓好落实');
    assert.strictEqual(vscode.languages.getDiagnostics(uri).length, diagnostics.length - 3);
  });

  test('“在此行禁用” inserts a directive above the line and the finding goes away', async () => {
    const { uri, document, diagnostics } = await openScratch('problems.speech', { diagnostics: true });
    const placeholder = diagnostics.find((d) => codeOf(d) === 'placeholder');
    assert.ok(placeholder);
    const actions = await codeActions(uri, placeholder.range);
    // A placeholder has no automatic fix: the drafter must fill it in.
    assert.deepStrictEqual(actions.map((a) => a.title), ['在此行禁用 placeholder', '在此文件中禁用 placeholder', '修复所有可自动修复的问题（speech-lint）']);
    await applyEdit(actions[0].edit);
    assert.strictEqual(document.lineAt(10).text, '<!-- speech-lint-disable-next-line placeholder -->');
    assert.strictEqual(document.lineAt(11).text, '要组织XX同志参加培训，並且严格考核。');
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'placeholder'));
  });

  test('“修复全部 <rule> 问题” fixes every finding of that rule and nothing else (its edit resolved when picked)', async () => {
    const text = '一、统一思想,提高认识\n今年以来,全市上下做了大量工作。要 加强督查。\n';
    const { uri, document } = await openScratch('commas.speech', { text, diagnostics: true });
    const commas = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'punctuation-width');
    assert.strictEqual(commas.length, 2);
    const unresolved = await codeActions(uri, commas[1].range);
    const index = unresolved.findIndex((a) => a.title === '修复全部 punctuation-width 问题（2 处）');
    assert.ok(index >= 0, unresolved.map((a) => a.title).join(' | '));
    // Resolved as VS Code does when the action is picked.
    const action = (await codeActions(uri, commas[1].range, undefined, index + 1))[index];
    assert.strictEqual(action.kind?.value, 'quickfix');
    await applyEdit(action.edit);
    assert.strictEqual(document.getText(), '一、统一思想，提高认识\n今年以来，全市上下做了大量工作。要 加强督查。\n');
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'punctuation-width') && d.some((x) => codeOf(x) === 'cjk-space'));
  });

  test('“在此文件中禁用” puts a directive at the top and the rule is silent in the whole file', async () => {
    const { uri, document, diagnostics } = await openScratch('problems.speech', { diagnostics: true });
    const boilerplate = diagnostics.find((d) => codeOf(d) === 'scrape-boilerplate');
    assert.ok(boilerplate);
    const action = (await codeActions(uri, boilerplate.range)).find((a) => a.title === '在此文件中禁用 scrape-boilerplate');
    assert.ok(action);
    await applyEdit(action.edit);
    assert.strictEqual(document.lineAt(0).text, '<!-- speech-lint-disable scrape-boilerplate -->');
    assert.strictEqual(document.lineAt(1).text, '在全市作风建设推进会上的讲话');
    const after = await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'scrape-boilerplate'));
    assert.strictEqual(after.length, diagnostics.length - 1);
  });

  test(`fix-all (${FIX_ALL}) from the code action provider, filtered by kind`, async () => {
    const { uri, document } = await openScratch('problems.speech', { diagnostics: true });
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    // Not offered unless source actions are asked for.
    assert.deepStrictEqual((await codeActions(uri, whole)).filter((a) => a.kind?.value === FIX_ALL), []);
    const actions = await codeActions(uri, whole, FIX_ALL);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind?.value]), [['修复所有可自动修复的问题（speech-lint）', FIX_ALL]]);
    // The parent kind matches too (editor.codeActionsOnSave: { "source.fixAll": … }).
    assert.deepStrictEqual((await codeActions(uri, whole, 'source.fixAll')).map((a) => a.kind?.value), [FIX_ALL]);
    await applyEdit(actions[0].edit);
    assert.strictEqual(document.getText(), FIXED);
    const left = await waitForDiagnostics(uri, (d) => d.length === LEFT_AFTER_FIX_ALL.length);
    assert.deepStrictEqual(sortedSummary(left), LEFT_AFTER_FIX_ALL);
    // Nothing left to fix: no fix-all action any more.
    assert.deepStrictEqual(await codeActions(uri, whole, FIX_ALL), []);
  });

  test('fix-all through the editor command editor.action.codeAction { kind, apply: first }', async () => {
    const { document } = await openScratch('problems.speech', { diagnostics: true });
    const changed = waitForText(document, (text) => text === FIXED, 'the text after fix-all');
    await vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL, apply: 'first' });
    assert.strictEqual(await changed, FIXED);
  });

  test('fix-all on save (editor.codeActionsOnSave for [speech])', async () => {
    await setWorkspaceSetting('editor', 'codeActionsOnSave', { [FIX_ALL]: 'explicit' }, 'speech');
    const { uri, document, editor } = await openScratch('problems.speech', { diagnostics: true });
    // Saving runs the participants only for a changed document.
    const end = document.lineAt(document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '谢谢大家！\n')));
    assert.ok(await document.save(), 'save failed');
    assert.strictEqual(document.getText(), `${FIXED}谢谢大家！\n`);
    assert.strictEqual(document.isDirty, false);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.strictEqual(onDisk, `${FIXED}谢谢大家！\n`);
    const left = await waitForDiagnostics(uri, (d) => d.length === LEFT_AFTER_FIX_ALL.length);
    assert.deepStrictEqual(sortedSummary(left), LEFT_AFTER_FIX_ALL);
  });
});
