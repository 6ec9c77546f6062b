/**
 * Similarity of two sentences as the cosine of their character-bigram TF-IDF vectors, with
 * document frequencies taken over the sentences being aligned. Diplomatic prose is formulaic
 * (双方还就…交换了意见 opens half the sentences of a readout); weighting bigrams by rarity makes
 * a shared topic (海上问题) count for more than a shared formula.
 * Vectors are sparse: bigram ids sorted ascending with their weights, so a cosine is one merge.
 */
export interface SentenceVectors {
  ids: Int32Array[];
  weights: Float64Array[];
  norms: Float64Array;
}

export function vectorizeSentences(keys: string[]): SentenceVectors {
  // A bigram is its two code units as one number (no substring per bigram); a one-character key
  // is a gram of its own, kept apart from bigrams by its sign.
  const vocabulary = new Map<number, number>();
  const counted = keys.map((key) => {
    const counts = new Map<number, number>();
    const add = (gram: number) => {
      let id = vocabulary.get(gram);
      if (id === undefined) vocabulary.set(gram, (id = vocabulary.size));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    };
    if (key.length === 1) add(-1 - key.charCodeAt(0));
    for (let i = 0; i + 1 < key.length; i++) add(key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1));
    return counts;
  });
  const df = new Int32Array(vocabulary.size);
  for (const counts of counted) for (const id of counts.keys()) df[id]!++;
  const n = keys.length;
  const ids: Int32Array[] = [];
  const weights: Float64Array[] = [];
  const norms = new Float64Array(n);
  counted.forEach((counts, s) => {
    const sorted = Int32Array.from(counts.keys()).sort();
    const w = new Float64Array(sorted.length);
    let norm = 0;
    sorted.forEach((id, k) => {
      w[k] = counts.get(id)! * (Math.log((n + 1) / (df[id]! + 1)) + 1);
      norm += w[k]! * w[k]!;
    });
    ids.push(sorted);
    weights.push(w);
    norms[s] = Math.sqrt(norm);
  });
  return { ids, weights, norms };
}

export function cosine(space: SentenceVectors, i: number, j: number): number {
  const denominator = space.norms[i]! * space.norms[j]!;
  if (denominator === 0) return 0;
  const a = space.ids[i]!;
  const b = space.ids[j]!;
  const wa = space.weights[i]!;
  const wb = space.weights[j]!;
  let x = 0;
  let y = 0;
  let dot = 0;
  while (x < a.length && y < b.length) {
    if (a[x] === b[y]) dot += wa[x++]! * wb[y++]!;
    else if (a[x]! < b[y]!) x++;
    else y++;
  }
  return dot / denominator;
}
