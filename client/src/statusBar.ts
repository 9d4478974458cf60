// Status bar: `字数 2,870 / 5,000 · 综合`; warning background from 90 % of the limit, error background
// over it; a click switches the kind (speechDraft.switchKind).
import * as vscode from 'vscode';
import type { SpeechStructure } from '../../server/src/protocol';
import { findingsLabel, formatCount, kindLabel, speakingTime, statusText, t } from './format';
import type { StructureService } from './structureService';

export const SWITCH_KIND_COMMAND = 'speechDraft.switchKind';

export class CountStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('speechDraft.count', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: vscode.Disposable;

  constructor(service: StructureService) {
    this.item.name = '讲稿字数 Speech Draft count';
    this.item.command = SWITCH_KIND_COMMAND;
    this.subscription = service.onDidChange((s) => this.update(s));
    this.update(service.current);
  }

  update(s: SpeechStructure | undefined): void {
    if (!s) {
      this.item.hide();
      return;
    }
    const { total, limit } = s.count;
    const language = s.language;
    this.item.text = statusText(s);
    this.item.backgroundColor =
      total > limit ? new vscode.ThemeColor('statusBarItem.errorBackground') : total >= limit * 0.9 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const mode = { word: t(language, '按 Word 字数', 'Word-style count'), chars: t(language, '字符数（不计空格）', 'characters without spaces'), hanzi: t(language, '仅汉字', 'Han characters only') }[s.count.mode];
    const tooltip = new vscode.MarkdownString(
      [
        t(language, `**${formatCount(total)} 字**（${mode}），上限 ${formatCount(limit)}（${kindLabel(s.kind, language)}）`, `**${formatCount(total)} 字** (${mode}), limit ${formatCount(limit)} (${kindLabel(s.kind, language)})`),
        t(language, `讲话时长${speakingTime(total, s.speakingRate, language)}（每分钟 ${s.speakingRate} 字）`, `Speaking time ${speakingTime(total, s.speakingRate, language)} (${s.speakingRate} 字/min)`),
        s.findings ? findingsLabel(s.findings, language) : '',
        t(language, '点击切换类型（单项 / 综合）', 'Click to switch the kind (single / comprehensive)'),
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: this.item.text };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
