import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGazetteer, literalScanner } from '../../src/ingest/matchGazetteer.js';
import { testConfig } from '../helpers.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

describe('literalScanner', () => {
  it('finds 阮富仲 whole rather than a shorter alias inside it, as the longest-first alternation does', () => {
    const scan = literalScanner(['阮富仲', '富仲', '仲']);
    expect(scan('越共中央总书记阮富仲会见王毅，富仲表示')).toEqual([
      { text: '阮富仲', index: 7 },
      { text: '富仲', index: 15 },
    ]);
  });

  it('finds what the alternation regex finds, for any literals and text', () => {
    const alphabet = fc.constantFrom('中', '越', '阮', '富', '仲', '.', '|', '(', '𠀀');
    const literal = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 6 }), fc.array(alphabet, { maxLength: 40 }), (literals, chars) => {
        const text = chars.join('');
        const regex = new RegExp(literals.map(escape).join('|'), 'gu');
        const expected = [...text.matchAll(regex)].map((m) => ({ text: m[0], index: m.index }));
        expect(literalScanner(literals)(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('buildGazetteer', () => {
  it('names the people and places of the seed 000 lead, Chinese and Vietnamese spellings alike, in order', async () => {
    const config = await testConfig();
    const people = buildGazetteer(config.people);
    const places = buildGazetteer(config.places);
    const lead = '国务委员兼外长王毅在浙江安吉同越南外长裴青山举行会谈。Bùi Thanh Sơn cảm ơn.';
    expect(people.find(lead).map((m) => m.name)).toEqual(['王毅', '裴青山', '裴青山']);
    expect(places.find(lead).map((m) => m.name)).toEqual(['浙江', '安吉']);
  });
});
