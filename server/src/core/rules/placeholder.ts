// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const placeholder: Rule = {
  meta: { id: 'placeholder', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('placeholder'), options: {} },
  check() {},
};
