/**
 * A text prepared for Dice's coefficient over character bigrams, the measure of string-similarity's
 * compareTwoStrings: whitespace removed, and its bigrams as sorted numbers (two UTF-16 code units
 * each, packed in a signed 32-bit integer, which V8 compares without boxing). Clustering compares
 * each article with dozens of candidates; preparing each text once turns every comparison into one
 * merge instead of a map of substrings built per call.
 */
export interface BigramProfile {
  /** Code units of the text without whitespace. */
  length: number;
  /** Its one code unit when it has one (-1 otherwise): such texts have no bigram to compare. */
  single: number;
  bigrams: Int32Array;
}

/** The text without whitespace, as compareTwoStrings reads it. */
export function compactForBigrams(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Writes the sorted bigrams of `compact` (compactForBigrams) into `into`, which holds length - 1 of them. */
export function writeBigrams(compact: string, into: Int32Array): void {
  for (let i = 0; i + 1 < compact.length; i++) into[i] = (compact.charCodeAt(i) << 16) | compact.charCodeAt(i + 1);
  into.sort();
}

export function singleOf(compact: string): number {
  return compact.length === 1 ? compact.charCodeAt(0) : -1;
}

export function bigramProfile(text: string): BigramProfile {
  const compact = compactForBigrams(text);
  const bigrams = new Int32Array(Math.max(0, compact.length - 1));
  writeBigrams(compact, bigrams);
  return { length: compact.length, single: singleOf(compact), bigrams };
}

/** Equal to compareTwoStrings(a, b) of string-similarity for the texts the profiles were made from (tested). */
export function diceCoefficient(a: BigramProfile, b: BigramProfile): number {
  return diceOfBigrams(a.bigrams, 0, a.bigrams.length, a.length, a.single, b.bigrams, 0, b.bigrams.length, b.length, b.single);
}

/**
 * diceCoefficient of two texts whose bigrams are x[xFrom, xTo) and y[yFrom, yTo): the same for
 * profiles held in one flat array (LinkingTextTable), read without a view per comparison.
 */
export function diceOfBigrams(x: Int32Array, xFrom: number, xTo: number, xLength: number, xSingle: number, y: Int32Array, yFrom: number, yTo: number, yLength: number, ySingle: number): number {
  // Texts under two code units have no bigrams: compareTwoStrings gives 1 when they are the same
  // text and 0 otherwise. Two equal longer texts share every bigram, and the merge gives exactly 1.
  if (xLength < 2 || yLength < 2) return xLength === yLength && xSingle === ySingle ? 1 : 0;
  // The multiset intersection: a bigram counts as often as it occurs in both.
  let shared = 0;
  let i = xFrom;
  let j = yFrom;
  while (i < xTo && j < yTo) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return (2 * shared) / (xLength + yLength - 2);
}
