// Figures about a draft that every view shows the same way: speaking time and where the count stands
// against the limit. The command line, the hover, the structure view and the status bar all use these.
import type { MessageRef } from './i18n/format';

/** Minutes it takes to read `count` 字 aloud at `rate` 字 a minute. */
export function speakingMinutes(count: number, rate: number): number {
  return count / Math.max(1, rate);
}

/** `约 3 分钟` / `不到 1 分钟`, as a message. */
export function speakingTime(count: number, rate: number): MessageRef {
  const minutes = speakingMinutes(count, rate);
  if (minutes < 1) return { id: 'ui/speaking-under-minute' };
  return { id: 'ui/speaking-minutes', data: { minutes: Math.round(minutes) } };
}

export type LengthStatus = 'ok' | 'near' | 'over';

/**
 * `over` past the limit; `near` from `warnAt` of it (0 < warnAt ≤ 1; other values: never near).
 * Integer comparison: 4,500 of 5,000 is 90 %, however 0.9 × 5000 rounds.
 */
export function lengthStatus(total: number, limit: number, warnAt: number): LengthStatus {
  if (!(limit > 0)) return 'ok';
  if (total > limit) return 'over';
  if (warnAt > 0 && warnAt <= 1 && total * 1000 >= Math.round(warnAt * 1000) * limit) return 'near';
  return 'ok';
}
