// 检查工作区中的全部讲稿: lints every draft of the workspace that is not open (.speech files, the
// opted-in languages' files, the files marked "lint as a speech") and puts the findings into the
// Problems panel. The server lints (speechDraft/lintFiles); the client finds the files and shows
// the results. A file's entry goes as soon as it is opened (the live diagnostics take over),
// saved, renamed or deleted.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LintFilesRequest, SETTINGS_SECTION } from '../../server/src/protocol';
import { say } from './format';
import { linkRenderedDocs } from './ruleDocs';
import { isLinted, LINT_AS_SPEECH_KEY, type MarkedFile } from './selector';

export const LINT_WORKSPACE_COMMAND = 'speechDraft.lintWorkspace';

/** File patterns of each language that speechDraft.additionalLanguages may opt in. */
const PATTERNS: Record<string, string> = { markdown: '**/*.{md,markdown}', plaintext: '**/*.txt' };
const MAX_FILES = 5000;
/** Files per request: the progress moves and a cancellation is heard between batches. */
const BATCH = 25;

export interface WorkspaceLintResult {
  files: number;
  problems: number;
  /** Files that could not be linted, with the reason. */
  skipped: { uri: string; error: string }[];
}

export interface WorkspaceLint extends vscode.Disposable {
  /** The findings of the drafts that were not open. */
  readonly collection: vscode.DiagnosticCollection;
  run(): Promise<WorkspaceLintResult | undefined>;
}

interface Dependencies {
  client: () => Promise<LanguageClient | undefined>;
  output: vscode.LogOutputChannel;
}

async function draftFiles(context: vscode.ExtensionContext): Promise<vscode.Uri[]> {
  const additional = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('additionalLanguages');
  const patterns = ['**/*.speech', ...(Array.isArray(additional) ? additional : []).map((l) => PATTERNS[String(l)]).filter(Boolean)];
  const found = new Map<string, vscode.Uri>();
  for (const pattern of patterns) {
    // `undefined` excludes: the user's files.exclude applies.
    for (const uri of await vscode.workspace.findFiles(pattern, undefined, MAX_FILES)) {
      if (!/\/node_modules\//.test(uri.path)) found.set(uri.toString(), uri);
    }
  }
  for (const marked of context.workspaceState.get<MarkedFile[]>(LINT_AS_SPEECH_KEY, [])) {
    const uri = vscode.Uri.parse(marked.uri);
    if (vscode.workspace.getWorkspaceFolder(uri)) found.set(uri.toString(), uri);
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

export function registerWorkspaceLint(context: vscode.ExtensionContext, deps: Dependencies): WorkspaceLint {
  const collection = vscode.languages.createDiagnosticCollection('speech-lint (workspace)');
  const forget = (uri: vscode.Uri) => collection.delete(uri);
  const isOpenDraft = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && isLinted(d));

  const run = async (): Promise<WorkspaceLintResult | undefined> => {
    const client = await deps.client();
    if (!client?.isRunning()) {
      void vscode.window.showErrorMessage(say(undefined, 'client/server-not-running'));
      return undefined;
    }
    const started = performance.now();
    const files = (await draftFiles(context)).filter((uri) => !isOpenDraft(uri));
    const result: WorkspaceLintResult = { files: 0, problems: 0, skipped: [] };
    collection.clear();
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: say(undefined, 'client/linting-workspace', { count: files.length }), cancellable: true },
      async (progress, token) => {
        for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
          const batch = files.slice(i, i + BATCH);
          // The server reads file: URIs itself (and decodes them as the command line does).
          const params = await Promise.all(
            batch.map(async (uri) => (uri.scheme === 'file' ? { uri: uri.toString() } : { uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) })),
          );
          const answers = await client.sendRequest(LintFilesRequest, { files: params }, token);
          for (const answer of answers ?? []) {
            const uri = vscode.Uri.parse(answer.uri);
            if (answer.error) {
              result.skipped.push({ uri: answer.uri, error: answer.error });
              deps.output.warn(`workspace lint: ${answer.uri} skipped: ${answer.error}`);
              continue;
            }
            // Opened meanwhile: its live diagnostics show.
            if (isOpenDraft(uri)) continue;
            const diagnostics = (await client.protocol2CodeConverter.asDiagnostics(answer.diagnostics)).map((d) => linkRenderedDocs(d, context.extension));
            collection.set(uri, diagnostics);
            result.files++;
            result.problems += diagnostics.length;
          }
          progress.report({ increment: (batch.length * 100) / Math.max(1, files.length) });
        }
      },
    );
    deps.output.info(`workspace lint: ${result.files} files, ${result.problems} problems in ${Math.round(performance.now() - started)} ms`);
    void vscode.window.showInformationMessage(say(undefined, 'client/linted-workspace', { files: result.files, problems: result.problems }));
    if (result.problems > 0) void vscode.commands.executeCommand('workbench.actions.view.problems', { preserveFocus: true });
    return result;
  };

  const disposables = [
    collection,
    vscode.commands.registerCommand(LINT_WORKSPACE_COMMAND, run),
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isLinted(d)) forget(d.uri);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => forget(d.uri)),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(forget)),
    vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => forget(f.oldUri))),
  ];
  return {
    collection,
    run,
    dispose: () => {
      for (const d of disposables) d.dispose();
    },
  };
}
