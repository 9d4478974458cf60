// formulation: 规范提法 from the curated, dated list server/src/core/data/formulations.tsv (wrong, right,
// since, source, exceptions, example, note), matched in one pass on the simplified-normalized draft.
// Not reported: inside a book or document title (《关于建国以来党的若干历史问题的决议》, quoted as it
// stands), and where the passage names the wrong form to reject it (不再使用“一带一路”战略的提法).
// Fixed orders (四个自信, 四个意识, the new development philosophy …) are read from the notes
// (“顺序固定：…”): a 、-separated run of such items out of order is one finding whose fix puts the
// whole run in order. Entries tagged 【需上下文】 get a suggestion, never a bulk fix.
import type { MessageRef } from '../i18n/format';
import { inDraftScript } from '../proofread/common';
import { formulationList } from '../proofread/lists';
import { wordListMatches, wordListOptionSchemas, type WordMatch } from '../proofread/wordlist';
import type { Rule } from '../rule';
import { docsPath } from '../rule';
import type { Span } from '../types';
import { noteInDraft } from './typo';

const ID = 'formulation';

let fixedOrders: string[][] | undefined;

/** The fixed orders the notes state (顺序固定：道路自信、理论自信、制度自信、文化自信). */
function orders(): string[][] {
  fixedOrders ??= [...new Set(formulationList().entries.map((e) => /顺序固定：([^；（]+)/.exec(e.note)?.[1]).filter((s): s is string => !!s))].map((s) => s.split('、'));
  return fixedOrders;
}

const OPEN_QUOTE = '“「‘『"';
const CLOSE_QUOTE = '”」’』"';
/** Words that say the passage talks about the wording itself. */
const REJECTED_BEFORE = /(?:不再使用|不再提|不再称|不再用|不使用|不宜使用|不要使用|不得使用|避免使用|禁止使用|禁用|慎用|不提|不称|不用|改正|纠正)[^\n，。！？；]{0,4}$/;
const REJECTED_AFTER = /^[^\n，。！？；]{0,2}(?:的提法|的说法|的表述|的称谓|的称呼|的写法|的用法|这一提法|这种提法|这个提法|这一说法|这种说法|等提法|等说法|一词|一语|这样的提法|这样的说法)/;

function quotedAt(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  return OPEN_QUOTE.includes(before) && before !== '' && CLOSE_QUOTE.includes(after) && after !== '';
}

/** The match names the wrong form to reject it: 不再使用“…”、“…”的提法 / 不称“战略”. */
function rejected(text: string, m: Span): boolean {
  const lineStart = text.lastIndexOf('\n', m.start) + 1;
  let lineEnd = text.indexOf('\n', m.end);
  if (lineEnd === -1) lineEnd = text.length;
  const before = text.slice(Math.max(lineStart, m.start - 12), m.start);
  const after = text.slice(m.end, Math.min(lineEnd, m.end + 12));
  // 不再使用“一带一路”战略、“……”的提法: the quoted forms may be listed before the closing words.
  return REJECTED_BEFORE.test(before.replace(/[“「‘『"]$/, '')) || REJECTED_AFTER.test(after.replace(/^[”」’』"]/, '')) || (quotedAt(text, m.start, m.end) && /^[”」’』"]?[、，]?[“「‘『"][^”」’』"\n]{1,30}[”」’』"](?:的提法|的说法|等提法|等说法)/.test(after));
}

/** Inside 《…》 on the same line: a title is quoted as it stands. */
function inTitle(text: string, m: Span): boolean {
  for (let i = m.start - 1; i >= 0 && text[i] !== '\n'; i--) {
    if (text[i] === '》') return false;
    if (text[i] === '《') {
      for (let j = m.end; j < text.length && text[j] !== '\n'; j++) {
        if (text[j] === '》') return true;
        if (text[j] === '《') return false;
      }
      return false;
    }
  }
  return false;
}

/** A 、-separated run of one fixed order's items around the match, when the run is out of order. */
function orderRun(text: string, m: WordMatch): { span: Span; ordered: string } | undefined {
  for (const order of orders()) {
    const items = m.entry.wrong.split('、');
    if (items.length < 2 || !items.every((item) => order.includes(item))) continue;
    const itemAt = (at: number) => order.find((item) => text.startsWith(item, at));
    const itemEndingAt = (at: number) => order.find((item) => at - item.length >= 0 && text.startsWith(item, at - item.length));
    let start = m.start;
    for (let prev = text[start - 1] === '、' ? itemEndingAt(start - 1) : undefined; prev; prev = text[start - 1] === '、' ? itemEndingAt(start - 1) : undefined) start -= prev.length + 1;
    let end = m.end;
    for (let next = text[end] === '、' ? itemAt(end + 1) : undefined; next; next = text[end] === '、' ? itemAt(end + 1) : undefined) end += next.length + 1;
    const run = text.slice(start, end).split('、');
    if (new Set(run).size !== run.length) return undefined;
    const ordered = [...run].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join('、');
    return { span: { start, end }, ordered };
  }
  return undefined;
}

/** `2016-07` → 2016年7月, `1988` → 1988年 (a nested message, so English reads 7/2016). */
function since(value: string | undefined): MessageRef | string {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(value ?? '');
  if (!m) return value ?? '';
  return m[2] ? { id: `${ID}/sinceMonth`, data: { year: Number(m[1]), month: Number(m[2]) } } : { id: `${ID}/sinceYear`, data: { year: Number(m[1]) } };
}

export const formulation: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '规范提法（内置的注明依据和时间的词表，可增删条目）：如“以人民为核心”应为“以人民为中心”，“四个自信”“四个意识”的固定顺序',
      en: 'Standard political formulations (a built-in, dated list with sources you can extend or trim): 以人民为中心, the fixed order of 四个自信 and 四个意识',
    },
    defaultSeverity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    scope: 'line',
    docs: docsPath(ID),
    messages: {
      formulation: { zh: '规范提法：“{found}”应为“{right}”（{since}起）：{note}', en: 'Standard formulation: "{found}" should be "{right}" (since {since}): {note}' },
      plain: { zh: '规范提法：“{found}”应为“{right}”', en: 'Standard formulation: "{found}" should be "{right}"' },
      order: { zh: '固定顺序：“{found}”应为“{right}”', en: 'Fixed order: "{found}" should be "{right}"' },
      context: { zh: '“{found}”不合规范提法（{since}起）：{note}；请按上下文确认是否改为“{right}”', en: '"{found}" departs from the standard formulation (since {since}): {note}; check the context before changing it to "{right}"' },
      replace: { zh: '改为“{right}”', en: 'Change to "{right}"' },
      sinceYear: { zh: '{year}年', en: '{year}' },
      sinceMonth: { zh: '{year}年{month}月', en: '{month}/{year}' },
    },
    options: wordListOptionSchemas({ zh: '提法', en: 'formulations' }),
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.normalized;
    const matches = wordListMatches(formulationList(), ctx.options, text, doc, ctx.ranges);
    let reportedEnd = -1;
    for (const m of matches) {
      if (m.start < reportedEnd || doc.isExcluded(m.start) || inTitle(text, m) || rejected(text, m)) continue;
      const { entry } = m;
      const run = entry.user ? undefined : orderRun(text, m);
      if (run) {
        if (run.span.start < reportedEnd) continue;
        reportedEnd = run.span.end;
        const found = doc.text.slice(run.span.start, run.span.end);
        const right = inDraftScript(run.ordered, doc, found);
        ctx.report({ ...run.span, messageId: 'order', data: { found, right }, fix: { edits: [{ ...run.span, text: right }] } });
        continue;
      }
      reportedEnd = m.end;
      const found = doc.text.slice(m.start, m.end);
      const right = inDraftScript(entry.right, doc, found);
      if (right === found) continue;
      const note = noteInDraft(entry.note, doc, found);
      const fix = { edits: [{ start: m.start, end: m.end, text: right }] };
      if (entry.context) {
        ctx.report({ start: m.start, end: m.end, messageId: 'context', data: { found, right, since: since(entry.since), note }, suggestions: [{ messageId: 'replace', data: { right }, fix }] });
      } else if (entry.since && note) {
        ctx.report({ start: m.start, end: m.end, messageId: 'formulation', data: { found, right, since: since(entry.since), note }, fix });
      } else {
        ctx.report({ start: m.start, end: m.end, messageId: 'plain', data: { found, right }, fix });
      }
    }
  },
};
