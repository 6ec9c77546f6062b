import type { SimilarPair } from '../types.js';
import { lshCandidates } from './lshCandidates.js';
import { minhashSignature } from './minhash.js';
import { jaccard, shingleHashes } from './shingleHashes.js';

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
 * Pairs of texts whose exact shingle Jaccard reaches `threshold`, found through MinHash LSH and
 * verified exactly, so the similarity reported is the true one, not an estimate. `exact` means
 * the folded texts are identical: same words, whatever the script, punctuation or spacing.
 * `skip` vetoes pairs the caller does not want (e.g. paragraphs of the same article).
 */
export function findSimilarTexts(
  units: TextUnit[],
  params: FingerprintParams,
  threshold: number,
  skip: (a: TextUnit, b: TextUnit) => boolean = () => false,
): SimilarPair[] {
  const signatures = units.map((u) => minhashSignature(u.folded, params.shingle, params.permutations, params.seed));
  // Shingle sets only for the items that are candidates, built once each.
  const shingles = new Map<number, Uint32Array>();
  const shinglesOf = (i: number) => {
    let set = shingles.get(i);
    if (!set) shingles.set(i, (set = shingleHashes(units[i]!.folded, params.shingle)));
    return set;
  };
  const pairs: SimilarPair[] = [];
  for (const [i, j] of lshCandidates(signatures, params.bands, params.rows)) {
    const a = units[i]!;
    const b = units[j]!;
    if (skip(a, b)) continue;
    const exact = a.folded === b.folded;
    const similarity = exact ? 1 : jaccard(shinglesOf(i), shinglesOf(j));
    if (similarity < threshold) continue;
    const [first, second] = a.id <= b.id ? [a, b] : [b, a];
    pairs.push({ a: first.id, b: second.id, similarity: round(similarity), kind: exact ? 'exact' : 'near' });
  }
  return pairs.sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
