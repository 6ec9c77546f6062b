import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shingleHashes, sortHashes } from '../../src/fingerprint/shingleHashes.js';
import { foldText } from '../../src/text/normalizeForMatching.js';
import { firstDifference, seed, shingleHashList } from '../helpers.js';

function sortedCopy(hashes: Uint32Array): Uint32Array {
  return hashes.slice().sort();
}

describe('sortHashes', () => {
  it("orders an article's shingle hashes as the built-in sort does, a repeated shingle kept twice (seed 002, the text twice over)", async () => {
    const article = await seed('thoidaiSteering');
    const whole = foldText(article.paragraphs.map((p) => p.text).join(''));
    const array = Uint32Array.from(shingleHashList(whole + whole, 5));
    expect(array.length).toBeGreaterThan(2000);
    const expected = sortedCopy(array);
    sortHashes(array);
    expect(firstDifference(array, expected)).toBe(-1);
  });

  it('sorts hashes of any spread and number, however many share their top bits (built-in, bucketed, or by three radix passes when buckets crowd)', () => {
    const hashes = fc.oneof(
      // Spread over the whole range: the bucketed path.
      fc.uint32Array({ minLength: 100, maxLength: 5000, min: 0, max: 0xffffffff }),
      // Every hash below 2^20: one bucket holds them all, so the radix passes sort them.
      fc.uint32Array({ minLength: 100, maxLength: 3000, min: 0, max: 0xfffff }),
      // A few hundred distinct values repeated: buckets of equal hashes.
      fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 100, maxLength: 3000 }).map((keys) => Uint32Array.from(keys, (k) => Math.imul(k, 0x9e3779b1) >>> 0)),
    );
    fc.assert(
      fc.property(hashes, (array) => {
        const expected = sortedCopy(array);
        sortHashes(array);
        expect(firstDifference(array, expected)).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts 70,000 hashes, more than it spreads over buckets, by the radix passes (a long report read whole)', () => {
    let state = 11;
    const array = new Uint32Array(70_000).map(() => (state = (Math.imul(state, 1103515245) + 12345) >>> 0));
    const expected = sortedCopy(array);
    sortHashes(array);
    expect(firstDifference(array, expected)).toBe(-1);
  });
});

describe('shingleHashes', () => {
  it('gives each distinct shingle of a long text once, ascending, after sorting it by buckets (seed 002)', async () => {
    const article = await seed('thoidaiSteering');
    const whole = foldText(article.paragraphs.map((p) => p.text).join(''));
    const distinct = new Set(shingleHashList(whole, 5));
    const set = shingleHashes(whole, 5);
    expect(set.length).toBe(distinct.size);
    expect(firstDifference(set, Uint32Array.from([...distinct]).sort())).toBe(-1);
  });

  it("keeps each set its own: making the next (in the same buffer) leaves the last as it was (seed 002's paragraphs)", async () => {
    const article = await seed('thoidaiSteering');
    const folds = article.paragraphs.map((p) => foldText(p.text));
    const sets = folds.map((fold) => shingleHashes(fold, 5));
    expect(sets.length).toBeGreaterThan(3);
    folds.forEach((fold, i) => expect(firstDifference(sets[i]!, Uint32Array.from(new Set(shingleHashList(fold, 5))).sort())).toBe(-1));
  });
});
