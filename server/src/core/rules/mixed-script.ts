// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const mixedScript: Rule = {
  meta: { id: 'mixed-script', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('mixed-script'), options: {} },
  check() {},
};
