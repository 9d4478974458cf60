// Bytes in, text out, and back: BOMs, UTF-16, invalid UTF-8, binary files and line endings, so that
// --fix writes a file back exactly as it was except for the fixes.

export type Encoding = 'utf8' | 'utf16le' | 'utf16be';
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface Decoded {
  /** The text without its BOM. */
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** The bytes were not valid UTF-8: decoded with U+FFFD replacements (never written back). */
  invalid: boolean;
  /** The file looks binary (NUL bytes): not a draft. */
  binary: boolean;
  /** Invalid UTF-8 that decodes as GB18030/GBK: a hint for the warning. */
  looksLikeGbk: boolean;
  lineEnding: LineEnding;
}

/** Bytes looked at to tell binary files apart. */
const SNIFF = 8000;

export function decode(bytes: Uint8Array): Decoded {
  const base = { invalid: false, binary: false, looksLikeGbk: false };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2));
    return { ...base, text, encoding: 'utf16le', bom: true, lineEnding: lineEnding(text) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2));
    return { ...base, text, encoding: 'utf16be', bom: true, lineEnding: lineEnding(text) };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const sniff = body.subarray(0, SNIFF);
  if (sniff.includes(0)) return { ...base, text: '', encoding: 'utf8', bom, binary: true, lineEnding: 'none' };
  let text: string;
  let invalid = false;
  let looksLikeGbk = false;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    invalid = true;
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(body);
      looksLikeGbk = true;
    } catch {
      looksLikeGbk = false;
    }
  }
  return { text, encoding: 'utf8', bom, invalid, binary: false, looksLikeGbk, lineEnding: lineEnding(text) };
}

export function lineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = (crlf ? 1 : 0) + (lf ? 1 : 0) + (cr ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'crlf' : lf ? 'lf' : 'cr';
}

/** Brings line breaks a fix inserted into the file's own style (a file of one style only). */
export function restoreLineEndings(text: string, style: LineEnding): string {
  if (style === 'crlf') return text.replace(/\r\n|\r|\n/g, '\r\n');
  if (style === 'cr') return text.replace(/\r\n|\n/g, '\r');
  if (style === 'lf') return text.replace(/\r\n|\r/g, '\n');
  return text;
}

/** The bytes of `text` in the encoding (and with the BOM) the file was read in. */
export function encode(text: string, decoded: Pick<Decoded, 'encoding' | 'bom'>): Buffer {
  if (decoded.encoding === 'utf8') {
    const body = Buffer.from(text, 'utf8');
    return decoded.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  const le = Buffer.from(text, 'utf16le');
  if (decoded.encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  le.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}
