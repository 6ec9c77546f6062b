import { describe, expect, it } from 'vitest';
import { foldForFingerprint, normalizeForMatching } from '../../src/text/normalizeForMatching.js';
import { parsePublished } from '../../src/text/parsePublished.js';
import { splitSentences } from '../../src/text/splitSentences.js';
import { detectLanguage, detectScript } from '../../src/text/detectScript.js';

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
