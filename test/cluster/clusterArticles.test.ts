import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterArticles, createLinkContext } from '../../src/cluster/clusterArticles.js';
import { participantAgreement, scoreLink } from '../../src/cluster/scoreLink.js';
import type { Article } from '../../src/types.js';
import { CORPUS, ingestFixture, seed, testConfig } from '../helpers.js';

let articles: Article[];
beforeAll(async () => {
  articles = [
    await seed('vnaHanoi'),
    await ingestFixture(path.join(CORPUS, 'cn/mfa-20210911-wangyi-buithanhson.html'), 'mfa-0911'),
    await ingestFixture(path.join(CORPUS, 'cn/xinhua-20210911-steering-committee.html'), 'xinhua-steering'),
    await ingestFixture(path.join(CORPUS, 'vn/vna-20210911-steering-committee.txt'), 'vna-steering'),
    await seed('guancha'),
    await ingestFixture(path.join(CORPUS, 'vn/vietnamplus-20211202-buithanhson-wangyi.html'), 'vna-1202'),
  ];
});

function partition(ids: string[][]): string[] {
  return ids.map((c) => [...c].sort().join(' + ')).sort();
}

describe('clusterArticles', () => {
  it('groups each meeting and keeps the same ministers on another date apart', async () => {
    const { clusters } = clusterArticles(articles, [], await testConfig());
    expect(partition(clusters.map((c) => c.articles))).toEqual(
      partition([
        ['001_04b9df7d89f70d67.txt', 'mfa-0911'],
        ['xinhua-steering', 'vna-steering'],
        ['000_48b02b06e8cbab67.txt', 'vna-1202'],
      ]),
    );
  });

  it('keeps 王毅’s talks with 裴青山 apart from his committee meeting with 范平明 on the same day in Hanoi', async () => {
    const links = [...clusterArticles(articles, [], await testConfig()).links];
    const link = links.find((l) => [l.a, l.b].sort().join() === ['001_04b9df7d89f70d67.txt', 'xinhua-steering'].sort().join())!;
    expect(link.features).toMatchObject({ date: 1, participants: 0, place: 1 });
    expect(link.decision).toBe('below-threshold');
  });

  it('never scores the same ministers on dates outside the window: blocking keeps them apart', async () => {
    const links = [...clusterArticles(articles, [], await testConfig()).links];
    const pairs = links.map((l) => [l.a, l.b].sort().join());
    expect(pairs).not.toContain(['000_48b02b06e8cbab67.txt', 'mfa-0911'].sort().join());
  });

  it('vetoes a pair outside the date window even when everything else agrees', async () => {
    const config = await testConfig();
    const [talks0911, , , , talks1202] = articles;
    const sameParticipants = { ...talks1202!, participants: talks0911!.participants };
    const link = scoreLink(talks0911!, sameParticipants, createLinkContext([talks0911!, sameParticipants], [], config));
    expect(link.features.participants).toBe(1);
    expect(link.decision).toBe('date-conflict');
  });

  it('explains every link with per-feature scores', async () => {
    const links = [...clusterArticles(articles, [], await testConfig()).links];
    const same = links.find((l) => [l.a, l.b].sort().join() === ['001_04b9df7d89f70d67.txt', 'mfa-0911'].sort().join())!;
    expect(same.decision).toBe('linked');
    expect(Object.keys(same.features).sort()).toEqual(['date', 'duplicate', 'participants', 'place', 'text', 'title']);
    expect(same.score).toBeGreaterThanOrEqual((await testConfig()).thresholds.cluster);
  });

  it('puts every article in exactly one cluster', async () => {
    const { clusters } = clusterArticles(articles, [], await testConfig());
    const all = clusters.flatMap((c) => c.articles).sort();
    expect(all).toEqual(articles.map((a) => a.id).sort());
  });

  it('judges participants per country', async () => {
    const people = new Map((await testConfig()).people.map((p) => [p.name, p]));
    expect(participantAgreement(['王毅', '裴青山'], ['王毅', '范平明'], people)).toBe(0);
    expect(participantAgreement(['王毅', '裴青山'], ['裴青山'], people)).toBe(1);
  });
});

describe('candidate pairs for articles that name no known participant', () => {
  it('pairs them with the articles of their event days, so text and place can still join them', async () => {
    const config = await testConfig();
    const [talks0911] = articles;
    const anonymous = { ...talks0911!, id: 'no-people', participants: [], people: [] };
    const { clusters, links: scored } = clusterArticles([talks0911!, anonymous, articles[4]!], [], config);
    const links = [...scored];
    const link = links.find((l) => [l.a, l.b].includes('no-people'))!;
    expect(link.features.participants).toBe(0);
    expect(links.some((l) => [l.a, l.b].includes('no-people') && [l.a, l.b].includes(articles[4]!.id))).toBe(false);
    expect(clusters.find((c) => c.articles.includes('no-people'))!.articles).toContain(talks0911!.id);
  });
});
