import { describe, expect, it } from 'vitest';
import { detectLanguage, isMostlyHan } from '../../src/text/detectScript.js';
import { fullText, seed } from '../helpers.js';

describe('isMostlyHan', () => {
  it('answers as detectLanguage of the joined texts does, for the seeds and for pages whose Latin letters come first or last', async () => {
    const seeds = await Promise.all((['vnaHanoi', 'thoidaiSteering'] as const).map((name) => seed(name)));
    // Vietnamese alt text, as seed 004 carries it, long enough to outweigh a short Chinese caption.
    const vietnamese = 'Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Trợ lý Bộ trưởng Ngoại giao Trung Quốc tại Hà Nội. '.repeat(12);
    const caption = '外交部长裴青山会见中国外交部部长助理。';
    const cases: string[][] = [
      ...seeds.map((article) => [article.title ?? '', fullText(article)]),
      [caption, vietnamese],
      [vietnamese, caption],
      // Latin first for most of the page, then enough Chinese to tip it: only the end decides.
      [vietnamese, caption.repeat(30)],
      ['', ''],
      ['2024-09-11', '16:25'],
    ];
    const answers = cases.map((texts) => isMostlyHan(texts));
    expect(answers).toEqual(cases.map((texts) => detectLanguage(texts.join('\n')) === 'zh'));
    expect(answers).toEqual([true, true, false, false, true, false, false]);
  });
});
