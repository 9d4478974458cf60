// Export: a parsed draft → a .docx laid out as GB/T 9704-2012 prescribes. Pure: no file system.
// The docx library builds the body, footers and package; the style sheet is our own (Word's
// built-in style names, explicit fonts everywhere) so that no library default reaches the file.
import { AlignmentType, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { SpeechDocument } from '../core/types';
import { defaultExportSettings, type ExportPart, type ExportSettings } from './settings';
import { parseXml, serializeXml, writePackage, relsPartOf, resolveTarget, folderOf, CT_NS, REL_NS } from './ooxml';
import { speechBlocks, speechScript, type SpeechBlock } from './structure';

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

/** GB/T 9704-2012 page: A4, margins 37/35/28/26 mm, type area 156 × 225 mm, 22 lines × 28 characters. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  header: mm(15),
  linesPerPage: 22,
  charsPerLine: 28,
  /** The page number's line sits 7 mm below the type area. */
  pageNumberGap: mm(7),
} as const;

export const STYLE_IDS = { title: 'Title', salutation: 'Salutation', heading: ['Heading1', 'Heading2', 'Heading3', 'Heading4'], footer: 'Footer' } as const;

export interface ExportOptions {
  settings?: ExportSettings;
}

/** Grid pitch in twips: the type area's height divided by the lines per page, rounded down so that all lines fit. */
export function linePitch(): number {
  return Math.floor((PAGE.height - PAGE.top - PAGE.bottom) / PAGE.linesPerPage);
}

/** `w:charSpace`: the character pitch (type-area width / 28) minus the body size, in 4096ths of a point. */
export function charSpace(bodySizePt: number): number {
  const pitchPt = (PAGE.width - PAGE.left - PAGE.right) / 20 / PAGE.charsPerLine;
  return Math.round((pitchPt - bodySizePt) * 4096);
}

/** Builds the .docx of a draft. */
export async function exportDocx(doc: SpeechDocument, options: ExportOptions = {}): Promise<Uint8Array> {
  const settings = options.settings ?? defaultExportSettings();
  const blocks = speechBlocks(doc);
  const title = blocks.find((b) => b.type === 'title')?.text ?? '';
  const pageNumberSize = settings.sizes.pageNumber;
  const footerHeight = Math.round(pageNumberSize * 20);
  const footer = (odd: boolean) =>
    new Footer({
      children: [
        new Paragraph({
          style: STYLE_IDS.footer,
          alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
          // 单页码居右空一字，双页码居左空一字: one character of the page number's size.
          indent: odd ? { right: footerHeight } : { left: footerHeight },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });
  const document = new Document({
    title,
    creator: '讲稿助手',
    lastModifiedBy: '讲稿助手',
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: PAGE.header,
              // The footer's bottom edge: 7 mm under the type area, minus the page number's line.
              footer: PAGE.bottom - PAGE.pageNumberGap - footerHeight,
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: linePitch(), charSpace: charSpace(settings.sizes.body) },
        },
        footers: { default: footer(true), even: footer(false) },
        children: blocks.map((b) => paragraph(b, settings)),
      },
    ],
  });
  const files = unzipSync(await Packer.toBuffer(document));
  files['word/styles.xml'] = strToU8(stylesXml(settings, speechScript(doc) === 'traditional' ? 'zh-TW' : 'zh-CN'));
  // Library parts a speech does not use: a theme (Calibri, Cambria), a default bullet list, and
  // footnote separators that name styles the style sheet does not have.
  for (const part of ['word/theme/theme1.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/endnotes.xml']) dropPart(files, 'word/document.xml', part);
  return writePackage(files);
}

function paragraph(block: SpeechBlock, settings: ExportSettings): Paragraph {
  switch (block.type) {
    case 'title':
      return new Paragraph({ style: STYLE_IDS.title, children: [new TextRun(block.text)] });
    case 'salutation':
      return new Paragraph({ style: STYLE_IDS.salutation, children: [new TextRun(block.text)] });
    case 'heading': {
      const style = STYLE_IDS.heading[(block.level ?? 1) - 1];
      if (block.headingText === undefined || block.bodyText === undefined) return new Paragraph({ style, children: [new TextRun(block.text)] });
      // The heading part keeps the heading style's font; the body run after it is body text.
      const body = settings.fonts.body;
      return new Paragraph({
        style,
        children: [
          new TextRun(block.headingText),
          new TextRun({
            text: block.bodyText,
            font: { ascii: body, eastAsia: body, hAnsi: body, cs: body },
            size: settings.sizes.body * 2,
            sizeComplexScript: settings.sizes.body * 2,
            bold: false,
            boldComplexScript: false,
            characterSpacing: gridSpacing(settings.sizes.body),
          }),
        ],
      });
    }
    default:
      return new Paragraph({ children: [new TextRun(block.text)] });
  }
}

// ---------------------------------------------------------------------------------------------
// The style sheet.

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Character spacing (twentieths of a point) that brings a character of `sizePt` just under the
 * grid's pitch, so that 28 fit a line in Word, WPS and LibreOffice alike (LibreOffice gives a
 * character wider than the grid's pitch two cells instead of compressing it as Word does).
 */
export function gridSpacing(sizePt: number): number {
  const pitchPt = (PAGE.width - PAGE.left - PAGE.right) / 20 / PAGE.charsPerLine;
  return Math.floor((pitchPt - sizePt) * 20) - 1;
}

function runProps(settings: ExportSettings, part: ExportPart, bold: boolean, onGrid: boolean): string {
  const font = escapeAttr(settings.fonts[part]);
  const size = Math.round(settings.sizes[part] * 2);
  const b = bold ? '<w:b/><w:bCs/>' : '<w:b w:val="0"/><w:bCs w:val="0"/>';
  const spacing = `<w:spacing w:val="${onGrid ? gridSpacing(settings.sizes[part]) : 0}"/>`;
  return `<w:rPr><w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}" w:cs="${font}"/>${b}<w:i w:val="0"/><w:iCs w:val="0"/><w:color w:val="auto"/>${spacing}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
}

/** No first-line indent (the body's two characters stop here). */
const NO_INDENT = '<w:ind w:left="0" w:leftChars="0" w:firstLine="0" w:firstLineChars="0"/>';

/**
 * Word's built-in styles by their built-in names (Normal, Title, Salutation, heading 1–4, footer),
 * so that Word and WPS treat them as their own and the Navigation Pane shows the outline.
 */
export function stylesXml(settings: ExportSettings, eastAsiaLang = 'zh-CN'): string {
  const body = escapeAttr(settings.fonts.body);
  const bodySize = Math.round(settings.sizes.body * 2);
  const firstLine = bodySize * 10 * 2;
  const heading = (level: 1 | 2 | 3 | 4) =>
    `<w:style w:type="paragraph" w:styleId="${STYLE_IDS.heading[level - 1]}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0"/><w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
    runProps(settings, `heading${level}` as ExportPart, level === 3 && settings.level3Bold, true) +
    '</w:style>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${body}" w:eastAsia="${body}" w:hAnsi="${body}" w:cs="${body}"/><w:kern w:val="2"/><w:sz w:val="${bodySize}"/><w:szCs w:val="${bodySize}"/><w:lang w:val="en-US" w:eastAsia="${eastAsiaLang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
        // The grid's 22 lines as an exact line pitch, its 28 characters by the spacing above: the same
    // page in every program (the section still declares the grid for Word's Page Setup).
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${linePitch()}" w:lineRule="exact"/><w:ind w:firstLine="${firstLine}" w:firstLineChars="200"/></w:pPr>${runProps(settings, 'body', false, true)}</w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    // 标题下空一行: the salutation (like 主送机关) one line below the title. Off the character
    // grid: a 2号 title on a 3号 grid would get two cells per character.
    `<w:style w:type="paragraph" w:styleId="${STYLE_IDS.title}"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="${linePitch()}" w:afterLines="100"/>${NO_INDENT}<w:jc w:val="center"/><w:outlineLvl w:val="9"/></w:pPr>${runProps(settings, 'title', false, false)}</w:style>` +
    `<w:style w:type="paragraph" w:styleId="${STYLE_IDS.salutation}"><w:name w:val="Salutation"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="99"/><w:pPr>${NO_INDENT}</w:pPr></w:style>` +
    heading(1) +
    heading(2) +
    heading(3) +
    heading(4) +
    // The page number: no inherited indent, off the grid, one line of its own size.
    `<w:style w:type="paragraph" w:styleId="${STYLE_IDS.footer}"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${Math.round(settings.sizes.pageNumber * 20)}" w:lineRule="exact"/>${NO_INDENT}</w:pPr>${runProps(settings, 'pageNumber', false, false)}</w:style>` +
    '</w:styles>'
  );
}

/** Removes a part with its relationship (from `owner`) and its content type. */
function dropPart(files: Record<string, Uint8Array>, owner: string, part: string): void {
  if (!files[part]) return;
  delete files[part];
  delete files[relsPartOf(part)];
  const relsName = relsPartOf(owner);
  if (files[relsName]) {
    const rels = parseXml(strFromU8(files[relsName]), relsName);
    for (const rel of Array.from(rels.getElementsByTagNameNS(REL_NS, 'Relationship'))) {
      if (resolveTarget(folderOf(owner), rel.getAttribute('Target') ?? '') === part) rel.parentNode?.removeChild(rel);
    }
    files[relsName] = serializeXml(rels);
  }
  const types = parseXml(strFromU8(files['[Content_Types].xml']), '[Content_Types].xml');
  for (const o of Array.from(types.getElementsByTagNameNS(CT_NS, 'Override'))) {
    if (o.getAttribute('PartName') === `/${part}`) o.parentNode?.removeChild(o);
  }
  files['[Content_Types].xml'] = serializeXml(types);
}
