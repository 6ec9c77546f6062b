import type { SimilarPair } from '../types.js';
import { bandKeys, lshPairsFromFlat } from './lshCandidates.js';
import { minhashSignature } from './minhash.js';
import { jaccardAtLeast, shingleHashes } from './shingleHashes.js';
import { compareCodeUnits } from '../text/compareCodeUnits.js';

export interface FingerprintParams {
  shingle: number;
  permutations: number;
  bands: number;
  rows: number;
  seed: number;
  /** The fewest bands two units' keys must agree in for the pair to be verified (1 when not given). */
  minShared?: number;
}

export interface TextUnit {
  id: string;
  /** Normalised and folded text (letters and digits only). */
  folded: string;
}

/**
 * What verification reads of units it knows by index: each one's id, and its folded text, asked for
 * only of candidates. The fingerprint stage answers from the articles it holds, so no object per
 * unit is made: at 100k articles there are 1.75 million paragraph units, and with an object and a
 * closure each the stage's live heap peaked at 1,280 MB instead of 930, and the collector walked them all.
 */
export interface UnitTexts {
  idOf(unit: number): string;
  foldedOf(unit: number): string;
  /**
   * For texts read from disk: every one of `units` (ascending) read at once, in the order they are
   * stored, and a reader of them by unit, used in place of foldedOf.
   */
  gather?(units: Int32Array): (unit: number) => string;
  /** For texts in a file: where each of `units` (ascending) is in it, for another thread to read them. */
  locate?(units: Int32Array): FoldLocations;
}

/**
 * Pairs of texts whose exact shingle Jaccard reaches `threshold`, found through MinHash LSH and
 * verified exactly, so the similarity reported is the true one, not an estimate. `exact` means
 * the folded texts are identical: same words, whatever the script, punctuation or spacing.
 * `skip` vetoes pairs the caller does not want (e.g. paragraphs of the same article).
 */
export function findSimilarTexts(
  units: TextUnit[],
  params: FingerprintParams,
  threshold: number,
  skip: (a: number, b: number) => boolean = () => false,
): SimilarPair[] {
  const keys = new Uint32Array(units.length * params.bands);
  units.forEach((u, i) => keys.set(bandKeys(minhashSignature(u.folded, params.shingle, params.permutations, params.seed), params.bands, params.rows), i * params.bands));
  return findSimilarKeyed(keys, { idOf: (i) => units[i]!.id, foldedOf: (i) => units[i]!.folded }, params, threshold, skip);
}

/** findSimilarTexts over units given by their band keys (`bands` per unit, unit after unit); `skip` is given the units' indices. */
export function findSimilarKeyed(
  keys: Uint32Array,
  texts: UnitTexts,
  params: FingerprintParams,
  threshold: number,
  skip: (a: number, b: number) => boolean = () => false,
): SimilarPair[] {
  const count = keys.length / params.bands;
  return verifyCandidates(texts, count, lshPairsFromFlat(keys, params.bands, { minShared: params.minShared }), params, threshold, skip);
}

/**
 * The candidate pairs (by unit index, from LSH over the units' band keys) whose exact shingle
 * Jaccard reaches `threshold`, sorted by id; findSimilarKeyed once LSH has run, wherever it ran.
 */
export function verifyCandidates(
  units: UnitTexts,
  count: number,
  /** Pairs of unit indices, one after another (i, j, i, j …), as lshPairsFromFlat gives them. */
  candidates: Int32Array,
  params: FingerprintParams,
  threshold: number,
  skip: (a: number, b: number) => boolean = () => false,
): SimilarPair[] {
  const pairs = keptPairs(candidates, skip);
  return similarPairs(units, pairs, verifyUnits(units, count, pairs, params.shingle, threshold));
}

/** What verification found of each pair it was given, in their order. */
export interface VerifiedPairs {
  /** The pair's exact shingle Jaccard where it reaches the threshold, else -1. */
  similarity: Float64Array;
  /** 1 where the two folded texts are identical. */
  exact: Uint8Array;
}

/**
 * Where the folds of units are in a file of UTF-16 text (UnitTexts.locate): for request `k`, its
 * first byte and length in characters, or a length of -1 when the file does not hold it.
 */
export interface FoldLocations {
  file: string;
  bytes: Float64Array;
  chars: Int32Array;
}

/** The candidates (pairs of unit indices one after another: i, j, i, j …) `skip` does not veto, the same way. */
export function keptPairs(candidates: Int32Array, skip: (a: number, b: number) => boolean): Int32Array {
  const pairs = new Int32Array(candidates.length);
  let n = 0;
  for (let k = 0; k < candidates.length; k += 2) {
    const i = candidates[k]!;
    const j = candidates[k + 1]!;
    if (skip(i, j)) continue;
    pairs[n++] = i;
    pairs[n++] = j;
  }
  return pairs.slice(0, n);
}

/** verifyPairs of `pairs` reading their texts from `units`: gathered at once where the texts are on disk. */
export function verifyUnits(units: UnitTexts, count: number, pairs: Int32Array, shingle: number, threshold: number): VerifiedPairs {
  const read = units.gather ? units.gather(unitsIn(pairs, count)) : (unit: number) => units.foldedOf(unit);
  return verifyPairs(read, count, pairs, shingle, threshold);
}

/**
 * Each pair's exact similarity (VerifiedPairs), `pairs` being unit indices below `count` two by two
 * and `read` giving a unit's folded text. Folded text and shingle sets are made only for units in
 * some pair, once each, and let go after the unit's last pair: kept to the end, every candidate
 * paragraph's set stayed on the heap for the collector to walk (300k articles: the stage took 31 s
 * then, 23 s now). What one thread verifies of a corpus's pairs, whichever share it is given.
 */
export function verifyPairs(read: (unit: number) => string, count: number, pairs: Int32Array, shingle: number, threshold: number): VerifiedPairs {
  const pairCount = pairs.length / 2;
  const lastPair = new Int32Array(count).fill(-1);
  for (let k = 0; k < pairCount; k++) {
    lastPair[pairs[2 * k]!] = k;
    lastPair[pairs[2 * k + 1]!] = k;
  }
  const folded = new Map<number, string>();
  const foldedOf = (i: number) => {
    let text = folded.get(i);
    if (text === undefined) folded.set(i, (text = read(i)));
    return text;
  };
  const shingles = new Map<number, Uint32Array>();
  const shinglesOf = (i: number) => {
    let set = shingles.get(i);
    if (!set) shingles.set(i, (set = shingleHashes(foldedOf(i), shingle)));
    return set;
  };
  const release = (i: number, k: number) => {
    if (lastPair[i] !== k) return;
    folded.delete(i);
    shingles.delete(i);
  };
  const similarity = new Float64Array(pairCount);
  const exact = new Uint8Array(pairCount);
  for (let k = 0; k < pairCount; k++) {
    const [i, j] = [pairs[2 * k]!, pairs[2 * k + 1]!];
    const same = foldedOf(i) === foldedOf(j);
    similarity[k] = same ? 1 : jaccardAtLeast(shinglesOf(i), shinglesOf(j), threshold);
    exact[k] = same ? 1 : 0;
    release(i, k);
    release(j, k);
  }
  return { similarity, exact };
}

/** The pairs verification kept (similarity ≥ 0), by id, sorted: the stage's answer. */
export function similarPairs(units: UnitTexts, pairs: Int32Array, { similarity, exact }: VerifiedPairs): SimilarPair[] {
  const found: SimilarPair[] = [];
  for (let k = 0; k < similarity.length; k++) {
    if (similarity[k]! < 0) continue;
    const [a, b] = [units.idOf(pairs[2 * k]!), units.idOf(pairs[2 * k + 1]!)];
    const [first, second] = a <= b ? [a, b] : [b, a];
    found.push({ a: first, b: second, similarity: round(similarity[k]!), kind: exact[k] ? 'exact' : 'near' });
  }
  return found.sort((x, y) => compareCodeUnits(x.a, y.a) || compareCodeUnits(x.b, y.b));
}

/** The units, below `count`, that are in some pair of `pairs`, ascending. */
export function unitsIn(pairs: Int32Array, count: number): Int32Array {
  const wanted = new Uint8Array(count);
  for (const unit of pairs) wanted[unit] = 1;
  let n = 0;
  for (const w of wanted) n += w;
  const units = new Int32Array(n);
  let at = 0;
  wanted.forEach((w, unit) => {
    if (w) units[at++] = unit;
  });
  return units;
}

/** A reader of requests by their index, as a reader by unit: `units` ascending, request k for units[k]. */
export function byUnit<T>(units: Int32Array, read: (k: number) => T): (unit: number) => T {
  return (unit) => {
    let low = 0;
    let high = units.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (units[middle]! < unit) low = middle + 1;
      else high = middle;
    }
    if (units[low] !== unit) throw new RangeError(`gather: unit ${unit} was not asked for`);
    return read(low);
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
