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

/**
 * Vocabulary ids of grams, in order of first appearance: an open-addressing table on typed arrays,
 * sized for every gram the sentences could hold. A Map look-up per gram was a twentieth of the
 * compare stage.
 */
class GramVocabulary {
  private readonly grams: Float64Array;
  private readonly ids: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  size = 0;

  constructor(maxGrams: number) {
    let bits = 4;
    while (1 << bits < maxGrams * 2) bits++;
    this.grams = new Float64Array(1 << bits);
    this.ids = new Int32Array(1 << bits).fill(-1);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  idOf(gram: number): number {
    let slot = Math.imul(gram | 0, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const id = this.ids[slot]!;
      if (id === -1) {
        this.grams[slot] = gram;
        this.ids[slot] = this.size;
        return this.size++;
      }
      if (this.grams[slot] === gram) return id;
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * A sentence's grams as vocabulary ids, in text order, repeats kept. A bigram is its two code units
 * as one number (no substring per bigram); a one-character key is a gram of its own, kept apart
 * from bigrams by its sign. Ids are given in order of first appearance across the sentences.
 */
function gramIds(key: string, vocabulary: GramVocabulary): Int32Array {
  if (key.length === 1) return Int32Array.of(vocabulary.idOf(-1 - key.charCodeAt(0)));
  const ids = new Int32Array(Math.max(0, key.length - 1));
  for (let i = 0; i + 1 < key.length; i++) ids[i] = vocabulary.idOf(key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1));
  return ids;
}

export function vectorizeSentences(keys: string[]): SentenceVectors {
  const vocabulary = new GramVocabulary(keys.reduce((n, key) => n + Math.max(1, key.length), 0));
  // Each sentence's distinct ids ascending and how often each occurs: a sort instead of a map per sentence.
  const counted = keys.map((key) => {
    const sorted = gramIds(key, vocabulary).sort();
    let distinct = 0;
    const counts = new Int32Array(sorted.length);
    for (let k = 0; k < sorted.length; k++) {
      if (k > 0 && sorted[k] === sorted[distinct - 1]) counts[distinct - 1]!++;
      else {
        sorted[distinct] = sorted[k]!;
        counts[distinct++] = 1;
      }
    }
    return { ids: sorted.slice(0, distinct), counts };
  });
  const df = new Int32Array(vocabulary.size);
  for (const { ids } of counted) for (const id of ids) df[id]!++;
  const n = keys.length;
  const weights: Float64Array[] = [];
  const norms = new Float64Array(n);
  counted.forEach(({ ids, counts }, s) => {
    const w = new Float64Array(ids.length);
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      w[k] = counts[k]! * (Math.log((n + 1) / (df[ids[k]!]! + 1)) + 1);
      norm += w[k]! * w[k]!;
    }
    weights.push(w);
    norms[s] = Math.sqrt(norm);
  });
  return { ids: counted.map((c) => c.ids), weights, norms };
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

/**
 * Cosines against a fixed set of sentences, `columns`: the returned function gives one sentence's
 * cosine with each column, the same numbers cosine() gives, in a buffer the next call reuses.
 * Through an inverted index of the columns' bigrams, the work is the bigrams two sentences share,
 * not a merge of every pair's vectors; each pair's products are still summed in ascending id
 * order, as in the merge, so not a bit differs. The index is flat (each id's postings a range of
 * two typed arrays, ids being dense): with a Map of posting objects, walking it was the largest
 * single cost of comparing an event.
 */
export function cosinesAgainst(space: SentenceVectors, columns: number[]): (sentence: number) => Float64Array {
  let size = 0;
  for (const sentence of columns) {
    const ids = space.ids[sentence]!;
    if (ids.length > 0) size = Math.max(size, ids[ids.length - 1]! + 1);
  }
  const starts = new Int32Array(size + 1);
  for (const sentence of columns) for (const id of space.ids[sentence]!) starts[id + 1]!++;
  for (let id = 0; id < size; id++) starts[id + 1]! += starts[id]!;
  const postingColumns = new Int32Array(starts[size]!);
  const postingWeights = new Float64Array(starts[size]!);
  const next = starts.slice(0, size);
  columns.forEach((sentence, column) => {
    const ids = space.ids[sentence]!;
    const weights = space.weights[sentence]!;
    for (let k = 0; k < ids.length; k++) {
      const at = next[ids[k]!]!++;
      postingColumns[at] = column;
      postingWeights[at] = weights[k]!;
    }
  });
  const dots = new Float64Array(columns.length);
  return (sentence) => {
    dots.fill(0);
    const ids = space.ids[sentence]!;
    const weights = space.weights[sentence]!;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (id >= size) break;
      const weight = weights[k]!;
      for (let at = starts[id]!, end = starts[id + 1]!; at < end; at++) {
        const column = postingColumns[at]!;
        dots[column] = dots[column]! + weight * postingWeights[at]!;
      }
    }
    for (let column = 0; column < columns.length; column++) {
      const denominator = space.norms[sentence]! * space.norms[columns[column]!]!;
      dots[column] = denominator === 0 ? 0 : dots[column]! / denominator;
    }
    return dots;
  };
}
