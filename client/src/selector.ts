// Which documents the extension lints: `speech` documents, the languages opted in with
// speechDraft.additionalLanguages (files and untitled documents only), and the files marked with
// "将此文件作为讲稿检查". Shared by the small entry module (to decide when to load the rest) and the
// language client; no language-client code here.
import * as vscode from 'vscode';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../../server/src/protocol-names';

/** workspaceState key of the files marked "lint as a speech" (lintAsSpeech.ts). */
export const LINT_AS_SPEECH_KEY = 'speechDraft.lintAsSpeech';

export interface MarkedFile {
  uri: string;
  /** The language to give back when unmarked. */
  languageId: string;
}

/** `speech` in any scheme; opted-in languages only for files and untitled documents. */
export function documentSelector(): { language: string; scheme?: string }[] {
  const additional = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('additionalLanguages');
  const selector: { language: string; scheme?: string }[] = [{ language: LANGUAGE_ID }];
  for (const language of new Set(Array.isArray(additional) ? additional : [])) {
    if (typeof language !== 'string' || !language || language === LANGUAGE_ID) continue;
    selector.push({ language, scheme: 'file' }, { language, scheme: 'untitled' });
  }
  return selector;
}

export function isLinted(document: vscode.TextDocument): boolean {
  return vscode.languages.match(documentSelector(), document) > 0;
}

/** Linted now, or about to be (a marked file is switched to `speech` when it opens). */
export function wantsLinting(document: vscode.TextDocument, state: vscode.Memento): boolean {
  if (isLinted(document)) return true;
  const key = document.uri.toString();
  return state.get<MarkedFile[]>(LINT_AS_SPEECH_KEY, []).some((m) => m.uri === key);
}
