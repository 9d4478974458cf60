// Annotate: findings written into a copy of the Word file as comments (批注), each anchored on
// exactly the characters it concerns. Runs are split where an anchor falls inside one; nothing else
// in the document changes, so importing the copy gives the same text as the original.
import { strToU8 } from 'fflate';
import { isChinese, type Locale, type MessageData } from '../core/i18n/format';
import { uiMessage } from '../core/i18n/ui';
import type { Finding } from '../core/types';
import { readBody, type BodyReading, type Piece } from './import';
import { CT_NS, REL_NS, W_NS, folderOf, isW, openPackage, parseXml, readXml, relatedParts, relsPartOf, serializeXml, wAttr, wChild, writePackage, type Document, type Element, type Node } from './ooxml';
import { findingText } from './structure';

export interface Annotation {
  /** Offsets in the imported text (importDocx). */
  start: number;
  end: number;
  /** The comment: one paragraph per line. */
  comment: string;
}

export interface AnnotateOptions {
  author?: string;
  initials?: string;
  /** ISO date of the comments (default: now). */
  date?: string;
}

export const COMMENT_AUTHOR = '讲稿助手';

/** The comment for a finding: its message, then the suggested fix when it has one. */
export function commentFor(finding: Finding, text: string, locale: Locale): string {
  const message = findingText(finding, locale);
  if (!finding.fix?.edits.length) return message;
  // A comment line shows no line breaks, and a whole deleted line only by its start.
  const shown = (s: string) => {
    const flat = s.replace(/[\r\n]+/g, '');
    return Array.from(flat).length > 24 ? `${Array.from(flat).slice(0, 20).join('')}……` : flat;
  };
  const say = (id: string, data?: MessageData) => uiMessage(`annotate/${id}`, data, locale);
  const steps = finding.fix.edits.map((e) => {
    const old = text.slice(e.start, e.end);
    if (/[\r\n]/.test(e.text) && old.trim() === '') return say('new-line');
    if (old && !e.text) return old.trim() === '' ? say('remove-space') : say('delete', { text: shown(old) });
    if (!old) return say('insert', { text: shown(e.text) });
    return say('change', { old: shown(old), text: shown(e.text) });
  });
  return say('suggested', { message, steps: steps.join(isChinese(locale) ? '；' : '; ') });
}

type Anchor = { kind: 'range'; start: number; end: number } | { kind: 'point'; at: number; paragraph: number } | { kind: 'paragraph'; paragraph: number };

function pieceAt(pieces: Piece[], offset: number): Piece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid];
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}

function paragraphIndexAt(reading: BodyReading, offset: number): number {
  let index = 0;
  for (let i = 0; i < reading.paragraphs.length; i++) if (reading.paragraphs[i].start <= offset) index = i;
  return index;
}

/** Where a finding's comment goes: on its characters that stand in the XML (numbering has none). */
function anchorFor(reading: BodyReading, a: Annotation): Anchor {
  const paragraph = paragraphIndexAt(reading, a.start);
  const overlapping = reading.pieces.filter((p) => p.end > a.start && p.start < a.end);
  if (a.end > a.start && overlapping.length) {
    return { kind: 'range', start: Math.max(a.start, overlapping[0].start), end: Math.min(a.end, overlapping[overlapping.length - 1].end) };
  }
  const { start, end } = reading.paragraphs[paragraph] ?? { start: 0, end: 0 };
  const next = reading.pieces.find((p) => p.end > a.start && p.start >= start && p.start <= end);
  if (next) return { kind: 'point', at: Math.max(a.start, next.start), paragraph };
  const previous = reading.pieces.filter((p) => p.start >= start && p.end <= end).pop();
  if (previous) return { kind: 'point', at: previous.end, paragraph };
  return { kind: 'paragraph', paragraph };
}

const runOf = (piece: Piece): Element => ('node' in piece ? piece.node.parentNode!.parentNode : piece.element.parentNode) as Element;

function insertAfter(node: Node, after: Node): void {
  after.parentNode!.insertBefore(node, after.nextSibling);
}

/** Moves `child` and every sibling after it into a copy of its run (same properties) placed after it. */
function splitRunBefore(run: Element, child: Element): void {
  let before = false;
  for (let n = child.previousSibling; n; n = n.previousSibling) if (n.nodeType === 1 && !isW(n, 'rPr')) before = true;
  if (!before) return;
  const copy = run.cloneNode(false) as Element;
  const rPr = wChild(run, 'rPr');
  if (rPr) copy.appendChild(rPr.cloneNode(true));
  for (let n: Node | null = child; n; ) {
    const next: Node | null = n.nextSibling;
    copy.appendChild(n);
    n = next;
  }
  insertAfter(copy, run);
}

/** Makes `offset` the first character of a run. */
function splitAt(piece: Piece, offset: number): void {
  const run = runOf(piece);
  if (!('node' in piece)) {
    splitRunBefore(run, piece.element);
    return;
  }
  const text = piece.node;
  const t = text.parentNode as Element;
  const o = offset - piece.start;
  let head: Node = text;
  if (o > 0) {
    head = t.ownerDocument!.createTextNode(text.data.slice(o));
    text.data = text.data.slice(0, o);
    insertAfter(head, text);
  }
  if (head.previousSibling) {
    const second = t.cloneNode(false) as Element;
    for (const el of [t, second]) el.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
    for (let n: Node | null = head; n; ) {
      const next: Node | null = n.nextSibling;
      second.appendChild(n);
      n = next;
    }
    insertAfter(second, t);
    splitRunBefore(run, second);
  } else {
    splitRunBefore(run, t);
  }
}

function wElement(doc: Document, prefix: string, local: string, attrs: Record<string, string> = {}): Element {
  const el = doc.createElementNS(W_NS, `${prefix}:${local}`);
  for (const [k, v] of Object.entries(attrs)) el.setAttributeNS(W_NS, `${prefix}:${k}`, v);
  return el;
}

/** Writes the annotations into a copy of the .docx. Throws DocxError for a file it cannot read. */
export function annotateDocx(bytes: Uint8Array, annotations: Annotation[], options: AnnotateOptions = {}): Uint8Array {
  const pkg = openPackage(bytes);
  const document = readXml(pkg, pkg.main)!;
  const first = readBody(pkg, document);
  const anchors = annotations.map((a) => anchorFor(first, a));

  // Split runs at every boundary, right to left so that the pieces still to visit stay valid.
  const boundaries = new Set<number>();
  for (const a of anchors) {
    if (a.kind === 'range') boundaries.add(a.start).add(a.end);
    else if (a.kind === 'point') boundaries.add(a.at);
  }
  for (const offset of [...boundaries].sort((x, y) => y - x)) {
    const piece = pieceAt(first.pieces, offset);
    if (piece) splitAt(piece, offset);
  }
  const reading = readBody(pkg, document);
  if (reading.text !== first.text) throw new Error('splitting runs changed the text');

  const root = document.documentElement!;
  const prefix = root.lookupPrefix(W_NS) ?? 'w';
  const commentsPart = relatedParts(pkg, pkg.main).get('comments');
  const comments = (commentsPart && readXml(pkg, commentsPart)) || parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}"/>`, 'word/comments.xml');
  const commentsRoot = comments.documentElement!;
  const cPrefix = commentsRoot.lookupPrefix(W_NS) ?? 'w';
  let nextId = 0;
  for (const el of Array.from(commentsRoot.getElementsByTagNameNS(W_NS, 'comment'))) nextId = Math.max(nextId, Number(wAttr(el, 'id') ?? -1) + 1);
  for (const el of Array.from(root.getElementsByTagNameNS(W_NS, 'commentRangeStart'))) nextId = Math.max(nextId, Number(wAttr(el, 'id') ?? -1) + 1);

  const date = options.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const author = options.author ?? COMMENT_AUTHOR;
  const initials = options.initials ?? '讲稿';
  anchors.forEach((anchor, i) => {
    const id = String(nextId++);
    const start = wElement(document, prefix, 'commentRangeStart', { id });
    const end = wElement(document, prefix, 'commentRangeEnd', { id });
    const reference = wElement(document, prefix, 'r');
    reference.appendChild(wElement(document, prefix, 'commentReference', { id }));
    if (anchor.kind === 'range') {
      const startRun = runOf(pieceAt(reading.pieces, anchor.start)!);
      const endRun = runOf(pieceAt(reading.pieces, anchor.end - 1)!);
      startRun.parentNode!.insertBefore(start, startRun);
      insertAfter(end, endRun);
      insertAfter(reference, end);
    } else if (anchor.kind === 'point') {
      const at = pieceAt(reading.pieces, anchor.at);
      const { start: pStart, end: pEnd } = reading.paragraphs[anchor.paragraph];
      if (at && at.start >= pStart && at.start <= pEnd) {
        const run = runOf(at);
        for (const n of [start, end, reference]) run.parentNode!.insertBefore(n, run);
      } else {
        const previous = reading.pieces.filter((p) => p.end === anchor.at).pop()!;
        insertAfter(reference, runOf(previous));
        insertAfter(end, runOf(previous));
        insertAfter(start, runOf(previous));
      }
    } else {
      let p: Element | undefined = reading.paragraphElements[anchor.paragraph];
      if (p && !isW(p, 'p')) p = Array.from(p.getElementsByTagNameNS(W_NS, 'p'))[0];
      p ??= Array.from(root.getElementsByTagNameNS(W_NS, 'p'))[0] as Element | undefined;
      if (!p) return;
      for (const n of [start, end, reference]) p.appendChild(n);
    }
    const comment = wElement(comments, cPrefix, 'comment', { id, author, date, initials });
    annotations[i].comment.split('\n').forEach((line, n) => {
      const para = wElement(comments, cPrefix, 'p');
      if (n === 0) {
        const ref = wElement(comments, cPrefix, 'r');
        ref.appendChild(wElement(comments, cPrefix, 'annotationRef'));
        para.appendChild(ref);
      }
      const run = wElement(comments, cPrefix, 'r');
      const t = wElement(comments, cPrefix, 't');
      t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
      t.appendChild(comments.createTextNode(line));
      run.appendChild(t);
      para.appendChild(run);
      comment.appendChild(para);
    });
    commentsRoot.appendChild(comment);
  });

  const files = { ...pkg.files };
  files[pkg.main] = serializeXml(document);
  const commentsName = commentsPart ?? uniquePartName(files, `${folderOf(pkg.main) ? `${folderOf(pkg.main)}/` : ''}comments.xml`);
  files[commentsName] = serializeXml(comments);
  if (!commentsPart) linkCommentsPart(files, pkg.main, commentsName);
  return writePackage(files);
}

function uniquePartName(files: Record<string, Uint8Array>, wanted: string): string {
  if (!files[wanted]) return wanted;
  for (let i = 2; ; i++) {
    const name = wanted.replace(/\.xml$/, `${i}.xml`);
    if (!files[name]) return name;
  }
}

/** The relationship from the main part to a new comments part, and its content type. */
function linkCommentsPart(files: Record<string, Uint8Array>, main: string, part: string): void {
  const relsName = relsPartOf(main);
  const rels = files[relsName] ? parseXml(new TextDecoder().decode(files[relsName]), relsName) : parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"/>`, relsName);
  const relsRoot = rels.documentElement!;
  const ids = new Set(Array.from(relsRoot.getElementsByTagNameNS(REL_NS, 'Relationship')).map((r) => r.getAttribute('Id')));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const rel = rels.createElementNS(REL_NS, 'Relationship');
  rel.setAttribute('Id', `rId${n}`);
  rel.setAttribute('Type', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments');
  const folder = folderOf(main);
  rel.setAttribute('Target', folder && part.startsWith(`${folder}/`) ? part.slice(folder.length + 1) : `/${part}`);
  relsRoot.appendChild(rel);
  files[relsName] = serializeXml(rels);

  const types = parseXml(new TextDecoder().decode(files['[Content_Types].xml'] ?? strToU8(`<Types xmlns="${CT_NS}"/>`)), '[Content_Types].xml');
  const typesRoot = types.documentElement!;
  const override = types.createElementNS(CT_NS, 'Override');
  override.setAttribute('PartName', `/${part}`);
  override.setAttribute('ContentType', 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml');
  typesRoot.appendChild(override);
  files['[Content_Types].xml'] = serializeXml(types);
}
