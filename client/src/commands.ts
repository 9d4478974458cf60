// The commands: script conversion, renumbering, section templates, the count overview, the kind
// switch and revealing a heading. Every computation happens on the server (protocol.ts requests);
// the client only applies the edits it returns.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TextEdit as LspTextEdit } from 'vscode-languageclient/node';
import {
  ConvertScriptRequest,
  RenumberRequest,
  SectionTemplatesRequest,
  SetKindRequest,
  StructureRequest,
  type SectionTemplate,
  type SpeechStructure,
  type StructureSection,
} from '../../server/src/protocol';
import { countLabel, kindLabel, say, sectionLabel, share, speakingTimeLabel } from './format';
import type { Locale } from '../../server/src/protocol';
import type { StructureService } from './structureService';

export interface CommandContext {
  /** The language client, started if need be. */
  client: () => Promise<LanguageClient | undefined>;
  isLinted: (document: vscode.TextDocument) => boolean;
  structure: StructureService;
}

/** The language of the active draft's messages (before the first structure: the setting's). */
function language(ctx: CommandContext): Locale {
  const current = ctx.structure.current?.locale;
  if (current) return current;
  const setting = vscode.workspace.getConfiguration('speechDraft').get<string>('language');
  return setting === 'en' || setting === 'zh-Hant' ? setting : 'zh-Hans';
}

/** The active editor if it is a linted draft, with a running client. */
async function target(ctx: CommandContext): Promise<{ editor: vscode.TextEditor; client: LanguageClient } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const lang = language(ctx);
  if (!editor || !ctx.isLinted(editor.document)) {
    void vscode.window.showWarningMessage(say(lang, 'client/open-draft-first'));
    return undefined;
  }
  const client = await ctx.client();
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage(say(lang, 'client/server-not-running'));
    return undefined;
  }
  return { editor, client };
}

/** Applies server edits computed for `version`; refuses when the document has changed since. */
async function applyServerEdits(ctx: CommandContext, client: LanguageClient, document: vscode.TextDocument, version: number, edits: LspTextEdit[]): Promise<boolean> {
  if (document.version !== version) {
    void vscode.window.showWarningMessage(say(language(ctx), 'client/document-changed'));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, await client.protocol2CodeConverter.asTextEdits(edits));
  return vscode.workspace.applyEdit(edit);
}

export function registerCommands(ctx: CommandContext, reveal: { revealCursor(): Promise<void> }): vscode.Disposable[] {
  const convert = (to: 'simplified' | 'traditional') => async () => {
    const found = await target(ctx);
    if (!found) return;
    const { editor, client } = found;
    const document = editor.document;
    const version = document.version;
    const uri = document.uri.toString();
    const selections = editor.selections.filter((s) => !s.isEmpty);
    const ranges = selections.length ? selections.map((s) => client.code2ProtocolConverter.asRange(s)) : [undefined];
    const edits: LspTextEdit[] = [];
    for (const range of ranges) edits.push(...(await client.sendRequest(ConvertScriptRequest, { uri, to, range })));
    const lang = language(ctx);
    if (edits.length === 0) {
      void vscode.window.showInformationMessage(say(lang, `client/nothing-to-${to}`));
      return;
    }
    await applyServerEdits(ctx, client, document, version, edits);
  };

  const renumber = async () => {
    const found = await target(ctx);
    if (!found) return;
    const { editor, client } = found;
    const version = editor.document.version;
    const edits = await client.sendRequest(RenumberRequest, { uri: editor.document.uri.toString() });
    if (edits.length === 0) {
      void vscode.window.showInformationMessage(say(language(ctx), 'client/already-numbered'));
      return;
    }
    await applyServerEdits(ctx, client, editor.document, version, edits);
  };

  /**
   * 插入章节…: a QuickPick of section templates numbered for the cursor's place. A template id
   * (`level1`, `level2`, `level3`, `section`, `subsection`, `shi`, `yao`, `ordinal`, `sequence`) or
   * label as the argument (a string or `{ template }`, e.g. from a keybinding) inserts it directly.
   */
  const insertSection = async (arg?: unknown): Promise<boolean> => {
    const found = await target(ctx);
    if (!found) return false;
    const { editor, client } = found;
    const document = editor.document;
    const version = document.version;
    const templates = await client.sendRequest(SectionTemplatesRequest, {
      uri: document.uri.toString(),
      position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    });
    const wanted = typeof arg === 'string' ? arg : isRecord(arg) && typeof arg.template === 'string' ? arg.template : undefined;
    let template: SectionTemplate | undefined;
    if (wanted !== undefined) {
      template = templates.find((tpl) => tpl.id === wanted || tpl.label === wanted);
      if (!template) {
        void vscode.window.showWarningMessage(say(language(ctx), 'client/no-template', { name: wanted }));
        return false;
      }
    } else {
      const picked = await vscode.window.showQuickPick(
        templates.map((tpl) => ({ label: tpl.label, description: tpl.detail, template: tpl })),
        { placeHolder: say(language(ctx), 'client/insert-section') },
      );
      template = picked?.template;
    }
    if (!template || document.version !== version) return false;
    return editor.insertSnippet(new vscode.SnippetString(template.snippet), client.protocol2CodeConverter.asRange(template.range));
  };

  /**
   * 显示字数统计: a QuickPick of the totals and every section; picking a section goes to its heading.
   * With `{ section: '二、突出重点' }` (a heading's marker and title) it goes there without asking.
   * Resolves to the items shown (or that would have been shown).
   */
  const showCount = async (arg?: unknown): Promise<CountItem[]> => {
    const found = await target(ctx);
    if (!found) return [];
    const { editor, client } = found;
    const s = await client.sendRequest(StructureRequest, { uri: editor.document.uri.toString() });
    if (!s) return [];
    const section = isRecord(arg) && typeof arg.section === 'string' ? arg.section : undefined;
    return showCountPick(s, editor, client, section);
  };

  const switchKind = async () => {
    const found = await target(ctx);
    if (!found) return;
    const { editor, client } = found;
    const version = editor.document.version;
    const result = await client.sendRequest(SetKindRequest, { uri: editor.document.uri.toString() });
    if (await applyServerEdits(ctx, client, editor.document, version, result.edits)) {
      vscode.window.setStatusBarMessage(say(language(ctx), 'client/switched-kind', { kind: { id: `kind/${result.kind}` } }), 3000);
    }
  };

  const revealHeading = async (uri?: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    if (!uri || !range) return reveal.revealCursor();
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
    const start = new vscode.Position(range.start.line, range.start.character);
    const end = new vscode.Position(range.end.line, range.end.character);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  return [
    vscode.commands.registerCommand('speechDraft.convertToSimplified', convert('simplified')),
    vscode.commands.registerCommand('speechDraft.convertToTraditional', convert('traditional')),
    vscode.commands.registerCommand('speechDraft.renumber', renumber),
    vscode.commands.registerCommand('speechDraft.insertSection', insertSection),
    vscode.commands.registerCommand('speechDraft.showCount', showCount),
    vscode.commands.registerCommand('speechDraft.switchKind', switchKind),
    vscode.commands.registerCommand('speechDraft.structure.refresh', () => ctx.structure.refresh()),
    vscode.commands.registerCommand('speechDraft.structure.reveal', revealHeading),
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri);
}

/** An item of 显示字数统计 (a separator has an empty label). */
export type CountItem = vscode.QuickPickItem & { range?: StructureSection['selectionRange'] };

/**
 * 显示字数统计: the totals, then every section with its 字数; picking one goes to its heading.
 * `section` (a heading's marker and title) picks that section without showing the QuickPick.
 */
async function showCountPick(s: SpeechStructure, editor: vscode.TextEditor, client: LanguageClient, section?: string): Promise<CountItem[]> {
  const lang = s.locale;
  const total = s.count.total;
  type Item = CountItem;
  const items: Item[] = [
    {
      label: say(lang, 'ui/total', { total }),
      description: `${say(lang, 'ui/limit', { limit: s.count.limit, kind: kindLabel(s.kind, lang) })} · ${speakingTimeLabel(total, s.speakingRate, lang)}`,
      detail: [
        total > s.count.limit ? say(lang, 'client/over-limit', { count: total - s.count.limit }) : say(lang, 'client/left', { count: s.count.limit - total }),
        s.findings ? say(lang, 'ui/findings', { count: s.findings }) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    },
    { label: '', kind: vscode.QuickPickItemKind.Separator },
  ];
  if (s.preambleCount > 0 || s.preambleMismatches.length) {
    const flag = s.preambleMismatches.length ? ` $(warning) ${s.preambleMismatches.join('；')}` : '';
    items.push({ label: say(lang, 'ui/opening'), description: `${countLabel(s.preambleCount, lang)} · ${share(s.preambleCount, total)}%${flag}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  }
  const walk = (sections: StructureSection[], depth: number) => {
    for (const section of sections) {
      const flag = section.mismatches.length ? ` $(warning) ${section.mismatches.join('；')}` : '';
      items.push({
        label: `${'\u3000'.repeat(depth)}${sectionLabel(section)}`,
        description: `${countLabel(section.count, lang)} · ${share(section.count, total)}% · ${speakingTimeLabel(section.count, s.speakingRate, lang)}${flag}`,
        range: section.selectionRange,
      });
      walk(section.children, depth + 1);
    }
  };
  walk(s.sections, 0);
  if (s.closing) {
    const c = s.closing;
    items.push({ label: say(lang, 'ui/closing'), description: `${countLabel(c.count, lang)} · ${share(c.count, total)}%`, range: { start: c.range.start, end: c.range.start } });
  }
  const picked =
    section === undefined
      ? await vscode.window.showQuickPick(items, { title: say(lang, 'client/count-title'), matchOnDescription: true })
      : items.find((item) => item.range && item.label.replace(/^\u3000+/, '') === section.trim());
  if (section !== undefined && !picked) void vscode.window.showWarningMessage(say(lang, 'client/no-heading', { name: section }));
  if (picked?.range) {
    const range = client.protocol2CodeConverter.asRange(picked.range);
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return items;
}
