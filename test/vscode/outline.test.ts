/// <reference types="mocha" />
// The outline as the editor shows it: document symbols (Outline, breadcrumbs), the 讲稿结构 tree
// with its counts, icons and badge, the status bar with the kind switch, and completion of the next
// marker and the snippets.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, nextEvent, openScratch, repoRoot, waitForDiagnostics, waitForStructure } from './helpers';

interface SymbolShape {
  name: string;
  detail: string;
  kind: string;
  children?: SymbolShape[];
}

function shape(symbols: vscode.DocumentSymbol[]): SymbolShape[] {
  return symbols.map((s) => ({
    name: s.name,
    detail: s.detail,
    kind: vscode.SymbolKind[s.kind],
    ...(s.children.length ? { children: shape(s.children) } : {}),
  }));
}

const rangeText = (r: vscode.Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** What a test needs of a tree item. */
function describeItem(item: vscode.TreeItem) {
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
  return {
    label: typeof item.label === 'string' ? item.label : item.label?.label,
    description: item.description,
    // ThemeColor.id is public at run time (not in @types/vscode 1.91).
    icon: icon ? `${icon.id}${icon.color ? ` ${(icon.color as unknown as { id: string }).id}` : ''}` : undefined,
    collapsible: vscode.TreeItemCollapsibleState[item.collapsibleState ?? vscode.TreeItemCollapsibleState.None],
    tooltip: item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip,
  };
}

suite('outline, structure view, status bar, completion', () => {
  suiteSetup(async () => {
    await api();
  });
  teardown(closeAllEditors);

  test('document symbols: the heading hierarchy with 字数', async () => {
    const { uri } = await openScratch('problems.speech', { diagnostics: true });
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepStrictEqual(shape(symbols), [
      { name: '一、统一思想,提高认识', detail: '47 字', kind: 'String' },
      {
        name: '二、突出重点',
        detail: '77 字',
        kind: 'String',
        children: [
          { name: '（一）抓好学习', detail: '32 字', kind: 'String', children: [{ name: '1.加强理论学习', detail: '25 字', kind: 'String' }] },
          { name: '（三）抓好落实', detail: '39 字', kind: 'String' },
        ],
      },
      { name: '三、加强领导', detail: '22 字', kind: 'String', children: [{ name: '（一）、强化督查', detail: '16 字', kind: 'String' }] },
      { name: '四、严格考核', detail: '12 字', kind: 'String' },
    ]);
    // A section runs from its heading to the end of its last line; the selection is the heading.
    const [first, second] = symbols;
    assert.strictEqual(rangeText(first.selectionRange), '5:0-5:11');
    assert.strictEqual(rangeText(first.range), '5:0-6:37');
    assert.strictEqual(rangeText(second.range), '7:0-12:33');
    assert.strictEqual(rangeText(second.children[1].selectionRange), '11:0-11:7');
  });

  test('讲稿结构 tree: labels, 字数, icons, tooltips, the announced-count mismatches and the badge', async () => {
    const { structureView } = await api();
    const { document } = await openScratch('problems.speech', { diagnostics: true });
    await waitForStructure(document);
    const roots = structureView.getChildren();
    const tree = (nodes: typeof roots): unknown[] =>
      nodes.map((n) => {
        const kids = structureView.getChildren(n);
        return { ...describeItem(structureView.getTreeItem(n)), ...(kids.length ? { children: tree(kids) } : {}) };
      });
    const warning = 'warning list.warningForeground';
    assert.deepStrictEqual(tree(roots), [
      {
        label: '开头（标题、称谓、开场白）',
        description: '75 字',
        icon: warning,
        collapsible: 'None',
        tooltip: '75 字 · 占全文 32%\n\n$(warning) 预告“三点意见”，其后有四个一级标题',
      },
      { label: '一、统一思想,提高认识', description: '47 字', icon: warning, collapsible: 'None', tooltip: '**一、统一思想,提高认识**\n\n47 字 · 占全文 20% · 不到 1 分钟\n\n2 个问题' },
      {
        label: '二、突出重点',
        description: '77 字',
        icon: 'symbol-string',
        collapsible: 'Expanded',
        tooltip: '**二、突出重点**\n\n77 字 · 占全文 33% · 不到 1 分钟\n\n5 个问题',
        children: [
          {
            label: '（一）抓好学习',
            description: '32 字',
            icon: 'symbol-string',
            collapsible: 'Expanded',
            tooltip: '**（一）抓好学习**\n\n32 字 · 占全文 14% · 不到 1 分钟\n\n2 个问题',
            children: [{ label: '1.加强理论学习', description: '25 字', icon: warning, collapsible: 'None', tooltip: '**1.加强理论学习**\n\n25 字 · 占全文 11% · 不到 1 分钟\n\n2 个问题' }],
          },
          {
            label: '（三）抓好落实',
            description: '39 字',
            icon: warning,
            collapsible: 'None',
            tooltip: '**（三）抓好落实**\n\n39 字 · 占全文 17% · 不到 1 分钟\n\n$(warning) 预告“三个方面”，其后的列举只有两项（一是…二是）\n\n3 个问题',
          },
        ],
      },
      {
        label: '三、加强领导',
        description: '22 字',
        icon: 'symbol-string',
        collapsible: 'Expanded',
        tooltip: '**三、加强领导**\n\n22 字 · 占全文 9% · 不到 1 分钟\n\n1 个问题',
        children: [{ label: '（一）、强化督查', description: '16 字', icon: warning, collapsible: 'None', tooltip: '**（一）、强化督查**\n\n16 字 · 占全文 7% · 不到 1 分钟\n\n1 个问题' }],
      },
      { label: '四、严格考核', description: '12 字', icon: 'symbol-string', collapsible: 'None', tooltip: '**四、严格考核**\n\n12 字 · 占全文 5% · 不到 1 分钟' },
    ]);
    assert.deepStrictEqual(structureView.badge, { value: 10, tooltip: '10 个问题' });
    assert.strictEqual(structureView.message, undefined);
    const sectionWithMismatch = structureView.getTreeItem(structureView.getChildren(roots[2])[1]);
    assert.strictEqual(sectionWithMismatch.accessibilityInformation?.label, '（三）抓好落实, 39 字, 4 个问题');
    // Clicking an item goes to its heading.
    const click = sectionWithMismatch.command;
    assert.ok(click);
    assert.strictEqual(click.command, 'speechDraft.structure.reveal');
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    assert.strictEqual(vscode.window.activeTextEditor?.document, document);
    assert.strictEqual(rangeText(vscode.window.activeTextEditor.selection), '11:0-11:0');
  });

  test('the closing (结尾) is a part of its own: in the Outline, the 讲稿结构 tree and 显示字数统计; the last section’s 字数 leave it out', async () => {
    const { structureView } = await api();
    const text = ['一、总体要求', '坚持稳中求进工作总基调。', '二、重点任务', '抓好项目建设。', '同志们，让我们共同努力，奋力完成全年目标任务！', '谢谢大家！', ''].join('\n');
    const { uri, document } = await openScratch('closing.speech', { text });
    await waitForStructure(document, (s) => s.closing !== undefined, 'a structure with its closing');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepStrictEqual(shape(symbols), [
      { name: '一、总体要求', detail: '18 字', kind: 'String' },
      { name: '二、重点任务', detail: '13 字', kind: 'String' },
      { name: '结尾', detail: '28 字', kind: 'String' },
    ]);
    assert.strictEqual(rangeText(symbols[2].range), '4:0-5:5');
    assert.deepStrictEqual(
      structureView.getChildren().map((n) => describeItem(structureView.getTreeItem(n))).map((i) => `${i.label} ${i.description} ${i.icon}`),
      ['一、总体要求 18 字 symbol-string', '二、重点任务 13 字 symbol-string', '结尾 28 字 note'],
    );
    const items = await vscode.commands.executeCommand<vscode.QuickPickItem[]>('speechDraft.showCount', { section: '结尾' });
    assert.deepStrictEqual(items.slice(-1).map((i) => [i.label, i.description]), [['结尾', '28 字 · 47%']]);
    // Picking it goes to the closing's first line.
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 4);
  });

  test('the Outline and the 讲稿结构 tree shorten long headings so that the 字数 stays in view (the tooltip keeps them whole)', async () => {
    const long = '一、坚持以人民为中心的发展思想切实解决群众急难愁盼问题';
    const { uri, document } = await openScratch('long-heading.speech', { text: `${long}\n要切实解决问题。\n（一）健全完善联系服务群众的工作机制和制度体系\n要健全机制。\n` });
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepStrictEqual(shape(symbols), [
      { name: '一、坚持以人民为中心的发…', detail: '64 字', kind: 'String', children: [{ name: '（一）健全完善联系服务…', detail: '29 字', kind: 'String' }] },
    ]);
    const { structureView } = await api();
    await waitForStructure(document);
    const item = structureView.getTreeItem(structureView.getChildren()[0]);
    assert.strictEqual(item.label, '一、坚持以人民为中心的发…');
    assert.ok(item.tooltip instanceof vscode.MarkdownString && item.tooltip.value.startsWith(`**${long}**`));
    assert.strictEqual(structureView.getTreeItem(structureView.getChildren(structureView.getChildren()[0])[0]).label, '（一）健全完善联系服务…');
  });

  test('讲稿结构 tree follows edits: fixing the heading number updates icons and badge', async () => {
    const { structureView } = await api();
    const { document, editor, uri } = await openScratch('problems.speech', { diagnostics: true });
    await waitForStructure(document);
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(11, 0, 11, 3), '（二）')));
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'heading-sequence'));
    await waitForStructure(document, (s) => s.findings === 9, 'the structure with 9 findings');
    assert.deepStrictEqual(structureView.badge, { value: 9, tooltip: '9 个问题' });
    const second = structureView.getChildren(structureView.getChildren()[2])[1];
    assert.deepStrictEqual(describeItem(structureView.getTreeItem(second)).label, '（二）抓好落实');
  });

  test('刷新讲稿结构 (speechDraft.structure.refresh) asks the server again and updates the view', async () => {
    const { structure, structureView } = await api();
    const { document } = await openScratch('outline.speech');
    await waitForStructure(document);
    const refreshed = nextEvent(structureView.onDidChangeTreeData as vscode.Event<unknown>, 'the tree to refresh');
    await vscode.commands.executeCommand('speechDraft.structure.refresh');
    await refreshed;
    assert.strictEqual(structure.current?.uri, document.uri.toString());
    assert.deepStrictEqual(
      structureView.getChildren().map((n) => [structureView.getTreeItem(n).label, structureView.getTreeItem(n).description]),
      [
        ['一、总体要求', '26 字'],
        ['二、重点任务', '20 字'],
      ],
    );
  });

  test('a draft without headings: the view says so and has no badge', async () => {
    const { structureView } = await api();
    const { document } = await openScratch('plain.speech', { text: '同志们：\n今天的会开得很好。\n' });
    await waitForStructure(document);
    assert.deepStrictEqual(structureView.getChildren().map((n) => describeItem(structureView.getTreeItem(n)).label), ['开头（标题、称谓、开场白）']);
    assert.strictEqual(structureView.message, '没有识别到标题（一、（一）1.（1））');
    assert.strictEqual(structureView.badge, undefined);
  });

  test('status bar: 字数 / 上限 · 类型; clicking switches 综合 ⇄ 单项 in the front matter', async () => {
    const { statusBar } = await api();
    const { document } = await openScratch('problems.speech', { diagnostics: true });
    await waitForStructure(document);
    assert.strictEqual(statusBar.text, '字数 233 / 5,000 · 综合');
    assert.strictEqual(statusBar.backgroundColor, undefined);
    const tooltip = statusBar.tooltip instanceof vscode.MarkdownString ? statusBar.tooltip.value : String(statusBar.tooltip);
    assert.strictEqual(tooltip, '**233 字**（按 Word 字数），上限 5,000（综合）\n\n讲话时长约 1 分钟（每分钟 200 字）\n\n10 个问题\n\n点击切换类型（单项 / 综合）');
    // The click: the item's command.
    const command = typeof statusBar.command === 'string' ? statusBar.command : statusBar.command?.command;
    assert.strictEqual(command, 'speechDraft.switchKind');
    const original = document.getText();
    await vscode.commands.executeCommand(command);
    assert.strictEqual(document.getText(), `---\n类型: 单项\n---\n${original}`);
    await waitForStructure(document, (s) => s.kind === 'single', 'the kind 单项');
    assert.strictEqual(statusBar.text, '字数 233 / 3,000 · 单项');
    // And back: the value is replaced in place.
    await vscode.commands.executeCommand(command);
    assert.strictEqual(document.getText(), `---\n类型: 综合\n---\n${original}`);
    await waitForStructure(document, (s) => s.kind === 'comprehensive', 'the kind 综合');
    assert.strictEqual(statusBar.text, '字数 233 / 5,000 · 综合');
  });

  test('status bar: over the limit of a 单项 draft the item turns red and length-limit reports an error', async () => {
    const { statusBar } = await api();
    // 110 different paragraphs of 28 字 each (3,080 字): the same paragraph repeated would be a duplicate-paragraph finding.
    const verbs = ['坚持', '加强', '深化', '推进', '落实', '完善', '健全', '强化', '优化', '提升', '统筹'];
    const fields = ['基层', '民生', '产业', '生态', '教育', '医疗', '交通', '水利', '文化', '安全'];
    const body = verbs.flatMap((verb) => fields.map((field) => `要${verb}${field}工作，始终以人民为中心扎实推进各项任务早见效。`)).join('\n');
    const { document, uri } = await openScratch('long.speech', { text: `---\n类型: 单项\n---\n一、总体要求\n${body}\n` });
    const s = await waitForStructure(document);
    assert.strictEqual(s.count.total, 3086);
    assert.strictEqual(statusBar.text, '字数 3,086 / 3,000 · 单项');
    assert.deepStrictEqual(statusBar.backgroundColor, new vscode.ThemeColor('statusBarItem.errorBackground'));
    const diagnostics = await waitForDiagnostics(uri);
    assert.deepStrictEqual(
      diagnostics.map((d) => [codeOf(d), d.severity]),
      [['length-limit', vscode.DiagnosticSeverity.Error]],
    );
  });

  test('completion at the start of an empty line after 二、… offers 三、 first, then （一）', async () => {
    const { uri } = await openScratch('outline.speech', { diagnostics: false });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(4, 0));
    const markers = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember || i.kind === vscode.CompletionItemKind.Keyword);
    assert.deepStrictEqual(
      markers.map((i) => [i.label, i.detail]),
      [
        ['三、', '一级标题（同级下一个）'],
        ['（一）', '二级标题（下级第一个）'],
      ],
    );
    assert.strictEqual(markers[0].preselect, true);
    // Inserted at the cursor (an empty range at the line start).
    const range = markers[0].range;
    const insert = range instanceof vscode.Range ? range : range?.inserting;
    assert.strictEqual(insert && rangeText(insert), '4:0-4:0');
    const insertText = markers[0].insertText;
    assert.strictEqual(typeof insertText === 'string' ? insertText : insertText?.value, '三、');
  });

  test('completion after 一是…二是… in a paragraph offers 三是', async () => {
    const { uri } = await openScratch('enumeration.speech', { text: '一、工作要求\n一是加强学习。二是深入调研。\n' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(1, 14));
    assert.deepStrictEqual(
      list.items.filter((i) => i.kind === vscode.CompletionItemKind.Keyword).map((i) => [i.label, i.detail]),
      [['三是', '列举（列举下一项）']],
    );
  });

  test('snippets are offered for the speech language at a line start (jh-kaitou, 讲话开头 …)', async () => {
    const { uri } = await openScratch('outline.speech');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(4, 0));
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const labels = snippets.map(label);
    const declared = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', 'speech.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;
    // Every prefix of every snippet of snippets/speech.json.
    const prefixes = Object.values(declared).flatMap((s) => s.prefix);
    assert.deepStrictEqual([...new Set(labels)].sort(), [...new Set(prefixes)].sort());
    const kaitou = snippets.find((i) => label(i) === 'jh-kaitou');
    assert.ok(kaitou, `jh-kaitou not among ${labels.join(' ')}`);
    const body = Object.values(declared).find((s) => s.prefix.includes('jh-kaitou'))!.body.join('\n');
    assert.strictEqual(kaitou.insertText instanceof vscode.SnippetString ? kaitou.insertText.value : kaitou.insertText, body);
    assert.ok(labels.includes('讲话开头'));
  });
});
