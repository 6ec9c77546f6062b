import type { SimilarPair } from '../types.js';
import { bandKeys, lshCandidatesFromFlat } from './lshCandidates.js';
import { minhashSignature } from './minhash.js';
import { jaccardAtLeast, shingleHashes } from './shingleHashes.js';
import { compareCodeUnits } from '../text/compareCodeUnits.js';

export interface FingerprintParams {
  shingle: number;
  permutations: number;
  bands: number;
  rows: number;
  seed: number;
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
  return verifyCandidates(texts, count, lshCandidatesFromFlat(keys, params.bands), params, threshold, skip);
}

/**
 * The candidate pairs (by unit index, from LSH over the units' band keys) whose exact shingle
 * Jaccard reaches `threshold`, sorted by id; findSimilarKeyed once LSH has run, wherever it ran.
 */
export function verifyCandidates(
  units: UnitTexts,
  count: number,
  candidates: [number, number][],
  params: FingerprintParams,
  threshold: number,
  skip: (a: number, b: number) => boolean = () => false,
): SimilarPair[] {
  // Folded text and shingle sets only for the items that are candidates, built once each and let
  // go after the item's last pair: kept to the end, every candidate paragraph's set stayed on the
  // heap for the collector to walk (300k articles: the stage took 31 s then, 23 s now).
  const lastPair = new Int32Array(count).fill(-1);
  candidates.forEach(([i, j], k) => {
    lastPair[i] = k;
    lastPair[j] = k;
  });
  const read = units.gather ? units.gather(candidateUnits(lastPair)) : (i: number) => units.foldedOf(i);
  const folded = new Map<number, string>();
  const foldedOf = (i: number) => {
    let text = folded.get(i);
    if (text === undefined) folded.set(i, (text = read(i)));
    return text;
  };
  const shingles = new Map<number, Uint32Array>();
  const shinglesOf = (i: number) => {
    let set = shingles.get(i);
    if (!set) shingles.set(i, (set = shingleHashes(foldedOf(i), params.shingle)));
    return set;
  };
  const release = (i: number, k: number) => {
    if (lastPair[i] !== k) return;
    folded.delete(i);
    shingles.delete(i);
  };
  const pairs: SimilarPair[] = [];
  candidates.forEach(([i, j], k) => {
    const similar = !skip(i, j) && verifyPair(i, j);
    release(i, k);
    release(j, k);
    if (!similar) return;
    const [a, b] = [units.idOf(i), units.idOf(j)];
    const [first, second] = a <= b ? [a, b] : [b, a];
    pairs.push({ a: first, b: second, similarity: round(similar.similarity), kind: similar.exact ? 'exact' : 'near' });
  });
  return pairs.sort((x, y) => compareCodeUnits(x.a, y.a) || compareCodeUnits(x.b, y.b));

  function verifyPair(i: number, j: number): { similarity: number; exact: boolean } | null {
    const exact = foldedOf(i) === foldedOf(j);
    const similarity = exact ? 1 : jaccardAtLeast(shinglesOf(i), shinglesOf(j), threshold);
    return similarity < threshold ? null : { similarity, exact };
  }
}

/** The units that are in some candidate pair (lastPair ≥ 0), ascending. */
function candidateUnits(lastPair: Int32Array): Int32Array {
  let count = 0;
  for (const k of lastPair) if (k >= 0) count++;
  const units = new Int32Array(count);
  let at = 0;
  lastPair.forEach((k, unit) => {
    if (k >= 0) units[at++] = unit;
  });
  return units;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
