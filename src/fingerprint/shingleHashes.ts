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
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || hashes[i] !== hashes[unique - 1]) hashes[unique++] = hashes[i]!;
  }
  return hashes.slice(0, unique);
}

/** Exact Jaccard similarity of two sorted unique hash sets: the verification behind every reported pair. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
