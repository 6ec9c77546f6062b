import type { FoldedArticle } from './fingerprintCorpus.js';

/**
 * An article's folds (FoldedArticle) as UTF-16 code units, on a span of a buffer a batch of
 * articles share: how they cross from an ingest worker to the main thread, moved with the message
 * instead of copied as strings twice (once into the message, once out of it).
 */
export interface FoldedCodes {
  codes: Uint16Array;
  /** Each paragraph's length in code units, in order: its fold is the next that many. */
  lengths: number[];
}

/** The folds written into `codes` from code unit `at` on, as FoldedCodes on that span. */
export function encodeFoldsAt({ text, lengths }: FoldedArticle, codes: Uint16Array, at: number): FoldedCodes {
  Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).write(text, at * 2, 'utf16le');
  return { codes: codes.subarray(at, at + text.length), lengths };
}

/** The article's FoldedArticle again. */
export function decodeFoldedArticle({ codes, lengths }: FoldedCodes): FoldedArticle {
  return { text: Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le'), lengths };
}
