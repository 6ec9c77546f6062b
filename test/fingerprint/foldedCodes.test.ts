import { describe, expect, it } from 'vitest';
import { foldArticle } from '../../src/fingerprint/fingerprintCorpus.js';
import { decodeFoldedArticle, decodeFoldedParagraph, decodeFolds, encodeFolds } from '../../src/fingerprint/foldedCodes.js';
import { foldText } from '../../src/text/normalizeForMatching.js';
import { seed } from '../helpers.js';

describe('encodeFolds', () => {
  it('gives back seed 002 folded, whole and paragraph by paragraph, from a buffer of its own', async () => {
    const article = await seed('thoidaiSteering');
    const folded = foldArticle(article);
    const codes = encodeFolds(folded);
    expect(decodeFoldedArticle(codes)).toEqual(folded);
    // Its own buffer, exactly its size: moving it to another thread must take nothing else with it.
    expect(codes.codes.buffer.byteLength).toBe(folded.text.length * 2);
    expect(codes.codes.byteOffset).toBe(0);
    article.paragraphs.forEach((p, k) => expect(decodeFoldedParagraph(codes, k)).toBe(foldText(p.text)));
    expect(decodeFoldedParagraph(codes, 15)).toBe(foldText(article.paragraphs[15]!.text));
  });

  it('keeps characters outside the Basic Multilingual Plane and a text of one character', () => {
    // 𠮷 (U+20BB7) is a surrogate pair: two code units, both kept.
    const folded = { text: '𠮷野家a', lengths: [3, 2] };
    const codes = encodeFolds(folded);
    expect(codes.codes.length).toBe(5);
    expect(decodeFolds(codes)).toBe('𠮷野家a');
    expect(decodeFoldedParagraph(codes, 0)).toBe('𠮷野');
    expect(decodeFoldedParagraph(codes, 1)).toBe('家a');
    expect(decodeFolds(encodeFolds({ text: '越', lengths: [1] }))).toBe('越');
  });
});
