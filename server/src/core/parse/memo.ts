// What a parse computed from one line (or paragraph) alone, kept for the next parse of the same
// document: after an edit, the lines it did not touch are not read again. An entry is found where the
// line was (before the edit) or where it moved to (after it), and used only when the line's text and
// the little else it read are the same. Each parse keeps only its own entries.
interface Entry<T> {
  key: string;
  /** What the computation reads besides the line (a flag, the characters around it). */
  context: string;
  value: T;
}

export class LineMemo<T> {
  private entries = new Map<number, Entry<T>>();

  /** `moved`: how much longer the text is than the previous parse's (where lines after the edit went). */
  constructor(
    private previous?: LineMemo<T>,
    private readonly moved = 0,
  ) {}

  /** The value for the line `key` starting at `offset`, read in `context`. Values are shared: never change one. */
  get(offset: number, key: string, context: string, compute: () => T): T {
    const known = this.find(offset, key, context) ?? (this.moved !== 0 ? this.find(offset - this.moved, key, context) : undefined);
    const entry = known ?? { key, context, value: compute() };
    this.entries.set(offset, entry);
    return entry.value;
  }

  private find(offset: number, key: string, context: string): Entry<T> | undefined {
    const entry = this.previous?.entries.get(offset);
    return entry && entry.key === key && entry.context === context ? entry : undefined;
  }

  /** The parse is done: forget the previous parse's entries. */
  seal(): void {
    this.previous = undefined;
  }
}
