/**
 * Dice's coefficient over character bigrams, the measure of string-similarity's compareTwoStrings,
 * on texts prepared once: whitespace removed, and their bigrams as sorted numbers (two UTF-16 code
 * units each, packed in a signed 32-bit integer, which V8 compares without boxing). Clustering
 * compares each article with dozens of candidates; preparing each text once (LinkingTextTable)
 * turns every comparison into one merge instead of a map of substrings built per call.
 */

/** The text without whitespace, as compareTwoStrings reads it. */
export function compactForBigrams(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Writes the sorted bigrams of `compact` (compactForBigrams) into `into`, which holds length - 1 of them. */
export function writeBigrams(compact: string, into: Int32Array): void {
  for (let i = 0; i + 1 < compact.length; i++) into[i] = (compact.charCodeAt(i) << 16) | compact.charCodeAt(i + 1);
  into.sort();
}

/** The one code unit of a one-character text, -1 otherwise: such a text has no bigram to compare. */
export function singleOf(compact: string): number {
  return compact.length === 1 ? compact.charCodeAt(0) : -1;
}

/**
 * Dice's coefficient of two texts whose sorted bigrams are x[xFrom, xTo) and y[yFrom, yTo), read
 * in place from flat arrays (LinkingTextTable), without a view per comparison.
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
