// Bytes in, text out, and back: BOMs, UTF-8, GB18030/GBK, UTF-16 with or without a BOM, binary files
// and line endings, so that --fix writes a file back exactly as it was except for the fixes.

import { diffEdits } from '../lsp/diff';
import { encodeGb18030, gb18030SequenceLength } from './gb18030';

export type Encoding = 'utf8' | 'gb18030' | 'gbk' | 'utf16le' | 'utf16be';
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/** What `--encoding` accepts (any case; `utf-8`, `utf-16le` … are taken too). */
export const ENCODINGS: readonly Encoding[] = ['utf8', 'gb18030', 'gbk', 'utf16le', 'utf16be'];

/** How an encoding is written in messages. */
export const ENCODING_NAMES: Record<Encoding, string> = { utf8: 'UTF-8', gb18030: 'GB18030', gbk: 'GBK', utf16le: 'UTF-16LE', utf16be: 'UTF-16BE' };

export function parseEncoding(name: string): Encoding | undefined {
  const key = name.toLowerCase().replace(/[-_]/g, '');
  return (ENCODINGS as readonly string[]).includes(key) ? (key as Encoding) : undefined;
}

/** Why some bytes could not be read as text, in both languages. */
export interface DecodeProblem {
  zh: string;
  en: string;
}

export interface Decoded {
  /** The text without its BOM. */
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** Some bytes did not decode (replaced by U+FFFD or left out): never written back. */
  invalid: boolean;
  /** What did not decode, when `invalid` and the encoding says more than "not valid UTF-8". */
  problem?: DecodeProblem;
  /** The file looks binary (NUL bytes and not UTF-16): not a draft. */
  binary: boolean;
  /** Not valid UTF-8, valid GB18030, yet not convincingly Chinese text: a hint for the warning. */
  looksLikeGbk: boolean;
  /** The encoding was inferred from the bytes alone (no BOM, not UTF-8, not forced). */
  guessed: boolean;
  lineEnding: LineEnding;
}

/** Bytes looked at to tell binary files and UTF-16 apart. */
const SNIFF = 8000;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const BOMS: Record<Encoding, number[] | undefined> = { utf8: UTF8_BOM, utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff], gb18030: undefined, gbk: undefined };

function startsWith(bytes: Uint8Array, prefix: number[] | undefined): boolean {
  return prefix !== undefined && bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Decodes a file's bytes: by `forced` when given, else by BOM, UTF-16 patterns, UTF-8, then GB18030. */
export function decode(bytes: Uint8Array, forced?: Encoding): Decoded {
  if (forced) {
    const bom = startsWith(bytes, BOMS[forced]);
    return decodeAs(bytes.subarray(bom ? BOMS[forced]!.length : 0), forced, bom, false);
  }
  if (startsWith(bytes, BOMS.utf16le)) return decodeAs(bytes.subarray(2), 'utf16le', true, false);
  if (startsWith(bytes, BOMS.utf16be)) return decodeAs(bytes.subarray(2), 'utf16be', true, false);
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const sniff = body.subarray(0, SNIFF);
  if (!bom && sniff.includes(0)) {
    const utf16 = sniffUtf16(body);
    if (utf16) return decodeAs(body, utf16, false, true);
    return { text: '', encoding: 'utf8', bom: false, invalid: false, binary: true, looksLikeGbk: false, guessed: false, lineEnding: 'none' };
  }
  if (sniff.includes(0)) return { text: '', encoding: 'utf8', bom, invalid: false, binary: true, looksLikeGbk: false, guessed: false, lineEnding: 'none' };
  const utf8 = decodeAs(body, 'utf8', bom, false);
  if (!utf8.invalid || bom) return utf8;
  const gb = fatal('gb18030', body);
  if (gb !== undefined && looksLikeGb18030(body, gb)) return decodeAs(body, 'gb18030', false, true);
  return { ...utf8, looksLikeGbk: gb !== undefined };
}

function fatal(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeAs(body: Uint8Array, encoding: Encoding, bom: boolean, guessed: boolean): Decoded {
  const base = { encoding, bom, binary: false, looksLikeGbk: false, guessed };
  if (encoding === 'utf16le' || encoding === 'utf16be') {
    const { text, problem } = decodeUtf16(body, encoding === 'utf16be');
    return { ...base, text, invalid: problem !== undefined, problem, lineEnding: lineEnding(text) };
  }
  const label = encoding === 'utf8' ? 'utf-8' : 'gb18030';
  const strict = fatal(label, body);
  if (strict !== undefined) return { ...base, text: strict, invalid: false, lineEnding: lineEnding(strict) };
  const text = new TextDecoder(label, { ignoreBOM: true }).decode(body);
  const name = ENCODING_NAMES[encoding];
  const at = where(text, text.indexOf('\uFFFD'));
  const problem = encoding === 'utf8' ? undefined : { zh: `不是有效的 ${name}（${at.zh}起有无法解码的字节，已替换为 �）`, en: `not valid ${name} (undecodable bytes from ${at.en}, replaced by U+FFFD)` };
  return { ...base, text, invalid: true, problem, lineEnding: lineEnding(text) };
}

/**
 * UTF-16 as it is: a lone surrogate stays in the text (the rules see it), an odd last byte is left
 * out; either makes the file one that is never written back.
 */
function decodeUtf16(body: Uint8Array, bigEndian: boolean): { text: string; problem?: DecodeProblem } {
  const even = body.length - (body.length % 2);
  const units = Buffer.from(body.subarray(0, even));
  if (bigEndian) units.swap16();
  const text = units.toString('utf16le');
  const name = ENCODING_NAMES[bigEndian ? 'utf16be' : 'utf16le'];
  const lone = loneSurrogate(text);
  if (lone !== -1) {
    const at = where(text, lone);
    const unit = `U+${text.charCodeAt(lone).toString(16).toUpperCase()}`;
    return { text, problem: { zh: `${name} 编码有误：${at.zh}有不成对的代理项 ${unit}`, en: `invalid ${name}: an unpaired surrogate ${unit} at ${at.en}` } };
  }
  if (even !== body.length) {
    return { text, problem: { zh: `${name} 编码有误：文件末尾多出 1 个字节（已忽略）`, en: `invalid ${name}: an odd byte at the end of the file (left out)` } };
  }
  return { text };
}

function loneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/** "第 3 行第 5 列" / "line 3, column 5" for a UTF-16 offset (columns in code points). */
function where(text: string, offset: number): { zh: string; en: string } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = [...text.slice(lineStart, offset)].length + 1;
  return { zh: `第 ${line} 行第 ${column} 列`, en: `line ${line}, column ${column}` };
}

// ------------------------------------------------------------------------------ guessing

/**
 * UTF-16 without a BOM: NUL bytes (the high byte of ASCII such as line breaks) and a decoding that
 * reads as text in one byte order and not in the other. Binary files with NULs score low both ways.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  const window = bytes.subarray(0, Math.min(bytes.length, SNIFF) & ~1);
  // Random 16-bit units are "ordinary" half the time: fewer than 32 prove nothing.
  if (window.length < 64) return undefined;
  const le = textScore(Buffer.from(window).toString('utf16le'));
  const be = textScore(Buffer.from(window).swap16().toString('utf16le'));
  if (le >= 0.95 && le > be) return 'utf16le';
  if (be >= 0.95 && be > le) return 'utf16be';
  return undefined;
}

/** The share of code units that are ordinary in a Chinese draft (ASCII text, CJK, punctuation…). */
function textScore(text: string): number {
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      // A pair (e.g. Extension B) counts as two good units; a half pair cut off by the window is neutral.
      if (next >= 0xdc00 && next <= 0xdfff) {
        good += 2;
        i++;
      } else if (i + 1 === text.length) good++;
      continue;
    }
    if (ordinary(c)) good++;
  }
  return text.length ? good / text.length : 0;
}

function ordinary(c: number): boolean {
  return (
    c === 9 || c === 10 || c === 12 || c === 13 ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0x24f) || // Latin-1, pinyin tone letters
    (c >= 0x370 && c <= 0x45f) || // Greek, Cyrillic (in GB2312)
    (c >= 0x2000 && c <= 0x27bf) || // punctuation, symbols, ①, boxes, shapes
    (c >= 0x3000 && c <= 0x4dbf) || // CJK punctuation, kana, bopomofo, Extension A
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0xfeff
  );
}

/**
 * Whether bytes that are not UTF-8 but decode as GB18030 (`text`) are Chinese text rather than
 * Latin-1, Windows-1252 or binary: no control or private-use characters; most multi-byte sequences
 * in the GB2312 area (simplified drafts nearly all, traditional ones in GBK about 70 %); and of those,
 * nearly all punctuation or first-level (everyday) characters: 99.9 % in the corpus, about half for
 * random bytes. Latin-1 accents followed by a letter are never in the GB2312 area. Short texts must
 * do better to count.
 */
export function looksLikeGb18030(bytes: Uint8Array, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) return false;
    if (c >= 0xe000 && c <= 0xf8ff) return false;
  }
  let multi = 0;
  let gb2312 = 0;
  let everyday = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = gb18030SequenceLength(bytes, i);
    if (length === 2) {
      multi++;
      const lead = bytes[i];
      const trail = bytes[i + 1];
      if (trail >= 0xa1 && trail <= 0xfe && ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xf7))) {
        gb2312++;
        // Rows A1–A3: punctuation and full-width forms; B0–D7: the 3,755 first-level characters.
        if (lead <= 0xa3 || (lead >= 0xb0 && lead <= 0xd7)) everyday++;
      }
    } else if (length === 4) multi++;
    i += length;
  }
  const needed = multi >= 32 ? 0.55 : multi >= 8 ? 0.8 : 1;
  return multi > 0 && gb2312 >= needed * multi && everyday >= 0.9 * gb2312;
}

// ------------------------------------------------------------------------------ line endings

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

// ------------------------------------------------------------------------------ writing back

/** `text` in the given encoding, without BOM (throws UnencodableError where GB18030/GBK has no form). */
export function encodeText(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'gb18030' || encoding === 'gbk') return encodeGb18030(text, encoding === 'gbk');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'utf16le' ? le : le.swap16();
}

/** The bytes of `text` in the encoding (and with the BOM) the file was read in. */
export function encode(text: string, decoded: Pick<Decoded, 'encoding' | 'bom'>): Buffer {
  const body = encodeText(text, decoded.encoding);
  const bom = decoded.bom ? BOMS[decoded.encoding] : undefined;
  return bom ? Buffer.concat([Buffer.from(bom), body]) : body;
}

/**
 * The file's bytes with only what changed between `decoded.text` and `text` re-encoded: every
 * other byte stays as it was (GB18030 has a few characters with two byte forms, and which one the
 * file used is kept). Checked by decoding the result; throws rather than return something else.
 */
export function encodeEdited(original: Uint8Array, decoded: Decoded, text: string): Buffer {
  if (decoded.invalid || decoded.binary) throw new Error('a file that did not decode cleanly is never written back');
  const bomLength = decoded.bom ? BOMS[decoded.encoding]!.length : 0;
  const edits = diffEdits(decoded.text, text);
  const offsets = byteOffsets(original, bomLength, decoded, edits.flatMap((e) => [e.start, e.end]));
  const parts: Uint8Array[] = [];
  let copied = 0;
  edits.forEach((edit, i) => {
    const start = offsets[2 * i];
    const end = offsets[2 * i + 1];
    parts.push(original.subarray(copied, start), encodeText(edit.text, decoded.encoding));
    copied = end;
  });
  parts.push(original.subarray(copied));
  const out = Buffer.concat(parts);
  const check = decode(out, decoded.encoding);
  if (check.invalid || check.text !== text || check.bom !== decoded.bom) throw new Error(`re-encoding as ${decoded.encoding} did not give the fixed text back`);
  return out;
}

/** Byte offsets in `bytes` of the given text offsets (ascending), walking code point by code point. */
function byteOffsets(bytes: Uint8Array, bomLength: number, decoded: Decoded, textOffsets: number[]): number[] {
  const out: number[] = [];
  const text = decoded.text;
  let byte = bomLength;
  let unit = 0;
  for (const target of textOffsets) {
    while (unit < target) {
      const c = text.charCodeAt(unit);
      const pair = c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length;
      const units = pair ? 2 : 1;
      if (decoded.encoding === 'utf8') byte += pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      else if (decoded.encoding === 'utf16le' || decoded.encoding === 'utf16be') byte += 2 * units;
      else byte += gb18030SequenceLength(bytes, byte);
      unit += units;
    }
    out.push(byte);
  }
  return out;
}
