/**
 * The set of k-character shingles of a folded text, as sorted unique 32-bit hashes (FNV-1a over
 * code points). A text shorter than k is one shingle, so short texts still compare.
 */
export function shingleHashes(folded: string, k: number): Uint32Array {
  const chars = Array.from(folded, (c) => c.codePointAt(0)!);
  if (chars.length === 0) return new Uint32Array(0);
  const width = Math.min(k, chars.length);
  const hashes = new Uint32Array(chars.length - width + 1);
  for (let start = 0; start < hashes.length; start++) {
    let h = 0x811c9dc5;
    for (let j = start; j < start + width; j++) {
      h = Math.imul(h ^ chars[j]!, 0x01000193);
    }
    hashes[start] = h >>> 0;
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) {
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
