// scrape-boilerplate: leftovers of the web page a draft was copied from — scrape headers (时间:/导语:),
// 上一篇/下一篇 footers, 相关文章 blocks, copyright and 备案 lines, document-sharing-site chrome (上传人,
// 第1页 / 共12页, 展开阅读全文 …), CSS fragments, the editor's 下面是小编为大家整理的…供大家参考 blurb,
// the title repeated after the scrape header, and the page-chunk markers (`1、` at a cut page) that the
// parser found. One finding per line. A line that is nothing but leftovers is deleted whole (with its
// line break, and the blank line that separated it when it stood between blank lines); a leftover inside
// a paragraph is deleted on its own. Matching runs on the simplified-normalized text, so 時間:/導語:
// in traditional drafts are found the same way.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { lineIndexAt } from '../text';
import type { MessageData, MessageRef } from '../i18n/format';
import type { LineInfo, Span, SpeechDocument, TextEdit } from '../types';

const ID = 'scrape-boilerplate';

/** What kind of leftover a piece is: the message `scrape-boilerplate/kind.<kind>`. */
type LeftoverKind = 'header' | 'blurb' | 'nav' | 'related' | 'copyright' | 'docsite' | 'disclaimer' | 'breadcrumb' | 'css' | 'editor';

const kindRef = (kind: LeftoverKind | 'extension', data?: MessageData): MessageRef => ({ id: `${ID}/kind.${kind}`, ...(data ? { data } : {}) });

/** Lines that are leftovers as a whole, tested on the trimmed normalized line without a list bullet. */
const WHOLE_LINE: { re: RegExp; kind: LeftoverKind }[] = [
  { re: /^(?:发布)?时间[:：]\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/, kind: 'header' },
  { re: /^阅读(?:次数|量)?[:：]\s*\d*$/, kind: 'header' },
  { re: /^导语[:：]/, kind: 'blurb' },
  { re: /^[上下]一篇[:：]/, kind: 'nav' },
  { re: /^(?:相关热词搜索|相关文章|相关资源|相关搜索|相关阅读|相关推荐|热门推荐|猜你喜欢)\s*(?:[:：>»].*)?$/, kind: 'related' },
  { re: /^(?:版权所有|copyright\b|©)/i, kind: 'copyright' },
  { re: /powered\s+by\b/i, kind: 'copyright' },
  { re: /备案号[:：]|ICP备\s*\d|ICP证\s*\d/i, kind: 'copyright' },
  { re: /^(?:上传人|文档编号|上传时间)[:：]/, kind: 'docsite' },
  { re: /^第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页$/, kind: 'docsite' },
  { re: /\.(?:docx?|pdf|pptx?|wps|txt)_第\s*\d+\s*页$/i, kind: 'docsite' },
  { re: /^(?:点击查看更多|展开阅读全文|查看全文|阅读全文)[>»〉》\s.。…]*$/, kind: 'docsite' },
  { re: /^资源描述[:：]?$/, kind: 'docsite' },
  { re: /^返回\s+下载\s+相关\s+举报$/, kind: 'docsite' },
  { re: /由会员分享[,，]?\s*可在线阅读/, kind: 'docsite' },
  { re: /^当前位置[:：]\s*首页/, kind: 'breadcrumb' },
  { re: /C\s?TO\s?C交易模式|本站只提供存储空间|本站只是中间服务平台/i, kind: 'disclaimer' },
];

/** CSS rules pasted with the text: `.b1{white-space-collapsing:preserve;}`, possibly cut off (`.p1{text-ind`). */
const CSS = /(?:[.#][A-Za-z][\w-]*\s*\{[ -|~]*\}?)+/g;
/** Sentences written by the site, not the speaker. */
const EDITOR_ANCHOR = /(?:下面|以下)是小编|小编(?:为大家|给大家|为您|精心)|不代表本站观点|来源于网友上传|供大家参考/g;
/** `供大家参考` alone closes many real speeches' openings (我讲几点意见，供大家参考): only with these. */
const SITE_WORDS = /小编|本站|网友|范文|本文|下文|整理/;
const SENTENCE_END = /[。！？!?]/;
const TITLE_EXTENSION = /\.(?:docx?|pdf|wps|txt)$/i;
const NOTHING_LEFT = /^[\s\u3000,，.。;；:：、!！?？]*$/;
/** How many lines with text at the top are searched for a title repeated after the scrape header. */
const HEAD_LINES = 12;

interface Piece extends Span {
  label: MessageRef;
  /** The finding's range when it differs from the deleted range (a chunk marker without its spaces). */
  shown?: Span;
  special?: 'chunk' | 'extension';
}

interface Verdict {
  /** The whole line is a leftover: what kinds. */
  whole?: MessageRef[];
  pieces: Piece[];
  duplicateTitle?: boolean;
}

function isBlankLine(line: LineInfo): boolean {
  return /^[\s\u3000\uFEFF]*$/.test(line.text);
}

/** The line's text in normalized script, trimmed, with a `- ` / `* ` / `• ` list bullet removed. */
function lineBody(doc: SpeechDocument, line: LineInfo): { body: string; start: number } {
  const raw = doc.normalized.slice(line.start, line.end);
  const lead = /^[\s\u3000\uFEFF]*(?:[-*•·]\s+)?/.exec(raw)![0].length;
  return { body: raw.slice(lead).trimEnd(), start: line.start + lead };
}

function inlinePieces(doc: SpeechDocument, line: LineInfo, isTitle: boolean): Piece[] {
  const text = doc.normalized.slice(line.start, line.end);
  const pieces: Piece[] = [];
  let m: RegExpExecArray | null;
  CSS.lastIndex = 0;
  while ((m = CSS.exec(text))) pieces.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, label: kindRef('css') });
  const css = [...pieces];
  EDITOR_ANCHOR.lastIndex = 0;
  while ((m = EDITOR_ANCHOR.exec(text))) {
    const at = m.index;
    // The sentence around the anchor: from the last sentence end (or CSS piece, or line start) to the next one.
    let from = 0;
    for (let i = at - 1; i >= 0; i--) {
      if (SENTENCE_END.test(text[i])) {
        from = i + 1;
        break;
      }
    }
    for (const c of css) if (c.end - line.start <= at) from = Math.max(from, c.end - line.start);
    while (from < at && /[\s\u3000]/.test(text[from])) from++;
    let to = text.length;
    for (let i = at + m[0].length; i < text.length; i++) {
      if (SENTENCE_END.test(text[i])) {
        to = i + 1;
        break;
      }
    }
    const sentence = text.slice(from, to);
    if (m[0] === '供大家参考' && !SITE_WORDS.test(sentence)) continue;
    pieces.push({ start: line.start + from, end: line.start + to, label: kindRef('editor') });
    EDITOR_ANCHOR.lastIndex = Math.max(EDITOR_ANCHOR.lastIndex, to);
  }
  if (isTitle) {
    const body = text.trimEnd();
    const ext = TITLE_EXTENSION.exec(body);
    if (ext && ext.index > 0) {
      const start = line.start + ext.index;
      pieces.push({ start, end: start + ext[0].length, label: kindRef('extension', { ext: ext[0] }), special: 'extension' });
    }
  }
  // Merge overlaps, keeping the first piece's label.
  pieces.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && p.start < last.end) last.end = Math.max(last.end, p.end);
    else merged.push({ ...p });
  }
  return merged;
}

/** The pieces' kinds, each once. */
function joinLabels(pieces: Piece[]): MessageRef[] {
  const labels: MessageRef[] = [];
  for (const p of pieces) if (!labels.some((l) => l.id === p.label.id)) labels.push(p.label);
  return labels;
}

/** Nothing but leftovers (and punctuation or spaces) on the line once the pieces are gone. */
function onlyPieces(doc: SpeechDocument, line: LineInfo, pieces: Piece[]): boolean {
  if (pieces.some((p) => p.special)) return false;
  let rest = '';
  let at = line.start;
  for (const p of pieces) {
    rest += doc.normalized.slice(at, p.start);
    at = p.end;
  }
  rest += doc.normalized.slice(at, line.end);
  return NOTHING_LEFT.test(rest);
}

/**
 * What deleting line `i` removes: the line and its break; when it stood between blank lines (leftover lines
 * around it not counting), the blank lines after it too, so one separator is left; the last line with text
 * takes the break and blank lines before it instead. `junk` holds the other lines deleted whole.
 */
export function wholeLineRange(doc: SpeechDocument, i: number, junk: ReadonlySet<number> = new Set()): Span {
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
      zh: '删除从网页复制带来的残留内容：抓取信息头、上一篇/下一篇、相关文章、版权备案、文档网站页面信息、样式代码、小编引导语、分页标记',
      en: 'Remove what was copied along from a web page: scrape headers, previous/next links, related articles, copyright and ICP lines, document-site chrome, CSS, editor blurbs, page-chunk markers',
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
      'kind.breadcrumb': { zh: '网页导航路径（当前位置）', en: 'breadcrumb navigation' },
      'kind.css': { zh: '网页样式代码（CSS）', en: 'CSS fragment' },
      'kind.editor': { zh: '网站编辑的引导语（“下面是小编为大家整理的……供大家参考”）', en: 'the site editor’s blurb ("here is what the editor collected … for your reference")' },
      'kind.extension': { zh: '标题中的文件扩展名“{ext}”', en: 'the file extension "{ext}" in the title' },
    },
    options: {},
  },
  check(ctx) {
    const { doc } = ctx;
    const { lines } = doc;
    const verdicts = new Map<number, Verdict>();
    const titleLine = doc.title?.line ?? lines.find((l) => !isBlankLine(l) && !doc.isExcluded(l.start + /^\s*/.exec(l.text)![0].length))?.index;

    for (const line of lines) {
      if (isBlankLine(line)) continue;
      const { body } = lineBody(doc, line);
      if (!body.trim()) continue; // front matter or a comment: masked in the normalized text
      const hit = WHOLE_LINE.find((w) => w.re.test(body));
      if (hit) {
        verdicts.set(line.index, { whole: [kindRef(hit.kind)], pieces: [] });
        continue;
      }
      const pieces = inlinePieces(doc, line, line.index === titleLine);
      if (pieces.length && onlyPieces(doc, line, pieces)) verdicts.set(line.index, { whole: joinLabels(pieces), pieces: [] });
      else if (pieces.length) verdicts.set(line.index, { pieces });
    }

    // The page-chunk markers found by the parser: `1、` that starts a cut page, not an outline number.
    for (const marker of doc.pageChunkMarkers) {
      const index = lineIndexAt(lines, marker.start);
      const line = lines[index];
      const verdict = verdicts.get(index) ?? { pieces: [] };
      if (verdict.whole) continue;
      let end = marker.end;
      while (end < line.end && /[ \t\u3000]/.test(doc.text[end])) end++;
      verdict.pieces.push({ start: marker.start, end, shown: marker, label: kindRef('docsite'), special: 'chunk' });
      verdict.pieces.sort((a, b) => a.start - b.start);
      verdicts.set(index, verdict);
    }

    // The title repeated after the scrape header: a short line equal to an earlier one, a leftover between.
    const head = lines.filter((l) => !isBlankLine(l)).slice(0, HEAD_LINES);
    for (let b = 1; b < head.length; b++) {
      const later = head[b];
      if (verdicts.has(later.index)) continue;
      const text = lineBody(doc, later).body;
      if (!text || Array.from(text).length > 60 || /[。！？]/.test(text)) continue;
      for (let a = 0; a < b; a++) {
        const earlier = head[a];
        if (verdicts.get(earlier.index)?.whole || lineBody(doc, earlier).body !== text) continue;
        const between = head.slice(a + 1, b).some((l) => verdicts.get(l.index)?.whole);
        if (between) {
          verdicts.set(later.index, { whole: [kindRef('header')], pieces: [], duplicateTitle: true });
          break;
        }
      }
    }

    const junk = new Set([...verdicts].filter(([, v]) => v.whole).map(([i]) => i));
    for (const [index, verdict] of [...verdicts].sort((x, y) => x[0] - y[0])) {
      const line = lines[index];
      if (verdict.whole) {
        const contentStart = line.start + /^[\s\u3000\uFEFF]*/.exec(line.text)![0].length;
        const end = line.start + line.text.trimEnd().length;
        const fix = lineHasExcluded(doc, line) ? undefined : { edits: [{ ...wholeLineRange(doc, index, junk), text: '' }] };
        if (verdict.duplicateTitle) ctx.report({ start: contentStart, end, messageId: 'duplicateTitle', fix });
        else ctx.report({ start: contentStart, end, messageId: 'line', data: { what: verdict.whole }, fix });
        continue;
      }
      const pieces = verdict.pieces;
      const first = pieces[0];
      const last = pieces[pieces.length - 1];
      const edits: TextEdit[] = pieces.map((p) => ({ start: p.start, end: p.end, text: '' }));
      const range = { start: (first.shown ?? first).start, end: (last.shown ?? last).end, fix: { edits } };
      if (first.special === 'chunk' && pieces.length === 1) {
        ctx.report({ ...range, messageId: 'pageChunk', data: { marker: doc.text.slice(first.shown!.start, first.shown!.end) } });
      } else if (first.special === 'extension' && pieces.length === 1) {
        ctx.report({ ...range, messageId: 'extension', data: { ext: doc.text.slice(first.start, first.end) } });
      } else {
        ctx.report({ ...range, messageId: 'piece', data: { what: joinLabels(pieces.filter((p) => p.special !== 'chunk' || pieces.length === 1)) } });
      }
    }
  },
};
