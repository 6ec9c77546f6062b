import type { FoldedArticle } from './fingerprintCorpus.js';

/**
 * An article's folds (FoldedArticle) as UTF-16 code units in a buffer: how they cross from an
 * ingest worker and wait for the fingerprint stage. As strings, 100k articles' folds were 380 MB on
 * the main thread's heap for the collector to copy and walk through all of ingest; as buffers they
 * are moved, not copied, and the collector never reads them. Verification turns back into strings
 * only the texts of candidate pairs.
 */
export interface FoldedCodes {
  codes: Uint16Array;
  /** Each paragraph's length in code units, in order: its fold is the next that many. */
  lengths: number[];
}

/** The folds in a buffer of their own. */
export function encodeFolds(folded: FoldedArticle): FoldedCodes {
  return encodeFoldsAt(folded, new Uint16Array(folded.text.length), 0);
}

/** The folds written into `codes` from code unit `at` on (room for a batch of articles in one buffer), on that span of it. */
export function encodeFoldsAt({ text, lengths }: FoldedArticle, codes: Uint16Array, at: number): FoldedCodes {
  Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).write(text, at * 2, 'utf16le');
  return { codes: codes.subarray(at, at + text.length), lengths };
}

/** The folded text from code unit `start` to `end` (the whole article by default). */
export function decodeFolds({ codes }: FoldedCodes, start = 0, end = codes.length): string {
  return Buffer.from(codes.buffer, codes.byteOffset + start * 2, (end - start) * 2).toString('utf16le');
}

/** The fold of paragraph `position`. */
export function decodeFoldedParagraph(folds: FoldedCodes, position: number): string {
  let start = 0;
  for (let k = 0; k < position; k++) start += folds.lengths[k]!;
  return decodeFolds(folds, start, start + folds.lengths[position]!);
}

/** The article's FoldedArticle again, for signing it where its signatures were not kept. */
export function decodeFoldedArticle(folds: FoldedCodes): FoldedArticle {
  return { text: decodeFolds(folds), lengths: folds.lengths };
}
