import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBucketFinder } from '../../src/fingerprint/bucketFinder.js';

/** Every bucket of two or more items as the finder hands them over, in the order given. */
function bucketsOf(keys: Int32Array): number[][] {
  const found: number[][] = [];
  createBucketFinder(keys.length)(keys, (items, size) => found.push([...items.subarray(0, size)]));
  return found;
}

/** The same buckets written plainly: items grouped by key in a Map, in item order. */
function bucketsByMap(keys: Int32Array): number[][] {
  const byKey = new Map<number, number[]>();
  keys.forEach((key, item) => byKey.set(key, [...(byKey.get(key) ?? []), item]));
  return [...byKey.values()].filter((items) => items.length >= 2);
}

const byFirstItem = (buckets: number[][]) => [...buckets].sort((a, b) => a[0]! - b[0]!);

describe('createBucketFinder', () => {
  it('hands over each group of items sharing a key once, items ascending, whatever bits the keys share', () => {
    const keys = fc.oneof(
      // Few distinct keys: large buckets.
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 300 }),
      // Keys that differ only in their low bits (one partition), or only in their top bits...
      fc.array(fc.integer({ min: 0, max: 40 }).map((k) => (k & 7) | ((k >> 3) << 29)), { minLength: 2, maxLength: 300 }),
      // ...or only in bits of the middle of a key, each of which one of the sorting passes reads.
      fc.array(fc.integer({ min: 0, max: 63 }).map((k) => ((k & 3) << 10) | (((k >> 2) & 3) << 14) | ((k >> 4) << 22)), { minLength: 2, maxLength: 300 }),
      // Any 32-bit keys, negative ones included, with some repeated.
      fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 2, maxLength: 300 }).chain((distinct) =>
        fc.array(fc.constantFrom(...distinct), { minLength: 2, maxLength: 400 }),
      ),
    );
    fc.assert(
      fc.property(keys, (list) => {
        const array = Int32Array.from(list);
        expect(byFirstItem(bucketsOf(array))).toEqual(byFirstItem(bucketsByMap(array)));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the planted shared keys among 200,000 items of one band, and nothing else, band after band (buffers reused)', () => {
    let state = 5;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) | 0);
    const find = createBucketFinder(200_000);
    for (let band = 0; band < 3; band++) {
      const keys = new Int32Array(200_000).map(() => next() ^ (next() << 9));
      // Item i shares its key with item i + 1000 for every 97th i (a repost's paragraph).
      for (let i = band; i + 1000 < keys.length; i += 97) keys[i + 1000] = keys[i]!;
      const found: number[][] = [];
      find(keys, (items, size) => found.push([...items.subarray(0, size)]));
      expect(byFirstItem(found)).toEqual(byFirstItem(bucketsByMap(keys)));
      expect(found.length).toBeGreaterThan(2000);
    }
  });
});
