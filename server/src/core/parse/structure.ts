// Pass: the draft's parts — the title, the salutation (a known form of address, never a sentence),
// the blocks in document order, and the sections of the outline with their 字数.
import type { Block, Heading, Paragraph, Section } from '../types';
import { MAX_SALUTATION_LINE, MAX_TITLE_LINE } from './thresholds';

/** Forms of address a salutation is made of (各位代表，同志们： 女士们、先生们：). */
const ADDRESS = /(?:同志们|同事们|朋友们|同学们|老师们|女士们|先生们|代表们|各位(?:代表|委员|领导|来宾|嘉宾|同事|同仁|老师|同学|朋友|企业家|专家|家长|乡亲|干部)|大家好|尊敬的)/;

export function isSalutation(text: string): boolean {
  const trimmed = text.trim();
  if ([...trimmed].length > MAX_SALUTATION_LINE) return false;
  if (!/[：:！!，,]$/.test(trimmed) && trimmed !== '大家好') return false;
  if (/[。？?；;]/.test(trimmed)) return false;
  return ADDRESS.test(trimmed);
}

export function isTitleLike(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && [...trimmed].length <= MAX_TITLE_LINE + 20 && !/[。！？，；,;!?：:]/.test(trimmed);
}

export interface StructureInput {
  normalized: string;
  paragraphs: Paragraph[];
  headings: Heading[];
  /** Paragraphs wholly inside a leftover (not the speech). */
  leftover: (paragraph: Paragraph) => boolean;
}

export function findBlocks(input: StructureInput): { blocks: Block[]; title?: Block; salutation?: Block } {
  const { normalized, paragraphs, headings } = input;
  const headingAt = new Map<number, Heading>();
  for (const h of headings) if (!h.inline) headingAt.set(h.prefix?.start ?? h.bold?.[0].start ?? h.marker.start, h);
  const blocks: Block[] = [];
  let title: Block | undefined;
  let salutation: Block | undefined;
  let sawBody = false;
  for (const paragraph of paragraphs) {
    // A leftover stays a block (the text is the drafter's to delete), but it is no title or salutation.
    if (input.leftover(paragraph)) {
      blocks.push({ type: 'paragraph', line: paragraph.line, start: paragraph.contentStart, end: paragraph.end, leftover: true });
      continue;
    }
    const start = paragraph.contentStart;
    const heading = headingAt.get(start);
    if (heading) {
      blocks.push({ type: 'heading', line: paragraph.line, start, end: paragraph.end, heading });
      sawBody = true;
      continue;
    }
    const content = normalized.slice(start, paragraph.end);
    const plain = content.replace(/^#{1,6}[ \t]*/, '').replace(/^\*\*|\*\*$/g, '');
    if (!sawBody && !title && !salutation && isTitleLike(plain) && [...plain.trim()].length <= MAX_TITLE_LINE + 20) {
      title = { type: 'title', line: paragraph.line, start, end: paragraph.end };
      blocks.push(title);
      continue;
    }
    if (!salutation && headings.every((h) => h.marker.start > start || !h.numbered) && isSalutation(plain)) {
      salutation = { type: 'salutation', line: paragraph.line, start, end: paragraph.end };
      blocks.push(salutation);
      sawBody = true;
      continue;
    }
    blocks.push({ type: 'paragraph', line: paragraph.line, start, end: paragraph.end });
    sawBody = true;
  }
  return { blocks, title, salutation };
}

/** The outline tree: a section ends where the next heading of the same or a higher level starts. */
export function buildSections(headings: Heading[], prefix: Int32Array, textEnd: number): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const heading of headings) {
    const section: Section = { heading, span: { start: heading.sectionStart ?? heading.prefix?.start ?? heading.bold?.[0].start ?? heading.marker.start, end: textEnd }, count: 0, children: [] };
    // Each open section at the same or a deeper level ends here.
    while (stack.length && stack[stack.length - 1].heading.level >= heading.level) {
      stack.pop()!.span.end = section.span.start;
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    } else {
      roots.push(section);
    }
    stack.push(section);
  }
  const count = (list: Section[]) => {
    for (const s of list) {
      s.count = prefix[s.span.end] - prefix[s.span.start];
      count(s.children);
    }
  };
  count(roots);
  return roots;
}
