/// <reference types="mocha" />
// Every command of the extension, run as a user would (on the active editor), with the exact text
// it leaves behind: 转换为简体 / 转换为繁体 (document, selection, several selections), 重新编号,
// 插入章节… (template picked by argument instead of the QuickPick), 显示字数统计 (section picked by
// argument), 将此文件作为讲稿检查 on a Markdown file, and revealing a heading.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, openScratch, select, summarize, waitFor, waitForDiagnostics, waitForStructure } from './helpers';

const lines = (...l: string[]) => l.join('\n');

suite('commands', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(async () => {
    await vscode.workspace.saveAll(false);
    await closeAllEditors();
  });

  test('转换为简体 on a traditional draft converts the whole document', async () => {
    const { document } = await openScratch('traditional.speech', { diagnostics: true });
    await vscode.commands.executeCommand('speechDraft.convertToSimplified');
    assert.strictEqual(
      document.getText(),
      lines(
        '在全县安全生产工作会议上的讲话',
        '',
        '同志们：',
        '今天召开会议，主要是部署今年的安全生产工作。下面，我讲三点意见。',
        '一、提高认识',
        '安全生产事关人民群众生命财产安全,责任重于泰山。',
        '二、突出重点',
        '（一）抓好道路交通安全',
        '要加强对重点路段的管理。',
        '（三）抓好消防安全',
        '要 开展消防检查，并做好XX工作。',
        '三、压实责任',
        '要落实各级领导干部的责任。',
        '',
      ),
    );
    // Now a simplified draft: 于 and 干 are right, and the status bar says so.
    const s = await waitForStructure(document, (x) => x.script === 'simplified', 'the simplified script');
    assert.strictEqual(s.count.total, 152);
  });

  test('转换为繁体 on the whole document', async () => {
    const { document } = await openScratch('problems.speech', { diagnostics: true });
    await vscode.commands.executeCommand('speechDraft.convertToTraditional');
    assert.strictEqual(
      document.getText(),
      lines(
        '在全市作風建設推進會上的講話',
        '下面是小編為大家整理的在全市作風建設推進會上的講話，供大家參考。',
        '',
        '同志們：',
        '今天召開會議，主要是部署工作。下面，我講三點意見。',
        '一、統一思想,提高認識',
        '今年以來，全市上下做了大量工作。一是加強學習。二是深入調研。四是狠抓落實。',
        '二、突出重點',
        '（一）抓好學習',
        '1.加強理論學習',
        '要組織XX同志參加培訓，並且嚴格考核。',
        '（三）抓好落實',
        '要 加強督查。要重點抓好以下三個方面：一是明確責任。二是細化措施。',
        '三、加強領導',
        '（一）、強化督查',
        '各級領導要帶頭。',
        '四、嚴格考核',
        '年底要考核。',
        '',
      ),
    );
    // 並 was a mixed-script finding in the simplified draft; in the traditional one it is right.
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'mixed-script'), undefined, 'no mixed-script finding');
  });

  test('转换为繁体 on a selection converts only the selection', async () => {
    const { document, editor } = await openScratch('problems.speech', { diagnostics: true });
    const before = document.getText();
    select(editor, 5, 0, 5, document.lineAt(5).text.length);
    await vscode.commands.executeCommand('speechDraft.convertToTraditional');
    assert.strictEqual(document.lineAt(5).text, '一、統一思想,提高認識');
    assert.strictEqual(document.getText(), before.replace('一、统一思想,提高认识', '一、統一思想,提高認識'));
  });

  test('转换为简体 on several selections converts each of them', async () => {
    const { document, editor } = await openScratch('traditional.speech', { diagnostics: true });
    const before = document.getText();
    // 二、突出重點 (whole line) and 壓實 in 三、壓實責任.
    editor.selections = [new vscode.Selection(6, 0, 6, 6), new vscode.Selection(11, 2, 11, 4)];
    await vscode.commands.executeCommand('speechDraft.convertToSimplified');
    assert.strictEqual(document.lineAt(6).text, '二、突出重点');
    assert.strictEqual(document.lineAt(11).text, '三、压实責任');
    assert.strictEqual(document.getText(), before.replace('二、突出重點', '二、突出重点').replace('三、壓實責任', '三、压实責任'));
  });

  test('重新编号 renumbers headings and enumerations, nothing else', async () => {
    const { document, uri } = await openScratch('problems.speech', { diagnostics: true });
    const before = document.getText();
    await vscode.commands.executeCommand('speechDraft.renumber');
    assert.strictEqual(document.getText(), before.replace('四是狠抓落实', '三是狠抓落实').replace('（三）抓好落实', '（二）抓好落实'));
    const after = await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'heading-sequence' || codeOf(x) === 'enumeration-sequence'));
    assert.strictEqual(after.length, 8);
  });

  test('插入章节… level1 on an empty line inserts the next 一级标题 (三、)', async () => {
    const { document, editor } = await openScratch('outline.speech');
    select(editor, 4, 0);
    assert.strictEqual(await vscode.commands.executeCommand('speechDraft.insertSection', 'level1'), true);
    assert.strictEqual(
      document.getText(),
      lines('一、总体要求', '坚持稳中求进工作总基调，统筹发展和安全。', '二、重点任务', '抓好项目建设，扩大有效投资。', '三、标题', '正文', ''),
    );
    // The snippet's first placeholder (标题) is selected, ready to be typed over.
    assert.strictEqual(document.getText(editor.selection), '标题');
  });

  test('插入章节… level2 on a text line inserts （一） at the end of its section', async () => {
    const { document, editor } = await openScratch('outline.speech');
    select(editor, 3, 2);
    assert.strictEqual(await vscode.commands.executeCommand('speechDraft.insertSection', { template: 'level2' }), true);
    assert.strictEqual(
      document.getText(),
      lines('一、总体要求', '坚持稳中求进工作总基调，统筹发展和安全。', '二、重点任务', '抓好项目建设，扩大有效投资。', '（一）标题', '正文', '', ''),
    );
  });

  test('插入章节… on a （一） heading: （二） after its body (not between heading and body), 四、 after 三、, both before the closing', async () => {
    const text = lines('三、加强领导', '（一）强化督查问责', '对工作不力的严肃追责。', '（二）压实责任', '要压实责任。', '同志们，让我们共同努力！', '谢谢大家！', '');
    const { document, editor } = await openScratch('sections.speech', { text });
    select(editor, 1, 3);
    assert.strictEqual(await vscode.commands.executeCommand('speechDraft.insertSection', 'level2'), true);
    assert.strictEqual(document.getText(), lines('三、加强领导', '（一）强化督查问责', '对工作不力的严肃追责。', '（二）标题', '正文', '（二）压实责任', '要压实责任。', '同志们，让我们共同努力！', '谢谢大家！', ''));
    assert.strictEqual(document.getText(editor.selection), '标题');
    // From the closing: a new 一级 section before it.
    select(editor, 8, 0);
    assert.strictEqual(await vscode.commands.executeCommand('speechDraft.insertSection', 'level1'), true);
    assert.strictEqual(
      document.getText(),
      lines('三、加强领导', '（一）强化督查问责', '对工作不力的严肃追责。', '（二）标题', '正文', '（二）压实责任', '要压实责任。', '四、标题', '正文', '同志们，让我们共同努力！', '谢谢大家！', ''),
    );
  });

  test('插入章节… section: 三、 with （一）（二）（三）', async () => {
    const { document, editor } = await openScratch('outline.speech');
    select(editor, 4, 0);
    assert.strictEqual(await vscode.commands.executeCommand('speechDraft.insertSection', 'section'), true);
    assert.strictEqual(
      document.getText(),
      lines(
        '一、总体要求',
        '坚持稳中求进工作总基调，统筹发展和安全。',
        '二、重点任务',
        '抓好项目建设，扩大有效投资。',
        '三、标题',
        '（一）小标题',
        '正文',
        '（二）小标题',
        '正文',
        '（三）小标题',
        '正文',
        '',
      ),
    );
    // An unknown template changes nothing.
    const before = document.getText();
    assert.strictEqual(await vscode.commands.executeCommand('speechDraft.insertSection', 'no-such-template'), false);
    assert.strictEqual(document.getText(), before);
  });

  test('显示字数统计 lists the totals and every section; picking one goes to its heading', async () => {
    const { document, editor } = await openScratch('problems.speech', { diagnostics: true });
    await waitForStructure(document);
    const items = await vscode.commands.executeCommand<vscode.QuickPickItem[]>('speechDraft.showCount', { section: '（三）抓好落实' });
    assert.deepStrictEqual(
      items.map((i) => (i.kind === vscode.QuickPickItemKind.Separator ? '---' : [i.label, i.description, ...(i.detail ? [i.detail] : [])])),
      [
        ['全文 233 字', '上限 5,000（综合） · 约 1 分钟', '还可写 4,767 字 · 10 个问题'],
        '---',
        ['开头', '75 字 · 32% $(warning) 预告“三点意见”，其后有四个一级标题'],
        ['一、统一思想,提高认识', '47 字 · 20% · 不到 1 分钟'],
        ['二、突出重点', '77 字 · 33% · 不到 1 分钟'],
        ['\u3000（一）抓好学习', '32 字 · 14% · 不到 1 分钟'],
        ['\u3000\u30001.加强理论学习', '25 字 · 11% · 不到 1 分钟'],
        ['\u3000（三）抓好落实', '39 字 · 17% · 不到 1 分钟 $(warning) 预告“三个方面”，其后的列举只有两项（一是…二是）'],
        ['三、加强领导', '22 字 · 9% · 不到 1 分钟'],
        ['\u3000（一）、强化督查', '16 字 · 7% · 不到 1 分钟'],
        ['四、严格考核', '12 字 · 5% · 不到 1 分钟'],
      ],
    );
    assert.strictEqual(editor.selection.active.line, 11);
    assert.strictEqual(editor.selection.active.character, 0);
    // The text is untouched.
    assert.strictEqual(document.isDirty, false);
  });

  test('将此文件作为讲稿检查 on a .md file: linted as a speech, and back again', async () => {
    const { structureView } = await api();
    const { uri, document } = await openScratch('notes.md');
    assert.strictEqual(document.languageId, 'markdown');
    // Markdown is not linted by default: the language client does not even see the file.
    const client = (await api()).client();
    assert.ok(!client || vscode.languages.match(client.clientOptions.documentSelector as vscode.DocumentSelector, document) === 0);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri), []);

    await vscode.commands.executeCommand('speechDraft.lintAsSpeech');
    const speech = await waitFor(vscode.workspace.onDidOpenTextDocument, () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'speech'), 'notes.md as speech');
    const diagnostics = await waitForDiagnostics(uri);
    assert.deepStrictEqual(diagnostics.map(summarize), ['3:7-3:8 warning [punctuation-width] 半角逗号“,”夹在中文之间，应改为全角“，”']);
    // The whole extension applies: the structure view shows the Markdown draft's outline.
    await waitForStructure(speech);
    assert.deepStrictEqual(
      structureView.getChildren().map((n) => structureView.getTreeItem(n).label),
      ['开头（标题、称谓、开场白）', '一、统一思想,提高认识'],
    );
    // Commands work on it too.
    await vscode.commands.executeCommand('speechDraft.convertToTraditional');
    assert.strictEqual(speech.getText(), '# 講話要點\n\n一、統一思想,提高認識\n今年以來，全市上下做了大量工作。\n');

    // Running it again gives the file back to Markdown, and the diagnostics go.
    await vscode.commands.executeCommand('speechDraft.lintAsSpeech');
    await waitFor(vscode.workspace.onDidOpenTextDocument, () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'markdown'), 'notes.md as markdown again');
    await waitForDiagnostics(uri, (d) => d.length === 0, undefined, 'no diagnostics on the markdown file');
  });
});
