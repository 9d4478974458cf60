// Simplified characters in a traditional draft, or the reverse. Script-specific characters are
// decided by opencc's character tables; characters valid in both scripts (干, 于, 后, 里 …) only by
// phrase context (干部 → 幹部), at a lower severity.
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { findScriptMismatches } from '../script';

const SCRIPT_NAME = { simplified: { zh: '简体', en: 'simplified' }, traditional: { zh: '繁体', en: 'traditional' } };

export const mixedScript: Rule = {
  meta: {
    id: 'mixed-script',
    description: {
      zh: '繁简混用：繁体文稿中的简体字，或简体文稿中的繁体字',
      en: 'Mixed script: simplified characters in a traditional draft, or the reverse',
    },
    defaultSeverity: 'warning',
    fixable: true,
    docs: docsPath('mixed-script'),
    options: {
      phraseContext: {
        type: 'boolean',
        default: true,
        description: {
          zh: '对两种字形都通行的字（干、于、后、里等），按词语判断（干部→幹部），以“提示”级别报告',
          en: 'Judge characters valid in both scripts (干, 于, 后, 里 …) by phrase context (干部 → 幹部), reported as info',
        },
      },
    },
  },
  check(context) {
    const { doc } = context;
    const script = doc.script.script;
    const own = SCRIPT_NAME[script];
    const other = SCRIPT_NAME[script === 'traditional' ? 'simplified' : 'traditional'];
    for (const m of findScriptMismatches(doc.text, doc.normalized, script)) {
      if (doc.isExcluded(m.start)) continue;
      const found = doc.text.slice(m.start, m.end);
      if (m.basis === 'character') {
        context.report({
          start: m.start,
          end: m.end,
          message: {
            zh: `${own.zh}文稿中混入${other.zh}字“${found}”，应为“${m.replacement}”`,
            en: `${other.en} character "${found}" in a ${own.en} draft: use "${m.replacement}"`,
          },
          fix: { edits: [{ start: m.start, end: m.end, text: m.replacement }] },
        });
      } else if (context.options.phraseContext) {
        context.report({
          start: m.start,
          end: m.end,
          severity: 'info',
          message: {
            zh: `按“${m.phrase}”一词，${own.zh}应作“${m.replacement}”（原为“${found}”）`,
            en: `In the word "${m.phrase}", ${own.en} script writes "${m.replacement}" (found "${found}")`,
          },
          fix: { edits: [{ start: m.start, end: m.end, text: m.replacement }] },
        });
      }
    }
  },
};
