// Import: .docx bytes → the text a reader sees, one line per paragraph, with a map from text offsets
// to paragraphs (for positions) and to the XML nodes that hold each character (for annotate.ts).
// Automatic numbering is restored as text; tables become rows of tab-separated cells; headers,
// footers, comments, footnotes and text boxes are left out; tracked changes are read as accepted.
import { codePointLength } from '../core/text';
import { NumberingCounter, readNumbering } from './numbering';
import { childElements, isW, onOff, openPackage, readXml, relatedParts, wAttr, wChild, type Document, type Element, type Package, type Text } from './ooxml';

export interface ImportedParagraph {
  /** 1-based, in document order; a table row counts as one paragraph. */
  number: number;
  /** Offsets of the paragraph's text in `text` (end excludes the line break). */
  start: number;
  end: number;
  kind: 'paragraph' | 'table-row';
}

export interface ImportedDocx {
  text: string;
  paragraphs: ImportedParagraph[];
}

/** Characters of the text that stand in the XML: part of a `w:t` text node, or a `w:tab`/`w:br` element. */
export type Piece = { start: number; end: number } & ({ node: Text } | { element: Element });

export interface BodyReading extends ImportedDocx {
  pkg: Package;
  document: Document;
  /** Every character that has a place in the XML, in order (numbering, separators and line joins have none). */
  pieces: Piece[];
  /** The first `w:p` of each paragraph (for anchoring at a paragraph that has no text of its own). */
  paragraphElements: Element[];
}

/** Reads a .docx: the text and the paragraph map. Throws DocxError for a file it cannot read. */
export function importDocx(bytes: Uint8Array): ImportedDocx {
  const { text, paragraphs } = readBody(openPackage(bytes));
  return { text, paragraphs };
}

/** The paragraph (1-based) and column (1-based, in code points) of an offset of the imported text. */
export function locate(imported: ImportedDocx, offset: number): { paragraph: number; column: number } {
  const list = imported.paragraphs;
  if (list.length === 0) return { paragraph: 1, column: 1 };
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const p = list[lo];
  return { paragraph: p.number, column: codePointLength(imported.text, p.start, Math.max(p.start, Math.min(offset, p.end))) + 1 };
}

interface StyleNumbering {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

function readStyles(doc: Document | undefined): { paragraph: Map<string, StyleNumbering>; defaultParagraph?: string; numberingStyleNum: Map<string, string> } {
  const paragraph = new Map<string, StyleNumbering>();
  const numberingStyleNum = new Map<string, string>();
  let defaultParagraph: string | undefined;
  const root = doc?.documentElement;
  if (!root) return { paragraph, numberingStyleNum };
  for (const style of childElements(root)) {
    if (!isW(style, 'style')) continue;
    const id = wAttr(style, 'styleId') ?? '';
    const numPr = wChild(wChild(style, 'pPr'), 'numPr');
    const numId = wAttr(wChild(numPr, 'numId'), 'val');
    const ilvlText = wAttr(wChild(numPr, 'ilvl'), 'val');
    const type = wAttr(style, 'type');
    if (type === 'numbering') {
      if (numId) numberingStyleNum.set(id, numId);
      continue;
    }
    if (type !== 'paragraph') continue;
    if (['1', 'true', 'on'].includes(wAttr(style, 'default') ?? '')) defaultParagraph = id;
    paragraph.set(id, { basedOn: wAttr(wChild(style, 'basedOn'), 'val'), numId, ilvl: ilvlText === undefined ? undefined : Number(ilvlText) });
  }
  return { paragraph, defaultParagraph, numberingStyleNum };
}

/** Block-level wrappers whose content is read as if it stood in their place. */
const BLOCK_WRAPPERS = new Set(['customXml', 'ins', 'moveTo']);
/** Run-level wrappers read through (tracked insertions are accepted). */
const INLINE_WRAPPERS = new Set(['hyperlink', 'smartTag', 'fldSimple', 'ins', 'moveTo', 'customXml', 'dir', 'bdo']);

class BodyReader {
  text = '';
  pieces: Piece[] = [];
  paragraphs: ImportedParagraph[] = [];
  paragraphElements: Element[] = [];
  private open = false;
  private merging = false;
  private numbering: NumberingCounter;
  private styles: ReturnType<typeof readStyles>;

  constructor(pkg: Package) {
    const related = relatedParts(pkg, pkg.main);
    const styles = related.get('styles');
    const numbering = related.get('numbering');
    this.styles = readStyles(styles ? readXml(pkg, styles) : undefined);
    this.numbering = new NumberingCounter(readNumbering(numbering ? readXml(pkg, numbering) : undefined), (id) => this.styles.numberingStyleNum.get(id));
  }

  private add(text: string): void {
    this.text += text;
  }

  private addPiece(text: string, source: { node: Text } | { element: Element }): void {
    if (!text) return;
    const start = this.text.length;
    this.text += text;
    this.pieces.push({ start, end: this.text.length, ...source });
  }

  private beginLine(kind: ImportedParagraph['kind'], element: Element): void {
    if (this.paragraphs.length) this.add('\n');
    this.paragraphs.push({ number: this.paragraphs.length + 1, start: this.text.length, end: this.text.length, kind });
    this.paragraphElements.push(element);
    this.open = true;
  }

  private endLine(): void {
    this.paragraphs[this.paragraphs.length - 1].end = this.text.length;
    this.open = false;
  }

  blocks(container: Element): void {
    for (const el of childElements(container)) {
      if (isW(el, 'p')) this.paragraphLine(el);
      else if (isW(el, 'tbl')) this.table(el);
      else if (isW(el, 'sdt')) {
        const content = wChild(el, 'sdtContent');
        if (content) this.blocks(content);
      } else if (isW(el) && BLOCK_WRAPPERS.has(el.localName!)) this.blocks(el);
    }
    if (this.open) this.endLine();
  }

  private paragraphLine(p: Element): void {
    if (!this.merging) {
      if (this.open) this.endLine();
      this.beginLine('paragraph', p);
      this.numberingPrefix(p);
    }
    this.inline(p);
    // A deleted paragraph mark (accepted) joins this paragraph with the next one.
    this.merging = wChild(wChild(wChild(p, 'pPr'), 'rPr'), 'del') !== undefined;
    if (!this.merging) this.endLine();
  }

  private table(tbl: Element): void {
    for (const row of this.rows(tbl)) {
      if (this.open) this.endLine();
      this.merging = false;
      this.beginLine('table-row', row);
      this.rowCells(row);
      this.endLine();
    }
  }

  private rows(tbl: Element): Element[] {
    const out: Element[] = [];
    const walk = (el: Element) => {
      for (const c of childElements(el)) {
        if (isW(c, 'tr')) out.push(c);
        else if (isW(c, 'sdt')) walk(wChild(c, 'sdtContent') ?? c);
        else if (isW(c) && BLOCK_WRAPPERS.has(c.localName!)) walk(c);
      }
    };
    walk(tbl);
    return out;
  }

  private rowCells(row: Element): void {
    const cells: Element[] = [];
    const walk = (el: Element) => {
      for (const c of childElements(el)) {
        if (isW(c, 'tc')) cells.push(c);
        else if (isW(c, 'sdt')) walk(wChild(c, 'sdtContent') ?? c);
        else if (isW(c) && BLOCK_WRAPPERS.has(c.localName!)) walk(c);
      }
    };
    walk(row);
    cells.forEach((cell, i) => {
      if (i) this.add('\t');
      this.cellContent(cell, { first: true });
    });
  }

  /** A cell's paragraphs (and nested tables) joined by spaces on the row's line. */
  private cellContent(container: Element, state: { first: boolean }): void {
    for (const el of childElements(container)) {
      if (isW(el, 'p')) {
        const before = this.text.length;
        if (!state.first) this.add(' ');
        this.numberingPrefix(el);
        this.inline(el);
        // An empty paragraph (Word puts one after a nested table) adds no separator.
        if (this.text.length === before + (state.first ? 0 : 1)) this.text = this.text.slice(0, before);
        else state.first = false;
      } else if (isW(el, 'tbl')) {
        for (const row of this.rows(el)) {
          const cells = childElements(row).filter((c) => isW(c, 'tc'));
          for (const cell of cells) this.cellContent(cell, state);
        }
      } else if (isW(el, 'sdt')) {
        const content = wChild(el, 'sdtContent');
        if (content) this.cellContent(content, state);
      } else if (isW(el) && BLOCK_WRAPPERS.has(el.localName!)) this.cellContent(el, state);
    }
  }

  private numberingPrefix(p: Element): void {
    const pPr = wChild(p, 'pPr');
    const numPr = wChild(pPr, 'numPr');
    let numId = wAttr(wChild(numPr, 'numId'), 'val');
    const ilvlText = wAttr(wChild(numPr, 'ilvl'), 'val');
    let ilvl = ilvlText === undefined ? undefined : Number(ilvlText);
    let styleId: string | undefined = wAttr(wChild(pPr, 'pStyle'), 'val') ?? this.styles.defaultParagraph;
    let numberingStyle: string | undefined;
    for (let hops = 0; styleId && hops < 20 && (numId === undefined || ilvl === undefined); hops++) {
      const style = this.styles.paragraph.get(styleId);
      if (!style) break;
      if (style.numId !== undefined && numId === undefined) {
        numId = style.numId;
        numberingStyle = styleId;
      }
      if (style.ilvl !== undefined && ilvl === undefined && (numId === style.numId || numberingStyle === styleId)) ilvl = style.ilvl;
      styleId = style.basedOn;
    }
    if (numId === undefined || numId === '0') return;
    if (ilvl === undefined && numberingStyle) ilvl = this.numbering.levelForStyle(numId, numberingStyle);
    const label = this.numbering.next(numId, Math.max(0, Math.min(8, ilvl ?? 0)));
    if (!label || !label.text) return;
    this.add(label.text + (label.suffix === 'space' ? ' ' : ''));
  }

  private inline(container: Element): void {
    for (const el of childElements(container)) {
      if (isW(el, 'r')) this.run(el);
      else if (isW(el, 'sdt')) {
        const content = wChild(el, 'sdtContent');
        if (content) this.inline(content);
      } else if (isW(el) && INLINE_WRAPPERS.has(el.localName!)) this.inline(el);
      // w:del, w:moveFrom (rejected by accepting), bookmarks, proofing marks, comment ranges: no text.
    }
  }

  private run(r: Element): void {
    if (onOff(wChild(wChild(r, 'rPr'), 'vanish'))) return;
    for (const el of childElements(r)) {
      if (!isW(el)) continue;
      switch (el.localName) {
        case 't':
          for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 || n.nodeType === 4) this.addPiece((n as Text).data, { node: n as Text });
          break;
        case 'tab':
        case 'ptab':
          this.addPiece('\t', { element: el });
          break;
        case 'br': {
          const type = wAttr(el, 'type');
          if (type !== 'page' && type !== 'column') this.addPiece('\n', { element: el });
          break;
        }
        case 'cr':
          this.addPiece('\n', { element: el });
          break;
        case 'noBreakHyphen':
          this.addPiece('-', { element: el });
          break;
        case 'sym': {
          const code = Number.parseInt(wAttr(el, 'char') ?? '', 16);
          if (Number.isFinite(code) && code > 0) this.addPiece(String.fromCodePoint(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code), { element: el });
          break;
        }
        default:
          // w:delText, w:instrText, drawings, text boxes, footnote references, w:softHyphen: nothing a reader reads.
          break;
      }
    }
  }
}

/** Reads the main document's body (from `document` when given: a DOM being edited). */
export function readBody(pkg: Package, document: Document = readXml(pkg, pkg.main)!): BodyReading {
  const body = wChild(document.documentElement ?? undefined, 'body');
  const reader = new BodyReader(pkg);
  if (body) reader.blocks(body);
  return { pkg, document, text: reader.text, paragraphs: reader.paragraphs, pieces: reader.pieces, paragraphElements: reader.paragraphElements };
}
