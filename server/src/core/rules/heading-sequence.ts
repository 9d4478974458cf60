// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const headingSequence: Rule = {
  meta: { id: 'heading-sequence', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('heading-sequence'), options: {} },
  check() {},
};
