// Simplified characters in a traditional draft, or the reverse. Script-specific characters are
// decided by opencc's character tables, where a traditional draft may use the forms of any standard
// (OpenCC's, Hong Kong's, Taiwan's) unless the settings name a region; characters valid in both
// scripts (干, 于, 后, 里 …) only by phrase context (干部 → 幹部), at a lower severity.
import type { MessageData } from '../i18n/format';
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { findScriptMismatches } from '../script';


export const mixedScript: Rule = {
  meta: {
    id: 'mixed-script',
    description: {
      zh: '繁简混用：繁体文稿中的简体字，或简体文稿中的繁体字',
      en: 'Mixed script: simplified characters in a traditional draft, or the reverse',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    scope: 'line',
    docs: docsPath('mixed-script'),
    messages: {
      character: { zh: '{own}文稿中混入{other}字“{found}”，应为“{replacement}”', en: '{other} character "{found}" in a {own} draft: use "{replacement}"' },
      phrase: { zh: '按“{phrase}”一词，{own}应作“{replacement}”（原为“{found}”）', en: 'In the word "{phrase}", {own} script writes "{replacement}" (found "{found}")' },
    },
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
    const region = doc.script.region;
    const own = { id: `script/${script}` };
    const other = { id: `script/${script === 'traditional' ? 'simplified' : 'traditional'}` };
    // One message data object per character (its replacement follows from it) and per phrase reading:
    // a copy with thousands of foreign characters repeats a few hundred (the data is never changed, so
    // findings may share it).
    const byCharacter = new Map<number, MessageData>();
    const byPhrase = new Map<string, MessageData>();
    for (const m of context.ranges.flatMap((r) => findScriptMismatches(doc.text, doc.normalized, script, region, r.start, Math.min(r.end, doc.text.length)))) {
      if (doc.isExcluded(m.start)) continue;
      if (m.basis === 'character') {
        const code = doc.text.codePointAt(m.start)!;
        let data = byCharacter.get(code);
        if (!data) byCharacter.set(code, (data = { own, other, found: doc.text.slice(m.start, m.end), replacement: m.replacement }));
        context.report({
          start: m.start,
          end: m.end,
          messageId: 'character',
          data,
          fix: { edits: [{ start: m.start, end: m.end, text: m.replacement }] },
        });
      } else if (context.options.phraseContext) {
        const phrase = m.phrase ?? '';
        const found = doc.text.slice(m.start, m.end);
        const key = `${found}\u0000${m.replacement}\u0000${phrase}`;
        let data = byPhrase.get(key);
        if (!data) byPhrase.set(key, (data = { own, phrase, found, replacement: m.replacement }));
        context.report({
          start: m.start,
          end: m.end,
          severity: 'info',
          messageId: 'phrase',
          data,
          fix: { edits: [{ start: m.start, end: m.end, text: m.replacement }] },
        });
      }
    }
  },
};
