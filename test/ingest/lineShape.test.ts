import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsSentence, isSpace, mayStartWithDateline, withoutTrailingPointers } from '../../src/ingest/lineShape.js';

// The regexes each helper stands for, as stripBoilerplate wrote them before.
const TERMINAL = /[。！？!?.…”」』"）)]$/u;
const POINTERS = /[：:>»›\s]+$/u;
const DATELINE = /^[^，,。\s]{2,24}?(?:——|--|—|电)\s*/u;

// Lines made of the characters the regexes turn on, and of what surrounds them in real pages.
const piece = fc.constantFrom(
  '。', '！', '？', '!', '?', '.', '…', '”', '」', '』', '"', '）', ')', '：', ':', '>', '»', '›',
  ' ', '\u3000', '\u00a0', '\ufeff', '\t', '\u2028', '\u205f', '\u200b', '—', '——', '-', '电', '，', ',',
  '越通社河内', '新华社北京12月2日', '相关新闻', '更多', 'Xem thêm', '中', 'a', '8', '😀', '𠀀', '\ud800',
);
const line = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(piece, { maxLength: 30 }).map((p) => p.join('')));

describe('line shapes stripBoilerplate asks about, without scanning the line', () => {
  it('isSpace is \\s (every code unit of the BMP)', () => {
    for (let c = 0; c < 0x10000; c++) expect([c, isSpace(c)]).toEqual([c, /\s/u.test(String.fromCharCode(c))]);
  });

  it('endsSentence is the terminal-punctuation regex', () => {
    fc.assert(fc.property(line, (text) => endsSentence(text) === TERMINAL.test(text)), { numRuns: 5000 });
    expect(endsSentence('会谈中,双方高度评价两国外交部日益富有成效的合作。')).toBe(true);
    expect(endsSentence('越中关系取得许多新进展')).toBe(false);
    expect(endsSentence('')).toBe(false);
  });

  it('withoutTrailingPointers drops what the pointer regex drops', () => {
    fc.assert(fc.property(line, (text) => withoutTrailingPointers(text) === text.replace(POINTERS, '')), { numRuns: 5000 });
    expect(withoutTrailingPointers('更多>>')).toBe('更多');
    expect(withoutTrailingPointers('相关新闻：\u3000')).toBe('相关新闻');
  });

  it('mayStartWithDateline is false only where the dateline regex cannot match', () => {
    fc.assert(fc.property(line, (text) => mayStartWithDateline(text) || !DATELINE.test(text)), { numRuns: 5000 });
    expect(mayStartWithDateline('越通社河内——越南外交部长裴青山9月11日在河内')).toBe(true);
    expect(mayStartWithDateline('新华社北京12月2日电 国家主席')).toBe(true);
    // A dateline's place can be 24 characters long, and no longer.
    const longest = `${'越'.repeat(24)}电 双方`;
    expect([mayStartWithDateline(longest), DATELINE.test(longest)]).toEqual([true, true]);
    expect(DATELINE.test(`越${longest}`)).toBe(false);
    // The regex counts code points: 24 of them with an emoji among them end past the 25th code unit
    // (the case CI's property run found).
    const astral = '😀！）"新华社北京12月2日新华社北京12月2日——';
    expect([mayStartWithDateline(astral), DATELINE.test(astral)]).toEqual([true, true]);
    const rareFirst = (places: number) => `𠀀${'越'.repeat(places)}电`;
    expect([mayStartWithDateline(rareFirst(23)), DATELINE.test(rareFirst(23))]).toEqual([true, true]);
    expect([mayStartWithDateline(rareFirst(24)), DATELINE.test(rareFirst(24))]).toEqual([false, false]);
    // The mark past the 25th code unit is not a dateline's.
    expect(mayStartWithDateline('17日,越南政府副总理裴青山在河内会见了中国驻越大使何炜——')).toBe(false);
  });
});
