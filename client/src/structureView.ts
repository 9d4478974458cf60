// The 讲稿结构 tree in the Explorer: the outline with 字数 per section, a warning icon where a section
// has findings or an announced count that does not match, a badge with the total finding count.
import * as vscode from 'vscode';
import type { SpeechStructure, StructureSection } from '../../server/src/protocol';
import { countLabel, findingsLabel, OUTLINE_NAME_COLUMNS, outlineName, say, sectionLabel, share, speakingTimeLabel } from './format';
import type { StructureService } from './structureService';

export const VIEW_ID = 'speechDraft.structure';
export const REVEAL_COMMAND = 'speechDraft.structure.reveal';

type Node =
  | { kind: 'preamble'; structure: SpeechStructure }
  | { kind: 'section'; section: StructureSection; parent?: Node; structure: SpeechStructure }
  | { kind: 'closing'; structure: SpeechStructure };

/** The icon of a heading: the one the Outline gives it (Markdown's heading symbol). */
const HEADING_ICON = 'symbol-string';
const PART_ICON = 'note';

export class StructureTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: Node[] = [];
  private uri: vscode.Uri | undefined;
  private readonly view: vscode.TreeView<Node>;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: StructureService) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscription = service.onDidChange((s) => this.update(s));
    this.update(service.current);
  }

  private update(structure: SpeechStructure | undefined): void {
    this.uri = this.service.document?.uri;
    this.roots = [];
    if (structure) {
      if (structure.preambleCount > 0 || structure.preambleMismatches.length) this.roots.push({ kind: 'preamble', structure });
      const wrap = (section: StructureSection, parent?: Node): Node => ({ kind: 'section', section, parent, structure });
      this.roots.push(...structure.sections.map((s) => wrap(s)));
      if (structure.closing) this.roots.push({ kind: 'closing', structure });
    }
    const n = structure?.findings ?? 0;
    this.view.badge = n > 0 ? { value: n, tooltip: findingsLabel(n, structure?.locale) } : undefined;
    this.view.message = structure && structure.sections.length === 0 ? say(structure.locale, 'client/no-headings-found') : undefined;
    this.emitter.fire(undefined);
  }

  /** The view's badge (the document's finding count). */
  get badge(): vscode.ViewBadge | undefined {
    return this.view.badge;
  }

  /** The view's message (shown when the draft has no headings). */
  get message(): string | undefined {
    return this.view.message;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    if (node.kind === 'section') return node.section.children.map((section) => ({ kind: 'section', section, parent: node, structure: node.structure }));
    return [];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'section' ? node.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const s = node.structure;
    const locale = s.locale;
    if (node.kind === 'preamble') {
      const item = new vscode.TreeItem(say(locale, 'client/opening-item'), vscode.TreeItemCollapsibleState.None);
      item.description = countLabel(s.preambleCount, locale);
      const tooltip = new vscode.MarkdownString(`${countLabel(s.preambleCount, locale)} · ${say(locale, 'ui/share', { share: share(s.preambleCount, s.count.total) })}`);
      for (const m of s.preambleMismatches) tooltip.appendMarkdown(`\n\n$(warning) ${escape(m)}`);
      tooltip.supportThemeIcons = true;
      item.tooltip = tooltip;
      item.iconPath = s.preambleMismatches.length ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(PART_ICON);
      if (this.uri) item.command = { command: REVEAL_COMMAND, title: '', arguments: [this.uri.toString(), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }] };
      item.id = `${s.uri}#preamble`;
      return item;
    }
    if (node.kind === 'closing') {
      const closing = s.closing!;
      const item = new vscode.TreeItem(say(locale, 'client/closing-item'), vscode.TreeItemCollapsibleState.None);
      item.description = countLabel(closing.count, locale);
      const tooltip = new vscode.MarkdownString(`${countLabel(closing.count, locale)} · ${say(locale, 'ui/share', { share: share(closing.count, s.count.total) })}`);
      if (closing.findings > 0) tooltip.appendMarkdown(`\n\n${findingsLabel(closing.findings, locale)}`);
      item.tooltip = tooltip;
      item.iconPath = closing.findings ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(PART_ICON);
      const start = { start: closing.range.start, end: closing.range.start };
      if (this.uri) item.command = { command: REVEAL_COMMAND, title: say(locale, 'client/go-to-heading'), arguments: [this.uri.toString(), start] };
      item.id = `${s.uri}#closing`;
      return item;
    }
    const section = node.section;
    let depth = 0;
    for (let up = node.parent; up; up = up.kind === 'section' ? up.parent : undefined) depth++;
    // Shortened like the Outline's names, so that the 字数 stays in view; the tooltip has it whole.
    const item = new vscode.TreeItem(
      outlineName(sectionLabel(section), OUTLINE_NAME_COLUMNS - 2 * depth),
      section.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.description = countLabel(section.count, locale);
    const flagged = section.ownFindings > 0 || section.mismatches.length > 0;
    item.iconPath = flagged
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(HEADING_ICON);
    const tooltip = new vscode.MarkdownString();
    tooltip.supportThemeIcons = true;
    tooltip.appendMarkdown(`**${escape(sectionLabel(section))}**\n\n`);
    tooltip.appendMarkdown(
      [
        countLabel(section.count, locale),
        say(locale, 'ui/share', { share: share(section.count, s.count.total) }),
        speakingTimeLabel(section.count, s.speakingRate, locale),
      ].join(' · '),
    );
    for (const m of section.mismatches) tooltip.appendMarkdown(`\n\n$(warning) ${escape(m)}`);
    if (section.findings > 0) tooltip.appendMarkdown(`\n\n${findingsLabel(section.findings, locale)}`);
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `${sectionLabel(section)}, ${countLabel(section.count, locale)}${flagged ? `, ${findingsLabel(section.ownFindings + section.mismatches.length, locale)}` : ''}` };
    if (this.uri) item.command = { command: REVEAL_COMMAND, title: say(locale, 'client/go-to-heading'), arguments: [this.uri.toString(), section.selectionRange] };
    item.id = `${s.uri}#${section.selectionRange.start.line}:${section.marker}`;
    return item;
  }

  /** Selects the innermost section around the cursor in the tree. */
  async revealCursor(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.uri || editor.document.uri.toString() !== this.uri.toString()) return;
    const line = editor.selection.active.line;
    let best: Node | undefined;
    const walk = (nodes: Node[]) => {
      for (const node of nodes) {
        if (node.kind !== 'section') continue;
        const r = node.section.range;
        if (r.start.line <= line && line <= r.end.line) {
          best = node;
          walk(this.getChildren(node));
        }
      }
    };
    walk(this.roots);
    if (best) await this.view.reveal(best, { select: true, focus: false, expand: true });
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.emitter.dispose();
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}
