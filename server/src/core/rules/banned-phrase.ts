// banned-phrase: phrases the user banned (settings.bannedPhrases) and those of the enabled presets
// (settings.bannedPhrasePresets, e.g. `wenfeng`). Phrases are literal text, matched on the
// simplified-normalized document with the phrase normalized the same way, so a phrase written in either
// script finds both. Where matches overlap, the longer one (and the user's over a preset's) wins. A user
// entry with a replacement is fixable; the replacement is written in the draft's script.
import { wenfeng, type PresetPhrase } from '../presets/wenfeng';
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { convertScript, normalizeToSimplified } from '../script';
import type { BannedPhrase } from '../settings';
import { findAll } from '../text';

const ID = 'banned-phrase';

/** Phrase presets shipped with the linter, by the name used in `bannedPhrasePresets`. */
export const BANNED_PHRASE_PRESETS: Readonly<Record<string, readonly PresetPhrase[]>> = { wenfeng };

interface Entry {
  needle: string;
  user?: BannedPhrase;
  preset?: PresetPhrase;
  /** Order among entries: user entries first. */
  rank: number;
}

interface Match {
  start: number;
  end: number;
  entry: Entry;
}

export const bannedPhrase: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '禁用词：设置中列出的词语及已启用的预设词表（如“文风”预设的空话套话）',
      en: 'Banned phrases: the phrases listed in the settings and those of enabled presets (e.g. the 文风 preset of stock officialese)',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    docs: docsPath(ID),
    messages: {
      banned: { zh: '禁用词“{found}”', en: 'Banned phrase "{found}"' },
      delete: { zh: '禁用词“{found}”，建议删除', en: 'Banned phrase "{found}": delete it' },
      replace: { zh: '禁用词“{found}”，建议改为“{replacement}”', en: 'Banned phrase "{found}": use "{replacement}" instead' },
      custom: { zh: '{text}', en: '{text}' },
      preset: { zh: '套话“{found}”：{why}', en: 'Stock phrase "{found}": {why}' },
      'why.pledge': { zh: '只表态、不说做法，建议写明具体做什么、谁负责、何时完成', en: 'a pledge without a plan; say what will be done, by whom and by when' },
      'why.degree': { zh: '程度说法空泛，建议写明具体目标或量化指标', en: 'a vague degree; state the concrete target or a measurable figure' },
      'why.verdict': { zh: '评价空泛，建议用数据或事例说明', en: 'an empty verdict; show it with figures or an example' },
      'why.formula': { zh: '程式化的开头或结尾，建议删去或换成本次会议的具体内容', en: 'a set formula for openings and endings; cut it or say something specific to this meeting' },
    },
    options: {},
  },
  check(ctx) {
    const { doc, settings } = ctx;
    const entries: Entry[] = [];
    for (const user of settings.bannedPhrases) {
      const needle = normalizeToSimplified(user.phrase);
      if (needle.trim()) entries.push({ needle, user, rank: entries.length });
    }
    for (const name of settings.bannedPhrasePresets) {
      for (const preset of BANNED_PHRASE_PRESETS[name] ?? []) entries.push({ needle: normalizeToSimplified(preset.phrase), preset, rank: entries.length });
    }
    if (entries.length === 0) return;

    const matches: Match[] = [];
    for (const entry of entries) {
      for (const start of findAll(doc.normalized, entry.needle)) {
        const end = start + entry.needle.length;
        if (doc.isExcluded(start) || doc.isExcluded(end - 1)) continue;
        matches.push({ start, end, entry });
      }
    }
    // Longest first at the same place, then the earlier entry; drop matches that overlap a kept one.
    matches.sort((a, b) => a.start - b.start || b.end - a.end || a.entry.rank - b.entry.rank);
    let keptEnd = -1;
    for (const m of matches) {
      if (m.start < keptEnd) continue;
      keptEnd = m.end;
      const found = doc.text.slice(m.start, m.end);
      const { user, preset } = m.entry;
      if (preset) {
        ctx.report({ start: m.start, end: m.end, severity: 'info', messageId: 'preset', data: { found, why: { id: `banned-phrase/why.${preset.kind}` } } });
        continue;
      }
      const entry = user!;
      let fix;
      let messageId = 'banned';
      let data: Record<string, string> = { found };
      if (entry.replacement !== undefined) {
        const replacement = entry.replacement === '' ? '' : convertScript(entry.replacement, doc.script.script);
        // A replacement that contains the phrase would be flagged again after the fix: suggest, don't fix.
        const loops = replacement !== '' && normalizeToSimplified(replacement).includes(m.entry.needle);
        if (replacement !== found && !loops) fix = { edits: [{ start: m.start, end: m.end, text: replacement }] };
        messageId = replacement === '' ? 'delete' : 'replace';
        if (replacement !== '') data = { found, replacement };
      }
      // The user's own message, shown as written in every language.
      if (entry.message) {
        messageId = 'custom';
        data = { ...data, text: entry.message };
      }
      ctx.report({ start: m.start, end: m.end, messageId, data, fix });
    }
  },
};
