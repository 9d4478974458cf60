// The README's rules table, generated from the rules' own metadata (npm run docs writes it).
import { rules } from './rules';

const SEVERITY_ZH = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

export function rulesTableMarkdown(): string {
  const rows = rules.map((rule) => {
    const { id, description, defaultSeverity, fixable, docs } = rule.meta;
    return `| [${id}](${docs}) | ${description.zh}<br>${description.en} | ${SEVERITY_ZH[defaultSeverity]} | ${fixable ? '✔' : ''} |`;
  });
  return ['| 规则 rule | 检查什么 what it finds | 默认级别 default | 可修复 fix |', '|---|---|---|---|', ...rows].join('\n');
}

export const RULES_TABLE_START = '<!-- rules-table:start (npm run docs) -->';
export const RULES_TABLE_END = '<!-- rules-table:end -->';

/** Replaces the table between the markers; returns the text unchanged when the markers are missing. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(RULES_TABLE_START);
  const end = readme.indexOf(RULES_TABLE_END);
  if (start === -1 || end === -1 || end < start) return readme;
  return `${readme.slice(0, start + RULES_TABLE_START.length)}\n${rulesTableMarkdown()}\n${readme.slice(end)}`;
}
