import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cosine, cosinesAgainst, vectorizeSentences } from '../../src/compare/sentenceSimilarity.js';
import { foldText } from '../../src/text/normalizeForMatching.js';
import { sentencesOf } from '../../src/text/splitSentences.js';
import { CORPUS, ingestFixture, seed } from '../helpers.js';

describe('cosinesAgainst', () => {
  it('gives bit for bit the cosines of the pairwise merge: 外交部 readout against seed 001, 2021-09-11', async () => {
    const cn = await ingestFixture(path.join(CORPUS, 'cn/mfa-20210911-wangyi-buithanhson.html'), 'mfa');
    const vn = await seed('vnaHanoi');
    const keysOf = (paragraphs: { text: string }[]) => paragraphs.flatMap((p) => sentencesOf(p).map(foldText));
    const left = keysOf(cn.paragraphs);
    const right = keysOf(vn.paragraphs);
    const space = vectorizeSentences([...left, ...right]);
    const columns = right.map((_, j) => left.length + j);
    const cosinesOf = cosinesAgainst(space, columns);
    let positive = 0;
    for (let i = 0; i < left.length; i++) {
      const row = [...cosinesOf(i)];
      expect(row).toEqual(columns.map((column) => cosine(space, i, column)));
      positive += row.filter((c) => c > 0).length;
    }
    // Both sides report one meeting: many sentence pairs share bigrams, so the comparison is not vacuous.
    expect(positive).toBeGreaterThan(left.length);
  });

  it('scores a sentence against itself 1 and against a sentence sharing no bigram 0', () => {
    const space = vectorizeSentences(['双方同意妥善处理海上问题', '越南农产品对华出口', '双方同意妥善处理海上问题']);
    const [unrelated, same] = cosinesAgainst(space, [1, 2])(0);
    expect(unrelated).toBe(0);
    expect(same).toBeCloseTo(1, 12);
  });

  it('gives the cosines of TF-IDF bigram vectors written plainly with a Map per sentence (外交部 readout against seed 001)', async () => {
    const cn = await ingestFixture(path.join(CORPUS, 'cn/mfa-20210911-wangyi-buithanhson.html'), 'mfa');
    const vn = await seed('vnaHanoi');
    const keys = [...cn.paragraphs, ...vn.paragraphs].flatMap((p) => sentencesOf(p).map(foldText));
    const grams = keys.map((key) => {
      const counts = new Map<string, number>();
      const list = key.length === 1 ? [key] : [...key.slice(1)].map((_, i) => key.slice(i, i + 2));
      for (const gram of list) counts.set(gram, (counts.get(gram) ?? 0) + 1);
      return counts;
    });
    const df = new Map<string, number>();
    for (const counts of grams) for (const gram of counts.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
    const vectors = grams.map((counts) => new Map([...counts].map(([gram, tf]) => [gram, tf * (Math.log((keys.length + 1) / (df.get(gram)! + 1)) + 1)])));
    const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0));
    const plainCosine = (i: number, j: number) => {
      const denominator = norm(vectors[i]!) * norm(vectors[j]!);
      const dot = [...vectors[i]!].reduce((sum, [gram, w]) => sum + w * (vectors[j]!.get(gram) ?? 0), 0);
      return denominator === 0 ? 0 : dot / denominator;
    };
    const space = vectorizeSentences(keys);
    let positive = 0;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        expect(cosine(space, i, j)).toBeCloseTo(plainCosine(i, j), 12);
        if (plainCosine(i, j) > 0) positive++;
      }
    }
    // Sentences of two reports of one meeting share bigrams: most of the cosines checked are not 0.
    expect(positive).toBeGreaterThan(keys.length);
  });
});
