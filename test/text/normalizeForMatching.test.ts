import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForFingerprint, foldText, foldTextDirect, foldTexts, foldTextSlow, normalizeDirect, normalizeForMatching, normalizeSlow } from '../../src/text/normalizeForMatching.js';
import { parsePublished } from '../../src/text/parsePublished.js';
import { splitSentences } from '../../src/text/splitSentences.js';
import { detectLanguage, detectScript, hasLatinRun } from '../../src/text/detectScript.js';

/** BMP characters (as hex) for which a table path gives an answer that differs from the whole-string path, each between `before` and `after`. */
function tableMismatches(direct: (text: string) => string | null, slow: (text: string) => string, before: string, after: string): string[] {
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const text = `${before}${String.fromCharCode(c)}${after}`;
    const answer = direct(text);
    if (answer !== null && answer !== slow(text)) wrong.push(c.toString(16));
  }
  return wrong;
}

/** Checks `fast` against `slow` on random strings made of `pieces`. */
function expectSameOnMixes(pieces: string[], fast: (text: string) => unknown, slow: (text: string) => unknown): void {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
      const text = parts.join('');
      expect(fast(text)).toBe(slow(text));
    }),
    { numRuns: 3000 },
  );
}

describe('normalizeForMatching', () => {
  it('folds traditional script and full-width forms so a Hong Kong repost matches its original', () => {
    const original = '国务委员兼外长王毅在浙江安吉同越南外长裴青山举行会谈。';
    const repost = '國務委員兼外長王毅在浙江安吉同越南外長裴青山舉行會談.';
    expect(foldForFingerprint(normalizeForMatching(repost))).toBe(foldForFingerprint(normalizeForMatching(original)));
    expect(normalizeForMatching('ＡＢＣ１２３，')).toBe('abc123,');
  });

  it('keeps the ideographic iteration mark and zero while dropping CJK punctuation', () => {
    expect(foldForFingerprint('人々、〇号。「中越」')).toBe('人々〇号中越');
  });

  it('is idempotent', () => {
    const text = '越南外長裴青山（右）與中國國務委員、外交部長王毅 图自越通社';
    const once = normalizeForMatching(text);
    expect(normalizeForMatching(once)).toBe(once);
  });
});

describe('foldText through the table', () => {
  it('folds a Big5 repost, full-width and half-width punctuation alike (seed 000 and its 大公网 copy)', () => {
    expect(foldTextDirect('國務委員兼外長王毅在浙江安吉同越南外長裴青山舉行會談。')).toBe('国务委员兼外长王毅在浙江安吉同越南外长裴青山举行会谈');
    expect(foldTextDirect('２０２１年１２月２日，ＡＳＥＡＮ')).toBe('2021年12月2日asean');
  });

  it('gives the whole-string result for every BMP character, between a letter and an ideograph', () => {
    expect(tableMismatches(foldTextDirect, foldTextSlow, 'a', '中')).toEqual([]);
  });

  it('leaves what combines with a neighbour to the whole-string path: marks, jamo, final sigma', () => {
    expect(foldTextDirect('Hà Nội')).toBe('hànội');
    expect(foldTextDirect('Ha\u0300 No\u0302\u0323i')).toBeNull();
    expect(foldText('Ha\u0300 No\u0302\u0323i')).toBe(foldText('Hà Nội'));
    expect(foldTextDirect('\u1100\u1161')).toBeNull();
    expect(foldText('ΟΔΟΣ')).toBe('οδος');
  });

  it('equals the whole-string fold on any mix of scripts, marks, jamo, punctuation and surrogates', () => {
    const pieces = ['中', '國', '越', 'Ａ', 'a', 'Σ', 'Ϲ', '\u0301', '\u0323', 'ề', '\u1100', '\u1161', '\u11a8', '가', '㉮', 'ﬁ', '①', '，', '。', ' ', '\u3000', '々', '〇', '𠀀', 'İ', '\ud800'];
    expectSameOnMixes(pieces, foldText, foldTextSlow);
  });
});

describe('foldTexts', () => {
  it('folds paragraphs into one string and gives each its folded length, a combining-mark paragraph included', () => {
    const lengths: number[] = [];
    // The middle paragraph has decomposed marks: it takes the whole-string path, the others the table.
    expect(foldTexts(['越南外長裴青山，', 'Ha\u0300 No\u0302\u0323i', '「中越」'], lengths)).toBe('越南外长裴青山hànội中越');
    expect(lengths).toEqual([7, 5, 2]);
    expect(foldTexts([])).toBe('');
  });

  it('equals folding each text and joining, for any texts', () => {
    const pieces = ['中', '國', 'Ａ', 'Σ', '\u0301', 'ề', '\u1100', '\u1161', '，', ' ', '𠀀'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (texts) => {
        const lengths: number[] = [];
        expect(foldTexts(texts, lengths)).toBe(texts.map(foldText).join(''));
        expect(lengths).toEqual(texts.map((t) => foldText(t).length));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds and normalises texts longer than its working buffer as the whole-string steps do', () => {
    // 60,000 code units: past the 16,384 the direct paths start with, so they grow it mid-run.
    const page = '越南外長裴青山，會見中國駐越南大使何煒。Ｈａ Ｎｏｉ 2024\u3000'.repeat(2000);
    expect(foldTexts([page.slice(0, 300), page])).toBe(foldTextSlow(page.slice(0, 300)) + foldTextSlow(page));
    expect(foldText(page)).toBe(foldTextSlow(page));
    expect(normalizeForMatching(page)).toBe(normalizeSlow(page));
    expect(foldText('越南外長')).toBe('越南外长');
  });
});

describe('splitSentences', () => {
  it('keeps a closing quote with its sentence', () => {
    expect(splitSentences('王毅说：“中越是好邻居。”裴青山表示赞同。')).toEqual(['王毅说：“中越是好邻居。”', '裴青山表示赞同。']);
  });
  it('splits half-width full stops after ideographs but not decimals', () => {
    expect(splitSentences('投资额达223.1亿美元. 双方表示满意.')).toEqual(['投资额达223.1亿美元.', '双方表示满意.']);
  });
});

describe('parsePublished', () => {
  it('reads RFC 2822 in GMT as the local date at the outlet offset (seed 000)', () => {
    expect(parsePublished('Fri, 03 Dec 2021 08:14:12 GMT', 8 * 60)).toBe('2021-12-03');
    expect(parsePublished('Fri, 03 Dec 2021 20:14:12 GMT', 8 * 60)).toBe('2021-12-04');
  });
  it('reads the Vietnamese layout, Chinese dates and ISO with offsets', () => {
    expect(parsePublished('09:00 | 14/07/2022', 420)).toBe('2022-07-14');
    expect(parsePublished('2024年08月20日05:00', 480)).toBe('2024-08-20');
    expect(parsePublished('2021-12-02T20:15:00+07:00', 420)).toBe('2021-12-02');
    expect(parsePublished('not a date', 0)).toBeNull();
  });
});

describe('detectScript and detectLanguage', () => {
  it('tells traditional from simplified, and Vietnamese from Chinese', () => {
    expect(detectScript('國務委員兼外長王毅在浙江安吉同越南外長裴青山舉行會談')).toBe('traditional');
    expect(detectScript('国务委员兼外长王毅在浙江安吉同越南外长裴青山举行会谈')).toBe('simplified');
    expect(detectLanguage('Phó Thủ tướng Bùi Thanh Sơn tiếp Đại sứ Trung Quốc Hà Vĩ')).toBe('vi');
    expect(detectLanguage('越南政府副总理裴青山会见中国驻越南大使何炜')).toBe('zh');
  });
});

describe('normalizeForMatching through the table', () => {
  it('normalises a traditional repost line as the whole-string steps do: full-width folded, spaces collapsed and trimmed (seed 000)', () => {
    expect(normalizeDirect('　越南外長裴青山（右）與中國國務委員、外交部長王毅　 图自越通社 ')).toBe('越南外长裴青山(右)与中国国务委员、外交部长王毅 图自越通社');
    expect(normalizeDirect('Bùi  Thanh\u00a0Sơn\n')).toBe('bùi thanh sơn');
  });

  it('gives the whole-string result for every BMP character, between spaces, a letter and an ideograph', () => {
    expect(tableMismatches(normalizeDirect, normalizeSlow, ' a', ' 中')).toEqual([]);
  });

  it('equals the whole-string steps on any mix of scripts, marks, jamo, white space and surrogates', () => {
    const pieces = ['中', '國', 'Ａ', 'a', 'Σ', '\u0301', 'ề', '\u1100', '\u1161', '，', ' ', '\u3000', '\u00a0', '\n', '\t', '\u2028', '𠀀', 'İ', '\u0000', '\uffff', '\ufeff'];
    expectSameOnMixes(pieces, normalizeForMatching, normalizeSlow);
  });
});

describe('hasLatinRun', () => {
  it('finds the Vietnamese alt text in a Chinese page and not the Chinese caption under it (seed 004)', () => {
    expect(hasLatinRun('Thủ tướng Phạm Minh Chính')).toBe(true);
    expect(hasLatinRun('越南政府总理范明政会见中国驻越南大使熊波')).toBe(false);
    expect(hasLatinRun('図 a 中 b')).toBe(false);
  });

  it('answers as /\\p{Script=Latin}{2,}/u does, surrogates and astral Latin letters included', () => {
    const pieces = ['中', 'a', 'Ｚ', 'ệ', 'ɐ', ' ', '，', '\ud800', '\udc00', '𝐀', '\u{10780}', '\u{1df00}', 'ᴀ', 'ﬀ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(hasLatinRun(text)).toBe(/\p{Script=Latin}{2,}/u.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a run of two wherever it starts, even or odd, in lines with no character outside the BMP (the path that reads every other character)', () => {
    const pieces = ['中', '越', 'a', 'ệ', 'Ｚ', ' ', '，', 'ᴀ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(hasLatinRun(text)).toBe(/\p{Script=Latin}{2,}/u.test(text));
      }),
      { numRuns: 3000 },
    );
    expect(hasLatinRun('中ab')).toBe(true);
    expect(hasLatinRun('中越ab')).toBe(true);
    expect(hasLatinRun('a中b越c')).toBe(false);
  });
});
