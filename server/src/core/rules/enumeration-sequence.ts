// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const enumerationSequence: Rule = {
  meta: { id: 'enumeration-sequence', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('enumeration-sequence'), options: {} },
  check() {},
};
