import { describe, expect, it } from 'vitest';
import { foldArticle } from '../../src/fingerprint/fingerprintCorpus.js';
import { decodeFoldedArticle, encodeFoldsAt } from '../../src/fingerprint/foldedCodes.js';
import { seed } from '../helpers.js';

describe('encodeFoldsAt', () => {
  it('gives back seeds 001 and 002 folded from one shared buffer, each from its own span', async () => {
    const folded = [foldArticle(await seed('vnaHanoi')), foldArticle(await seed('thoidaiSteering'))];
    const codes = new Uint16Array(folded[0]!.text.length + folded[1]!.text.length);
    const first = encodeFoldsAt(folded[0]!, codes, 0);
    const second = encodeFoldsAt(folded[1]!, codes, folded[0]!.text.length);
    expect(second.codes.buffer).toBe(codes.buffer);
    expect(decodeFoldedArticle(first)).toEqual(folded[0]);
    expect(decodeFoldedArticle(second)).toEqual(folded[1]);
    expect(second.lengths).toHaveLength(16);
  });

  it('keeps characters outside the Basic Multilingual Plane and a text of one character', () => {
    // 𠮷 (U+20BB7) is a surrogate pair: two code units, both kept.
    const folded = { text: '𠮷野家a', lengths: [3, 2] };
    const codes = new Uint16Array(6);
    const encoded = encodeFoldsAt(folded, codes, 1);
    expect(encoded.codes.length).toBe(5);
    expect(decodeFoldedArticle(encoded)).toEqual(folded);
    expect(decodeFoldedArticle(encodeFoldsAt({ text: '越', lengths: [1] }, new Uint16Array(1), 0)).text).toBe('越');
  });
});
