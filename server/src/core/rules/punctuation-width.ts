// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const punctuationWidth: Rule = {
  meta: { id: 'punctuation-width', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('punctuation-width'), options: {} },
  check() {},
};
