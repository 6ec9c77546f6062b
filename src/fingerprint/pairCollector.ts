import { grownArray } from './grownArray.js';
import { sortCodes } from './sortCodes.js';

/**
 * Pair codes, sorted and unique, each with how many times it was added: in LSH, how many bands
 * the pair shares (each band adds a pair at most once).
 */
export interface CountedCodes {
  codes: Float64Array;
  counts: Uint16Array;
}

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
  /** With `counted`: each sealed code's count, at the code's place. */
  private counts: Uint16Array | null;

  /**
   * `counted`: keep how many times each pair was added (countedCodes), at two bytes a pair; LSH
   * counts the bands a pair shares, clustering's collector (tens of millions of pairs) does not.
   */
  constructor(
    private readonly n: number,
    { counted = false }: { counted?: boolean } = {},
  ) {
    this.counts = counted ? new Uint16Array(0) : null;
  }

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
    if (this.counts) {
      if (this.counts.length < this.size) this.counts = grownArray(this.counts, this.collected.length);
      this.size = start + uniqueCounted(run, this.counts.subarray(start));
    } else {
      this.size = start + uniqueSorted(run);
    }
    this.runEnds.push(this.size);
  }

  /** The pairs' codes, sorted, each once. */
  codes(): Float64Array {
    return mergeRuns(this.sealedRuns((start, end) => this.collected.subarray(start, end))).slice();
  }

  /** The pairs' codes, sorted, each once, with how many times each was added (a collector made `counted`). */
  countedCodes(): CountedCodes {
    const counts = this.counts;
    if (!counts) throw new Error('PairCollector: countedCodes() of a collector made without { counted: true }');
    const merged = mergeCountedRuns(this.sealedRuns((start, end) => ({ codes: this.collected.subarray(start, end), counts: counts.subarray(start, end) })));
    return { codes: merged.codes.slice(), counts: merged.counts.slice() };
  }

  /** Seals the last run, then each run as `cut` makes it of its place in the collected codes. */
  private sealedRuns<T>(cut: (start: number, end: number) => T): T[] {
    this.sealRun();
    let start = 0;
    return this.runEnds.map((end) => cut(start, (start = end)));
  }

  unique(): [number, number][] {
    return pairsOf(flatPairsOf(this.codes(), this.n));
  }
}

/** uniqueSorted that writes how many times each value was there into `counts`, at the value's new place. */
function uniqueCounted(codes: Float64Array, counts: Uint16Array): number {
  let unique = 0;
  for (let i = 0; i < codes.length; i++) {
    if (unique > 0 && codes[i] === codes[unique - 1]) {
      counts[unique - 1]!++;
    } else {
      codes[unique] = codes[i]!;
      counts[unique++] = 1;
    }
  }
  return unique;
}

/** mergeRuns of counted runs: a value in several runs is kept once, with their counts summed. */
function mergeCountedRuns(runs: CountedCodes[]): CountedCodes {
  return mergeInPairs(runs, mergeCounted, () => ({ codes: new Float64Array(0), counts: new Uint16Array(0) }));
}

function mergeCounted(a: CountedCodes, b: CountedCodes): CountedCodes {
  const total = a.codes.length + b.codes.length;
  const codes = new Float64Array(total);
  const counts = new Uint16Array(total);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.codes.length && j < b.codes.length) {
    const x = a.codes[i]!;
    const y = b.codes[j]!;
    if (x < y) {
      codes[n] = x;
      counts[n++] = a.counts[i++]!;
    } else if (y < x) {
      codes[n] = y;
      counts[n++] = b.counts[j++]!;
    } else {
      codes[n] = x;
      counts[n++] = a.counts[i++]! + b.counts[j++]!;
    }
  }
  for (; i < a.codes.length; i++, n++) {
    codes[n] = a.codes[i]!;
    counts[n] = a.counts[i]!;
  }
  for (; j < b.codes.length; j++, n++) {
    codes[n] = b.codes[j]!;
    counts[n] = b.counts[j]!;
  }
  return { codes: codes.subarray(0, n), counts: counts.subarray(0, n) };
}

/** Keeps each value of a sorted array once, at its start; how many there are. */
function uniqueSorted(codes: Float64Array): number {
  let unique = 0;
  for (let i = 0; i < codes.length; i++) {
    if (i === 0 || codes[i] !== codes[unique - 1]) codes[unique++] = codes[i]!;
  }
  return unique;
}

/** Sorted runs of unique values as one, each value once. */
function mergeRuns(runs: Float64Array[]): Float64Array {
  return mergeInPairs(runs, mergeUnique, () => new Float64Array(0));
}

/** Runs merged two by two until one is left (`empty()` when there are none): each value is merged about log2(runs) times. */
function mergeInPairs<T>(runs: T[], merge: (a: T, b: T) => T, empty: () => T): T {
  while (runs.length > 1) {
    const merged: T[] = [];
    for (let i = 0; i < runs.length; i += 2) merged.push(i + 1 < runs.length ? merge(runs[i]!, runs[i + 1]!) : runs[i]!);
    runs = merged;
  }
  return runs[0] ?? empty();
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

/** Pairs one after another in one array (a, b, a, b …) as an array each. */
export function pairsOf(flat: Int32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < flat.length; k += 2) out.push([flat[k]!, flat[k + 1]!]);
  return out;
}

/** The pairs of sorted unique codes, one after another in one array (a, b, a, b …). */
function flatPairsOf(codes: Float64Array, n: number): Int32Array {
  const out = new Int32Array(2 * codes.length);
  for (let i = 0; i < codes.length; i++) writePair(codes[i]!, n, out, 2 * i);
  return out;
}

/**
 * The pairs of counted codes (several threads' shares, each sorted and unique), in ascending order,
 * each once, keeping those whose counts, summed over the shares, reach `atLeast`: LSH's pairs that
 * share at least that many bands, whichever thread searched each band. One array, pair after pair
 * (a, b, a, b …): LSH over 1.75 million paragraphs gives half a million candidates, and an array
 * each was 30 MB for the collector to sweep.
 */
export function flatPairsCountedAtLeast(lists: CountedCodes[], n: number, atLeast: number): Int32Array {
  const { codes, counts } = mergeCountedRuns(lists);
  let kept = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! >= atLeast) kept++;
  const out = new Int32Array(2 * kept);
  for (let i = 0, k = 0; i < codes.length; i++) {
    if (counts[i]! >= atLeast) writePair(codes[i]!, n, out, 2 * k++);
  }
  return out;
}

/** Writes the pair a code stands for (a * n + b) into `out` at `at`. */
function writePair(code: number, n: number, out: Int32Array, at: number): void {
  const a = Math.floor(code / n);
  out[at] = a;
  out[at + 1] = code - a * n;
}
