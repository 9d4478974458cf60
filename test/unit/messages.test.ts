// The message catalogue: every message renders in every language with its data, the two hand-written
// languages use the same data, and a traditional draft gets traditional messages by default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine';
import { fillTemplate, placeholders, renderMessage, resolveLocale, type Locale, type MessageData } from '../../server/src/core/i18n/format';
import { uiMessage } from '../../server/src/core/i18n/ui';
import { ZH_HANT } from '../../server/src/core/i18n/zh-hant';
import { catalogue, findingMessage, lookupTemplate, message } from '../../server/src/core/messages';
import type { Rule } from '../../server/src/core/rule';
import { rules } from '../../server/src/core/rules';
import { settingsWith } from './helpers';

const LOCALES: Locale[] = ['zh-Hans', 'zh-Hant', 'en'];
/**
 * Placeholders one language needs and the other does not: the count mode is a note in Chinese and a unit
 * in English; the Chinese quotes the announced phrase (三点意见), which already holds the number.
 */
const ONE_LANGUAGE_ONLY = new Set([
  'length-limit/over:mode',
  'length-limit/over:unit',
  'length-limit/near:mode',
  'length-limit/near:unit',
  ...['fewerItems', 'moreItems', 'fewerHeadings', 'moreHeadings', 'backItems', 'backHeadings'].map((id) => `announced-count/${id}:announced`),
]);
/** Templates that are empty in Chinese on purpose: the default count mode goes unsaid. */
const EMPTY_IN_CHINESE = new Set(['length-limit/modeWord']);

/** Sample data for a template: a number where a number format is used, else a string. */
function sampleData(template: string): MessageData {
  const data: Record<string, string | number> = {};
  for (const m of template.matchAll(/\{([A-Za-z]\w*)(?::([a-z]+))?/g)) data[m[1]] = m[2] && m[2] !== 'or' && m[2] !== 'and' ? 3 : `«${m[1]}»`;
  return data;
}

test('catalogue: every message renders in every language, with no placeholder left', () => {
  const all = catalogue();
  assert.ok(all.size > 150, `${all.size} messages`);
  for (const [id, template] of all) {
    const data = { ...sampleData(template.zh), ...sampleData(template.en) };
    for (const locale of LOCALES) {
      const text = message(id, data, locale);
      if (!(EMPTY_IN_CHINESE.has(id) && locale !== 'en')) assert.ok(text.length > 0, `${id} (${locale}) is empty`);
      assert.doesNotMatch(text, /\{[A-Za-z]\w*(:[^}]*)?\}/, `${id} (${locale}) leaves a placeholder: ${text}`);
      for (const [name, value] of Object.entries(data)) {
        if (typeof value === 'string' && (locale === 'en' ? template.en : template.zh).includes(`{${name}}`)) assert.ok(text.includes(value), `${id} (${locale}) shows ${name}`);
      }
    }
  }
});

test('catalogue: Chinese and English use the same data', () => {
  const differ: string[] = [];
  for (const [id, template] of catalogue()) {
    const zh = new Set(placeholders(template.zh));
    const en = new Set(placeholders(template.en.replace(/\{\w+:plural:[^}]*\}/g, '')));
    for (const name of zh) if (!en.has(name) && !ONE_LANGUAGE_ONLY.has(`${id}:${name}`)) differ.push(`${id}: "${name}" only in Chinese`);
    for (const name of en) if (!zh.has(name) && !ONE_LANGUAGE_ONLY.has(`${id}:${name}`)) differ.push(`${id}: "${name}" only in English`);
  }
  assert.deepEqual(differ, []);
});

test('catalogue: every rule message and description has its traditional form, with the same placeholders', () => {
  for (const [id, template] of catalogue()) {
    const hant = ZH_HANT[id];
    assert.ok(hant !== undefined, `${id} has no zh-Hant text`);
    assert.deepEqual(placeholders(hant), placeholders(template.zh), id);
  }
  assert.equal(lookupTemplate('heading-sequence/gap', 'zh-Hant'), '標題編號不連續：應為「{expected}」，實為「{actual}」');
  assert.equal(message('kind/single', undefined, 'zh-Hant'), '單項');
});

test('format: numbers, Chinese numerals, 两/兩, grouping, lists, plurals and nested messages', () => {
  const lookup = (id: string, locale: Locale) => ({ a: { 'zh-Hans': '甲', 'zh-Hant': '甲', en: 'A' }, b: { 'zh-Hans': '乙', 'zh-Hant': '乙', en: 'B' } })[id]?.[locale];
  const fill = (template: string, data: MessageData, locale: Locale = 'zh-Hans') => fillTemplate(template, data, locale, lookup);
  assert.equal(fill('{n:cn}项', { n: 12 }), '十二项');
  assert.equal(fill('{n:count}个', { n: 2 }), '两个');
  assert.equal(fill('{n:count}個', { n: 2 }, 'zh-Hant'), '兩個');
  assert.equal(fill('{n:count}个', { n: 3 }), '三个');
  assert.equal(fill('{n:group} 字', { n: 12345 }), '12,345 字');
  assert.equal(fill('{list}', { list: [{ id: 'a' }, { id: 'b' }] }), '甲、乙');
  assert.equal(fill('{list}', { list: [{ id: 'a' }, { id: 'b' }] }, 'en'), 'A, B');
  assert.equal(fill('{list:or}', { list: ['x', 'y'] }), 'x或y');
  assert.equal(fill('{list:and}', { list: ['x', 'y'] }, 'en'), 'x and y');
  assert.equal(fill('{n} {n:plural:item:items}', { n: 1 }, 'en'), '1 item');
  assert.equal(fill('{n} {n:plural:item:items}', { n: 4 }, 'en'), '4 items');
  // An unknown id renders as itself: a missing message is visible, never a crash.
  assert.equal(renderMessage('no/such', undefined, 'en', lookup), 'no/such');
});

test('language: zh follows the draft’s script; a setting fixes it', () => {
  assert.equal(resolveLocale('zh', 'traditional'), 'zh-Hant');
  assert.equal(resolveLocale('zh', 'simplified'), 'zh-Hans');
  assert.equal(resolveLocale('zh-Hans', 'traditional'), 'zh-Hans');
  assert.equal(resolveLocale('en', 'traditional'), 'en');
  const draft = '一、提高認識\n三、突出重點';
  const [finding] = lint(draft, { only: ['heading-sequence'] }).findings;
  const result = lint(draft, { only: ['heading-sequence'] });
  assert.equal(result.doc.script.script, 'traditional');
  assert.equal(findingMessage(finding, resolveLocale(settingsWith({}).language, result.doc.script.script)), '標題編號不連續：應為「二、」，實為「三、」');
  assert.equal(findingMessage(finding, resolveLocale(settingsWith({ language: 'zh-Hans' }).language, result.doc.script.script)), '标题编号不连续：应为“二、”，实为“三、”');
  assert.equal(findingMessage(finding, 'en'), 'Heading numbers skip: expected "二、", found "三、"');
});

test('the client’s catalogue renders the editor’s messages without the rules', () => {
  assert.equal(uiMessage('client/status', { total: 2870, limit: 5000, kind: { id: 'kind/comprehensive' } }, 'zh-Hans'), '字数 2,870 / 5,000 · 综合');
  assert.equal(uiMessage('client/status', { total: 2870, limit: 5000, kind: { id: 'kind/comprehensive' } }, 'zh-Hant'), '字數 2,870 / 5,000 · 綜合');
  assert.equal(uiMessage('ui/findings', { count: 1 }, 'en'), '1 problem');
});

test('engine: a rule that reports an unknown messageId fails as a rule error, the others still run', () => {
  const broken: Rule = {
    meta: { id: 'broken', description: { zh: 'x', en: 'x' }, defaultSeverity: 'warning', docs: 'docs/rules/broken.md', options: {}, messages: { ok: { zh: '好', en: 'ok' } } },
    check: (ctx) => ctx.report({ start: 0, end: 1, messageId: 'typo' }),
  };
  rules.push(broken);
  try {
    const result = lint('一、总体要求\n三、重点', {});
    assert.deepEqual(result.ruleErrors, [{ rule: 'broken', error: 'unknown messageId "typo"' }]);
    assert.ok(result.findings.some((f) => f.rule === 'heading-sequence'));
  } finally {
    rules.pop();
  }
});
