// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const headingLevel: Rule = {
  meta: { id: 'heading-level', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('heading-level'), options: {} },
  check() {},
};
