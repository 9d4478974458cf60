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
  }
}
