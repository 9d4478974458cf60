// heading-sequence: sibling headings are numbered 1, 2, 3 … without gaps, duplicates or order errors.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { headingRunEdits, looksReordered, markerWithNumber, siblingGroups, wrongRuns } from '../renumber';

const ID = 'heading-sequence';

export const headingSequence: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '同级标题（同一上级标题下、同一层级）应从一开始连续编号，不得跳号、重号或颠倒顺序。',
      en: 'Sibling headings (same parent, same level) are numbered from 1 without gaps, duplicates or order errors.',
    },
    defaultSeverity: 'error',
    fixable: 'code',
    hasSuggestions: true,
    docs: docsPath(ID),
    options: {},
    messages: {
      gap: { zh: '标题编号不连续：应为“{expected}”，实为“{actual}”', en: 'Heading numbers skip: expected "{expected}", found "{actual}"' },
      duplicate: { zh: '标题编号重复：应为“{expected}”，实为“{actual}”', en: 'Duplicate heading number: expected "{expected}", found "{actual}"' },
      order: { zh: '标题编号顺序错误：应为“{expected}”，实为“{actual}”', en: 'Heading numbers out of order: expected "{expected}", found "{actual}"' },
      restart: { zh: '同级标题编号重新开始：应为“{expected}”，实为“{actual}”', en: 'Heading numbering restarts under the same parent: expected "{expected}", found "{actual}"' },
      renumber: { zh: '按顺序重新编号（{from}起）', en: 'Renumber in order (from {from})' },
    },
  },
  check({ doc, report }) {
    for (const group of siblingGroups(doc)) {
      const runs = wrongRuns(group.map((h) => h.number));
      const reordered = looksReordered(runs);
      const firstDoubtful = group.findIndex((g) => g.confidence === 'doubtful');
      for (const run of runs) {
        const h = group[run.start];
        // Renumbers the run (this heading and the siblings that continue its numbers) by position; when
        // it rests on a doubtful heading (a number in prose, a shuffled page) the user decides.
        const fix = { edits: headingRunEdits(group, run.start, run.end) };
        // A restart after a paragraph that introduces it (…三个字上下功夫。1、…) is most likely meant as a new
        // run: noted (info), with renumbering as a suggestion only.
        const introducedRestart = run.kind === 'restart' && h.introduced === true;
        const doubtful = reordered || (firstDoubtful !== -1 && firstDoubtful < run.end) || introducedRestart;
        const expected = markerWithNumber(doc, h, run.start + 1);
        report({
          start: h.marker.start,
          end: h.marker.end,
          messageId: run.kind,
          data: { expected, actual: h.markerText },
          ...(introducedRestart ? { severity: 'info' as const } : {}),
          ...(doubtful ? { suggestions: [{ messageId: 'renumber', data: { from: expected }, fix }] } : { fix }),
        });
      }
    }
  },
};
