import { sortCodes } from './sortCodes.js';

/**
 * Unique unordered pairs of item indices, collected as a * n + b (exact in a double while n < 2^26)
 * in a growing typed array and made unique by one sort: at millions of pairs a Set of seen pairs
 * cost more than finding them.
 */
export class PairCollector {
  private collected = new Float64Array(1024);
  private size = 0;
  /** Where each sorted run ends (sealRun), the last one first made. */
  private runEnds: number[] = [];

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

  /**
   * Sorts the codes added since the last run was sealed, each once, into a run of their own: a
   * caller that collects in parts (LSH, a group of bands at a time) sorts each part as it ends,
   * so that `codes` is left only to merge. Sorting them all at the end was half a second at 100k
   * articles that the other LSH thread, done with its share, sat out.
   */
  sealRun(): void {
    const start = this.runEnds.length ? this.runEnds[this.runEnds.length - 1]! : 0;
    if (this.size === start) return;
    const run = this.collected.subarray(start, this.size);
    sortCodes(run);
    this.size = start + uniqueSorted(run);
    this.runEnds.push(this.size);
  }

  /** The pairs' codes, sorted, each once. */
  codes(): Float64Array {
    this.sealRun();
    const runs: Float64Array[] = [];
    let start = 0;
    for (const end of this.runEnds) {
      runs.push(this.collected.subarray(start, end));
      start = end;
    }
    return mergeRuns(runs).slice();
  }

  unique(): [number, number][] {
    return pairsOfCodes([this.codes()], this.n);
  }
}

/** Keeps each value of a sorted array once, at its start; how many there are. */
function uniqueSorted(codes: Float64Array): number {
  let unique = 0;
  for (let i = 0; i < codes.length; i++) {
    if (i === 0 || codes[i] !== codes[unique - 1]) codes[unique++] = codes[i]!;
  }
  return unique;
}

/** Sorted runs of unique values as one, each value once: merged two by two until one is left. */
function mergeRuns(runs: Float64Array[]): Float64Array {
  while (runs.length > 1) {
    const merged: Float64Array[] = [];
    for (let i = 0; i < runs.length; i += 2) merged.push(i + 1 < runs.length ? mergeUnique(runs[i]!, runs[i + 1]!) : runs[i]!);
    runs = merged;
  }
  return runs[0] ?? new Float64Array(0);
}

/** Two sorted arrays of unique values as one, each value once. */
function mergeUnique(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) {
      out[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}

/**
 * The pairs of several collectors' codes (each sorted and unique, as codes() gives them), in
 * ascending order, each once: threads that shared a search each hand back their own.
 */
export function pairsOfCodes(lists: Float64Array[], n: number): [number, number][] {
  return pairsOf(flatPairsOfCodes(lists, n));
}

/** Pairs one after another in one array (a, b, a, b …) as an array each. */
export function pairsOf(flat: Int32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < flat.length; k += 2) out.push([flat[k]!, flat[k + 1]!]);
  return out;
}

/**
 * pairsOfCodes as one array, pair after pair (a, b, a, b …): LSH over 1.75 million paragraphs
 * gives half a million candidates, and an array each was 30 MB for the collector to sweep.
 */
export function flatPairsOfCodes(lists: Float64Array[], n: number): Int32Array {
  const codes = mergeRuns(lists);
  const out = new Int32Array(2 * codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    const a = Math.floor(code / n);
    out[2 * i] = a;
    out[2 * i + 1] = code - a * n;
  }
  return out;
}
