// The one place where the Word conversion reads the parser's document model and the findings'
// messages: when the parse API or the message system changes, only this file follows.
import type { Locale } from '../core/i18n/format';
import { findingMessage } from '../core/messages';
import type { Finding, HeadingLevel, Span, SpeechDocument } from '../core/types';

export type SpeechBlockType = 'title' | 'salutation' | 'heading' | 'paragraph';

export interface SpeechBlock {
  type: SpeechBlockType;
  /** For headings. */
  level?: HeadingLevel;
  /** The paragraph's text as exported: comments and a Markdown `#` prefix removed, no trailing spaces. */
  text: string;
  /** A heading run into its body: the heading part (marker, title and its 。) and the body after it. */
  headingText?: string;
  bodyText?: string;
}

/** Characters XML 1.0 cannot carry (C0 controls but tab, line feed, carriage return; lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex -- the control characters are what it removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text of `span` without the comments inside it and without characters Word cannot store. */
function cleanText(doc: SpeechDocument, span: Span): string {
  let out = '';
  let at = span.start;
  for (const c of doc.comments) {
    if (c.end <= at || c.start >= span.end) continue;
    out += doc.text.slice(at, Math.max(at, c.start));
    at = Math.max(at, c.end);
  }
  out += doc.text.slice(at, Math.max(at, span.end));
  return out.replace(NOT_XML, '');
}

/**
 * The draft as Word paragraphs, in order: title, salutation, headings (with their run-on body) and
 * paragraphs. Front matter, comments and blank lines are left out; a heading run into the middle
 * of a paragraph (a cut web page) stays part of that paragraph.
 */
export function speechBlocks(doc: SpeechDocument): SpeechBlock[] {
  const out: SpeechBlock[] = [];
  for (const block of doc.blocks) {
    const heading = block.heading;
    if (block.type === 'heading' && heading?.inline) continue;
    const start = block.type === 'heading' && heading?.prefix ? heading.prefix.end : block.start;
    const text = cleanText(doc, { start, end: block.end }).replace(/[\s\u3000]+$/u, '');
    if (!text.trim()) continue;
    if (block.type === 'heading' && heading) {
      const item: SpeechBlock = { type: 'heading', level: heading.level, text };
      if (heading.body && heading.body.start < block.end) {
        item.headingText = cleanText(doc, { start, end: heading.body.start });
        item.bodyText = cleanText(doc, { start: heading.body.start, end: block.end }).replace(/[\s\u3000]+$/u, '');
        if (!item.bodyText) {
          delete item.bodyText;
          delete item.headingText;
        }
      }
      out.push(item);
    } else {
      out.push({ type: block.type, text });
    }
  }
  return out;
}

/** The draft's title as plain text, if it has one. */
export function speechTitle(doc: SpeechDocument): string | undefined {
  return speechBlocks(doc).find((b) => b.type === 'title')?.text;
}

/** A finding's message in `locale`. */
export function findingText(finding: Finding, locale: Locale): string {
  return findingMessage(finding, locale);
}

/** The draft's script, for the document's language tag. */
export function speechScript(doc: SpeechDocument): 'simplified' | 'traditional' {
  return doc.script.script;
}
