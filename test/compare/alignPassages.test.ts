import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignPassages } from '../../src/compare/alignPassages.js';
import { diffWords } from 'diff';
import { diffPassage } from '../../src/compare/diffPassage.js';
import { toSimplified } from '../../src/text/toSimplified.js';
import { CORPUS, ingestFixture, seed, testConfig } from '../helpers.js';

describe('alignPassages: the 2021-09-11 Hanoi talks, 外交部 readout against seed 001 (越通社)', () => {
  async function align() {
    const cn = await ingestFixture(path.join(CORPUS, 'cn/mfa-20210911-wangyi-buithanhson.html'), 'mfa');
    const vn = await seed('vnaHanoi');
    return alignPassages(cn, vn, ['cn', 'vn'], (await testConfig()).thresholds.align, 200);
  }

  it('pairs the maritime passages and shows 南海 against 东海 in the word diff', async () => {
    const { aligned } = await align();
    const maritime = aligned.find((p) => p.left.text.startsWith('双方同意妥善处理海上问题'))!;
    expect(maritime.right.text.startsWith('两国外长同意继续恪守高层共识')).toBe(true);
    expect(maritime.kind).toBe('reworded');
    const removed = maritime.diff!.filter((d) => d.op === 'removed').map((d) => d.value).join('|');
    const added = maritime.diff!.filter((d) => d.op === 'added').map((d) => d.value).join('|');
    expect(removed).toContain('南海');
    expect(added).toContain('东海');
  });

  it('pairs the 300万剂 vaccine passages although the sides word them differently', async () => {
    const { aligned } = await align();
    const vaccine = aligned.find((p) => p.left.text.includes('300万剂'))!;
    expect(vaccine.right.text).toContain('300 万剂新冠疫苗');
  });

  it('leaves the border passage to the Vietnamese side only, in article order', async () => {
    const { onlyIn } = await align();
    const vn = onlyIn.filter((p) => p.side === 'vn');
    expect(vn.some((p) => p.text.startsWith('双方就边界和领土问题坦率交换了意见'))).toBe(true);
    const order = vn.map((p) => Number(p.paragraphId.split('#p')[1]));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });
});

describe('diffPassage', () => {
  it('diffs Chinese by words, not characters or whole sentences', () => {
    const parts = diffPassage('双方同意维护南海和平稳定。', '双方同意维护东海和平稳定。', 200)!;
    expect(parts.filter((p) => p.op === 'removed').map((p) => p.value)).toEqual(['南海']);
    expect(parts.filter((p) => p.op === 'added').map((p) => p.value)).toEqual(['东海']);
  });

  it('gives what diffWords gives, on passages with and without spaces (seed 001 against the readout)', async () => {
    const cn = await ingestFixture(path.join(CORPUS, 'cn/mfa-20210911-wangyi-buithanhson.html'), 'mfa');
    const vn = await seed('vnaHanoi');
    const { aligned } = alignPassages(cn, vn, ['cn', 'vn'], (await testConfig()).thresholds.align, 200);
    const reworded = aligned.filter((p) => p.kind === 'reworded');
    // Both paths must be exercised: the vaccine passage has "300 万剂", the others no space.
    expect(reworded.some((p) => /\s/u.test(p.right.text))).toBe(true);
    expect(reworded.filter((p) => !/\s/u.test(p.left.text + p.right.text)).length).toBeGreaterThan(2);
    const form = (text: string) => toSimplified(text.normalize('NFKC'));
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    for (const { left, right } of reworded) {
      const expected = diffWords(form(left.text), form(right.text), { intlSegmenter: segmenter })!;
      expect(diffPassage(left.text, right.text, 10_000)).toEqual(expected.map((c) => ({ value: c.value, op: c.added ? 'added' : c.removed ? 'removed' : 'same' })));
    }
  });

  it('diffs passages without spaces exactly as diffWords does, around the marks and digits word rules join (1,000; a:b)', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    // Clauses in both sides' wording, with the marks and digits where word rules join across punctuation (1,000; a:b).
    const pieces = ['双方', '同意', '南海', '东海', '合作', '越中', '中越', '，', '。', '、', '：', '；', '1', ',', '000', 'a', ':', 'b', '（', '）', '300万剂', '和平稳定'];
    const passage = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(
      fc.property(passage, passage, passage, passage, (start, left, right, end) => {
        const [a, b] = [start + left + end, start + right + end];
        const form = (text: string) => toSimplified(text.normalize('NFKC'));
        const expected = diffWords(form(a), form(b), { intlSegmenter: segmenter })!.map((c) => ({ value: c.value, op: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
        expect(diffPassage(a, b, 10_000)).toEqual(expected);
      }),
      { numRuns: 600, seed: 23 },
    );
  });

  it('folds punctuation width and script before diffing', () => {
    expect(diffPassage('中越會談,雙方同意', '中越会谈，双方同意', 200)).toEqual([{ value: '中越会谈,双方同意', op: 'same' }]);
  });
});
