// The numbers the parser decides by, named once. Each says what it is measured on.

/** A run of this many U+3000 (or more) inside a line separates two paragraphs (a flattened copy). */
export const PARAGRAPH_SEPARATOR_RUN = 2;
/** Fewest characters before such a run for it to end a paragraph (`注　　释` is one letter-spaced word). */
export const MIN_SPLIT_PARAGRAPH = 2;
/** Layout spaces: a title or signature line holds no sentence punctuation and is at most this long. */
export const MAX_LAYOUT_LINE = 80;
/** An ASCII space separates two headline parts when each side has at least this many characters. */
export const MIN_HEADLINE_PART = 4;
/** Longest title of a heading standing alone on its line (code points); longer reads as prose. */
export const MAX_HEADING_TITLE = 60;
/** Longest title of a heading run into a sentence before it, up to its 。(code points). */
export const MAX_INLINE_TITLE = 40;
/** A glued title (no mark where it ends) is shown up to this many code points. */
export const GLUED_TITLE_SHOWN = 24;
/** Longest line taken for the title or the salutation (code points). */
export const MAX_TITLE_LINE = 40;
export const MAX_SALUTATION_LINE = 40;
/** Page chunks: at least this many numbered lines in a row, each at least this long, cut mid-sentence. */
export const MIN_PAGE_CHUNK_RUN = 3;
export const MIN_PAGE_CHUNK_LENGTH = 100;
/** How far (characters) a list may start after a weak announcement in the same paragraph. */
export const ANNOUNCEMENT_REACH = 20;
/** How far back (characters) a photo caption may start before its 新华社记者 X/摄 credit. */
export const MAX_CAPTION = 400;
/** Lines at the top searched for a title repeated after the scrape header. */
export const HEAD_LINES = 12;
/** A chrome line is short: at most this many code points. */
export const MAX_CHROME_LINE = 80;
