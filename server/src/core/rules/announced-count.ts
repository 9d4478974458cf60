// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const announcedCount: Rule = {
  meta: { id: 'announced-count', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('announced-count'), options: {} },
  check() {},
};
