// Pass: what a copy from a web page, a document-sharing site or a news republication dragged along —
// scrape headers, navigation, related-article blocks, copyright and 备案 footers, document-site chrome,
// CSS, the site editor's blurb, datelines, newspaper and book credits, photo captions spliced into the
// text, breadcrumbs, WeChat-mirror chrome, subscription footers, HTML/shortcode/Markdown remnants in a
// plain draft, footnote apparatus. Each leftover is a span to delete exactly: a whole line, or only the
// leftover part of a line that also holds speech. Matching runs on the simplified-normalized text, so
// traditional copies are read the same way. The speech is never a leftover: every pattern is anchored to
// a leftover line or piece, and chrome around the speech is only taken where strong signs bound it.
import type { LineInfo, Paragraph, Span } from '../types';
import { HEAD_LINES, MAX_CAPTION, MAX_CHROME_LINE } from './thresholds';
import { append } from '../append';
import type { LineMemo } from './memo';

export interface LeftoverFound extends Span {
  kind: string;
  kinds?: string[];
  whole: boolean;
  line: number;
  shown?: Span;
  parts?: Span[];
}

export interface LeftoverInput {
  /** Simplified-normalized text, front matter and comments blanked. */
  normalized: string;
  lines: LineInfo[];
  paragraphs: Paragraph[];
  /** `markdown`: `#`, `**`, `---` are the document's own syntax, not remnants. */
  markup: 'plain' | 'markdown';
}

/** A whole line that is a leftover, tested on the trimmed line without a list bullet. */
const WHOLE_LINE: { re: RegExp; kind: string }[] = [
  { re: /^(?:发布)?时间[:：]\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[\d:\s]*(?:阅读(?:次数|量)?[:：]?\s*\d*)?$/, kind: 'header' },
  { re: /^阅读(?:次数|量)?[:：]\s*\d*$/, kind: 'header' },
  { re: /^导语[:：]/, kind: 'blurb' },
  { re: /^[上下]一篇[:：]/, kind: 'nav' },
  { re: /^(?:相关热词搜索|相关文章|相关资源|相关搜索|相关阅读|相关推荐|热门推荐|猜你喜欢)\s*(?:[:：>»].*)?$/, kind: 'related' },
  { re: /^(?:上传人|文档编号|上传时间)[:：]/, kind: 'docsite' },
  { re: /^第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页$/, kind: 'docsite' },
  { re: /^.{1,80}\.(?:docx?|pdf|pptx?|wps|txt)_第\s*\d+\s*页$/i, kind: 'docsite' },
  { re: /^(?:点击查看更多|展开阅读全文|查看全文|阅读全文)[>»〉》\s.。…]*$/, kind: 'docsite' },
  { re: /^资源描述[:：]?$/, kind: 'docsite' },
  { re: /^返回\s+下载\s+相关\s+举报$/, kind: 'docsite' },
  { re: /^《[^》]{1,80}》由会员分享[,，]?\s*可在线阅读/, kind: 'docsite' },
  { re: /^当前位置[:：]\s*首页/, kind: 'breadcrumb' },
  { re: /^(?:本站为文档)?C\s?TO\s?C交易模式[,，]?\s*本站只提供存储空间|^本站只(?:提供存储空间|是中间服务平台)[,，、]/i, kind: 'disclaimer' },
  // News republication.
  { re: /^[（(]新华社[\u4e00-\u9fff]{2,8}\d{1,2}月\d{1,2}日电[）)]$/, kind: 'dateline' },
  { re: /^[（(](?:摘自|转自|原载|选自|来源[:：]?)[^（）()]{2,60}[）)]$/, kind: 'credit' },
  { re: /^[（(]《[^》]{1,30}》[^（）()]{0,50}第\d+\s*[-—–]+\s*\d+页[）)]$/, kind: 'credit' },
  { re: /^(?:来源|稿件来源|文章来源|责任编辑|编辑|作者|审核|校对)[:：][^。！？]{0,60}$/, kind: 'credit' },
  { re: /^[（(](?:责任编辑|编辑)[:：][^（）()]{1,30}[）)]$/, kind: 'credit' },
  // Breadcrumbs: short steps joined by `>`, or a `> 文章内容` step alone.
  { re: /^[^>。！？，]{1,30}(?:\s*>\s*[^>。！？]{1,40}){2,}$/, kind: 'breadcrumb' },
  { re: /^>\s*(?:文章内容|正文|内容|详情)$/, kind: 'breadcrumb' },
  // WeChat mirrors.
  { re: /^阅读原文$|^分享这篇文章$|^觉得不错，?分享给更多人看到$|^点击下方.{0,4}阅读原文|^长按.{0,8}二维码/, kind: 'wechat' },
  { re: /^【[头二三四五六七八九十]条】/, kind: 'wechat' },
  { re: /^(?:主编|主办|投稿(?:合作)?|投稿邮箱|联系邮箱)[:：]\s*\S[^。！？]{0,40}$/, kind: 'wechat' },
  { re: /^(?:微信|朋友圈|QQ空间|QQ|新浪微博|腾讯微博|微博|人人|Twitter|豆瓣|Facebook){3,}$/i, kind: 'wechat' },
  { re: /^.{1,12}\s*微信二维码$|^传送门 for iOS|^查看更多\s*[›>»]*$|^.{1,12}\s*最新文章[:：]$/, kind: 'wechat' },
  { re: /^(?:今日|昨日|往期|近期|本期)[\u4e00-\u9fff]{0,8}[：:]$/, kind: 'wechat' },
  { re: /^【(?:核心提示|导读|编者按|摘要|提要|内容提要)】$/, kind: 'editor' },
  // Site menus at the top of a page.
  { re: /^(?:排行榜|客户端|首页|登录|注册|下载APP|下载客户端|返回顶部|返回首页|网站地图)$/i, kind: 'nav' },
  // Subscription footers of news sites.
  { re: /^请加入成为.{1,12}的月费订户/, kind: 'footer' },
  { re: /^月费订户\s*\[/, kind: 'footer' },
  // HTML and shortcodes in a plain draft.
  { re: /^<\/?(?:figure|figcaption|img|picture|source|div|p|span|br|iframe|video|audio|a|table|tr|td|section|strong|em|b|i)\b[^<>]*>?.*$/i, kind: 'html' },
  { re: /^\{\{[<%].*[>%]\}\}$/, kind: 'shortcode' },
];

/** Kinds found by position rather than pattern: the chrome around a speech. */
const STRONG_KINDS = new Set(['header', 'blurb', 'nav', 'related', 'copyright', 'docsite', 'disclaimer', 'breadcrumb', 'dateline', 'report', 'credit', 'wechat', 'footer', 'html', 'shortcode', 'meta', 'markdown', 'editor', 'notes']);

/** CSS rules pasted with the text: `.b1{white-space-collapsing:preserve;}`, possibly cut off (`.p1{text-ind`). */
const CSS = /(?:[.#][A-Za-z][\w-]*\s*\{[ -|~]*\}?)+/g;
/** The site editor's sentences. `供大家参考` alone closes many real speeches' openings: only with site words. */
const EDITOR_ANCHOR = /(?:下面|以下)是小编|小编(?:为大家|给大家|为您|精心)|不代表本站观点|来源于网友上传|供大家参考/g;
const SITE_WORDS = /小编|本站|网友|范文|(?:下面|以下)是.{0,12}(?:范文|讲话稿|材料|文章|演讲稿)|本文(?:整理|收集|精选|为大家)/;
const SENTENCE_END = /[。！？!?]/;
/** Where a copyright or 备案 footer starts, at the end of a line. */
const FOOTER_ANCHOR = /版权所有|copyright\b|©|powered\s+by\b|(?:工信部)?备案号[:：]|ICP[备证]\s*\d/gi;
/** A photo credit that ends a caption spliced into the text. */
const CAPTION_CREDIT = /(?:新华社|人民日报|新华网|央视网|中新社)?记者\s*[\u4e00-\u9fff·]{2,6}(?:\s*[、，]\s*[\u4e00-\u9fff·]{2,6})*\s*[/／]\s*摄/g;
const CAPTION_START = /\d{4}年\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?，/g;
const NEWS_DATELINE = /^新华社[\u4e00-\u9fff]{2,8}\d{1,2}月\d{1,2}日电(?:[（(]记者[^）)]{1,20}[）)])?/;
/** `※这是…讲话。` and `> 这是…讲话。`: the editor's note on where a speech was given. */
const EDITOR_NOTE = /※\s*这是[^。]{4,120}(?:讲话|讲演|发言|报告|谈话|讲话的一部分|讲话的节录|讲话要点)。/g;
const BLOCKQUOTE_NOTE = /^>\s*这是[^。]{4,120}(?:讲话|讲演|发言|报告|谈话)[^。]{0,12}。$/;
/** The notes section a book edition appends (注释, then 〔1〕 … lines). */
const NOTES_HEADER = /^注[\s\u3000]*释$/;
const NOTE_LINE = /^[〔[［]\d{1,3}[〕\]］]/;
const NOTE_MARK = /[〔[［]\d{1,3}[〕\]］]|[\u2474-\u2487]/g;

function isBlank(text: string): boolean {
  return /^[\s\u3000\uFEFF]*$/.test(text);
}

const TRAILING_SPACE = /[\s\u3000]/;

/** More than `limit` code points, counted no further than needed (a paragraph can be long). */
function longerThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair is the same code point.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
    if (++count > limit) return true;
  }
  return false;
}

/** The line in normalized script, trimmed, without a `- ` / `* ` / `• ` list bullet. */
function lineBody(normalized: string, line: LineInfo): { body: string; start: number } {
  const raw = normalized.slice(line.start, line.end);
  const lead = /^[\s\u3000\uFEFF]*(?:[-*•·]\s+)?/.exec(raw)![0].length;
  // Trailing spaces by hand: a `[\s]+$` regex tries every space run of the line.
  let end = raw.length;
  while (end > lead && TRAILING_SPACE.test(raw[end - 1])) end--;
  return { body: raw.slice(lead, end), start: line.start + lead };
}

/** The footer part at the end of a line: from the first anchor whose rest is nothing but chrome. */
function footerPiece(text: string): number | undefined {
  FOOTER_ANCHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FOOTER_ANCHOR.exec(text))) {
    const rest = text.slice(m.index);
    if (longerThan(rest, MAX_CHROME_LINE * 1.5)) continue;
    // Every sentence of the rest starts with a footer word, and none reads as prose (no ，；！？).
    if (/[，；！？!?]/.test(rest)) continue;
    const sentences = rest.split(/。/).map((s) => s.trim()).filter(Boolean);
    FOOTER_ANCHOR.lastIndex = m.index + m[0].length;
    if (sentences.every((s) => /^(?:版权所有|copyright\b|©|powered\s+by\b|(?:工信部)?备案号|[\u4e00-\u9fff]?ICP|All Rights Reserved)/i.test(s) || /^[\x20-\x7e©]+$/.test(s))) return m.index;
  }
  return undefined;
}

interface Piece extends Span {
  kind: string;
  parts?: Span[];
}

/** Leftover pieces inside one line. */
function linePieces(input: LeftoverInput, line: LineInfo, firstLine: boolean): Piece[] {
  const { normalized } = input;
  const text = normalized.slice(line.start, line.end);
  const pieces: Piece[] = [];
  let m: RegExpExecArray | null;
  // Each pattern is looked for only in lines holding what it cannot match without (most lines are speech).
  if (text.includes('{')) {
    CSS.lastIndex = 0;
    while ((m = CSS.exec(text))) pieces.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, kind: 'css' });
  }
  const css = [...pieces];
  // Sentence ends of the line, found once: each anchor's sentence by binary search, each sentence judged
  // once however many anchors it holds (供大家参考供大家参考… stays linear).
  const ends: number[] = [];
  const anchored = text.includes('小编') || text.includes('本站观点') || text.includes('网友上传') || text.includes('供大家参考');
  if (anchored) for (let i = 0; i < text.length; i++) if (SENTENCE_END.test(text[i])) ends.push(i);
  const judged = new Set<number>();
  EDITOR_ANCHOR.lastIndex = anchored ? 0 : text.length;
  while ((m = EDITOR_ANCHOR.exec(text))) {
    const at = m.index;
    const k = firstAtOrAfter(ends, at);
    let from = k > 0 ? ends[k - 1] + 1 : 0;
    for (const c of css) if (c.end - line.start <= at) from = Math.max(from, c.end - line.start);
    while (from < at && /[\s\u3000]/.test(text[from])) from++;
    const next = firstAtOrAfter(ends, at + m[0].length);
    const to = next < ends.length ? ends[next] + 1 : text.length;
    if (m[0] === '供大家参考') {
      // 供大家参考 alone is speech too (整理成几点意见，供大家参考): only with a site's words is it a blurb.
      if (judged.has(from)) continue;
      judged.add(from);
      if (!SITE_WORDS.test(text.slice(from, to))) continue;
    }
    pieces.push({ start: line.start + from, end: line.start + to, kind: 'editor' });
    EDITOR_ANCHOR.lastIndex = Math.max(EDITOR_ANCHOR.lastIndex, to);
  }
  const footer = footerPiece(text);
  if (footer !== undefined) pieces.push({ start: line.start + footer, end: line.start + text.replace(/[\s\u3000]+$/, '').length, kind: 'copyright' });
  EDITOR_NOTE.lastIndex = text.includes('※') ? 0 : text.length;
  while ((m = EDITOR_NOTE.exec(text))) pieces.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, kind: 'editor' });
  if (text.includes('摄')) for (const caption of captions(text)) pieces.push({ start: line.start + caption.start, end: line.start + caption.end, kind: 'caption' });
  if (input.markup === 'plain') append(pieces, markdownPieces(normalized, line, firstLine));
  return pieces;
}

/** Index of the first value ≥ `at` in ascending `values` (values.length when none). */
export function firstAtOrAfter(values: readonly number[], at: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Photo captions spliced into running text: from the dated sentence that opens one to its credit. */
function captions(text: string): Span[] {
  const out: Span[] = [];
  CAPTION_CREDIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPTION_CREDIT.exec(text))) {
    const end = m.index + m[0].length;
    const floor = Math.max(out.length ? out[out.length - 1].end : 0, m.index - MAX_CAPTION);
    let start = -1;
    CAPTION_START.lastIndex = floor;
    let d: RegExpExecArray | null;
    while ((d = CAPTION_START.exec(text)) && d.index < m.index) {
      // A caption opens a sentence: after a sentence end, a separator or the line start.
      const before = text.slice(Math.max(0, d.index - 1), d.index);
      if (d.index === 0 || /[。！？!?\s\u3000]/.test(before)) {
        start = d.index;
        break;
      }
    }
    if (start === -1) continue;
    out.push({ start, end });
  }
  return out;
}

/** `**` around a sentence and `####` before a body paragraph: the markers only. */
function markdownPieces(normalized: string, line: LineInfo, firstLine: boolean): Piece[] {
  const out: Piece[] = [];
  const text = normalized.slice(line.start, line.end);
  const hashes = /^([\s\u3000]*)(#{1,6})([ \t]+)/.exec(text);
  if (hashes) {
    const rest = text.slice(hashes[0].length);
    // A `#` before a sentence of prose is a remnant; before a short title it is a heading (headings pass).
    if (rest.length === 0 || /[。！？；]/.test(rest.replace(/[。！？；]\s*$/, '')) || longerThan(rest, 60)) {
      const start = line.start + hashes[1].length;
      out.push({ start, end: start + hashes[2].length + hashes[3].length, kind: 'markdown' });
    } else if (firstLine) {
      // The `#` of a title (a page's `# 标题`): the title stays, its marker goes.
      const start = line.start + hashes[1].length;
      out.push({ start, end: start + hashes[2].length + hashes[3].length, kind: 'markdown' });
    }
  }
  if (!text.includes('**')) return out;
  const bold = /\*\*(?=\S)([^*\n]{2,}?)(?<=\S)\*\*/g;
  let m: RegExpExecArray | null;
  while ((m = bold.exec(text))) {
    const start = line.start + m.index;
    const end = start + m[0].length;
    // Spaces the page put around the emphasis go too (` **…** `).
    let from = start;
    while (from > line.start && normalized[from - 1] === ' ' && from - 1 > line.start && !/\s/.test(normalized[from - 2])) from--;
    let to = end;
    while (to < line.end && normalized[to] === ' ') to++;
    out.push({ start: from, end: to, kind: 'markdown', parts: [{ start: from, end: start + 2 }, { start: end - 2, end: to }] });
  }
  return out;
}

/** Kinds of whole lines that only the chrome around them makes leftovers (a site meta line). */
const META_LINE = /^\d{4}-\d{2}-\d{2}(?:\s+\S+){1,4}$/;

/** A line with no sentence in it: short, no sentence punctuation inside. */
function isShortLine(body: string): boolean {
  return !longerThan(body, MAX_CHROME_LINE) && !/[。！？；]/.test(body.replace(/[。！？]$/, ''));
}

function mergePieces(pieces: Piece[]): Piece[] {
  pieces.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && p.start < last.end) {
      if (p.end > last.end) last.end = p.end;
      if (p.parts && !last.parts) continue;
    } else merged.push({ ...p });
  }
  return merged;
}

/** What one line is on its own (offsets from the line start): a leftover whole, leftover pieces, or neither. */
export interface LineVerdict {
  kind?: string;
  kinds?: string[];
  pieces?: Piece[];
}

const NOTHING: LineVerdict = {};

function lineVerdict(input: LeftoverInput, line: LineInfo, body: string, firstLine: boolean): LineVerdict {
  const { normalized } = input;
  if (firstLine === false && META_LINE.test(body) && line.index < HEAD_LINES) return { kind: 'meta' };
  const hit = WHOLE_LINE.find((w) => w.re.test(body));
  if (hit) return { kind: hit.kind };
  if (input.markup === 'plain' && (/^(?:-{3,}|\*{3,}|_{3,})$/.test(body) || BLOCKQUOTE_NOTE.test(body))) return { kind: /^>/.test(body) ? 'editor' : 'markdown' };
  const found = mergePieces(linePieces(input, line, firstLine));
  if (found.length === 0) return NOTHING;
  // A line that is nothing but leftovers (and punctuation or spaces) goes whole.
  let rest = '';
  let at = line.start;
  for (const p of found) {
    rest += normalized.slice(at, p.start);
    at = p.end;
  }
  rest += normalized.slice(at, line.end);
  const onlyMarkers = found.every((p) => p.parts);
  if (!onlyMarkers && /^[\s\u3000,，.。;；:：、!！?？]*$/.test(rest)) {
    const kinds = [...new Set(found.map((p) => p.kind))];
    return kinds.length > 1 ? { kind: found[0].kind, kinds } : { kind: found[0].kind };
  }
  return { pieces: found.map((p) => moved(p, -line.start)) };
}

function moved(p: Piece, by: number): Piece {
  const out: Piece = { start: p.start + by, end: p.end + by, kind: p.kind };
  if (p.parts) out.parts = p.parts.map((s) => ({ start: s.start + by, end: s.end + by }));
  return out;
}

/** `memo`: the verdicts of the previous parse of this document, by line (see LineMemo). */
export function findLeftovers(input: LeftoverInput, memo?: LineMemo<LineVerdict>): LeftoverFound[] {
  const { normalized, lines } = input;
  const wholeKind = new Map<number, string>();
  const lineKinds = new Map<number, string[]>();
  const pieces = new Map<number, Piece[]>();
  const bodies: string[] = [];
  let seenText = false;
  for (const line of lines) {
    const { body } = lineBody(normalized, line);
    bodies.push(body);
    if (!body) continue;
    const firstLine = !seenText;
    seenText = true;
    // What the verdict reads besides the line: whether it is the first with text, whether it is a head line.
    const flags = (firstLine ? 'F' : '-') + (line.index < HEAD_LINES ? 'H' : '-');
    const compute = () => lineVerdict(input, line, body, firstLine);
    const { kind, kinds, pieces: found } = memo ? memo.get(line.start, normalized.slice(line.start, line.end), flags, compute) : compute();
    if (kind) {
      wholeKind.set(line.index, kind);
      if (kinds) lineKinds.set(line.index, kinds);
    } else if (found) {
      pieces.set(line.index, found.map((p) => moved(p, line.start)));
    }
  }
  siteCategory(lines, bodies, wholeKind);
  htmlBlocks(lines, bodies, wholeKind);
  leadIn(input, bodies, wholeKind, pieces);
  notesSection(input, bodies, wholeKind, pieces);
  newsReport(input, bodies, wholeKind);
  chromeZones(lines, bodies, wholeKind);
  duplicateTitle(lines, bodies, wholeKind);

  const out: LeftoverFound[] = [];
  for (const line of lines) {
    const kind = wholeKind.get(line.index);
    if (kind) {
      const lead = /^[\s\u3000\uFEFF]*/.exec(line.text)![0].length;
      const trimmed = line.text.replace(/[\s\u3000]+$/, '').length;
      const kinds = lineKinds.get(line.index);
      out.push({ start: line.start + lead, end: line.start + Math.max(lead, trimmed), kind, whole: true, line: line.index, ...(kinds ? { kinds } : {}) });
      continue;
    }
    for (const p of pieces.get(line.index) ?? []) out.push({ start: p.start, end: p.end, kind: p.kind, whole: false, line: line.index, ...(p.parts ? { parts: p.parts } : {}) });
  }
  return out;
}

/** `…全文如下：` that a news site puts before the speech it republishes. */
const FULL_TEXT_FOLLOWS = /(?:全文|原文|讲话|演辞|致辞|发言)(?:[（(][^）)]{1,12}[）)])?如下[：:]$|(?:以下|下面)是[^。！？]{2,80}(?:全文|讲话|演辞|致辞|发言)(?:[（(][^）)]{1,12}[）)])?[：:]$/;

/**
 * A republication's lead-in: every line before the one that says the full text follows (the news
 * headline, its summary paragraphs, photos). When that line is the speech's own title plus 全文如下：, only
 * those words go.
 */
function leadIn(input: LeftoverInput, bodies: string[], whole: Map<number, string>, pieces: Map<number, Piece[]>): void {
  const { lines, normalized } = input;
  const at = bodies.findIndex((b, i) => i < 40 && FULL_TEXT_FOLLOWS.test(b.replace(/^\*\*|\*\*$/g, '')));
  if (at === -1) return;
  const body = bodies[at].replace(/^\*\*|\*\*$/g, '');
  const m = /全文如下[：:]$/.exec(body);
  const before = m ? body.slice(0, m.index) : '';
  const titled = m && before.length > 0 && !/[，。！？；]/.test(before) && /(?:讲话|说明|致辞|宣言|演讲|发言|报告)$/.test(before);
  if (titled) {
    const line = lines[at];
    const text = normalized.slice(line.start, line.end);
    const i = text.lastIndexOf(m[0]);
    pieces.set(at, mergePieces([...(pieces.get(at) ?? []), { start: line.start + i, end: line.start + i + m[0].length, kind: 'blurb' }]));
  } else if (!whole.has(at)) {
    whole.set(at, 'blurb');
  }
  for (let i = 0; i < at; i++) if (bodies[i] && !whole.has(i)) whole.set(i, isShortLine(bodies[i]) ? 'meta' : 'blurb');
}

/** Lines inside a `<figure>` … `</figure>` block (the caption text between the tags included). */
function htmlBlocks(lines: LineInfo[], bodies: string[], whole: Map<number, string>): void {
  let open = -1;
  for (let i = 0; i < lines.length; i++) {
    if (/^<figure\b/i.test(bodies[i])) open = i;
    if (open !== -1 && /<\/figure>\s*$/i.test(bodies[i])) {
      for (let k = open; k <= i; k++) if (bodies[k]) whole.set(k, 'html');
      open = -1;
    }
  }
}

/** A book's notes section (注释 + 〔1〕… lines) and, when there is one, the note marks in the text. */
function notesSection(input: LeftoverInput, bodies: string[], whole: Map<number, string>, pieces: Map<number, Piece[]>): void {
  const { lines, normalized } = input;
  const header = bodies.findIndex((b) => NOTES_HEADER.test(b));
  if (header === -1) return;
  const notes = bodies.slice(header + 1).filter((b) => b);
  if (notes.length === 0 || !notes.every((b) => NOTE_LINE.test(b) || /^[（(]《/.test(b) || whole.has(bodies.indexOf(b)))) return;
  whole.set(header, 'notes');
  for (let i = header + 1; i < lines.length; i++) if (bodies[i] && NOTE_LINE.test(bodies[i])) whole.set(i, 'notes');
  for (let i = 0; i < header; i++) {
    if (!bodies[i] || whole.has(i)) continue;
    const line = lines[i];
    const text = normalized.slice(line.start, line.end);
    NOTE_MARK.lastIndex = 0;
    let m: RegExpExecArray | null;
    const marks: Piece[] = [];
    while ((m = NOTE_MARK.exec(text))) marks.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, kind: 'notes' });
    if (marks.length) pieces.set(i, mergePieces([...(pieces.get(i) ?? []), ...marks]));
  }
}

/**
 * A news report the speech was published in (新华社北京8月23日电… up to the speech's own title): when the
 * copy opens a paragraph with a 新华社 dateline and the speech's salutation follows later.
 */
function newsReport(input: LeftoverInput, bodies: string[], whole: Map<number, string>): void {
  const first = bodies.findIndex((b, i) => !whole.has(i) && NEWS_DATELINE.test(b));
  if (first === -1) return;
  const salutation = bodies.findIndex((b, i) => i > first && /^[^。！？]{0,30}(?:同志们|各位代表|各位领导|同志们、朋友们)[：:]$/.test(b));
  if (salutation === -1) return;
  // The speech starts at its title: the short line above the salutation (and a date/author line).
  let start = salutation;
  while (start - 1 > first && bodies[start - 1] !== '' && isShortLine(bodies[start - 1]) && !/[。！？]$/.test(bodies[start - 1])) start--;
  for (let i = first; i < start; i++) if (bodies[i] && !whole.has(i)) whole.set(i, i === first ? 'dateline' : 'report');
}

/**
 * The chrome before and after the speech: the lines between the first and the last strong leftover at
 * the top (the last short lines before the speech may be its title and stay), and every short line from
 * the first strong leftover after the speech's last sentence to the end.
 */
function chromeZones(lines: LineInfo[], bodies: string[], whole: Map<number, string>): void {
  const strong = (i: number) => STRONG_KINDS.has(whole.get(i) ?? '');
  const prose = (i: number) => bodies[i] !== '' && !whole.has(i) && !isShortLine(bodies[i]);
  const firstProse = lines.findIndex((_, i) => prose(i));
  if (firstProse === -1) return;
  let firstStrongHead = -1;
  let lastStrongHead = -1;
  for (let i = 0; i < firstProse; i++) {
    if (!strong(i)) continue;
    if (firstStrongHead === -1) firstStrongHead = i;
    lastStrongHead = i;
  }
  for (let i = firstStrongHead + 1; i < lastStrongHead; i++) {
    // The speech's own title may stand between a site's category and its posting time.
    if (TITLE_OF_SPEECH.test(bodies[i]) && !/[。！？|｜]/.test(bodies[i])) continue;
    if (bodies[i] && !whole.has(i) && isShortLine(bodies[i])) whole.set(i, META_LINE.test(bodies[i]) ? 'meta' : 'chrome');
  }
  let lastProse = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (prose(i)) {
      lastProse = i;
      break;
    }
  }
  const firstStrongTail = lines.findIndex((_, i) => i > lastProse && strong(i));
  if (firstStrongTail === -1) return;
  for (let i = firstStrongTail; i < lines.length; i++) {
    if (bodies[i] && !whole.has(i) && isShortLine(bodies[i])) whole.set(i, META_LINE.test(bodies[i]) ? 'related' : 'chrome');
  }
}

// A site's category name above the title it files the speech under (工作总结 / 在…会上讲话).
const SITE_CATEGORY = /^(?:工作总结|工作计划|工作报告|讲话稿|领导讲话|讲话致辞|会议讲话|讲话材料|发言稿|心得体会|述职报告|演讲稿|致辞|范文|公文范文|范文大全|思想汇报)$/;
const TITLE_OF_SPEECH = /(?:讲话|发言|致辞|报告|讲演|演讲|动员令|总结)(?:稿)?$/;

function siteCategory(lines: LineInfo[], bodies: string[], whole: Map<number, string>): void {
  const filled = lines.filter((l) => bodies[l.index] !== '');
  if (filled.length < 2 || whole.has(filled[0].index)) return;
  const [category, title] = [bodies[filled[0].index], bodies[filled[1].index]];
  if (SITE_CATEGORY.test(category) && !whole.has(filled[1].index) && TITLE_OF_SPEECH.test(title) && !/[。！？]/.test(title)) whole.set(filled[0].index, 'breadcrumb');
}

/** The title repeated after the scrape header: a short line equal to an earlier one, a leftover between. */
function duplicateTitle(lines: LineInfo[], bodies: string[], whole: Map<number, string>): void {
  const head: LineInfo[] = [];
  for (let i = 0; i < lines.length && head.length < HEAD_LINES; i++) if (bodies[i] !== '') head.push(lines[i]);
  for (let b = 1; b < head.length; b++) {
    const later = head[b].index;
    if (whole.has(later)) continue;
    const text = bodies[later];
    if (longerThan(text, 60) || /[。！？]/.test(text)) continue;
    for (let a = 0; a < b; a++) {
      const earlier = head[a].index;
      if (whole.has(earlier) && whole.get(earlier) !== 'chrome' && whole.get(earlier) !== 'meta') continue;
      if (bodies[earlier] !== text) continue;
      if (head.slice(a + 1, b).some((l) => whole.has(l.index))) {
        whole.set(later, 'duplicate');
        break;
      }
    }
  }
}

/** Whether the text between two offsets is only leftovers and spaces (a list item right after a caption). */
export function isBlankText(text: string): boolean {
  return isBlank(text);
}
