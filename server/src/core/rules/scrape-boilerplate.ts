// scrape-boilerplate: what a copy from a web page, a document-sharing site or a news republication
// dragged along — found by the parser's leftovers pass (parse/leftovers.ts) — and the page-chunk markers
// (`1、` at a cut page). Each finding covers one leftover and its fix deletes exactly that: a whole line
// (with its line break, and the blank line that separated it when it stood between blank lines), or only
// the leftover part of a line that also holds speech (a photo caption spliced into a paragraph, with the
// U+3000 run before it; the `**` around an emphasised sentence; a footer after the closing words).
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import type { Leftover, LineInfo, Span, SpeechDocument, TextEdit } from '../types';
import { withoutJoinedBreaks } from '../text';

const ID = 'scrape-boilerplate';

const TITLE_EXTENSION = /\.(?:docx?|pdf|wps|txt)$/i;

function isBlankLine(line: LineInfo): boolean {
  return /^[\s\u3000\uFEFF]*$/.test(line.text);
}

/**
 * What deleting line `i` removes: the line and its break; when it stood between blank lines (leftover lines
 * around it not counting), the blank lines after it too, so one separator is left; the last line with text
 * takes the break and blank lines before it instead. `junk` holds the other lines deleted whole.
 */
export function wholeLineRange(doc: SpeechDocument, i: number, junk: ReadonlySet<number> = new Set()): Span {
  const range = lineRange(doc, i, junk);
  const { text } = doc;
  // The byte-order mark before the first line is the file's, not the line's.
  if (range.start === 0 && text.charCodeAt(0) === 0xfeff) return { start: 1, end: Math.max(1, range.end) };
  return withoutJoinedBreaks(text, range);
}

function lineRange(doc: SpeechDocument, i: number, junk: ReadonlySet<number>): Span {
  const { lines } = doc;
  const line = lines[i];
  let next = i + 1;
  while (next < lines.length && isBlankLine(lines[next])) next++;
  if (next < lines.length) {
    let before = i - 1;
    while (before >= 0 && junk.has(before)) before--;
    const blankBefore = before < 0 || isBlankLine(lines[before]);
    return { start: line.start, end: blankBefore ? lines[next].start : lines[i + 1].start };
  }
  let prev = i - 1;
  while (prev >= 0 && isBlankLine(lines[prev])) prev--;
  if (prev >= 0) return { start: lines[prev].end, end: line.end };
  return { start: line.start, end: line.end };
}

function lineHasExcluded(doc: SpeechDocument, line: LineInfo): boolean {
  for (let i = line.start; i < line.end; i++) if (doc.isExcluded(i)) return true;
  return false;
}

export const scrapeBoilerplate: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '删除从网页或转载稿复制带来的残留内容：抓取信息头、上一篇/下一篇、相关文章、版权备案、文档网站页面信息、样式代码、小编引导语、分页标记、电头和出处、图片说明、公众号页面信息、HTML 与 Markdown 标记',
      en: 'Remove what was copied along from a web page or a republication: scrape headers, previous/next links, related articles, copyright and ICP lines, document-site chrome, CSS, editor blurbs, page-chunk markers, datelines and credits, photo captions, WeChat chrome, HTML and Markdown remnants',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    docs: docsPath(ID),
    messages: {
      line: { zh: '网页残留：{what}，不属于讲稿正文，应删除整行', en: 'Web page leftover: {what}, not part of the speech; delete the line' },
      piece: { zh: '网页残留：{what}，不属于讲稿正文，应删除', en: 'Web page leftover: {what}, not part of the speech; delete it' },
      duplicateTitle: { zh: '标题在网页信息之后重复出现，应删除重复的这一行', en: 'The title is repeated after the web page header: delete the repeated line' },
      pageChunk: {
        zh: '网页分页标记“{marker}”：文档分享网站在切页处加的编号，不是提纲序号，应删除',
        en: 'Page-chunk marker "{marker}": a number the document-sharing site put where it cut a page, not an outline number; delete it',
      },
      extension: { zh: '标题带有文件扩展名“{ext}”，应删除', en: 'The title ends with a file extension "{ext}": delete it' },
      'kind.header': { zh: '网页发布信息（时间、阅读数）', en: 'web page header (time, views)' },
      'kind.blurb': { zh: '网站导语（“来源于网友上传，不代表本站观点”）', en: 'site blurb ("uploaded by a user, not the site’s view")' },
      'kind.nav': { zh: '网页“上一篇/下一篇”导航', en: 'previous/next article links' },
      'kind.related': { zh: '网页“相关文章/相关搜索”栏目', en: 'related-articles block' },
      'kind.copyright': { zh: '网站版权、备案信息', en: 'site copyright or ICP registration' },
      'kind.docsite': { zh: '文档分享网站的页面信息（上传人、文档编号、分页、按钮）', en: 'document-sharing site chrome (uploader, document number, pages, buttons)' },
      'kind.disclaimer': { zh: '网站免责声明', en: 'site disclaimer' },
      'kind.breadcrumb': { zh: '网页导航路径或栏目名（当前位置、“工作总结”）', en: 'breadcrumb navigation or the site’s category name' },
      'kind.css': { zh: '网页样式代码（CSS）', en: 'CSS fragment' },
      'kind.editor': { zh: '网站编辑的引导语（“下面是小编为大家整理的……供大家参考”）', en: 'the site editor’s blurb ("here is what the editor collected … for your reference")' },
      'kind.extension': { zh: '标题中的文件扩展名“{ext}”', en: 'the file extension "{ext}" in the title' },
      'kind.dateline': { zh: '新闻电头（“新华社北京×月×日电”）', en: 'news dateline ("Xinhua, Beijing, … ")' },
      'kind.report': { zh: '转载讲话的新闻报道', en: 'the news report the speech was published in' },
      'kind.credit': { zh: '出处或编辑署名（“摘自《人民日报》”“来源：”“责任编辑：”）', en: 'source or editor credit ("摘自《人民日报》", "来源：", "责任编辑：")' },
      'kind.caption': { zh: '插在正文中的图片说明（“新华社记者 ×× 摄”）', en: 'a photo caption spliced into the text ("新华社记者 … 摄")' },
      'kind.wechat': { zh: '公众号页面信息（阅读原文、二维码、分享、往期目录）', en: 'WeChat page chrome (read the original, QR code, share, issue index)' },
      'kind.footer': { zh: '网站订阅或页脚信息', en: 'a site subscription footer' },
      'kind.html': { zh: '网页 HTML 代码（<figure>、<img> 等）', en: 'HTML code (<figure>, <img> …)' },
      'kind.shortcode': { zh: '网页模板代码（{{< … >}}）', en: 'a page template shortcode ({{< … >}})' },
      'kind.markdown': { zh: 'Markdown 标记（#、**、---），纯文本讲稿中不应出现', en: 'Markdown markers (#, **, ---) in a plain-text draft' },
      'kind.notes': { zh: '书籍的注释和注码', en: 'a book’s notes and note marks' },
      'kind.chrome': { zh: '网页栏目和按钮文字', en: 'web page menus and buttons' },
      'kind.meta': { zh: '网页发布信息', en: 'web page posting details' },
    },
    options: {},
  },
  check(ctx) {
    const { doc } = ctx;
    const { lines } = doc;
    const junk = new Set(doc.leftovers.filter((l) => l.whole).map((l) => l.line));
    for (const leftover of doc.leftovers) {
      if (leftover.whole) {
        const line = lines[leftover.line];
        const fix = lineHasExcluded(doc, line) ? undefined : { edits: [{ ...wholeLineRange(doc, leftover.line, junk), text: '' }] };
        if (leftover.kind === 'duplicate') ctx.report({ start: leftover.start, end: leftover.end, messageId: 'duplicateTitle', fix });
        else ctx.report({ start: leftover.start, end: leftover.end, messageId: 'line', data: { what: (leftover.kinds ?? [leftover.kind]).map((kind) => ({ id: `${ID}/kind.${kind}` })) }, fix });
        continue;
      }
      const edits = pieceEdits(doc, leftover);
      const fix = edits.some((e) => touchesExcluded(doc, e)) ? undefined : { edits };
      ctx.report({ start: leftover.start, end: leftover.end, messageId: 'piece', data: { what: [{ id: `${ID}/kind.${leftover.kind}` }] }, fix });
    }
    // The page-chunk markers found by the parser: `1、` that starts a cut page, not an outline number.
    for (const marker of doc.pageChunkMarkers) {
      let end = marker.end;
      const line = lines.find((l) => l.start <= marker.start && marker.start <= l.end)!;
      while (end < line.end && /[ \t\u3000]/.test(doc.text[end])) end++;
      ctx.report({ start: marker.start, end: marker.end, messageId: 'pageChunk', data: { marker: doc.text.slice(marker.start, marker.end) }, fix: { edits: [{ start: marker.start, end, text: '' }] } });
    }
    // A title copied with its file name: 讲话.docx.
    if (doc.title) {
      const body = doc.text.slice(doc.title.start, doc.title.end).trimEnd();
      const ext = TITLE_EXTENSION.exec(body);
      if (ext && ext.index > 0) {
        const start = doc.title.start + ext.index;
        ctx.report({ start, end: start + ext[0].length, messageId: 'extension', data: { ext: ext[0] }, fix: { edits: [{ start, end: start + ext[0].length, text: '' }] } });
      }
    }
  },
};

/**
 * What deleting a piece removes: the Markdown markers only; else the piece with the spaces before it —
 * a U+3000 run there is the separator of a flattened paragraph, so the paragraph after the piece keeps
 * its own and the two do not run together.
 */
function pieceEdits(doc: SpeechDocument, leftover: Leftover): TextEdit[] {
  if (leftover.parts) return leftover.parts.map((p) => ({ ...p, text: '' }));
  const line = doc.lines[leftover.line];
  let start = leftover.start;
  while (start > line.start && /[ \t\u3000]/.test(doc.text[start - 1]) && !doc.isExcluded(start - 1)) start--;
  // At the line start the indentation stays.
  if (start === line.start) start = leftover.start;
  let end = leftover.end;
  if (start === leftover.start) while (end < line.end && /[ \t]/.test(doc.text[end])) end++;
  return [{ start, end, text: '' }];
}

function touchesExcluded(doc: SpeechDocument, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (doc.isExcluded(i)) return true;
  return false;
}
