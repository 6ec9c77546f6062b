import { describe, expect, it } from 'vitest';
import { RADIX_FROM, sortCodes } from '../../src/fingerprint/sortCodes.js';
import { firstDifference } from '../helpers.js';

/** A deterministic stream of numbers in [0, 1): the same codes on every run. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Codes a * n + b, a < b, as LSH makes them for n items: near neighbours (a repost's paragraphs) and far ones. */
function lshCodes(count: number, n: number, seed: number): Float64Array {
  const next = numbers(seed);
  const codes = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const a = Math.floor(next() * (n - 1));
    const b = next() < 0.5 ? a + 1 + Math.floor(next() * 20) : a + 1 + Math.floor(next() * (n - 1 - a));
    codes[i] = a * n + Math.min(b, n - 1);
  }
  return codes;
}

function builtInSorted(codes: Float64Array): Float64Array {
  return codes.slice().sort();
}

describe('sortCodes', () => {
  it('orders the codes of 1.75 million paragraphs as the built-in sort does, repeated codes kept (one LSH group of bands)', () => {
    const codes = lshCodes(200_000, 1_750_000, 7);
    const expected = builtInSorted(codes);
    sortCodes(codes);
    expect(firstDifference(codes, expected)).toBe(-1);
  });

  it('sorts codes that differ only in their low bits, where passes over the high bits have one digit and are skipped', () => {
    // The codes of 200 items are below 2^16: their three upper digits are the same.
    const codes = lshCodes(RADIX_FROM * 2, 200, 11);
    const expected = builtInSorted(codes);
    sortCodes(codes);
    expect(firstDifference(codes, expected)).toBe(-1);
  });

  it('sorts codes up to 2^53, the largest PairCollector makes exactly, and zero', () => {
    const next = numbers(3);
    const codes = new Float64Array(RADIX_FROM + 5).map(() => Math.floor(next() * 2 ** 53));
    codes[17] = 0;
    codes[99] = 2 ** 53 - 1;
    const expected = builtInSorted(codes);
    sortCodes(codes);
    expect(firstDifference(codes, expected)).toBe(-1);
    expect(codes[0]).toBe(0);
    expect(codes[codes.length - 1]).toBe(2 ** 53 - 1);
  });

  it('sorts a view into a larger array without touching the codes around it (PairCollector sorts its last run in place)', () => {
    const whole = lshCodes(RADIX_FROM * 3, 100_000, 5);
    const before = whole.slice(0, RADIX_FROM);
    const run = whole.subarray(RADIX_FROM, RADIX_FROM * 3);
    const expected = builtInSorted(run);
    sortCodes(run);
    expect(firstDifference(run, expected)).toBe(-1);
    expect(firstDifference(whole.subarray(0, RADIX_FROM), before)).toBe(-1);
  });

  it('sorts short runs (below RADIX_FROM) too', () => {
    const codes = Float64Array.of(9, 3, 3, 0, 7);
    sortCodes(codes);
    expect(Array.from(codes)).toEqual([0, 3, 3, 7, 9]);
  });
});
