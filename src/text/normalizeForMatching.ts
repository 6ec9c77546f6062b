import { foldScript } from './foldScript.js';

/**
 * Text as parallax compares it: NFKC (full-width letters, digits and punctuation fold to their
 * half-width forms), traditional → simplified, Latin lower-cased, whitespace collapsed.
 * Reports never show this form; they show the original.
 */
export function normalizeForMatching(text: string): string {
  return foldScript(text.normalize('NFKC')).toLowerCase().replace(/\s+/gu, ' ').trim();
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Letters, digits and ideographs only: what shingles are made of, so punctuation style cannot
 * matter. ASCII and the CJK blocks are decided by code unit; only other characters ask the
 * Unicode tables.
 */
export function foldForFingerprint(normalized: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    const keep =
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c > 0x7f && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f) && isLetterOrDigitAt(normalized, i));
    if (keep) continue;
    out += normalized.slice(start, i);
    start = i + 1;
  }
  return start === 0 ? normalized : out + normalized.slice(start);
}

function isLetterOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // A surrogate half belongs to a character outside the BMP: judge the pair, keep both halves with it.
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
  return LETTER_OR_DIGIT.test(text[i]!);
}
