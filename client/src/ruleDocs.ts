// Rule pages, rendered. The server links each diagnostic to the rule's Markdown page inside the
// extension (file:…/docs/rules/<id>.md), which VS Code would open as raw text. The client points
// the link at the extension's own URI (<scheme>://speech-draft.speech-draft/rule-docs?rule=<id>)
// instead: the hover and the Problems panel open such a URI without asking, in any workspace
// (Restricted Mode, remote), and the handler shows the page in the Markdown preview.
import * as vscode from 'vscode';
import { say } from './format';

export const RULE_DOCS_PATH = '/rule-docs';
export const OPEN_RULE_DOCS_COMMAND = 'speechDraft.openRuleDocs';

/** The rule id when `target` is a rule page bundled with this extension. */
export function bundledRule(target: vscode.Uri, extensionUri: vscode.Uri): string | undefined {
  if (target.scheme !== extensionUri.scheme || target.authority !== extensionUri.authority) return undefined;
  const root = extensionUri.path.replace(/\/+$/, '');
  const m = /^\/docs\/rules\/([a-z0-9-]+)\.md$/.exec(target.path.startsWith(root) ? target.path.slice(root.length) : '');
  return m?.[1];
}

export function ruleDocsUri(extensionId: string, rule: string): vscode.Uri {
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: extensionId, path: RULE_DOCS_PATH, query: `rule=${encodeURIComponent(rule)}` });
}

/** A diagnostic whose code links to a bundled page links to the rendered page instead. */
export function linkRenderedDocs(diagnostic: vscode.Diagnostic, extension: vscode.Extension<unknown>): vscode.Diagnostic {
  const code = diagnostic.code;
  if (typeof code !== 'object' || code === null) return diagnostic;
  const rule = bundledRule(code.target, extension.extensionUri);
  if (rule) diagnostic.code = { value: code.value, target: ruleDocsUri(extension.id, rule) };
  return diagnostic;
}

/** The bundled page of `rule`, or undefined for an unknown rule. */
async function pageOf(extensionUri: vscode.Uri, rule: string): Promise<vscode.Uri | undefined> {
  if (!/^[a-z0-9-]+$/.test(rule)) return undefined;
  const page = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${rule}.md`);
  try {
    await vscode.workspace.fs.stat(page);
    return page;
  } catch {
    return undefined;
  }
}

/** Opens the rule's page in the Markdown preview beside the draft (as text if there is no preview). */
export async function openRuleDocs(context: vscode.ExtensionContext, rule?: string): Promise<vscode.Uri | undefined> {
  if (!rule) {
    const pages = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
    const rules = pages.map(([name]) => name.replace(/\.md$/, '')).sort();
    rule = await vscode.window.showQuickPick(rules, { placeHolder: say(undefined, 'client/pick-rule') });
    if (!rule) return undefined;
  }
  const page = await pageOf(context.extensionUri, rule);
  if (!page) {
    void vscode.window.showWarningMessage(say(undefined, 'client/no-rule', { name: rule }));
    return undefined;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
  } catch {
    await vscode.window.showTextDocument(page, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return page;
}

export function registerRuleDocs(context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.window.registerUriHandler({
      handleUri: (uri) => {
        if (uri.path !== RULE_DOCS_PATH) return;
        const rule = new URLSearchParams(uri.query).get('rule') ?? undefined;
        void openRuleDocs(context, rule);
      },
    }),
    vscode.commands.registerCommand(OPEN_RULE_DOCS_COMMAND, (rule?: unknown) => openRuleDocs(context, typeof rule === 'string' ? rule : undefined)),
  ];
}
