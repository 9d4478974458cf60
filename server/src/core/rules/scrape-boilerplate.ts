// PLACEHOLDER: being written.
import type { Rule } from '../rule';
import { docsPath } from '../rule';

export const scrapeBoilerplate: Rule = {
  meta: { id: 'scrape-boilerplate', description: { zh: '', en: '' }, defaultSeverity: 'warning', fixable: false, docs: docsPath('scrape-boilerplate'), options: {} },
  check() {},
};
