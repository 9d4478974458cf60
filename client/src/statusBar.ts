// Status bar: `字数 2,870 / 5,000 · 综合`; warning background near the limit (the length-limit rule's
// warnAt), error background over it; a click switches the kind (speechDraft.switchKind).
import * as vscode from 'vscode';
import type { SpeechStructure } from '../../server/src/protocol';
import { findingsLabel, say, speakingTimeLabel, statusText } from './format';
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
    const locale = s.locale;
    const ruleErrors = s.ruleErrors ?? [];
    // A settings problem shows here for as long as it lasts (it is notified only once); a rule that
    // failed means the draft was not fully checked: said first, on a warning background.
    const problems = s.settingsProblems;
    const text = problems.length ? `$(warning) ${statusText(s)}` : statusText(s);
    this.item.text = ruleErrors.length ? `${say(locale, 'client/rule-failed', { count: ruleErrors.length })} · ${statusText(s)}` : text;
    // Near the limit is the length-limit rule's own threshold, decided by the server.
    this.item.backgroundColor =
      s.count.status === 'over'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : s.count.status === 'near' || ruleErrors.length
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    const kind = { id: `kind/${s.kind}` };
    const tooltip = new vscode.MarkdownString(
      [
        ...ruleErrors.map((e) => `$(warning) ${escapeMarkdown(e)}`),
        say(locale, 'client/tooltip-count', { total, limit, kind, mode: { id: `client/count-mode.${s.count.mode}` } }),
        say(locale, 'client/tooltip-speaking', { time: speakingTimeLabel(total, s.speakingRate, locale), rate: s.speakingRate }),
        s.findings ? findingsLabel(s.findings, locale) : '',
        ...problems.map((p) => `$(warning) ${escapeMarkdown(p)}`),
        say(locale, 'client/tooltip-switch'),
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    tooltip.supportThemeIcons = true;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: ruleErrors.length ? `${say(locale, 'client/rule-failed', { count: ruleErrors.length }).replace(/\$\([\w-]+\)\s*/g, '')} · ${statusText(s)}` : statusText(s) };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}
