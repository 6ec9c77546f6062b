import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWrittenConfig } from '../../src/config/loadConfig.js';
import { explainPair } from '../../src/evaluate/explainPair.js';
import { findClusterErrors } from '../../src/evaluate/findClusterErrors.js';
import { parseGridAxis } from '../../src/evaluate/parseGrid.js';
import { parseGold } from '../../src/evaluate/readGold.js';
import { scoreClusters } from '../../src/evaluate/scoreClusters.js';
import { tuneGrid } from '../../src/evaluate/tuneGrid.js';
import { runPipeline } from '../../src/pipeline/runPipeline.js';
import { StageCache, stageOfKey } from '../../src/pipeline/stageCache.js';
import type { ClusterLink } from '../../src/types.js';
import { CONFIG_FILE, CORPUS, ROOT, seed, testConfig } from '../helpers.js';

const goldFile = path.join(ROOT, 'fixtures/gold.json');
const gold = parseGold(readFileSync(goldFile, 'utf8'), goldFile);

describe('evaluation on the fixtures', () => {
  it('the bundled config scores B-cubed F1 = 1.0 against fixtures/gold.json', async () => {
    const result = await runPipeline([CORPUS], await testConfig(), 'cluster');
    const scores = scoreClusters(result.clusters!.map((c) => c.articles), gold);
    expect(scores.bcubed.f1).toBe(1);
    expect(scores.unknownIds).toEqual([]);
    expect(scores.unlabelled).toEqual([]);
  });

  it('a deliberately loose threshold merges the two Hanoi meetings of 2021-09-11, and eval says which links did it', async () => {
    const cache = new StageCache([CORPUS]);
    const written = await loadWrittenConfig(CONFIG_FILE);
    const result = await tuneGrid(cache, written, [parseGridAxis('thresholds.cluster=0.3,0.5')], gold, CONFIG_FILE);
    const [loose, bundled] = result.points;
    expect(loose!.scores.bcubed.f1).toBeLessThan(bundled!.scores.bcubed.f1);
    // 20 articles alone in their event score 1; the merged five score 3/5 (three of them) and 2/5 (two).
    expect(loose!.scores.bcubed.precision).toBe(0.904);
    expect(result.best).toBe(1);
  });

  it('a grid over clustering keys ingests and fingerprints once, and scores pairs once per date window', async () => {
    const cache = new StageCache([CORPUS]);
    const written = await loadWrittenConfig(CONFIG_FILE);
    const result = await tuneGrid(cache, written, [parseGridAxis('thresholds.cluster=0.2:0.9:0.05'), parseGridAxis('thresholds.dateWindowDays=0,1,2')], gold, CONFIG_FILE);
    expect(result.points).toHaveLength(45);
    // The threshold only decides scored pairs: 45 points, three windows, three scorings.
    expect(cache.runs).toEqual({ ingest: 1, fingerprint: 1, score: 3 });
    expect(stageOfKey('thresholds.duplicate')).toBe('fingerprint');
    expect(stageOfKey('boilerplate.cutAt')).toBe('ingest');
    expect(stageOfKey('cluster.weights.date')).toBe('cluster');
  });

  it('each threshold keeps its own links: a looser one merged later does not change the links an earlier one decided', async () => {
    const cache = new StageCache([CORPUS]);
    const config = await testConfig();
    const at = (cluster: number) => ({ ...config, thresholds: { ...config.thresholds, cluster } });
    const { articles } = await cache.ingest(config);
    const { duplicates } = await cache.fingerprint(articles, config);
    const bundled = cache.cluster(articles, duplicates, config);
    const decided = JSON.stringify([...bundled.links]);
    const loose = cache.cluster(articles, duplicates, at(0.3));
    expect(cache.runs.score).toBe(1);
    // The two Hanoi meetings of 2021-09-11 merge at 0.3: links the bundled threshold left below it are linked there.
    expect(loose.clusters.length).toBeLessThan(bundled.clusters.length);
    expect(JSON.stringify([...bundled.links])).toBe(decided);
    expect([...bundled.links].some((l) => l.decision === 'below-threshold')).toBe(true);
  });

  it('names the merged events and the links that joined them', async () => {
    const config = { ...(await testConfig()), thresholds: { ...(await testConfig()).thresholds, cluster: 0.3 } };
    const result = await runPipeline([CORPUS], config, 'cluster');
    const errors = findClusterErrors(result.clusters!, result.links!, gold);
    expect(errors.split).toEqual([]);
    expect(errors.merged).toHaveLength(1);
    expect(Object.keys(errors.merged[0]!.events).sort()).toEqual(['2021-09-11 steering committee 13th meeting, Hanoi', '2021-09-11 王毅–裴青山 talks, Hanoi']);
    expect(errors.merged[0]!.joinedBy.every((l) => l.features.participants === 0 && l.features.date === 1)).toBe(true);
  });
});

describe('explainPair', () => {
  it('explains a pair in different clusters: every feature, its weight and the decision', async () => {
    const config = await testConfig();
    const run = await runPipeline([CORPUS], config, 'cluster');
    const byId = (id: string) => run.articles.find((a) => a.id === id)!;
    const e = explainPair(byId('seeds/001_04b9df7d89f70d67.txt'), byId('cn/xinhua-20210911-steering-committee.html'), run as never, config);
    expect(e.link.features).toMatchObject({ date: 1, participants: 0, place: 1 });
    expect(e.contributions.participants).toBe(0);
    expect(e.link.decision).toBe('below-threshold');
    expect(e.candidate).toBe(true);
    expect(e.clusters.a).not.toBe(e.clusters.b);
    expect(e.a).toMatchObject({ eventDateSource: 'text+body-year', eventDatePhrase: '9月11日' });
  });

  it('shows the chain of links that joined two articles through a third', async () => {
    const config = await testConfig();
    const [a, b] = [await seed('vnaHanoi'), await seed('guancha')];
    const c = { ...a, id: 'bridge' };
    const link = (x: string, y: string, decision: ClusterLink['decision'], score: number): ClusterLink => ({
      a: x, b: y, score, decision, features: { date: 1, participants: 1, place: 1, text: 0, title: 0, duplicate: 0 },
    });
    const links = [link(a.id, 'bridge', 'linked', 0.8), link('bridge', b.id, 'linked', 0.7), link(a.id, b.id, 'below-threshold', 0.2)];
    const cluster = { id: 'x', articles: [a.id, b.id, 'bridge'], eventDate: null, people: [], places: [], sides: {}, links };
    const e = explainPair(a, b, { articles: [a, b, c], duplicates: [], reuse: [], clusters: [cluster], links }, config);
    expect(e.chain!.map((l) => `${l.a}~${l.b}`)).toEqual([`${a.id}~bridge`, `bridge~${b.id}`]);
  });
});
