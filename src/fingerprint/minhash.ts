/**
 * One-permutation MinHash with optimal densification (Shrivastava, 2017). Each shingle is hashed
 * once: its hash picks one of `permutations` bins and the bin keeps the minimum of a second hash.
 * A bin no shingle fell into borrows the value of another bin chosen by a fixed probe sequence,
 * the same for every text, so two texts agree on a bin with probability equal to their Jaccard
 * similarity, as with `permutations` independent hash functions at 1/permutations of the cost.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const EMPTY = 0xffffffff;
/** Polynomial base for the rolling shingle hash. */
const BASE = 0x01000193;

/**
 * Calls `visit` with the hash of every `k`-character shingle of `text` (UTF-16 code units; a text
 * shorter than `k` is one shingle). A rolling polynomial hash finished with murmur's mixer: no
 * substring or array is made per shingle.
 */
export function forEachShingle(text: string, k: number, visit: (hash: number) => void): void {
  const n = text.length;
  if (n === 0) return;
  const width = Math.min(k, n);
  let power = 1;
  for (let i = 1; i < width; i++) power = Math.imul(power, BASE);
  let h = 0;
  for (let i = 0; i < width; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  visit(fmix32(h));
  for (let i = width; i < n; i++) {
    h = (Math.imul(h - Math.imul(text.charCodeAt(i - width), power), BASE) + text.charCodeAt(i)) | 0;
    visit(fmix32(h));
  }
}

export function minhashSignature(text: string, k: number, permutations: number, seed: number): Uint32Array {
  const signature = new Uint32Array(permutations).fill(EMPTY);
  const salt = fmix32(seed ^ 0x9e3779b9);
  forEachShingle(text, k, (hash) => {
    const mixed = fmix32(hash ^ salt);
    // The high bits choose the bin; a second mix of the hash is the value kept in it.
    const bin = Math.floor((mixed / 4294967296) * permutations);
    const value = fmix32(mixed ^ 0x5bd1e995);
    if (value < signature[bin]!) signature[bin] = value;
  });
  return densify(signature, salt);
}

function densify(signature: Uint32Array, salt: number): Uint32Array {
  const bins = signature.length;
  let filled = 0;
  for (let i = 0; i < bins; i++) if (signature[i] !== EMPTY) filled++;
  if (filled === 0 || filled === bins) return signature;
  const source = signature.slice();
  for (let i = 0; i < bins; i++) {
    if (source[i] !== EMPTY) continue;
    for (let attempt = 1; ; attempt++) {
      const j = fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b) ^ salt) % bins;
      if (source[j] !== EMPTY) {
        signature[i] = source[j]!;
        break;
      }
    }
  }
  return signature;
}
