// speechDraft/lintFiles: findings of drafts that are not open (检查工作区中的全部讲稿), as the same
// diagnostics an open draft gets. An open draft's own analysis is used; other files are read from
// disk and decoded as the command line decodes them (GB18030, UTF-16 …), or taken from the text the
// client sent (files of other file systems).
import * as fs from 'node:fs/promises';
import { decode } from '../cli/decode';
import type { FileDiagnostics, LintFilesParams } from '../protocol';
import type { Analyzer } from './analysis';
import { describe, type SettingsManager } from './settings';
import { toDiagnostics } from './diagnostics';
import { uriToFsPath } from './uri';

/** Larger files are not drafts (the same limit as the command line's). */
const MAX_BYTES = 10 * 1024 * 1024;

export async function lintFiles(params: LintFilesParams, analyzer: Analyzer, settings: SettingsManager, isOpen: (uri: string) => boolean): Promise<FileDiagnostics[]> {
  const out: FileDiagnostics[] = [];
  for (const file of params.files) {
    const { uri } = file;
    try {
      if (isOpen(uri)) {
        const analysis = await analyzer.get(uri);
        out.push({ uri, diagnostics: analysis ? toDiagnostics(analysis) : [] });
        continue;
      }
      let text = file.text;
      if (text === undefined) {
        const fsPath = uriToFsPath(uri);
        if (!fsPath) {
          out.push({ uri, diagnostics: [], error: 'not a file: URI and no text sent' });
          continue;
        }
        const stat = await fs.stat(fsPath);
        if (stat.size > MAX_BYTES) {
          out.push({ uri, diagnostics: [], error: `larger than ${MAX_BYTES} bytes` });
          continue;
        }
        const decoded = decode(await fs.readFile(fsPath));
        if (decoded.binary) {
          out.push({ uri, diagnostics: [], error: 'binary file' });
          continue;
        }
        text = decoded.text;
      }
      out.push({ uri, diagnostics: toDiagnostics(await analyzer.analyzeText(uri, text)) });
    } catch (error) {
      out.push({ uri, diagnostics: [], error: describe(error) });
    } finally {
      if (!isOpen(uri)) settings.forget(uri);
    }
  }
  return out;
}
