import { beforeAll, describe, expect, it } from 'vitest';
import { candidatePairs } from '../../src/cluster/candidatePairs.js';
import { createLinkContext } from '../../src/cluster/clusterArticles.js';
import { scoreLink } from '../../src/cluster/scoreLink.js';
import type { Article } from '../../src/types.js';
import { seed, testConfig } from '../helpers.js';

/**
 * The seed's meeting (王毅 and 裴青山, 2021-09-11) restated at other places: blocking must pair
 * exactly the reports whose places could agree, and leave out only pairs scoring would veto.
 */
let reports: Article[];
beforeAll(async () => {
  const talks = await seed('vnaHanoi');
  const at = (id: string, eventPlace: string | null): Article => ({ ...talks, id, eventPlace });
  reports = [talks, at('at-政府总部', '政府总部'), at('at-南宁', '南宁'), at('at-浙江', '浙江'), at('at-安吉', '安吉'), at('no-place', null)];
});

async function pairsOf(articles: Article[]): Promise<string[]> {
  const config = await testConfig();
  const context = createLinkContext(articles, [], config);
  const flat = candidatePairs(articles, [], config.thresholds.dateWindowDays, config.cluster.maxBlockSize, context.places);
  return Array.from({ length: flat.length / 2 }, (_, k) => [articles[flat[2 * k]!]!.id, articles[flat[2 * k + 1]!]!.id].sort().join(' + ')).sort();
}

describe('candidatePairs', () => {
  it('reads 河内 as the seed’s event place and 2021-09-11 as its date (seed 001)', () => {
    expect(reports[0]).toMatchObject({ eventPlace: '河内', eventDate: '2021-09-11' });
  });

  it('pairs a place with the places inside it and with reports naming none, never with another city', async () => {
    const pairs = await pairsOf(reports);
    const seedId = reports[0]!.id;
    expect(pairs).toContain([seedId, 'at-政府总部'].sort().join(' + '));
    expect(pairs).toContain(['at-安吉', 'at-浙江'].join(' + '));
    expect(pairs).not.toContain([seedId, 'at-南宁'].sort().join(' + '));
    expect(pairs).not.toContain(['at-南宁', 'at-浙江'].join(' + '));
    for (const other of reports.slice(0, 5)) expect(pairs).toContain([other.id, 'no-place'].sort().join(' + '));
  });

  it('leaves out exactly the pairs scoring vetoes as place conflicts', async () => {
    const config = await testConfig();
    const context = createLinkContext(reports, [], config);
    const pairs = await pairsOf(reports);
    for (let i = 0; i < reports.length; i++) {
      for (let j = i + 1; j < reports.length; j++) {
        const decision = scoreLink(reports[i]!, reports[j]!, context).decision;
        const key = [reports[i]!.id, reports[j]!.id].sort().join(' + ');
        expect({ key, candidate: pairs.includes(key) }).toEqual({ key, candidate: decision !== 'place-conflict' });
      }
    }
  });

  it('pairs reports of one city and day through a shared participant, or when one names nobody, never when they name different people', async () => {
    const talks = reports[0]!;
    const naming = (id: string, participants: string[]): Article => ({ ...talks, id, participants, people: participants });
    const others = naming('李强-范明政', ['李强', '范明政']);
    const sharesOne = naming('王毅-范平明', ['王毅', '范平明']);
    const nobody = naming('nobody', []);
    const pairs = await pairsOf([talks, others, sharesOne, nobody]);
    expect(pairs).toEqual(
      [
        [talks.id, sharesOne.id],
        [talks.id, nobody.id],
        [others.id, nobody.id],
        [sharesOne.id, nobody.id],
      ]
        .map((pair) => pair.sort().join(' + '))
        .sort(),
    );
    // What is left out is what scoring gives nothing for participants.
    const context = createLinkContext([talks, others], [], await testConfig());
    expect(scoreLink(talks, others, context).features.participants).toBe(0);
  });
});
