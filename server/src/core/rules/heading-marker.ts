// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const headingMarker: Rule = {
  meta: { id: 'heading-marker', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('heading-marker'), options: {} },
  check() {},
};
