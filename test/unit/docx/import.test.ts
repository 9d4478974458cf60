// Import: Word files built from hand-written XML, the expected text written out by hand as a reader
// sees the document in Word (numbering included; header, footer and comment text not).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { importDocx, locate } from '../../../server/src/docx/import';
import { DocxError } from '../../../server/src/docx/ooxml';
import { formatNumber } from '../../../server/src/docx/numbering';
import { buildDocx, p } from './helpers';

const lvl = (ilvl: number, numFmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${text}"/><w:suff w:val="nothing"/></w:lvl>`;

/** The four GB/T 9704 levels as Word-made official documents number them. */
const NUMBERING =
  `<w:abstractNum w:abstractNumId="10">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="30"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="40">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="50">${lvl(0, 'decimalEnclosedCircle', '%1')}</w:abstractNum>` +
  '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>' +
  // Word's "restart numbering": a new num on the same list with a start override.
  '<w:num w:numId="2"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
  '<w:num w:numId="3"><w:abstractNumId w:val="20"/></w:num>' +
  '<w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>' +
  '<w:num w:numId="5"><w:abstractNumId w:val="40"/></w:num>' +
  '<w:num w:numId="6"><w:abstractNumId w:val="50"/></w:num>';

const STYLES =
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>';

const num = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const cell = (...paragraphs: string[]) => `<w:tc>${paragraphs.map((t) => p(t)).join('')}</w:tc>`;

const BODY = [
  p('关于做好工作的讲话'),
  p('同志们：'),
  p('提高认识', num(1, 0)),
  p('抓学习', num(1, 1)),
  p('读原文', num(1, 2)),
  p('逐篇读', num(1, 3)),
  p('写笔记', num(1, 3)),
  p('悟原理', num(1, 2)),
  p('抓落实', num(1, 1)),
  p('定任务', num(1, 2)),
  `<w:tbl><w:tr>${cell('项目')}${cell('责任单位')}</w:tr><w:tr>${cell('安全', '生产')}${cell('应急局')}</w:tr></w:tbl>`,
  p('压实责任', num(1, 0)),
  p('明确分工', num(1, 1)),
  p('另起一份清单', num(2, 0)),
  p('第一条', num(3, 0)),
  p('第二条', num(3, 0)),
  '<w:p><w:r><w:t>我们</w:t></w:r><w:ins w:id="1" w:author="审稿人" w:date="2024-01-01T00:00:00Z"><w:r><w:t>必须</w:t></w:r></w:ins><w:del w:id="2" w:author="审稿人" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>应该</w:delText></w:r></w:del><w:r><w:t>坚持</w:t></w:r></w:p>',
  // A deleted paragraph mark: accepted, the two paragraphs are one.
  '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="审稿人" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>前半句，</w:t></w:r></w:p>',
  p('后半句。'),
  '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>有批注的话</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>',
  '<w:p><w:r><w:t>见</w:t></w:r><w:hyperlink r:id="rId99"><w:r><w:t>网址</w:t></w:r></w:hyperlink><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r></w:p>',
  '<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>',
  p(''),
  p('总体要求', '<w:pStyle w:val="Heading1"/>'),
  p('工作目标', '<w:pStyle w:val="Heading1"/>'),
  p('甲', num(5, 0)),
  p('乙', num(5, 1)),
  p('丙', num(5, 0)),
  p('丁', num(5, 1)),
  p('圈一', num(6, 0)),
  p('圈二', num(6, 0)),
].join('');

const EXPECTED = [
  '关于做好工作的讲话',
  '同志们：',
  '一、提高认识',
  '（一）抓学习',
  '1.读原文',
  '（1）逐篇读',
  '（2）写笔记',
  '2.悟原理',
  '（二）抓落实',
  '1.定任务',
  '项目\t责任单位',
  '安全 生产\t应急局',
  '二、压实责任',
  '（一）明确分工',
  '一、另起一份清单',
  '1.第一条',
  '2.第二条',
  '我们必须坚持',
  '前半句，后半句。',
  '有批注的话',
  '见网址甲\t乙',
  '可见',
  '',
  '一、总体要求',
  '二、工作目标',
  '1.甲',
  '1.1乙',
  '2.丙',
  '2.2丁',
  '①圈一',
  '②圈二',
].join('\n');

const fixture = () =>
  buildDocx({
    body: BODY,
    numbering: NUMBERING,
    styles: STYLES,
    comments: '<w:comment w:id="0" w:author="审稿人"><w:p><w:r><w:t>批注内容</w:t></w:r></w:p></w:comment>',
    header: '页眉文字',
    footer: '页脚文字',
  });

test('import: numbering at four levels with restarts, a list continued after a table, tables, tracked changes, comments, header and footer', () => {
  assert.equal(importDocx(fixture()).text, EXPECTED);
});

test('import: one paragraph per line, a table row counts as one paragraph; positions by paragraph and column', () => {
  const imported = importDocx(fixture());
  assert.equal(imported.paragraphs.length, 31);
  assert.deepEqual(imported.paragraphs.slice(9, 13).map((x) => [x.number, x.kind, imported.text.slice(x.start, x.end)]), [
    [10, 'paragraph', '1.定任务'],
    [11, 'table-row', '项目\t责任单位'],
    [12, 'table-row', '安全 生产\t应急局'],
    [13, 'paragraph', '二、压实责任'],
  ]);
  const at = imported.text.indexOf('压实');
  assert.deepEqual(locate(imported, at), { paragraph: 13, column: 3 });
  assert.deepEqual(locate(imported, imported.text.indexOf('应急局')), { paragraph: 12, column: 7 });
});

test('import: soft line breaks and symbols; page breaks are layout', () => {
  const bytes = buildDocx({ body: '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:br w:type="page"/><w:t>续</w:t><w:noBreakHyphen/><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>' + p('下一段') });
  const imported = importDocx(bytes);
  assert.equal(imported.text, '第一行\n第二行续-·\n下一段');
  assert.deepEqual(locate(imported, imported.text.indexOf('第二行')), { paragraph: 1, column: 5 });
  assert.deepEqual(locate(imported, imported.text.indexOf('下一段')), { paragraph: 2, column: 1 });
});

test('import: number formats as Word shows them', () => {
  assert.deepEqual([1, 9, 10, 11, 20, 21, 99, 100, 105].map((n) => formatNumber(n, 'chineseCounting')), ['一', '九', '十', '十一', '二十', '二十一', '九十九', '一百', '一百〇五']);
  assert.deepEqual([1, 10, 23].map((n) => formatNumber(n, 'ideographDigital')), ['一', '一〇', '二三']);
  assert.deepEqual([1, 3, 11].map((n) => formatNumber(n, 'chineseLegalSimplified')), ['壹', '叁', '壹拾壹']);
  assert.deepEqual([1, 10, 11].map((n) => formatNumber(n, 'ideographTraditional')), ['甲', '癸', '甲']);
  assert.deepEqual([1, 20, 21].map((n) => formatNumber(n, 'decimalEnclosedCircle')), ['①', '⑳', '21']);
  assert.deepEqual([1, 27].map((n) => formatNumber(n, 'upperLetter')), ['A', 'AA']);
  assert.deepEqual([4, 9, 14].map((n) => formatNumber(n, 'lowerRoman')), ['iv', 'ix', 'xiv']);
  assert.deepEqual([3, 12].map((n) => formatNumber(n, 'decimalFullWidth')), ['３', '１２']);
  assert.equal(formatNumber(5, 'none'), '');
});

// ---------------------------------------------------------------------------------------------
// Files that are not .docx

/** An OLE compound file header followed by directory entry names in UTF-16LE, as Office writes them. */
function oleFile(...streams: string[]): Uint8Array {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  return Buffer.concat([header, ...streams.map((s) => Buffer.from(`${s}\u0000`, 'utf16le'))]);
}

const refused = (bytes: Uint8Array) => {
  try {
    importDocx(bytes);
  } catch (error) {
    assert.ok(error instanceof DocxError, String(error));
    return { code: error.code, zh: error.zh };
  }
  assert.fail('import accepted the file');
};

test('import: a file that is not a .docx, an encrypted one, a truncated one, a .doc: one clear error each', () => {
  assert.deepEqual(refused(strToU8('同志们：\n今天开会。\n')), { code: 'not-docx', zh: '不是 Word 文档（.docx）：文件不是 ZIP 格式' });
  assert.deepEqual(refused(oleFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage')), {
    code: 'encrypted',
    zh: '文件受密码保护（已加密），无法读取：请在 Word 中打开，删除密码（文件 → 信息 → 保护文档 → 用密码进行加密）后再试',
  });
  assert.deepEqual(refused(oleFile('Root Entry', 'WordDocument', '1Table')), { code: 'doc', zh: '这是旧版 Word 97-2003 文档（.doc），请在 Word 或 WPS 中另存为 .docx 后再试' });
  const whole = fixture();
  assert.deepEqual(refused(whole.subarray(0, Math.floor(whole.length / 2))), { code: 'corrupt', zh: '文件已损坏或不完整（ZIP 数据无法读取），可能是下载或复制时被截断' });
  assert.deepEqual(refused(zipSync({ 'readme.txt': strToU8('hello') })), { code: 'not-docx', zh: '不是 Word 文档（.docx）：压缩包里没有 Word 正文（word/document.xml）' });
  assert.deepEqual(refused(zipSync({ 'word/document.xml': strToU8('<w:document><w:body>') })), { code: 'corrupt', zh: '文件已损坏：word/document.xml 不是有效的 XML' });
  assert.deepEqual(refused(strToU8('{\\rtf1\\ansi 同志们}')), { code: 'rtf', zh: '这是 RTF 文档，请在 Word 或 WPS 中另存为 .docx 后再试' });
});

test('import: what Word itself writes around the text (fields, text boxes, content controls, bookmarks, moves, nested tables)', () => {
  const body = [
    '<w:p><w:r><w:t>见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页，</w:t></w:r><w:fldSimple w:instr=" DATE "><w:r><w:t>2024年5月1日</w:t></w:r></w:fldSimple></w:p>',
    '<w:p xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>',
    '<w:p><w:bookmarkStart w:id="5" w:name="_Toc1"/><w:proofErr w:type="spellStart"/><w:r w:rsidR="00AB12CD"><w:lastRenderedPageBreak/><w:t>书签</w:t></w:r><w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="5"/><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>北京</w:t></w:r></w:smartTag></w:p>',
    '<w:p><w:moveFrom w:id="7" w:author="审稿人" w:date="2024-01-01T00:00:00Z"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:r><w:t>留下</w:t></w:r><w:moveTo w:id="8" w:author="审稿人" w:date="2024-01-01T00:00:00Z"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>',
    `<w:tbl><w:tr><w:tc>${p('外')}<w:tbl><w:tr><w:tc>${p('内一')}</w:tc><w:tc>${p('内二')}</w:tc></w:tr></w:tbl>${p('')}</w:tc><w:tc>${p('右')}</w:tc></w:tr></w:tbl>`,
    p('完'),
  ].join('');
  assert.equal(importDocx(buildDocx({ body })).text, ['见第3页，2024年5月1日', '正文', '控件里的段落', '书签北京', '留下新位置', '外 内一 内二\t右', '完'].join('\n'));
});
