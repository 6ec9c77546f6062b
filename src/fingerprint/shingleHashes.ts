import { writeShingleHashes } from './minhash.js';

/**
 * Where shingleHashes writes a text's hashes before it sorts them and keeps the distinct ones: one
 * buffer for every text. Each array made costs memory outside V8's heap to allocate and account
 * for, a microsecond or more, and a paragraph's shingles take only a few to sort.
 */
let written = new Uint32Array(1024);

/**
 * The set of k-character shingles of a folded text as sorted unique 32-bit hashes, the same hashes
 * MinHash bins. Built only for pairs being verified, never for the whole corpus at once.
 */
export function shingleHashes(folded: string, k: number): Uint32Array {
  const most = Math.max(0, folded.length - Math.min(k, folded.length) + 1);
  if (written.length < most) written = new Uint32Array(most * 2);
  const n = writeShingleHashes(folded, k, written);
  const hashes = written.subarray(0, n);
  sortHashes(hashes);
  let unique = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || hashes[i] !== hashes[unique - 1]) hashes[unique++] = hashes[i]!;
  }
  return hashes.slice(0, unique);
}

/**
 * From this many hashes on, sorting by buckets beats the built-in sort, which takes 4-6 ns a hash up
 * to about 120 of them and 15-30 ns from 128 on (bucketing: 6 ns). Paragraphs of 130 to 500
 * characters, the most common in news, are past it.
 */
const BUCKETS_FROM = 128;
/** The most buckets sortHashes spreads hashes over by their top bits (16 bits: 256 KB of counts); more hashes take the radix passes. */
const MAX_TOP_BITS = 16;
/**
 * A bucket larger than this sends the hashes to the three-pass sort: insertion sort within a
 * bucket costs its size squared, and hashes that crowd into a few buckets would make it quadratic.
 */
const MAX_BUCKET = 48;
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
let scratch = new Uint32Array(0);
const counts = new Uint32Array(1 << MAX_TOP_BITS);

/**
 * Sorts hashes ascending in place. Short lists (short paragraphs) take the built-in sort; longer
 * ones are spread over as many buckets as there are hashes by their top bits, which leaves each
 * bucket one or two long, then finished by insertion sort, which has almost nothing to move: half
 * the time of three radix passes on an article's 1,800 shingles (8 against 16 ns a hash), and
 * verification sorts every candidate article's set, most of its cost. Hashes that crowd into a
 * few buckets, or more than 65,536 of them, take the three radix passes instead.
 */
export function sortHashes(hashes: Uint32Array): void {
  const n = hashes.length;
  if (n < BUCKETS_FROM) {
    hashes.sort();
    return;
  }
  if (scratch.length < n) scratch = new Uint32Array(n * 2);
  const bits = 32 - Math.clz32(n - 1);
  if (bits > MAX_TOP_BITS) {
    sortByDigits(hashes);
    return;
  }
  const shift = 32 - bits;
  const buckets = 1 << bits;
  counts.fill(0, 0, buckets);
  for (let i = 0; i < n; i++) counts[hashes[i]! >>> shift]!++;
  let total = 0;
  let largest = 0;
  for (let d = 0; d < buckets; d++) {
    const c = counts[d]!;
    counts[d] = total;
    total += c;
    if (c > largest) largest = c;
  }
  if (largest > MAX_BUCKET) {
    sortByDigits(hashes);
    return;
  }
  for (let i = 0; i < n; i++) {
    const value = hashes[i]!;
    scratch[counts[value >>> shift]!++] = value;
  }
  // Each hash is at most a bucket's length from its place: insertion sort moves it there.
  hashes[0] = scratch[0]!;
  for (let i = 1; i < n; i++) {
    const value = scratch[i]!;
    let j = i - 1;
    while (j >= 0 && hashes[j]! > value) {
      hashes[j + 1] = hashes[j]!;
      j--;
    }
    hashes[j + 1] = value;
  }
}

/** Sorts hashes ascending in place by three passes of 11 bits (the scratch buffer holds at least as many). */
function sortByDigits(hashes: Uint32Array): void {
  const n = hashes.length;
  let from: Uint32Array = hashes;
  let to: Uint32Array = scratch.subarray(0, n);
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    counts.fill(0, 0, DIGITS);
    for (let i = 0; i < n; i++) counts[(from[i]! >>> shift) & (DIGITS - 1)]!++;
    let total = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = counts[d]!;
      counts[d] = total;
      total += c;
    }
    for (let i = 0; i < n; i++) {
      const value = from[i]!;
      to[counts[(value >>> shift) & (DIGITS - 1)]!++] = value;
    }
    [from, to] = [to, from];
  }
  // Three passes leave the sorted hashes in the scratch buffer.
  if (from !== hashes) hashes.set(from);
}

/**
 * Exact Jaccard similarity of two sorted unique hash sets if it reaches `atLeast`, else -1 (the
 * pair is rejected, and no more of it is compared than it takes to know): sets whose sizes alone
 * rule the threshold out are not merged, and a merge stops once too few shingles remain to share.
 */
export function jaccardAtLeast(a: Uint32Array, b: Uint32Array, atLeast: number): number {
  if (a.length === 0 && b.length === 0) return 1;
  const [small, large] = a.length <= b.length ? [a.length, b.length] : [b.length, a.length];
  // J ≤ |small| / |large|.
  if (small < atLeast * large) return -1;
  // J ≥ t  ⇔  shared ≥ t (|a| + |b|) / (1 + t).
  const needed = Math.ceil((atLeast * (a.length + b.length)) / (1 + atLeast) - 1e-9);
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else {
      if (a[i]! < b[j]!) i++;
      else j++;
      if (shared + Math.min(a.length - i, b.length - j) < needed) return -1;
    }
  }
  const similarity = shared / (a.length + b.length - shared);
  return similarity >= atLeast ? similarity : -1;
}

/** Exact Jaccard similarity of two sorted unique hash sets: the verification behind every reported pair. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  return jaccardAtLeast(a, b, 0);
}
