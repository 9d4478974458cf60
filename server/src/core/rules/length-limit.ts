// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const lengthLimit: Rule = {
  meta: { id: 'length-limit', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('length-limit'), options: {} },
  check() {},
};
