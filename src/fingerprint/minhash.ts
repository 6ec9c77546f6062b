/**
 * One-permutation MinHash with densification. Each shingle is hashed once: the hash picks one of
 * `permutations` bins and the bin keeps the least hash that fell into it. A bin no shingle fell
 * into borrows from its nearest filled neighbour (see densify), so two texts agree on a bin with
 * probability close to their Jaccard similarity, as with `permutations` independent hash
 * functions at 1/permutations of the cost.
 */
/**
 * Changes whenever the same text and parameters would give other signatures or band keys (what the
 * workspace stores): stored values of another version are not reused.
 */
export const SIGNATURE_VERSION = 8;

export function fmix32(h: number): number {
  return mix32(h) >>> 0;
}

/**
 * murmur3's finaliser as a signed 32-bit integer: the same bits as fmix32. Hot loops use this
 * form, which V8 keeps in a register; the unsigned form is a double once past 2^31 and made the
 * loops that chain it several times slower.
 */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * An empty bin. Values kept are 31-bit (shingleValue), compared as 32-bit integers (V8 keeps
 * those unboxed); the largest is the mark for "nothing yet", so any shingle's value replaces it.
 */
const EMPTY = 0x7fffffff;
/** Polynomial base for the rolling shingle hash. */
const BASE = 0x01000193;

/**
 * Writes the hash of every `k`-character shingle of `text` (UTF-16 code units; a text shorter than
 * `k` is one shingle) into `into`, in order, and returns how many: a rolling polynomial hash, so no
 * substring or array is made per shingle, and no call either (a callback per shingle made building
 * a shingle set 15% slower). `into` holds at least `text.length - k + 1` (1 for a shorter text). Not
 * mixed: its only use besides MinHash is as a set member, and mixing (a bijection) would change no
 * set's size or overlap.
 */
export function writeShingleHashes(text: string, k: number, into: Uint32Array): number {
  const n = text.length;
  if (n === 0) return 0;
  const width = Math.min(k, n);
  const power = leadingPower(width);
  let h = 0;
  for (let i = 0; i < width; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  let count = 0;
  into[count++] = h;
  for (let i = width; i < n; i++) {
    h = (Math.imul(h - Math.imul(text.charCodeAt(i - width), power), BASE) + text.charCodeAt(i)) | 0;
    into[count++] = h;
  }
  return count;
}

/**
 * Keeps a shingle in a raw (undensified) signature at `offset`. One mix of the shingle's salted hash
 * does both jobs (shingleValue): its high bits choose the bin, and the value kept is the mix
 * itself, whose remaining bits order the shingles that share a bin.
 */
function keep(out: Int32Array, offset: number, hash: number, salt: number, permutations: number): void {
  const m = shingleValue(hash, salt);
  keepLeast(out, offset + binOf(m, permutations), m);
}

/**
 * The value a shingle's hash is kept as: its salted mix cut to 31 bits. Two such values differ by
 * less than 2^31, so which is less is the sign of their difference (keepLeast), with no overflow.
 */
function shingleValue(hash: number, salt: number): number {
  return mix32(hash ^ salt) >>> 1;
}

/** The bin a shingle's value falls into: its high 16 bits scaled to the number of bins. */
function binOf(m: number, permutations: number): number {
  return ((m >>> 15) * permutations) >>> 16;
}

/**
 * Keeps the lesser of `m` and the bin's value, without a branch: whether a shingle is the least
 * its bin has seen so far is a coin toss early in a text, and the mispredicted branch was a third
 * of signing's time (7.0 → 4.5 ns a character over an article). Bins hold 31-bit values until densified.
 */
function keepLeast(out: Int32Array, bin: number, m: number): void {
  const kept = out[bin]!;
  const difference = m - kept;
  out[bin] = kept + (difference & (difference >> 31));
}

/** BASE^(width−1): what the character leaving a rolling window of `width` contributed. */
function leadingPower(width: number): number {
  let power = 1;
  for (let i = 1; i < width; i++) power = Math.imul(power, BASE);
  return power;
}

/** The signed view the hot loops write through, over the unsigned array callers get. */
function signedView(values: Uint32Array): Int32Array {
  return new Int32Array(values.buffer, values.byteOffset, values.length);
}

function saltOf(seed: number): number {
  return fmix32(seed ^ 0x9e3779b9);
}

export function minhashSignature(text: string, k: number, permutations: number, seed: number): Uint32Array {
  const signature = new Uint32Array(permutations).fill(EMPTY);
  const signed = signedView(signature);
  const salt = saltOf(seed);
  const n = text.length;
  if (n === 0) return signature;
  // The rolling hash written out here (rollArticle), not called per shingle: a call per shingle made signing about 15% slower.
  const width = Math.min(k, n);
  const power = leadingPower(width);
  let h = 0;
  for (let i = 0; i < width; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  keep(signed, 0, h, salt, permutations);
  rollArticle(text, width, n, h, signed, salt, permutations, power, width);
  densify(signed);
  return signature;
}

/**
 * Signatures of `text` (the article: its folded paragraphs joined) and of the parts of it at
 * `positions` (parts are consecutive, `partLengths` long), from one pass over the text: each
 * shingle is hashed once and kept by the article and, when it lies inside one part, by that part.
 * Equal to minhashSignature of the text and of each listed part (a part shorter than a shingle is
 * signed on its own, as there). Returns the article's signature, then each listed part's,
 * `permutations` values each: in `into` when it is given and long enough (a caller that signs
 * article after article reuses one buffer), else in a new array.
 */
export function minhashParts(text: string, partLengths: number[], positions: number[], k: number, permutations: number, seed: number, into?: Uint32Array): Uint32Array {
  const length = permutations * (1 + positions.length);
  const result = (into && into.length >= length ? into.subarray(0, length) : new Uint32Array(length)).fill(EMPTY);
  const out = signedView(result);
  const salt = saltOf(seed);
  const starts: number[] = [];
  partLengths.reduce((start, length) => (starts.push(start), start + length), 0);
  // block[p]: where part p's signature starts in `out`, or -1 when it is not wanted or too short.
  const block = new Int32Array(partLengths.length).fill(-1);
  positions.forEach((p, i) => {
    if (partLengths[p]! >= k && text.length >= k) block[p] = permutations * (i + 1);
    else result.set(minhashSignature(text.slice(starts[p], starts[p]! + partLengths[p]!), k, permutations, seed), permutations * (i + 1));
  });
  if (text.length < k) {
    result.set(minhashSignature(text, k, permutations, seed), 0);
    return result;
  }
  const power = leadingPower(k);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  // The shingle ending at i starts at i - k + 1: it belongs to the part holding i when it starts
  // there too, so each part's first k - 1 positions end shingles that only the article keeps. The
  // first shingle, ending at k - 1, is inside a part only when that part starts the text: when the
  // parts before it are empty.
  let first = 0;
  while (first < partLengths.length - 1 && partLengths[first] === 0) first++;
  keep(out, 0, h, salt, permutations);
  if (partLengths[first]! >= k && block[first]! >= 0) keep(out, block[first]!, h, salt, permutations);
  // Part by part, each stretch in a loop of its own with nothing to decide per character: with a
  // test per character for whether the shingle was inside a listed part, signing took 45% longer.
  let partStart = 0;
  for (let p = 0; p < partLengths.length; p++) {
    const partEnd = partStart + partLengths[p]!;
    const inside = Math.max(partStart + k - 1, k);
    h = rollArticle(text, Math.max(partStart, k), Math.min(inside, partEnd), h, out, salt, permutations, power, k);
    const target = block[p]!;
    h = target >= 0
      ? rollArticleAndPart(text, inside, partEnd, h, out, target, salt, permutations, power, k)
      : rollArticle(text, inside, partEnd, h, out, salt, permutations, power, k);
    partStart = partEnd;
  }
  densify(out.subarray(0, permutations));
  positions.forEach((p, i) => {
    if (block[p]! >= 0) densify(out.subarray(permutations * (i + 1), permutations * (i + 2)));
  });
  return result;
}

/**
 * Rolls the shingle hash `h` over the shingles ending at `from`..`to` - 1 (all past the text's
 * first), keeping each in the article's signature; returns the hash of the last.
 */
function rollArticle(text: string, from: number, to: number, h: number, out: Int32Array, salt: number, permutations: number, power: number, k: number): number {
  for (let i = from; i < to; i++) {
    h = (Math.imul(h - Math.imul(text.charCodeAt(i - k), power), BASE) + text.charCodeAt(i)) | 0;
    const m = shingleValue(h, salt);
    keepLeast(out, binOf(m, permutations), m);
  }
  return h;
}

/** rollArticle that keeps each shingle in the part's signature at `target` too: the bin and value are the same for both. */
function rollArticleAndPart(text: string, from: number, to: number, h: number, out: Int32Array, target: number, salt: number, permutations: number, power: number, k: number): number {
  for (let i = from; i < to; i++) {
    h = (Math.imul(h - Math.imul(text.charCodeAt(i - k), power), BASE) + text.charCodeAt(i)) | 0;
    const m = shingleValue(h, salt);
    const bin = binOf(m, permutations);
    keepLeast(out, bin, m);
    keepLeast(out, target + bin, m);
  }
  return h;
}

/**
 * densify's walk over bins `from` down to `to`: a filled bin keeps its value and becomes the one
 * carried; an empty one takes the carried value offset by its distance from it (`offset`: the
 * distance times the constant, added once per step).
 */
function fillLeftward(signature: Int32Array, from: number, to: number, carried: { next: number; offset: number }): void {
  let { next, offset } = carried;
  for (let i = from; i >= to; i--) {
    const value = signature[i]!;
    // All ones when the bin is filled, zero when it is empty: a filled bin's 31-bit value is below EMPTY.
    const filled = (value - EMPTY) >> 31;
    offset = ((offset + 0x9e3779b1) | 0) & ~filled;
    next = (value & filled) | (next & ~filled);
    // A filled bin keeps its value: its offset is 0 and `next` is the value itself.
    signature[i] = (next + offset) | 0;
  }
  carried.next = next;
  carried.offset = offset;
}

/**
 * Fills each empty bin from the nearest filled bin to its right (circularly), offset by the
 * distance so that two borrowed values agree only when both texts borrowed from the same place:
 * densification by rotation (Shrivastava and Li, 2014). One pass, no hashing: short paragraphs
 * leave most bins empty, and probing for each of them cost more than hashing their shingles.
 */
function densify(signature: Int32Array): void {
  const bins = signature.length;
  let first = -1;
  for (let i = bins - 1; i >= 0; i--) {
    if (signature[i] !== EMPTY) {
      first = i;
      break;
    }
  }
  if (first < 0) return;
  // Walk left from the last filled bin to the first, then on from the last bin down to it (the
  // wrap round), carrying the nearest filled value to the right; two loops with no wrapped index
  // to compute (a tenth faster). Without branches: whether a bin is filled is a coin toss in a
  // short paragraph's signature, and the mispredicted branch cost a third of the loop.
  const carried = { next: signature[first]!, offset: 0 };
  fillLeftward(signature, first - 1, 0, carried);
  fillLeftward(signature, bins - 1, first + 1, carried);
}
