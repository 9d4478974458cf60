// Word packages (.docx): the zip container, its parts and their XML. Pure: bytes in, bytes out.
// Whatever is wrong with a file becomes one DocxError with a Chinese and an English message.
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

export type { Document, Element, Node, Text } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { DocxError } from './errors';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** ISO 29500 Strict documents use this namespace for the same elements. */
export const W_STRICT_NS = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const REL_TYPE_BASES = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/', 'http://purl.oclc.org/ooxml/officeDocument/relationships/'];

export { DocxError, type DocxErrorCode } from './errors';

/** Uncompressed size above which a package is refused (a zip bomb, not a speech). */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Whether the UTF-16LE name occurs in the bytes (OLE directory entries store names so). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** What a file that is not a readable package is, as a DocxError. */
function classifyNonZip(bytes: Uint8Array): DocxError {
  if (startsWith(bytes, CFB_MAGIC)) {
    if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) {
      return new DocxError(
        'encrypted',
        '文件受密码保护（已加密），无法读取：请在 Word 中打开，删除密码（文件 → 信息 → 保护文档 → 用密码进行加密）后再试',
        'the file is password-protected (encrypted) and cannot be read: remove the password in Word (File → Info → Protect Document → Encrypt with Password) and try again',
      );
    }
    if (hasUtf16Name(bytes, 'WordDocument')) {
      return new DocxError('doc', '这是旧版 Word 97-2003 文档（.doc），请在 Word 或 WPS 中另存为 .docx 后再试', 'this is an old Word 97-2003 document (.doc): save it as .docx in Word or WPS and try again');
    }
    return new DocxError('ole', '这是 OLE 复合文档，但不是 Word 文档', 'this is an OLE compound file but not a Word document');
  }
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
  if (head.startsWith('{\\rtf')) return new DocxError('rtf', '这是 RTF 文档，请在 Word 或 WPS 中另存为 .docx 后再试', 'this is an RTF document: save it as .docx in Word or WPS and try again');
  return new DocxError('not-docx', '不是 Word 文档（.docx）：文件不是 ZIP 格式', 'not a Word document (.docx): the file is not a ZIP package');
}

export interface Package {
  /** Every part by name (no leading slash), in the zip's order. */
  files: Record<string, Uint8Array>;
  /** The main document part, e.g. `word/document.xml`. */
  main: string;
}

/** Opens a .docx: checks what it is and finds the main document part. */
export function openPackage(bytes: Uint8Array): Package {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) throw classifyNonZip(bytes);
  let files: Record<string, Uint8Array>;
  let total = 0;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_UNCOMPRESSED_BYTES) throw new DocxError('too-large', `解压后超过 ${MAX_UNCOMPRESSED_BYTES / 1048576} MB，不像讲稿，已拒绝`, `more than ${MAX_UNCOMPRESSED_BYTES / 1048576} MB uncompressed: refused`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError('corrupt', '文件已损坏或不完整（ZIP 数据无法读取），可能是下载或复制时被截断', 'the file is damaged or incomplete (its ZIP data cannot be read); it may have been truncated');
  }
  const main = mainPart(files);
  if (!main || !files[main]) {
    throw new DocxError('not-docx', '不是 Word 文档（.docx）：压缩包里没有 Word 正文（word/document.xml）', 'not a Word document (.docx): the package has no Word main document part');
  }
  return { files, main };
}

function mainPart(files: Record<string, Uint8Array>): string | undefined {
  const rels = files['_rels/.rels'];
  if (rels) {
    try {
      const doc = parseXml(strFromU8(rels), '_rels/.rels');
      for (const rel of elements(doc.documentElement!, 'Relationship')) {
        if (relType(rel.getAttribute('Type')) === 'officeDocument') return resolveTarget('', rel.getAttribute('Target') ?? '');
      }
    } catch {
      // fall back to the usual name
    }
  }
  return files['word/document.xml'] ? 'word/document.xml' : undefined;
}

/** `…/relationships/comments` → `comments`. */
export function relType(type: string | null): string | undefined {
  if (!type) return undefined;
  for (const base of REL_TYPE_BASES) if (type.startsWith(base)) return type.slice(base.length);
  return undefined;
}

/** A relationship target resolved against the folder of the part that owns it. */
export function resolveTarget(ownerFolder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : ownerFolder ? `${ownerFolder}/${target}` : target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i === -1 ? '' : part.slice(0, i);
}

export function relsPartOf(part: string): string {
  const folder = folderOf(part);
  const name = part.slice(folder ? folder.length + 1 : 0);
  return `${folder ? `${folder}/` : ''}_rels/${name}.rels`;
}

/** The parts a part points to, by relationship type (`numbering`, `styles`, `comments`, …). */
export function relatedParts(pkg: Package, part: string): Map<string, string> {
  const out = new Map<string, string>();
  const rels = pkg.files[relsPartOf(part)];
  if (!rels) return out;
  const doc = parseXml(strFromU8(rels), relsPartOf(part));
  for (const rel of elements(doc.documentElement!, 'Relationship')) {
    const type = relType(rel.getAttribute('Type'));
    if (type && rel.getAttribute('TargetMode') !== 'External' && !out.has(type)) out.set(type, resolveTarget(folderOf(part), rel.getAttribute('Target') ?? ''));
  }
  return out;
}

export function parseXml(text: string, part: string): Document {
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml');
    if (!doc.documentElement) throw new Error('no root element');
    return doc;
  } catch {
    throw new DocxError('corrupt', `文件已损坏：${part} 不是有效的 XML`, `the file is damaged: ${part} is not valid XML`);
  }
}

export function readXml(pkg: Package, part: string): Document | undefined {
  const bytes = pkg.files[part];
  return bytes ? parseXml(strFromU8(bytes), part) : undefined;
}

export function serializeXml(doc: Document): Uint8Array {
  return strToU8(new XMLSerializer().serializeToString(doc));
}

/** Writes a package back: every part in its original order, the given ones replaced or added. */
export function writePackage(files: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  // [Content_Types].xml first, as Office writes it.
  if (files['[Content_Types].xml']) zippable['[Content_Types].xml'] = files['[Content_Types].xml'];
  for (const [name, data] of Object.entries(files)) if (name !== '[Content_Types].xml') zippable[name] = data;
  return zipSync(zippable, { level: 6 });
}

// ---------------------------------------------------------------------------------------------
// DOM helpers: WordprocessingML elements are matched by local name in either namespace.

export function isW(node: Node | null | undefined, local?: string): boolean {
  if (!node || node.nodeType !== 1) return false;
  const el = node as Element;
  return (el.namespaceURI === W_NS || el.namespaceURI === W_STRICT_NS) && (local === undefined || el.localName === local);
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The first `w:local` child. */
export function wChild(el: Element | undefined, local: string): Element | undefined {
  if (!el) return undefined;
  for (let n = el.firstChild; n; n = n.nextSibling) if (isW(n, local)) return n as Element;
  return undefined;
}

/** Every descendant element with this local name (any namespace), in document order. */
export function elements(root: Element, local: string): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      if ((n as Element).localName === local) out.push(n as Element);
      walk(n as Element);
    }
  };
  walk(root);
  return out;
}

/** A w: attribute (`w:val`), in either namespace or unqualified. */
export function wAttr(el: Element | undefined, local: string): string | undefined {
  if (!el) return undefined;
  const v = el.getAttributeNS(W_NS, local) || el.getAttributeNS(W_STRICT_NS, local) || el.getAttribute(`w:${local}`) || el.getAttribute(local);
  return v === null || v === '' ? undefined : v;
}

/** An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): undefined when absent. */
export function onOff(el: Element | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = wAttr(el, 'val');
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}
