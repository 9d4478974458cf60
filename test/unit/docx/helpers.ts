// Word test helpers: build .docx files from hand-written XML, and read back what Word would show.
import { DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS = `xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxParts {
  /** The inner XML of w:body. */
  body: string;
  numbering?: string;
  styles?: string;
  /** Inner XML of w:comments. */
  comments?: string;
  header?: string;
  footer?: string;
}

/** A minimal but complete .docx, as Word writes one, from hand-written parts. */
export function buildDocx(parts: DocxParts): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'];
  const rels: string[] = [];
  const add = (name: string, type: string, contentType: string, xml: string) => {
    files[`word/${name}`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
    overrides.push(`<Override PartName="/word/${name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${contentType}+xml"/>`);
    rels.push(`<Relationship Id="rId${rels.length + 1}" Type="${REL}/${type}" Target="${name}"/>`);
  };
  if (parts.styles) add('styles.xml', 'styles', 'styles', `<w:styles ${NS}>${parts.styles}</w:styles>`);
  if (parts.numbering) add('numbering.xml', 'numbering', 'numbering', `<w:numbering ${NS}>${parts.numbering}</w:numbering>`);
  if (parts.comments) add('comments.xml', 'comments', 'comments', `<w:comments ${NS}>${parts.comments}</w:comments>`);
  if (parts.header) add('header1.xml', 'header', 'header', `<w:hdr ${NS}><w:p><w:r><w:t>${parts.header}</w:t></w:r></w:p></w:hdr>`);
  if (parts.footer) add('footer1.xml', 'footer', 'footer', `<w:ftr ${NS}><w:p><w:r><w:t>${parts.footer}</w:t></w:r></w:p></w:ftr>`);
  const sect = `<w:sectPr>${parts.header ? `<w:headerReference w:type="default" r:id="rId${rels.findIndex((r) => r.includes('header1')) + 1}"/>` : ''}${parts.footer ? `<w:footerReference w:type="default" r:id="rId${rels.findIndex((r) => r.includes('footer1')) + 1}"/>` : ''}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`;
  files['word/document.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${parts.body}${sect}</w:body></w:document>`);
  files['word/_rels/document.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  files['_rels/.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
  files['[Content_Types].xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`);
  return zipSync(files);
}

/** `<w:p>` with runs of plain text (and optional paragraph properties). */
export function p(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : ''}</w:p>`;
}

export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partText(bytes: Uint8Array, name: string): string {
  const file = parts(bytes)[name];
  if (!file) throw new Error(`no part ${name}`);
  return strFromU8(file);
}

export function xml(bytes: Uint8Array, name: string): Element {
  return new DOMParser().parseFromString(partText(bytes, name), 'text/xml').documentElement as Element;
}

export function wAll(root: Element, local: string): Element[] {
  return Array.from<Element>(root.getElementsByTagNameNS(W, local));
}

export function wFirst(root: Element | undefined, local: string): Element | undefined {
  if (!root) return undefined;
  for (let n = root.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === local) return n as Element;
  return undefined;
}

export function val(el: Element | undefined, attr = 'val'): string | undefined {
  return el?.getAttributeNS(W, attr) ?? undefined;
}

/**
 * The text of each comment's anchor in document.xml: the w:t text between its commentRangeStart and
 * commentRangeEnd (deleted text left out), by comment id.
 */
export function commentAnchors(bytes: Uint8Array): Map<string, string> {
  const open = new Map<string, string>();
  const done = new Map<string, string>();
  const walk = (node: Node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (el.localName === 'del' || el.localName === 'moveFrom') continue;
      if (el.localName === 'commentRangeStart') open.set(val(el, 'id')!, '');
      else if (el.localName === 'commentRangeEnd') {
        done.set(val(el, 'id')!, open.get(val(el, 'id')!) ?? '');
        open.delete(val(el, 'id')!);
      } else if (el.localName === 't') {
        for (const id of open.keys()) open.set(id, open.get(id)! + (el.textContent ?? ''));
      } else if (el.localName === 'tab') {
        for (const id of open.keys()) open.set(id, open.get(id)! + '\t');
      } else walk(el);
    }
  };
  walk(xml(bytes, 'word/document.xml'));
  return done;
}

/** Every character of the body's w:t text with the run properties it is shown with. */
export function characterFormats(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const t of wAll(xml(bytes, 'word/document.xml'), 't')) {
    const run = t.parentNode as Element;
    const rPr = wFirst(run, 'rPr');
    const props = rPr ? new XMLSerializer().serializeToString(rPr) : '';
    for (const ch of t.textContent ?? '') out.push(`${ch}|${props}`);
  }
  return out;
}
