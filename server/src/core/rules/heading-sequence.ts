// heading-sequence: sibling headings are numbered 1, 2, 3 … without gaps, duplicates or order errors.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { headingRunEdits, markerWithNumber, siblingGroups, wrongRuns, type RunKind } from '../renumber';
import type { Message } from '../types';

const ID = 'heading-sequence';

function message(kind: RunKind, expected: string, actual: string): Message {
  switch (kind) {
    case 'gap':
      return { zh: `标题编号不连续：应为“${expected}”，实为“${actual}”`, en: `Heading numbers skip: expected "${expected}", found "${actual}"` };
    case 'duplicate':
      return { zh: `标题编号重复：应为“${expected}”，实为“${actual}”`, en: `Duplicate heading number: expected "${expected}", found "${actual}"` };
    case 'order':
      return { zh: `标题编号顺序错误：应为“${expected}”，实为“${actual}”`, en: `Heading numbers out of order: expected "${expected}", found "${actual}"` };
    case 'restart':
      return {
        zh: `同级标题编号重新开始：应为“${expected}”，实为“${actual}”`,
        en: `Heading numbering restarts under the same parent: expected "${expected}", found "${actual}"`,
      };
  }
}

export const headingSequence: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '同级标题（同一上级标题下、同一层级）应从一开始连续编号，不得跳号、重号或颠倒顺序。',
      en: 'Sibling headings (same parent, same level) are numbered from 1 without gaps, duplicates or order errors.',
    },
    defaultSeverity: 'error',
    fixable: true,
    docs: docsPath(ID),
    options: {},
  },
  check({ doc, report }) {
    for (const group of siblingGroups(doc)) {
      for (const run of wrongRuns(group.map((h) => h.number))) {
        const h = group[run.start];
        report({
          start: h.marker.start,
          end: h.marker.end,
          message: message(run.kind, markerWithNumber(doc, h, run.start + 1), h.markerText),
          // Renumbers the run (this heading and the siblings that continue its numbers) by position.
          fix: { edits: headingRunEdits(doc, group, run.start, run.end) },
        });
      }
    }
  },
};
