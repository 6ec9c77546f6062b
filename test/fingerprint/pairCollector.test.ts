import { describe, expect, it } from 'vitest';
import { flatPairsCountedAtLeast, PairCollector, pairsOf } from '../../src/fingerprint/pairCollector.js';

describe('PairCollector', () => {
  it('gives each pair once, in order, when it was collected in runs that share pairs, as LSH collects a group of bands at a time', () => {
    const n = 1000;
    const pairs = new PairCollector(n);
    const plain = new Set<number>();
    // Three runs (three groups of bands): the same pair found in several bands and several groups.
    const runs = [
      [[3, 7], [1, 999], [3, 7], [0, 1]],
      [[0, 1], [500, 501], [3, 7]],
      [],
      [[2, 3], [500, 501], [998, 999]],
    ];
    for (const run of runs) {
      for (const [a, b] of run) {
        pairs.add(a!, b!);
        plain.add(a! * n + b!);
      }
      pairs.sealRun();
    }
    expect(pairs.unique()).toEqual([[0, 1], [1, 999], [2, 3], [3, 7], [500, 501], [998, 999]]);
    expect(Array.from(pairs.codes())).toEqual([...plain].sort((x, y) => x - y));
    // Two threads' shares, each sorted and unique, merged with what both found kept once.
    const once = (...codes: number[]) => ({ codes: Float64Array.from(codes), counts: new Uint16Array(codes.length).fill(1) });
    expect(pairsOf(flatPairsCountedAtLeast([once(1, 5, 9), once(2, 5, 10)], 4, 1))).toEqual([[0, 1], [0, 2], [1, 1], [2, 1], [2, 2]]);
  });

  it('counts how many times each pair was added across runs (the bands LSH found it in), and keeps those found often enough across two threads', () => {
    const n = 1000;
    const pairs = new PairCollector(n, { counted: true });
    // One band per add: {3, 7} in three bands of the first group and one of the second.
    const runs = [
      [[3, 7], [1, 999], [3, 7], [0, 1], [3, 7]],
      [[0, 1], [500, 501], [3, 7]],
      [],
      [[2, 3], [500, 501], [998, 999]],
    ];
    for (const run of runs) {
      for (const [a, b] of run) pairs.add(a!, b!);
      pairs.sealRun();
    }
    const { codes, counts } = pairs.countedCodes();
    expect(Array.from(codes)).toEqual([1, 1_999, 2_003, 3_007, 500_501, 998_999]);
    expect(Array.from(counts)).toEqual([2, 1, 1, 4, 2, 1]);
    expect(pairsOf(flatPairsCountedAtLeast([{ codes, counts }], n, 2))).toEqual([[0, 1], [3, 7], [500, 501]]);
    // The other thread found {1, 999} in one of its bands: once from each thread is twice.
    const theirs = { codes: Float64Array.of(1_999, 4_005), counts: Uint16Array.of(1, 1) };
    expect(pairsOf(flatPairsCountedAtLeast([{ codes, counts }, theirs], n, 2))).toEqual([[0, 1], [1, 999], [3, 7], [500, 501]]);
    expect(pairsOf(flatPairsCountedAtLeast([{ codes, counts }, theirs], n, 1))).toHaveLength(7);
  });

  it('refuses counts of a collector made without them', () => {
    expect(() => new PairCollector(10).countedCodes()).toThrow(/counted: true/u);
  });
});
