/**
 * Locality-sensitive hashing over MinHash signatures: items whose signatures agree on every row
 * of at least one band become candidate pairs. Pairs with Jaccard s are found with probability
 * 1 − (1 − s^rows)^bands, so no pair of items is ever compared unless it is likely similar.
 */
export function lshCandidates(signatures: Uint32Array[], bands: number, rows: number): [number, number][] {
  const pairs = new Set<number>();
  const out: [number, number][] = [];
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<string, number[]>();
    for (const [item, signature] of signatures.entries()) {
      const key = Array.from(signature.subarray(band * rows, band * rows + rows)).join(',');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(item);
      else buckets.set(key, [item]);
    }
    for (const bucket of buckets.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const a = bucket[i]!;
          const b = bucket[j]!;
          const key = a * signatures.length + b;
          if (!pairs.has(key)) {
            pairs.add(key);
            out.push([a, b]);
          }
        }
      }
    }
  }
  return out;
}
