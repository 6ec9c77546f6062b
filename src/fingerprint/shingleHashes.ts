import { forEachShingle } from './minhash.js';

/**
 * The set of k-character shingles of a folded text as sorted unique 32-bit hashes, the same hashes
 * MinHash bins. Built only for pairs being verified, never for the whole corpus at once.
 */
export function shingleHashes(folded: string, k: number): Uint32Array {
  const hashes = new Uint32Array(Math.max(0, folded.length - Math.min(k, folded.length) + 1));
  let n = 0;
  forEachShingle(folded, k, (h) => {
    hashes[n++] = h;
  });
  sortHashes(hashes.subarray(0, n));
  let unique = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || hashes[i] !== hashes[unique - 1]) hashes[unique++] = hashes[i]!;
  }
  return hashes.slice(0, unique);
}

/** From this many hashes on, a radix sort beats the built-in one (a whole article has thousands). */
const RADIX_FROM = 512;
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
let scratch = new Uint32Array(0);
const counts = new Uint32Array(DIGITS);

/**
 * Sorts hashes ascending in place: for long texts by three passes of 11 bits, a third of the
 * built-in sort's time on an article's 2,000 shingles (verification sorts every candidate
 * article's set, most of its cost). Short ones, most paragraphs, use the built-in sort.
 */
function sortHashes(hashes: Uint32Array): void {
  const n = hashes.length;
  if (n < RADIX_FROM) {
    hashes.sort();
    return;
  }
  if (scratch.length < n) scratch = new Uint32Array(n * 2);
  let from: Uint32Array = hashes;
  let to: Uint32Array = scratch.subarray(0, n);
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    counts.fill(0);
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
