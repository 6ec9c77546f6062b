import { describe, expect, it } from 'vitest';
import type { GazetteerEntry } from '../../src/config/resolveConfig.js';
import { seed, SEED } from '../helpers.js';

describe('article metadata read from the seeds', () => {
  const expected: Record<keyof typeof SEED, object> = {
    guancha: {
      outlet: '观察者网', side: 'cn', published: '2021-12-03', eventDate: '2021-12-02',
      participants: ['王毅', '裴青山'], eventPlace: '安吉', script: 'simplified', language: 'zh',
    },
    vnaHanoi: {
      outlet: '越通社', side: 'vn', published: null, eventDate: '2021-09-11', eventDateSource: 'text+body-year',
      participants: ['裴青山', '王毅'], eventPlace: '河内',
    },
    thoidaiSteering: {
      outlet: '时代报', side: 'vn', published: '2022-07-14', eventDate: '2022-07-12', eventDatePhrase: '7月12日至13日',
      participants: ['王毅', '范平明'], eventPlace: '南宁',
    },
    thoidaiBriefing: {
      outlet: '时代报', side: 'vn', published: '2025-04-19', eventDate: '2025-04-19', eventDateSource: 'published',
      participants: ['王毅', '习近平'], eventPlace: null,
    },
    thoidaiHeWei: {
      outlet: '时代报', side: 'vn', published: '2025-11-18', eventDate: '2025-11-17', eventDatePhrase: '17日',
      participants: ['裴青山', '何炜'], eventPlace: '河内',
    },
  };
  for (const [name, facts] of Object.entries(expected)) {
    it(`reads ${SEED[name as keyof typeof SEED]}`, async () => {
      expect(await seed(name as keyof typeof SEED)).toMatchObject(facts);
    });
  }

  it('resolves seed 001 to 2021-09-11 from the body, not from the 2025 dates of its trailing block', async () => {
    const article = await seed('vnaHanoi');
    expect(article.eventDate).toBe('2021-09-11');
    expect(article.eventDatePhrase).toBe('9月11日');
  });

  it('lists everyone seed 002 names, participants first', async () => {
    const article = await seed('thoidaiSteering');
    expect(article.people.slice(0, 2)).toEqual(['王毅', '范平明']);
    expect(article.people).toEqual(expect.arrayContaining(['范星梅', '阮富仲', '习近平', '李克强']));
  });

  it('names 浙江安吉 as the most specific place, 安吉, with 浙江 still listed (seed 000)', async () => {
    const article = await seed('guancha');
    expect(article.places.slice(0, 2)).toEqual(['安吉', '浙江']);
  });
});

describe('mostSpecificPlaces', () => {
  it('keeps 安吉 over 浙江, and stops on a config whose within goes round in a loop', async () => {
    const { mostSpecificPlaces } = await import('../../src/ingest/matchGazetteer.js');
    const entry = (name: string, within: string | null): [string, GazetteerEntry] => [name, { name, aliases: [], country: 'CN', roles: [], within }];
    expect(mostSpecificPlaces(['浙江', '安吉'], new Map([entry('浙江', null), entry('安吉', '浙江')]))).toEqual(['安吉']);
    expect(mostSpecificPlaces(['甲', '乙'], new Map([entry('甲', '乙'), entry('乙', '甲')]))).toEqual([]);
  });
});
