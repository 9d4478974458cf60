// Word in and out for the editor: the export of an open draft (as the server has parsed it, with
// its settings) and the import of .docx bytes the client read.
import { exportDocx } from '../docx/export';
import { importDocx } from '../docx/import';
import { DocxError } from '../docx/ooxml';
import type { ExportDocxResult, ImportDocxResult } from '../protocol';
import type { Analysis } from './analysis';

export async function exportDraft(analysis: Analysis): Promise<ExportDocxResult> {
  const bytes = await exportDocx(analysis.doc, { settings: analysis.settings.export });
  return { data: Buffer.from(bytes).toString('base64'), errors: analysis.result.findings.filter((f) => f.severity === 'error').length };
}

export function importWord(data: string): ImportDocxResult {
  try {
    const imported = importDocx(Buffer.from(data, 'base64'));
    return { text: imported.text.endsWith('\n') || imported.text === '' ? imported.text : `${imported.text}\n`, paragraphs: imported.paragraphs.length };
  } catch (error) {
    if (error instanceof DocxError) return { error: { zh: error.zh, en: error.en } };
    throw error;
  }
}
