/**
 * Unique unordered pairs of item indices, collected as a * n + b (exact in a double while n < 2^26)
 * in a growing typed array and made unique by one sort: at millions of pairs a Set of seen pairs
 * cost more than finding them.
 */
export class PairCollector {
  private collected = new Float64Array(1024);
  private size = 0;

  constructor(private readonly n: number) {}

  /** Adds the pair {a, b}; callers pass a < b, so each pair has one code. */
  add(a: number, b: number): void {
    if (this.size === this.collected.length) {
      const grown = new Float64Array(this.collected.length * 2);
      grown.set(this.collected);
      this.collected = grown;
    }
    this.collected[this.size++] = a * this.n + b;
  }

  /** The pairs' codes, sorted, each once. */
  codes(): Float64Array {
    const codes = this.collected.subarray(0, this.size).sort();
    let unique = 0;
    for (let i = 0; i < codes.length; i++) {
      if (i === 0 || codes[i] !== codes[unique - 1]) codes[unique++] = codes[i]!;
    }
    return codes.slice(0, unique);
  }

  unique(): [number, number][] {
    return pairsOfCodes([this.codes()], this.n);
  }
}

/**
 * The pairs of several collectors' codes (each sorted and unique, as codes() gives them), in
 * ascending order, each once: threads that shared a search each hand back their own.
 */
export function pairsOfCodes(lists: Float64Array[], n: number): [number, number][] {
  const codes = lists.length === 1 ? lists[0]! : mergeSorted(lists);
  const out: [number, number][] = [];
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (i > 0 && code === codes[i - 1]) continue;
    const a = Math.floor(code / n);
    out.push([a, code - a * n]);
  }
  return out;
}

function mergeSorted(lists: Float64Array[]): Float64Array {
  const merged = new Float64Array(lists.reduce((sum, l) => sum + l.length, 0));
  let at = 0;
  for (const list of lists) {
    merged.set(list, at);
    at += list.length;
  }
  // Two runs of sorted codes: the built-in sort of a typed array is fast enough on pairs.
  return merged.sort();
}
