/**
 * Unique unordered pairs of item indices, collected as a * n + b (exact in a double while n < 2^26)
 * in a growing typed array and made unique by one sort: at millions of pairs a Set of seen pairs
 * cost more than finding them.
 */
export class PairCollector {
  private codes = new Float64Array(1024);
  private size = 0;

  constructor(private readonly n: number) {}

  /** Adds the pair {a, b}; callers pass a < b, so each pair has one code. */
  add(a: number, b: number): void {
    if (this.size === this.codes.length) {
      const grown = new Float64Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.size++] = a * this.n + b;
  }

  unique(): [number, number][] {
    const codes = this.codes.subarray(0, this.size).sort();
    const out: [number, number][] = [];
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (i > 0 && code === codes[i - 1]) continue;
      const a = Math.floor(code / this.n);
      out.push([a, code - a * this.n]);
    }
    return out;
  }
}
