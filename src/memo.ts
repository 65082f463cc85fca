/**
 * A bounded memo for pure functions of a word form (clitic analyses, the tagger's per-token feature codes).
 *
 * Words follow Zipf's law: a few tens of thousands of forms make up nearly all tokens of news text, while a corpus
 * of millions of articles keeps meeting new rare forms. An unbounded memo therefore grows with the corpus, and a
 * large live heap makes every garbage collection slower and lets V8 grow the heap further. This memo keeps two
 * generations of at most `limit` entries each: when the young one is full it becomes the old one (the previous old
 * one is dropped), and a form found in the old generation is copied back into the young one. Frequent forms thus
 * stay, rare ones age out, and memory is bounded by 2 × limit entries, whatever the run's length.
 *
 * The memoised function must be pure, so what is kept never changes any output, only the time it takes.
 */
export class WordMemo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries held (both generations; a promoted form may be counted twice). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
