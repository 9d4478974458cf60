// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const bannedPhrase: Rule = {
  meta: { id: 'banned-phrase', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('banned-phrase'), options: {} },
  check() {},
};
