// What a parse computed from one line (or paragraph) alone, kept for the next parse of the same
// document: after an edit, the lines it did not touch are not read again. Each parse keeps only the
// entries it used, so the memo never holds more than one version's lines.
interface Entry<T> {
  /** The little the computation reads besides the line (a flag, the characters around it). */
  context: string;
  value: T;
}

export class LineMemo<T> {
  private entries = new Map<string, Entry<T>>();

  constructor(private previous?: LineMemo<T>) {}

  /**
   * The value for the line `key` (a slice of the text: never concatenated, so it is hashed without a
   * copy) read in `context`: the previous parse's, or computed now. Values are shared: never change one.
   */
  get(key: string, context: string, compute: () => T): T {
    const known = this.entries.get(key) ?? this.previous?.entries.get(key);
    if (known && known.context === context) {
      this.entries.set(key, known);
      return known.value;
    }
    const value = compute();
    // The same line twice in different contexts: the first is kept.
    if (!known || !this.entries.has(key)) this.entries.set(key, { context, value });
    return value;
  }

  /** The parse is done: forget the previous parse's entries. */
  seal(): void {
    this.previous = undefined;
  }
}
