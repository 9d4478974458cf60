// Shared types of the pure lint core. No vscode or LSP imports anywhere under core/.
import type { MessageData } from './i18n/format';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Kind = 'single' | 'comprehensive';
export type Script = 'simplified' | 'traditional';
/** A traditional draft's region, when the settings name one. */
export type Region = 'hk' | 'tw';
export type CountMode = 'word' | 'chars' | 'hanzi';
export type Level3Style = 'dot' | 'dun';

/** Half-open range of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  text: string;
}

export interface Fix {
  /** Non-overlapping edits, applied together. */
  edits: TextEdit[];
}

/** An edit the user may pick for a finding; never applied in bulk. */
export interface Suggestion {
  messageId: string;
  data: MessageData;
  fix: Fix;
}

export interface Finding extends Span {
  rule: string;
  severity: Severity;
  /** The message's id in the rule's `meta.messages` (catalogue id `<rule>/<messageId>`). */
  messageId: string;
  data: MessageData;
  /** A certain fix: applied by --fix, fix-all and fix on save. */
  fix?: Fix;
  /** Fixes resting on a doubtful reading: quick fixes only. */
  suggestions?: Suggestion[];
}

export interface LineInfo {
  /** 0-based line number. */
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line break. */
  end: number;
  text: string;
}

export type HeadingLevel = 1 | 2 | 3 | 4;

/** A paragraph: a line, or a piece of a line that a run of U+3000 (or a sentence end before one) separates. */
export interface Paragraph extends Span {
  /** 0-based line of its first character. */
  line: number;
  /** Where the text starts after the indentation. */
  contentStart: number;
  /** True when a U+3000 run inside a line, not a line break, started it. */
  split: boolean;
}

/**
 * How a heading is written: `marker` 一、（一）1.（1）; `bare` a numeral and a space or a numeral alone
 * (一 关于…); `topic` 第二点，/ 第一个问题： at a paragraph start (a draft without other headings);
 * `part` an unnumbered part title (开幕词, 结论); `markdown` a `#` heading without a numeral.
 */
export type HeadingForm = 'marker' | 'bare' | 'topic' | 'part' | 'markdown';

/** How the numeral of a heading is written. */
export type NumeralKind = 'chinese' | 'arabic';

export interface Heading {
  level: HeadingLevel;
  form: HeadingForm;
  /** False for unnumbered headings (parts, plain Markdown headings): no sequence, no marker to check. */
  numbered: boolean;
  /**
   * `certain`: a heading by its shape and its siblings. `doubtful`: it breaks an otherwise consistent
   * sequence, or reads like a number in prose; the outline shows it, but fixes that rest on it are only
   * suggestions.
   */
  confidence: 'certain' | 'doubtful';
  /** The title runs straight into the body with no mark where it ends (二、做好考古工作我多次强调，…). */
  glued: boolean;
  /** `**…**` around the heading (Markdown bold): the spans of the two markers. */
  bold?: [Span, Span];
  /** Where its section starts when not at the marker (the first topic, named only at its end: 这是第一点。). */
  sectionStart?: number;
  /** Numbered 1 right after a paragraph that introduces a run of its own (…三个字上下功夫。1、…). */
  introduced?: boolean;
  /** 0-based line number. */
  line: number;
  /** Parsed number (1-based). `-` OCR look-alikes parse as 1. */
  number: number;
  numeralKind: NumeralKind;
  /** The numeral characters only, e.g. `十二` or `3`. */
  numeral: Span;
  /** The whole marker including brackets and punctuation, e.g. `（一）` or `一、`. */
  marker: Span;
  markerText: string;
  /** Optional Markdown `#` prefix (with its spaces). */
  prefix?: Span;
  /** The heading text: up to the first 。！？ or the line end. */
  title: Span;
  titleText: string;
  /** Body text that runs on after the heading on the same line. */
  body?: Span;
  /** True when the heading does not start its paragraph (run into a previous sentence). */
  inline: boolean;
  /** True when the marker was written as the canonical form for its level. */
  canonical: boolean;
  /** The canonical marker for this level and number, e.g. `（二）`. */
  expectedMarker: string;
}

export interface Section {
  heading: Heading;
  /** From the heading start to just before the next heading of the same or a higher level. */
  span: Span;
  count: number;
  children: Section[];
  parent?: Section;
}

export type EnumerationFamily = 'shi-yao' | 'ordinal' | 'sequence';

export interface EnumerationItem extends Span {
  family: EnumerationFamily;
  /** Found right after a web leftover (a spliced photo caption): a fix that renumbers it is only a suggestion. */
  afterLeftover?: boolean;
  /** 1-based number; 首先=1, 其次=2, 再次=3, 最后=Infinity is reported as -1. */
  number: number;
  /** The suffix that identifies the series: 是, 要, 第…， or 首先/其次. */
  series: string;
  /** The numeral's own span (for renumbering). */
  numeral: Span;
  text: string;
  line: number;
}

export interface Enumeration {
  family: EnumerationFamily;
  items: EnumerationItem[];
  /** Nesting depth at the time the list opened (0 = outermost). */
  depth: number;
}

export interface Announcement extends Span {
  /** Announced number, or null for 几 (announces no number). */
  number: number | null;
  text: string;
  /** `forward`: 我讲三点意见 announces what follows; `back`: 以上三点 counts what was just said. */
  direction: 'forward' | 'back';
  /** `strong`: 讲三点意见 / 以下四个方面; `weak`: “六看”, 四项任务： (only count when a list follows at once). */
  strength: 'strong' | 'weak';
  /** The noun its items repeat (八大罪状 → 罪状: 第一条罪状是…), when that is how it finds its list. */
  itemNoun?: string;
  line: number;
  /** What the announcement counts, once resolved: the headings or the enumeration after it. */
  target?: 'headings' | 'enumeration';
  /** How many items follow (or, looking back, precede); undefined when there is nothing it could count. */
  actual?: number;
  /** The list it counts, when it counts one. */
  list?: Enumeration;
  /** The levels of the sections it counts, when it counts headings. */
  countedLevels?: number[];
  /** The section the announcement sits in (undefined: the preamble). */
  section?: Section;
}

export interface FrontMatter extends Span {
  kind?: Kind;
  limit?: number;
  /** Every key: value pair, kept as written. */
  entries: Record<string, string>;
  /** Where each entry's value is, by key (for edits that rewrite a value). */
  valueSpans: Record<string, Span>;
  /** Problems with recognised keys, e.g. an unknown kind (message ids of length-limit). */
  problems: { span: Span; messageId: 'front-matter-kind' | 'front-matter-limit'; data: MessageData }[];
}

export interface Directive extends Span {
  type: 'disable' | 'enable' | 'disable-next-line';
  /** The rules it names; none means every rule. */
  rules: string[];
  /** Where each named rule id is written. */
  ruleSpans: Span[];
  line: number;
}

/**
 * What a copy from a web page or a news republication dragged along: the span to delete (`whole`: the
 * whole line), its kind (the message `scrape-boilerplate/kind.<kind>`), and for some kinds the exact
 * edits (Markdown markers around a sentence are deleted, the sentence kept).
 */
export interface Leftover extends Span {
  kind: string;
  /** Every kind when a line holds several (CSS running into the editor's blurb). */
  kinds?: string[];
  whole: boolean;
  /** The finding's range when it differs from the span (the marker without its trailing spaces). */
  shown?: Span;
  /** Deletes only these parts (e.g. the `**` around a sentence), not the span. */
  parts?: Span[];
  /** The line it stands on (its first line). */
  line: number;
}

export interface Block extends Span {
  type: 'title' | 'salutation' | 'heading' | 'paragraph';
  line: number;
  heading?: Heading;
  /** The paragraph is a web leftover as a whole (a footer, a caption): not the speech. */
  leftover?: boolean;
}

export interface CountResult {
  mode: CountMode;
  total: number;
}

export interface ScriptInfo {
  script: Script;
  /** Set when the settings hold a traditional draft to one region's standard. */
  region?: Region;
  /** How many characters were specific to each script. */
  simplifiedOnly: number;
  traditionalOnly: number;
}

export interface SpeechDocument {
  text: string;
  lines: LineInfo[];
  /** The text converted character by character to simplified script, same UTF-16 length: phrase rules match here. */
  normalized: string;
  script: ScriptInfo;
  frontMatter?: FrontMatter;
  /** HTML-style comments: not counted, not linted. */
  comments: Span[];
  directives: Directive[];
  title?: Block;
  salutation?: Block;
  blocks: Block[];
  headings: Heading[];
  /** Top-level sections (the outline tree). */
  sections: Section[];
  enumerations: Enumeration[];
  announcements: Announcement[];
  count: CountResult;
  /** 字数 of the text before the first heading (title, salutation, opening). */
  preambleCount: number;
  /** Lines made of web-page chunk markers (`1、` starting a cut page) that are not headings. */
  pageChunkMarkers: Span[];
  /** The copy was cut into pages by a document-sharing site: its order of headings and lists is unreliable. */
  pageChunked: boolean;
  /** Paragraphs as the layout shows them (a flattened line split at its U+3000 runs). */
  paragraphs: Paragraph[];
  /** Web-page and republication leftovers, in document order. */
  leftovers: Leftover[];
  /** True when the offset lies in a leftover (a caption, a footer…): not the speech. */
  inLeftover(offset: number): boolean;
  /** countPrefix[i] = 字数 of text[0, i) (front matter and comments excluded). */
  countPrefix: Int32Array;
  /** True when the offset lies in front matter or a comment. */
  isExcluded(offset: number): boolean;
}
