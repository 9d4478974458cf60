// What is wrong with a file that should be a .docx, in Chinese and English. No dependencies, so
// that callers can tell these errors apart without loading the Word libraries.

export type DocxErrorCode = 'not-docx' | 'encrypted' | 'doc' | 'rtf' | 'ole' | 'corrupt' | 'too-large';

export class DocxError extends Error {
  constructor(
    readonly code: DocxErrorCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'DocxError';
  }
}

/** A DocxError, also one thrown by the Word code's own bundle (dist/docx.js holds its own copy of the class). */
export function isDocxError(error: unknown): error is DocxError {
  return error instanceof DocxError || (error instanceof Error && error.name === 'DocxError' && typeof (error as DocxError).zh === 'string' && typeof (error as DocxError).en === 'string');
}
