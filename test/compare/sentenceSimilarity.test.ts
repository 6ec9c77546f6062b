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
});
