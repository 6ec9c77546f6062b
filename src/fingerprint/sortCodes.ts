import { endianness } from 'node:os';

/**
 * From this many codes on, sortCodes sorts by radix: below it, the built-in sort is quicker than
 * clearing and summing the radix counts.
 */
export const RADIX_FROM = 16_384;

const DIGIT_BITS = 16;
const DIGITS = 1 << DIGIT_BITS;
const PASSES = 4;
let scratch = new Float64Array(0);
const counts = new Uint32Array(PASSES * DIGITS);
/** The passes read a code's bits as two 32-bit words, low one first: so on a big-endian machine the built-in sort is used. */
const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * Sorts pair codes (PairCollector: whole numbers from 0 to 2^53) ascending in place. The built-in
 * sort of a Float64Array calls a comparison that must order NaN and -0 for every step, and a group
 * of LSH bands over 1.75 million paragraphs gives 650,000 codes, 61 ms a group to sort. No code is
 * negative, so the order of their IEEE 754 bits, read as unsigned 64-bit integers, is the order of
 * the numbers: four passes of 16 bits over the bits sort them, a pass skipped where every code has
 * the same digit. About a fifth of the built-in sort's time.
 */
export function sortCodes(codes: Float64Array<ArrayBufferLike>): void {
  const n = codes.length;
  if (n < RADIX_FROM || !LITTLE_ENDIAN) {
    codes.sort();
    return;
  }
  if (scratch.length < n) scratch = new Float64Array(n + (n >> 1));
  countDigits(codes);
  let from: Float64Array<ArrayBufferLike> = codes;
  let to: Float64Array<ArrayBufferLike> = scratch.subarray(0, n);
  for (let pass = 0; pass < PASSES; pass++) {
    if (!startsOfDigits(pass, n)) continue;
    moveByDigit(from, to, pass);
    [from, to] = [to, from];
  }
  if (from !== codes) codes.set(from);
}

/** The words of each code's bits: low then high, on a little-endian machine. */
function wordsOf(codes: Float64Array): Uint32Array {
  return new Uint32Array(codes.buffer, codes.byteOffset, 2 * codes.length);
}

/** Counts every pass's digits in one read of the codes. */
function countDigits(codes: Float64Array): void {
  counts.fill(0);
  const words = wordsOf(codes);
  for (let i = 0; i < words.length; i += 2) {
    const low = words[i]!;
    const high = words[i + 1]!;
    counts[low & (DIGITS - 1)]!++;
    counts[DIGITS + (low >>> DIGIT_BITS)]!++;
    counts[2 * DIGITS + (high & (DIGITS - 1))]!++;
    counts[3 * DIGITS + (high >>> DIGIT_BITS)]!++;
  }
}

/** Turns the pass's counts into where each digit's codes start; false when one digit has them all (the pass would move nothing). */
function startsOfDigits(pass: number, n: number): boolean {
  const base = pass * DIGITS;
  let total = 0;
  for (let d = 0; d < DIGITS; d++) {
    const c = counts[base + d]!;
    if (c === n) return false;
    counts[base + d] = total;
    total += c;
  }
  return true;
}

function moveByDigit(from: Float64Array, to: Float64Array, pass: number): void {
  const base = pass * DIGITS;
  const word = pass >> 1;
  const shift = (pass & 1) * DIGIT_BITS;
  const words = wordsOf(from);
  for (let i = 0; i < from.length; i++) {
    const digit = (words[2 * i + word]! >>> shift) & (DIGITS - 1);
    to[counts[base + digit]!++] = from[i]!;
  }
}
