// typo: common 错别字 from the curated list server/src/core/data/typos.tsv (one entry a line: wrong,
// right, exceptions, example, note), matched in one pass on the simplified-normalized draft, so
// traditional drafts are covered. An entry's exceptions (correct strings containing it: real words and
// word-boundary straddles such as 研究+竞争 for 究竞) silence a match. Entries tagged 【需上下文】 are
// reported with a suggestion, never fixed in bulk; 【异形词】 variants are info; 【港台常用】 entries
// (做为, 布署, 博奕) are local usage in Hong Kong and Taiwan: in a traditional draft they are only noted
// (info, a suggestion), since a mainland speech converted to traditional script has them as typos.
// The user adds entries (`extra`) and switches built-in ones off (`disabled`).
import { inDraftScript, sentenceAround } from '../proofread/common';
import { typoList } from '../proofread/lists';
import { wordListMatches, wordListOptionSchemas, type WordMatch } from '../proofread/wordlist';
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import type { SpeechDocument } from '../types';

const ID = 'typo';


/** Guards of 【需上下文】 entries: true when the match reads correctly where it stands. */
const CORRECT_HERE: Record<string, (text: string, m: WordMatch) => boolean> = {
  // 既使人民满意，又使企业受益: 既 + 使, answered by 又使/也使/还使 (即使……也要…… is the typo's own pattern).
  既使: (text, m) => /[又也还](?:使|让|令)/.test(text.slice(m.end, sentenceAround(text, m.start, m.end).end)),
};

/** A note in the draft's script and quotation marks (the zh-Hant catalogue uses corner quotes). */
export function noteInDraft(note: string, doc: SpeechDocument, found = ''): string {
  if (doc.script.script !== 'traditional') return note;
  return inDraftScript(note, doc, found).replace(/“/g, '「').replace(/”/g, '」').replace(/‘/g, '『').replace(/’/g, '』');
}

export const typo: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '常见错别字（内置词表，可增删条目）：如“布署”应为“部署”、“截止目前”应为“截至目前”',
      en: 'Common misspellings (a built-in list you can extend or trim): 布署 for 部署, 截止目前 for 截至目前',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    scope: 'line',
    docs: docsPath(ID),
    messages: {
      typo: { zh: '错别字“{found}”，应为“{right}”：{note}', en: 'Misspelling "{found}": write "{right}" ({note})' },
      typoPlain: { zh: '错别字“{found}”，应为“{right}”', en: 'Misspelling "{found}": write "{right}"' },
      variant: { zh: '“{found}”是非推荐词形，宜用“{right}”：{note}', en: '"{found}" is a non-recommended variant: use "{right}" ({note})' },
      context: { zh: '“{found}”多半应为“{right}”，请按上下文确认：{note}', en: '"{found}" is most likely a misspelling of "{right}"; check the context ({note})' },
      local: { zh: '“{found}”在港台较常用，按内地规范应为“{right}”：{note}', en: '"{found}" is common in Hong Kong and Taiwan; the mainland norm is "{right}" ({note})' },
      replace: { zh: '改为“{right}”', en: 'Change to "{right}"' },
    },
    options: wordListOptionSchemas({ zh: '错别字', en: 'misspellings' }),
  },
  check(ctx) {
    const { doc } = ctx;
    const traditional = doc.script.script === 'traditional';
    const text = doc.normalized;
    // The user's entries may overlap the built-in ones: the earlier, then longer, match is reported.
    const matches = wordListMatches(typoList(), ctx.options, text, doc, ctx.ranges);
    let reportedEnd = -1;
    for (const m of matches) {
      if (m.start < reportedEnd || doc.isExcluded(m.start)) continue;
      const { entry } = m;
      if (entry.context && CORRECT_HERE[entry.wrong]?.(text, m)) continue;
      reportedEnd = m.end;
      const found = doc.text.slice(m.start, m.end);
      const right = inDraftScript(entry.right, doc, found);
      if (right === found) continue;
      const note = noteInDraft(entry.note, doc, found);
      const fix = { edits: [{ start: m.start, end: m.end, text: right }] };
      const local = traditional && entry.mainlandOnly;
      if (entry.context || local) {
        ctx.report({
          start: m.start,
          end: m.end,
          ...(local ? { severity: 'info' as const } : {}),
          messageId: local ? 'local' : 'context',
          data: { found, right, note },
          suggestions: [{ messageId: 'replace', data: { right }, fix }],
        });
      } else if (entry.variant) {
        ctx.report({ start: m.start, end: m.end, severity: 'info', messageId: 'variant', data: { found, right, note }, fix });
      } else {
        ctx.report({ start: m.start, end: m.end, messageId: note ? 'typo' : 'typoPlain', data: note ? { found, right, note } : { found, right }, fix });
      }
    }
  },
};
