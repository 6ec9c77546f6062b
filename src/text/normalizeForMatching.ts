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
 * Whether each code unit of the Basic Multilingual Plane is a letter or digit, from the same
 * Unicode classes as the regex, computed once: an exact answer per character without a regex call.
 */
let bmp: Uint8Array | null = null;

function letterOrDigitTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c < 0xd800 || c > 0xdfff) table[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return table;
}

/**
 * Letters, digits and ideographs only (Unicode L and N): what shingles are made of, so punctuation
 * style cannot matter.
 */
export function foldForFingerprint(normalized: string): string {
  const table = (bmp ??= letterOrDigitTable());
  let out = '';
  let start = 0;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff ? isLetterOrDigitAt(normalized, i) : table[c] === 1) continue;
    out += normalized.slice(start, i);
    start = i + 1;
  }
  return start === 0 ? normalized : out + normalized.slice(start);
}

function isLetterOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // A surrogate half belongs to a character outside the BMP: judge the pair, keep both halves with it.
  if (c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2));
  return LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
}

/** Text reduced to what matching compares: normalised, then letters and digits only. */
export function foldText(text: string): string {
  return foldForFingerprint(normalizeForMatching(text));
}
