import { fmix32 } from './minhash.js';

/**
 * Locality-sensitive hashing over MinHash signatures: items whose signatures agree on every row
 * of at least one band become candidate pairs. Pairs with Jaccard s are found with probability
 * 1 − (1 − s^rows)^bands, so no pair of items is ever compared unless it is likely similar.
 * A band is keyed by a 32-bit hash of its rows; the rare key collision only adds a candidate,
 * which exact verification then rejects. A bucket of more than `starAbove` items (a wire story
 * reposted by hundreds of sites, a stock sentence) is paired as a star around its first item
 * rather than as a clique: linear instead of quadratic, and the group stays connected.
 */
export function lshCandidates(signatures: Uint32Array[], bands: number, rows: number, starAbove = 64): [number, number][] {
  const seen = new Set<number>();
  const out: [number, number][] = [];
  const n = signatures.length;
  for (let band = 0; band < bands; band++) {
    // Nearly every bucket holds one item: keep that item alone, and make an array only on a collision.
    const first = new Map<number, number>();
    const buckets = new Map<number, number[]>();
    for (let item = 0; item < n; item++) {
      const signature = signatures[item]!;
      let key = fmix32(band + 0x9e3779b9);
      for (let r = band * rows; r < band * rows + rows; r++) key = fmix32(key ^ signature[r]!);
      const owner = first.get(key);
      if (owner === undefined) {
        first.set(key, item);
        continue;
      }
      const bucket = buckets.get(key);
      if (bucket) bucket.push(item);
      else buckets.set(key, [owner, item]);
    }
    for (const bucket of buckets.values()) {
      const hubs = bucket.length > starAbove ? 1 : bucket.length;
      for (let i = 0; i < hubs; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const a = bucket[i]!;
          const b = bucket[j]!;
          const pair = a * n + b;
          if (seen.has(pair)) continue;
          seen.add(pair);
          out.push([a, b]);
        }
      }
    }
  }
  return out;
}
