// Word in and out for the editor: the export of an open draft (as the server has parsed it, with
// its settings) and the import of .docx bytes the client read.
import { isDocxError } from '../docx/errors';
import { wordLibrary } from '../docx/load';
import type { ExportDocxResult, ImportDocxResult } from '../protocol';
import type { Analysis } from './analysis';

// Loaded on first use: the server starts without the Word libraries.
export async function exportDraft(analysis: Analysis): Promise<ExportDocxResult> {
  const { exportDocx } = wordLibrary();
  const bytes = await exportDocx(analysis.doc, { settings: analysis.settings.export });
  return { data: Buffer.from(bytes).toString('base64'), errors: analysis.result.findings.filter((f) => f.severity === 'error').length };
}

export function importWord(data: string): ImportDocxResult {
  const { importDocx } = wordLibrary();
  try {
    const imported = importDocx(Buffer.from(data, 'base64'));
    return { text: imported.text.endsWith('\n') || imported.text === '' ? imported.text : `${imported.text}\n`, paragraphs: imported.paragraphs.length };
  } catch (error) {
    if (isDocxError(error)) return { error: { zh: error.zh, en: error.en } };
    throw error;
  }
}
