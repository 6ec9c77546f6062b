const PARTITION_BITS = 8;
const PARTITIONS = 1 << PARTITION_BITS;
/** The bits of a key below its partition's, sorted in two passes of this many. */
const DIGIT_BITS = 12;
const DIGITS = 1 << DIGIT_BITS;

/** Calls `visit` with each bucket of two or more items: their indices, ascending, in `items[0, size)`. */
export type BucketVisitor = (items: Int32Array, size: number) => void;

/**
 * Finds one band's buckets: the items sharing a key, each bucket's items ascending, handed to
 * `visit` when there are two or more. The items are first split by the top 8 bits of their key
 * (one pass, keeping each part's items in order), then each part, small enough to stay in cache,
 * is sorted by the other 24 bits in two stable passes, which leaves equal keys side by side and
 * their items in order. A full radix sort of the band did the same with passes that each wrote to
 * thousands of places at once in arrays of megabytes, and the cache and TLB misses made it half of
 * LSH at 1.75 million paragraphs; a hash table per part then took 27 ns a key, its probes a branch
 * that failed half the time, where the two passes take 12. Buffers are reused across bands.
 */
export function createBucketFinder(n: number): (keys: Int32Array, visit: BucketVisitor) => void {
  const partKeys = new Int32Array(n);
  const partItems = new Int32Array(n);
  const starts = new Int32Array(PARTITIONS + 1);
  const counts = new Int32Array(DIGITS);
  // A part's keys and items after the first pass, then after the second; grown to the largest part.
  let passKeys = new Int32Array(0);
  let passItems = new Int32Array(0);
  let sortedKeys = new Int32Array(0);
  let sortedItems = new Int32Array(0);
  let bucket = new Int32Array(0);
  const reserve = (size: number) => {
    if (passKeys.length >= size) return;
    const room = Math.max(size, 2 * passKeys.length);
    passKeys = new Int32Array(room);
    passItems = new Int32Array(room);
    sortedKeys = new Int32Array(room);
    sortedItems = new Int32Array(room);
    bucket = new Int32Array(room);
  };
  /** Moves a part's keys and items into `toKeys`/`toItems` ordered by the digit at `shift` (stable). */
  const sortByDigit = (fromKeys: Int32Array, fromItems: Int32Array, start: number, size: number, shift: number, toKeys: Int32Array, toItems: Int32Array) => {
    counts.fill(0);
    for (let k = start; k < start + size; k++) counts[(fromKeys[k]! >>> shift) & (DIGITS - 1)]!++;
    let total = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = counts[d]!;
      counts[d] = total;
      total += c;
    }
    for (let k = start; k < start + size; k++) {
      const key = fromKeys[k]!;
      const at = counts[(key >>> shift) & (DIGITS - 1)]!++;
      toKeys[at] = key;
      toItems[at] = fromItems[k]!;
    }
  };
  return (keys, visit) => {
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[(keys[i]! >>> (32 - PARTITION_BITS)) + 1]!++;
    for (let p = 0; p < PARTITIONS; p++) starts[p + 1]! += starts[p]!;
    const fill = starts.slice(0, PARTITIONS);
    for (let item = 0; item < n; item++) {
      const key = keys[item]!;
      const at = fill[key >>> (32 - PARTITION_BITS)]!++;
      partKeys[at] = key;
      partItems[at] = item;
    }
    for (let p = 0; p < PARTITIONS; p++) {
      const start = starts[p]!;
      const size = starts[p + 1]! - start;
      if (size < 2) continue;
      reserve(size);
      sortByDigit(partKeys, partItems, start, size, 0, passKeys, passItems);
      sortByDigit(passKeys, passItems, 0, size, DIGIT_BITS, sortedKeys, sortedItems);
      // Runs of equal keys are the buckets; a run's items are in item order, both passes being stable.
      let first = 0;
      for (let k = 1; k <= size; k++) {
        if (k < size && sortedKeys[k] === sortedKeys[first]) continue;
        if (k - first >= 2) {
          // Copied to a buffer of its own: a view per bucket was an object made for each of millions.
          for (let m = first; m < k; m++) bucket[m - first] = sortedItems[m]!;
          visit(bucket, k - first);
        }
        first = k;
      }
    }
  };
}
