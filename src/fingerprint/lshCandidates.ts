import { mix32 } from './minhash.js';
import { createBucketFinder } from './bucketFinder.js';
import { flatPairsCountedAtLeast, PairCollector, pairsOf, type CountedCodes } from './pairCollector.js';

/**
 * Locality-sensitive hashing over MinHash signatures: items whose signatures agree on every row
 * of at least one band become candidate pairs (or of at least `minShared` bands, where a caller
 * asks for more). Pairs with Jaccard s are found with probability 1 − (1 − s^rows)^bands with one
 * band, so no pair of items is ever compared unless it is likely similar.
 * A band is keyed by a 32-bit hash of its rows; the rare key collision only adds a candidate,
 * which exact verification then rejects. A bucket of more than `starAbove` items (a wire story
 * reposted by hundreds of sites, a stock sentence) is paired as a star around its first item
 * rather than as a clique: linear instead of quadratic, and the group stays connected.
 *
 * With hundreds of thousands of paragraphs, hash maps (an entry per item and band) and a set of
 * seen pairs were most of fingerprinting's time. Buckets are found a band at a time in typed
 * arrays (createBucketFinder); pairs are collected as numbers and made unique by one sort at the end.
 * Returned pairs are [smaller index, larger index], in ascending order.
 */
export function lshCandidates(signatures: Uint32Array[], bands: number, rows: number, starAbove = 64): [number, number][] {
  return lshCandidatesFromKeys(signatures.map((s) => bandKeys(s, bands, rows)), bands, starAbove);
}

/**
 * A signature's LSH key in each band: a hash of the band's rows. All LSH needs of a signature, and
 * a fraction of its size (32 values for 128), so signatures are reduced to keys where they are made.
 * A band's rows are `bands` bins apart, not neighbours: densification fills a run of empty bins from
 * the same filled bin, so two short texts sharing one phrase agreed on whole runs of neighbouring
 * bins, and neighbouring rows made them candidates far more often than their Jaccard says (on the
 * bench, twelve times the paragraph candidates, for the same verified pairs).
 */
export function bandKeys(signature: Uint32Array, bands: number, rows: number): Uint32Array {
  const keys = new Uint32Array(bands);
  writeBandKeys(new Int32Array(signature.buffer, signature.byteOffset, signature.length), 0, bands, rows, keys, 0);
  return keys;
}

/** The odd number row `r` of a band is multiplied by before the rows are summed (writeBandKeys). */
function rowFactor(r: number): number {
  return Math.imul(0x9e3779b9, r + 1) | 1;
}

const [ROW0, ROW1, ROW2, ROW3] = [0, 1, 2, 3].map(rowFactor) as [number, number, number, number];

/**
 * bandKeys of the signature at `from` in `signatures` (signed view), written into `keys` at `to`:
 * an article signs a dozen or more texts at once, and two typed arrays made per text cost more
 * than hashing its bands.
 */
export function writeBandKeys(signatures: Int32Array, from: number, bands: number, rows: number, keys: Uint32Array, to: number): void {
  // A band's key is the sum of its rows each multiplied by an odd number, one-to-one in every row:
  // two bands that differ in one row never share a key, and the one mix at the end spreads every
  // row into the top bits the bucket finder splits on. A full mix per row was a quarter of
  // signing; a chain of multiplications, one waiting for the last, 6.5 ns a band where these
  // side-by-side products take 3.5 (written out for four rows, the default's).
  if (rows === 4) {
    for (let band = 0; band < bands; band++) {
      const at = from + band;
      const sum = band + 0x9e3779b9 + Math.imul(signatures[at]!, ROW0) + Math.imul(signatures[at + bands]!, ROW1) +
        Math.imul(signatures[at + 2 * bands]!, ROW2) + Math.imul(signatures[at + 3 * bands]!, ROW3);
      keys[to + band] = mix32(sum | 0);
    }
    return;
  }
  for (let band = 0; band < bands; band++) {
    let sum = band + 0x9e3779b9;
    for (let r = 0; r < rows; r++) sum = (sum + Math.imul(signatures[from + band + r * bands]!, rowFactor(r))) | 0;
    keys[to + band] = mix32(sum);
  }
}

/** lshCandidates over items given by their band keys (see bandKeys). */
export function lshCandidatesFromKeys(itemKeys: Uint32Array[], bands: number, starAbove = 64): [number, number][] {
  return lshCandidatesFromFlat(flattenKeys(itemKeys, bands), bands, { starAbove });
}

/**
 * Every item's band keys in one array, item after item: reading a band across hundreds of thousands
 * of small typed arrays was most of LSH's time.
 */
function flattenKeys(itemKeys: Uint32Array[], bands: number): Uint32Array {
  const flat = new Uint32Array(itemKeys.length * bands);
  itemKeys.forEach((k, item) => flat.set(k.subarray(0, bands), item * bands));
  return flat;
}

/**
 * Bands gathered from the item-major keys per pass. Reading one band at a time read the whole array
 * once per band for four bytes of every item's 128 (at 1.75 million paragraphs, 32 passes over 224 MB
 * were a third of LSH); a pass for several bands reads each item's keys for them at once.
 */
const BANDS_PER_PASS = 4;

/** How LSH pairs items: buckets above `starAbove` items as stars; a candidate shares at least `minShared` bands (1: any band, classic LSH). */
export interface LshOptions {
  starAbove?: number;
  minShared?: number;
}

/** lshCandidates over flattened band keys (flattenKeys): `bands` keys per item. */
export function lshCandidatesFromFlat(flat: Uint32Array, bands: number, options: LshOptions = {}): [number, number][] {
  return pairsOf(lshPairsFromFlat(flat, bands, options));
}

/** lshCandidatesFromFlat as one array, pair after pair (flatPairsCountedAtLeast). */
export function lshPairsFromFlat(flat: Uint32Array, bands: number, { starAbove = 64, minShared = 1 }: LshOptions = {}): Int32Array {
  let group = 0;
  return flatPairsCountedAtLeast([searchBands(flat, bands, () => group++, starAbove)], flat.length / bands, minShared);
}

/**
 * Hands out the groups of bands (BANDS_PER_PASS each, numbered from 0) one at a time; a number
 * past the last means none are left. Two threads given claims on one counter share a search.
 */
export type BandClaim = () => number;

/** A claim on a counter in shared memory: each thread given one over the same counter takes the next group. */
export function claimFrom(counter: Int32Array): BandClaim {
  return () => Atomics.add(counter, 0, 1);
}

/**
 * The candidate pairs of the bands in the groups `claim` hands out, as sorted unique codes
 * (a * n + b, a < b: see PairCollector), each with how many of those bands the pair shares;
 * flatPairsCountedAtLeast turns the codes of every share into pairs.
 */
export function searchBands(flat: Uint32Array, bands: number, claim: BandClaim, starAbove = 64): CountedCodes {
  const n = flat.length / bands;
  const pairs = new PairCollector(n, { counted: true });
  const groups = Math.ceil(bands / BANDS_PER_PASS);
  let group = claim();
  if (group >= groups) return pairs.countedCodes();
  // Keys are read through signed views: V8 keeps an int32 in a register. Buckets only need equal keys.
  const keysOf = new Int32Array(flat.buffer, flat.byteOffset, flat.length);
  const columns = Array.from({ length: Math.min(bands, BANDS_PER_PASS) }, () => new Int32Array(n));
  const buckets = createBucketFinder(n);
  const pairUp = (items: Int32Array, size: number) => {
    const hubs = size > starAbove ? 1 : size - 1;
    for (let i = 0; i < hubs; i++) {
      for (let j = i + 1; j < size; j++) pairs.add(items[i]!, items[j]!);
    }
  };
  for (; group < groups; group = claim()) {
    const first = group * BANDS_PER_PASS;
    const width = Math.min(BANDS_PER_PASS, bands - first);
    for (let item = 0, at = first; item < n; item++, at += bands) {
      for (let c = 0; c < width; c++) columns[c]![item] = keysOf[at + c]!;
    }
    for (let c = 0; c < width; c++) buckets(columns[c]!, pairUp);
    pairs.sealRun();
  }
  return pairs.countedCodes();
}
