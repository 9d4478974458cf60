// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const cjkSpace: Rule = {
  meta: { id: 'cjk-space', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('cjk-space'), options: {} },
  check() {},
};
