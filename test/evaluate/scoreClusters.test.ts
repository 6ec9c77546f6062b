import { describe, expect, it } from 'vitest';
import { parseGold } from '../../src/evaluate/readGold.js';
import { scoreClusters } from '../../src/evaluate/scoreClusters.js';
import { gridPoints, parseGridAxis } from '../../src/evaluate/parseGrid.js';
import { pickBest, type TunePoint } from '../../src/evaluate/tuneGrid.js';

const gold = new Map([
  ['a1', 'A'], ['a2', 'A'], ['a3', 'A'],
  ['b1', 'B'], ['b2', 'B'],
  ['c1', 'C'],
]);

describe('scoreClusters', () => {
  it('scores a perfect clustering 1.0', () => {
    const s = scoreClusters([['a1', 'a2', 'a3'], ['b1', 'b2'], ['c1']], gold);
    expect(s.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.pairwise).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect([s.clusters, s.goldEvents]).toEqual([3, 3]);
  });

  it('computes B-cubed and pairwise by hand for a merge and a split', () => {
    // {a1,a2} {a3,b1,b2} {c1}
    // B3 precision: a1 1, a2 1, a3 1/3, b1 2/3, b2 2/3, c1 1 → 14/3 / 6 = 0.7778
    // B3 recall:    a1 2/3, a2 2/3, a3 1/3, b1 1, b2 1, c1 1 → 14/3 / 6 = 0.7778
    // pairs: predicted 1 + 3 = 4, true (a1,a2) (b1,b2) = 2, gold 3 + 1 = 4 → P 0.5 R 0.5
    const s = scoreClusters([['a1', 'a2'], ['a3', 'b1', 'b2'], ['c1']], gold);
    expect(s.bcubed).toEqual({ precision: 0.7778, recall: 0.7778, f1: 0.7778 });
    expect(s.pairwise).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('reports ids the gold names that the corpus lacks, and articles it does not label', () => {
    const s = scoreClusters([['a1', 'a2', 'a3', 'x9'], ['b1', 'b2']], gold);
    expect(s.unknownIds).toEqual(['c1']);
    expect(s.unlabelled).toEqual(['x9']);
    expect(s.articles).toBe(5);
  });
});

describe('parseGold', () => {
  it('reads the JSON object form and the JSONL form alike', () => {
    const fromJson = parseGold('{"a1": "A", "b1": "B"}', 'g.json');
    const fromJsonl = parseGold('{"id":"a1","event":"A"}\n{"id":"b1","event":"B"}\n', 'g.jsonl');
    expect([...fromJson]).toEqual([...fromJsonl]);
  });

  it('names the file and line of a bad record', () => {
    expect(() => parseGold('{"id":"a1","event":"A"}\n{"id":"b1"}', 'g.jsonl')).toThrow('gold g.jsonl:2: expected {"id": string, "event": string}');
  });
});

describe('grids', () => {
  it('counts range steps instead of accumulating them', () => {
    const axis = parseGridAxis('thresholds.cluster=0.2:0.9:0.05');
    expect(axis.values).toHaveLength(15);
    expect(axis.values.at(-1)).toBe(0.9);
    expect(axis.values[2]).toBe(0.3);
    expect(parseGridAxis('thresholds.dateWindowDays=0,1,2').values).toEqual([0, 1, 2]);
    expect(gridPoints([parseGridAxis('a=1,2'), parseGridAxis('b=x,y')])).toEqual([
      { a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 2, b: 'x' }, { a: 2, b: 'y' },
    ]);
  });

  it('breaks ties by precision, then takes the middle of the plateau', () => {
    const point = (t: number, p: number, r: number): TunePoint => ({
      values: { t },
      scores: { bcubed: { precision: p, recall: r, f1: (2 * p * r) / (p + r) } } as TunePoint['scores'],
    });
    const axes = [{ key: 't', values: [0.3, 0.4, 0.5, 0.6, 0.7] }];
    const points = [point(0.3, 0.9, 1), point(0.4, 1, 1), point(0.5, 1, 1), point(0.6, 1, 1), point(0.7, 1, 0.9)];
    expect(points[pickBest(points, axes)]!.values.t).toBe(0.5);
  });
});
