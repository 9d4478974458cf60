/**
 * `target.push(...items)` without its limit: a spread passes every item as an argument, and more than
 * about 125,000 of them throw a RangeError (one paragraph can hold that many findings or list items).
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
