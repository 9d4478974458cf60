// unknown-rule: a `speech-lint-disable` / `enable` / `disable-next-line` directive that names a rule
// which does not exist silences nothing, so the drafter believes a finding is turned off when it is not
// (or a typo keeps one on). Each unknown id is reported where it is written; where a known id is one or
// two edits away, replacing it is offered as a suggestion (the drafter may have meant another rule).
import type { Rule } from '../rule';
import { docsPath } from '../rule';

const ID = 'unknown-rule';
/** Edits (Levenshtein) within which a known id is offered instead. */
const MAX_DISTANCE = 2;

export const unknownRule: Rule = {
  meta: {
    id: ID,
    description: {
      zh: '指令中写的规则名不存在，该指令不起作用',
      en: 'A directive names a rule that does not exist, so it has no effect',
    },
    defaultSeverity: 'warning',
    hasSuggestions: true,
    docs: docsPath(ID),
    messages: {
      unknown: { zh: '没有名为“{rule}”的规则，这条指令对它不起作用', en: 'There is no rule "{rule}": the directive has no effect on it' },
      unknownDidYouMean: { zh: '没有名为“{rule}”的规则，是否指“{suggestion}”？', en: 'There is no rule "{rule}"; did you mean "{suggestion}"?' },
      replace: { zh: '改为“{suggestion}”', en: 'Change to "{suggestion}"' },
    },
    options: {},
  },
  check(ctx) {
    const known = [...ctx.ruleIds];
    for (const directive of ctx.doc.directives) {
      directive.rules.forEach((rule, i) => {
        if (ctx.ruleIds.has(rule)) return;
        const span = directive.ruleSpans[i];
        const suggestion = closest(rule, known);
        if (suggestion === undefined) {
          ctx.report({ start: span.start, end: span.end, messageId: 'unknown', data: { rule } });
          return;
        }
        ctx.report({
          start: span.start,
          end: span.end,
          messageId: 'unknownDidYouMean',
          data: { rule, suggestion },
          suggestions: [{ messageId: 'replace', data: { suggestion }, fix: { edits: [{ start: span.start, end: span.end, text: suggestion }] } }],
        });
      });
    }
  },
};

/** The known id nearest to `id` when it is at most two edits away (and no other is as near). */
function closest(id: string, known: string[]): string | undefined {
  const lower = id.toLowerCase();
  let best: string | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  let tie = false;
  for (const candidate of known) {
    const d = distance(lower, candidate, MAX_DISTANCE + 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && d <= MAX_DISTANCE) tie = true;
  }
  return tie || bestDistance > MAX_DISTANCE ? undefined : best;
}

/** Levenshtein distance, giving up (returning `limit`) once it reaches `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length], limit);
}
