import { toSimplified } from './toSimplified.js';

/**
 * Text as parallax compares it: NFKC (full-width letters, digits and punctuation fold to their
 * half-width forms), traditional → simplified, Latin lower-cased, whitespace collapsed.
 * Reports never show this form; they show the original.
 */
export function normalizeForMatching(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Letters, digits and ideographs only: what shingles are made of, so punctuation style cannot matter. */
export function foldForFingerprint(normalized: string): string {
  return normalized.replace(/[^\p{L}\p{N}]+/gu, '');
}
