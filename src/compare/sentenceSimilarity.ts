/**
 * Similarity of two sentences as the cosine of their character-bigram TF-IDF vectors, with
 * document frequencies taken over the sentences being aligned. Diplomatic prose is formulaic
 * (双方还就…交换了意见 opens half the sentences of a readout); weighting bigrams by rarity makes
 * a shared topic (海上问题) count for more than a shared formula.
 */
export interface SentenceVectors {
  vectors: Map<string, number>[];
  norms: number[];
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  if (chars.length === 1) counts.set(chars[0]!, 1);
  return counts;
}

export function vectorizeSentences(keys: string[]): SentenceVectors {
  const grams = keys.map(bigrams);
  const df = new Map<string, number>();
  for (const g of grams) for (const gram of g.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const n = keys.length;
  const vectors = grams.map((g) => {
    const v = new Map<string, number>();
    for (const [gram, tf] of g) v.set(gram, tf * (Math.log((n + 1) / ((df.get(gram) ?? 0) + 1)) + 1));
    return v;
  });
  const norms = vectors.map((v) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)));
  return { vectors, norms };
}

export function cosine(space: SentenceVectors, i: number, j: number): number {
  const a = space.vectors[i]!;
  const b = space.vectors[j]!;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [gram, weight] of small) {
    const other = large.get(gram);
    if (other !== undefined) dot += weight * other;
  }
  const denominator = space.norms[i]! * space.norms[j]!;
  return denominator === 0 ? 0 : dot / denominator;
}
