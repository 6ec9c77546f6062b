/**
 * Similarity of two sentences as the cosine of their character-bigram TF-IDF vectors, with
 * document frequencies taken over the sentences being aligned. Diplomatic prose is formulaic
 * (双方还就…交换了意见 opens half the sentences of a readout); weighting bigrams by rarity makes
 * a shared topic (海上问题) count for more than a shared formula.
 * Vectors are sparse: bigram ids sorted ascending with their weights, so a cosine is one merge.
 * All sentences' entries are in one pair of arrays, sentence `s` at [starts[s], starts[s + 1]):
 * four small typed arrays made per sentence were a tenth of the compare stage.
 */
export interface SentenceVectors {
  starts: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
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
 * A sentence's grams as vocabulary ids, in text order, repeats kept, written into `ids` at `at`;
 * returns how many. A bigram is its two code units as one number (no substring per bigram); a
 * one-character key is a gram of its own, kept apart from bigrams by its sign. Ids are given in
 * order of first appearance across the sentences.
 */
function writeGramIds(key: string, vocabulary: GramVocabulary, ids: Int32Array, at: number): number {
  if (key.length === 1) {
    ids[at] = vocabulary.idOf(-1 - key.charCodeAt(0));
    return 1;
  }
  for (let i = 0; i + 1 < key.length; i++) ids[at + i] = vocabulary.idOf(key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1));
  return Math.max(0, key.length - 1);
}

/** Sorts ids[from, to) ascending: by insertion for a sentence's few dozen grams, natively for more. */
function sortRange(ids: Int32Array, from: number, to: number): void {
  if (to - from > 64) {
    ids.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const id = ids[i]!;
    let j = i - 1;
    while (j >= from && ids[j]! > id) {
      ids[j + 1] = ids[j]!;
      j--;
    }
    ids[j + 1] = id;
  }
}

export function vectorizeSentences(keys: string[]): SentenceVectors {
  const room = keys.reduce((n, key) => n + Math.max(1, key.length), 0);
  const vocabulary = new GramVocabulary(room);
  // Each sentence's distinct ids ascending and how often each occurs: a sort instead of a map per sentence.
  const starts = new Int32Array(keys.length + 1);
  const ids = new Int32Array(room);
  const counts = new Int32Array(room);
  let end = 0;
  keys.forEach((key, s) => {
    const from = end;
    const to = from + writeGramIds(key, vocabulary, ids, from);
    sortRange(ids, from, to);
    let distinct = from;
    for (let k = from; k < to; k++) {
      if (k > from && ids[k] === ids[distinct - 1]) counts[distinct - 1]!++;
      else {
        ids[distinct] = ids[k]!;
        counts[distinct++] = 1;
      }
    }
    end = distinct;
    starts[s + 1] = end;
  });
  const df = new Int32Array(vocabulary.size);
  for (let k = 0; k < end; k++) df[ids[k]!]!++;
  const n = keys.length;
  const weights = new Float64Array(end);
  const norms = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let norm = 0;
    for (let k = starts[s]!; k < starts[s + 1]!; k++) {
      weights[k] = counts[k]! * (Math.log((n + 1) / (df[ids[k]!]! + 1)) + 1);
      norm += weights[k]! * weights[k]!;
    }
    norms[s] = Math.sqrt(norm);
  }
  return { starts, ids: ids.subarray(0, end), weights, norms };
}

export function cosine(space: SentenceVectors, i: number, j: number): number {
  const denominator = space.norms[i]! * space.norms[j]!;
  if (denominator === 0) return 0;
  const { starts, ids, weights } = space;
  const [endX, endY] = [starts[i + 1]!, starts[j + 1]!];
  let x = starts[i]!;
  let y = starts[j]!;
  let dot = 0;
  while (x < endX && y < endY) {
    if (ids[x] === ids[y]) dot += weights[x++]! * weights[y++]!;
    else if (ids[x]! < ids[y]!) x++;
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
  const { ids, weights, norms } = space;
  const from = space.starts;
  let size = 0;
  for (const sentence of columns) {
    if (from[sentence + 1]! > from[sentence]!) size = Math.max(size, ids[from[sentence + 1]! - 1]! + 1);
  }
  const starts = new Int32Array(size + 1);
  for (const sentence of columns) for (let k = from[sentence]!; k < from[sentence + 1]!; k++) starts[ids[k]! + 1]!++;
  for (let id = 0; id < size; id++) starts[id + 1]! += starts[id]!;
  const postingColumns = new Int32Array(starts[size]!);
  const postingWeights = new Float64Array(starts[size]!);
  const next = starts.slice(0, size);
  columns.forEach((sentence, column) => {
    for (let k = from[sentence]!; k < from[sentence + 1]!; k++) {
      const at = next[ids[k]!]!++;
      postingColumns[at] = column;
      postingWeights[at] = weights[k]!;
    }
  });
  const dots = new Float64Array(columns.length);
  return (sentence) => {
    dots.fill(0);
    for (let k = from[sentence]!, last = from[sentence + 1]!; k < last; k++) {
      const id = ids[k]!;
      if (id >= size) break;
      const weight = weights[k]!;
      for (let at = starts[id]!, end = starts[id + 1]!; at < end; at++) {
        const column = postingColumns[at]!;
        dots[column] = dots[column]! + weight * postingWeights[at]!;
      }
    }
    for (let column = 0; column < columns.length; column++) {
      const denominator = norms[sentence]! * norms[columns[column]!]!;
      dots[column] = denominator === 0 ? 0 : dots[column]! / denominator;
    }
    return dots;
  };
}
