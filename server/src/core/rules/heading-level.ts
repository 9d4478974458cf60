// heading-level: outline levels are used in order (一、 → （一） → 1. → （1）): no level before its
// parent exists, no skipped level.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { canonicalMarker } from '../parse';
import type { Heading, HeadingLevel, Section } from '../types';

const ID = 'heading-level';

const LEVEL_NAMES = ['', '一级', '二级', '三级', '四级'];

function levelNames(levels: number[]): { zh: string; en: string } {
  return {
    zh: levels.map((l) => LEVEL_NAMES[l]).join('和') + '标题',
    en: `level-${levels.join(' and level-')} heading${levels.length > 1 ? 's' : ''}`,
  };
}

export const headingLevel: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '标题层级应依次使用（一、 → （一） → 1. → （1））：不得在上级标题出现前使用下级标题，不得跳级。',
      en: 'Outline levels are used in order (一、 → （一） → 1. → （1））: no level before its parent exists, no skipped level.',
    },
    defaultSeverity: 'warning',
    fixable: false,
    docs: docsPath(ID),
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
    const hasLevel2 = doc.headings.some((h) => h.level === 2);
    const twoLevel = options.allowLevel3UnderLevel1 !== false && !hasLevel2;
    /** The level a heading's parent should have. */
    const parentLevel = (level: HeadingLevel): number => (level === 3 && twoLevel ? 1 : level - 1);
    const marker = (level: number) => canonicalMarker(level as HeadingLevel, 1, settings.level3Style);

    // Once per sibling group: the first heading that is out of place stands for its siblings.
    const visit = (children: Section[], parent: Heading | undefined) => {
      const seen = new Set<number>();
      for (const child of children) {
        const h = child.heading;
        if (seen.has(h.level)) continue;
        seen.add(h.level);
        const want = parentLevel(h.level);
        const have = parent ? parent.level : 0;
        if (want > have) {
          // Every level skipped (二级 is never missing from a document that has no level-2 heading at all).
          const missing: number[] = [];
          for (let l = have + 1; l <= want; l++) if (!(l === 2 && twoLevel)) missing.push(l);
          if (missing.length === 0) continue;
          const names = levelNames(missing);
          const first = marker(missing[0]);
          if (!parent) {
            report({
              start: h.marker.start,
              end: h.marker.end,
              message: {
                zh: `${LEVEL_NAMES[h.level]}标题“${h.markerText}”之前没有${names.zh}：应先用“${first}”`,
                en: `Level-${h.level} heading "${h.markerText}" comes before any ${names.en}: expected a "${first}" heading first`,
              },
            });
          } else {
            report({
              start: h.marker.start,
              end: h.marker.end,
              message: {
                zh: `跳过了${names.zh}：“${parent.markerText}”之下应先用“${first}”`,
                en: `Skipped ${names.en}: under "${parent.markerText}" expected "${first}" first, found "${h.markerText}"`,
              },
            });
          }
        }
      }
      for (const child of children) visit(child.children, child.heading);
    };
    visit(doc.sections, undefined);
  },
};
