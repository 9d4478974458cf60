// heading-level: outline levels are used in order (一、 → （一） → 1. → （1）): no level before its
// parent exists, no skipped level.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { canonicalMarker } from '../parse';
import type { Heading, HeadingLevel, Section } from '../types';

const ID = 'heading-level';


export const headingLevel: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '标题层级应依次使用（一、 → （一） → 1. → （1））：不得在上级标题出现前使用下级标题，不得跳级。',
      en: 'Outline levels are used in order (一、 → （一） → 1. → （1））: no level before its parent exists, no skipped level.',
    },
    defaultSeverity: 'warning',
    docs: docsPath(ID),
    messages: {
      beforeParent: {
        zh: '{level}标题“{actual}”之前没有{missing:and}标题：应先用“{expected}”',
        en: 'The {level} heading "{actual}" comes before any {missing:and} heading: expected a "{expected}" heading first',
      },
      skipped: {
        zh: '跳过了{missing:and}标题：“{parent}”之下应先用“{expected}”，实为“{actual}”',
        en: 'Skipped {missing:and}: under "{parent}" expected "{expected}" first, found "{actual}"',
      },
    },
    options: {
      allowLevel3UnderLevel1: {
        type: 'boolean',
        default: true,
        description: {
          zh: '全文没有二级标题“（一）”时，允许“1.”直接用在“一、”之下（两级结构）。',
          en: 'Allow "1." directly under "一、" when the document has no level-2 "（一）" heading at all (a two-level outline).',
        },
      },
    },
  },
  check({ doc, settings, options, report }) {
    const hasLevel2 = doc.headings.some((h) => h.level === 2 && h.form === 'marker');
    const twoLevel = options.allowLevel3UnderLevel1 !== false && !hasLevel2;
    /** The level a heading's parent should have. */
    const parentLevel = (level: HeadingLevel): number => (level === 3 && twoLevel ? 1 : level - 1);
    const marker = (level: number) => canonicalMarker(level as HeadingLevel, 1, settings.level3Style);

    // Once per sibling group: the first heading that is out of place stands for its siblings.
    const visit = (children: Section[], parent: Heading | undefined) => {
      const seen = new Set<number>();
      for (const child of children) {
        const h = child.heading;
        // Only marked headings have levels to check (a part, a bare numeral or a topic stands alone).
        if (h.form !== 'marker' || seen.has(h.level)) continue;
        seen.add(h.level);
        const want = parentLevel(h.level);
        const have = parent ? parent.level : 0;
        if (want > have) {
          // Every level skipped (二级 is never missing from a document that has no level-2 heading at all).
          const missing: number[] = [];
          for (let l = have + 1; l <= want; l++) if (!(l === 2 && twoLevel)) missing.push(l);
          if (missing.length === 0) continue;
          const data = { missing: missing.map((l) => ({ id: `level/${l}` })), expected: marker(missing[0]), actual: h.markerText };
          if (!parent) report({ start: h.marker.start, end: h.marker.end, messageId: 'beforeParent', data: { ...data, level: { id: `level/${h.level}` } } });
          else report({ start: h.marker.start, end: h.marker.end, messageId: 'skipped', data: { ...data, parent: parent.markerText } });
        }
      }
      for (const child of children) visit(child.children, child.heading);
    };
    visit(doc.sections, undefined);
  },
};
