import { beforeAll, describe, expect, it } from 'vitest';
import { clusterFacts, linksKeyOf } from '../../src/cluster/clusterLinks.js';
import { clusterArticles } from '../../src/cluster/clusterArticles.js';
import type { ResolvedConfig } from '../../src/config/resolveConfig.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/runPipeline.js';
import { workspaceKeys } from '../../src/pipeline/workspaceKeys.js';
import type { EventCluster } from '../../src/types.js';
import { CORPUS, testConfig } from '../helpers.js';

/** The bundled corpus's 2 December 2021 talks: 大公报's Big5 repost of seed 000, seed 000 itself, and VietnamPlus's report. */
const TAKUNGPAO = 'hk/takungpao-20211203-wangyi-buithanhson.big5.html';
const VIETNAMPLUS = 'vn/vietnamplus-20211202-buithanhson-wangyi.html';

let run: PipelineResult;
let config: ResolvedConfig;
beforeAll(async () => {
  config = await testConfig();
  run = await runPipeline([CORPUS], config, 'cluster');
});

function clustersAt(threshold: number): EventCluster[] {
  return clusterArticles(run.articles, run.duplicates!, { ...config, thresholds: { ...config.thresholds, cluster: threshold } }).clusters;
}

function talksOf(clusters: EventCluster[]): EventCluster {
  return clusters.find((c) => c.articles.includes(TAKUNGPAO))!;
}

describe('a cluster’s links', () => {
  it('are the scored pairs among its members, in merge order, also as JSON and as a copy for another thread', () => {
    const all = [...run.links!];
    for (const cluster of run.clusters!) {
      const members = new Set(cluster.articles);
      const among = all.filter((l) => members.has(l.a) && members.has(l.b));
      expect(cluster.links).toEqual(among);
      expect(JSON.parse(JSON.stringify(cluster)).links).toEqual(among);
      expect(structuredClone(cluster).links).toEqual(among);
    }
    const talks = talksOf(run.clusters!);
    expect(talks.links.map((l) => [l.a, l.b, l.score, l.decision])).toEqual([
      [TAKUNGPAO, 'seeds/000_48b02b06e8cbab67.txt', 0.774, 'duplicate'],
      ['seeds/000_48b02b06e8cbab67.txt', VIETNAMPLUS, 0.768, 'linked'],
      [TAKUNGPAO, VIETNAMPLUS, 0.581, 'linked'],
    ]);
  });

  it('are left out of clusterFacts, which keeps the other fields in their order (clusters.json)', () => {
    const talks = talksOf(run.clusters!);
    expect(Object.keys(clusterFacts(talks))).toEqual(['id', 'articles', 'eventDate', 'people', 'places', 'sides']);
    expect(Object.keys(talks)).toEqual(['id', 'articles', 'eventDate', 'people', 'places', 'sides', 'links']);
  });
});

describe('linksKeyOf', () => {
  it('is the same for the same links, and changes when only a link’s decision does (大公报–VietnamPlus 0.581 falls below 0.6)', () => {
    const [at05, again05, at06] = [clustersAt(0.5), clustersAt(0.5), clustersAt(0.6)];
    const [talks05, talks06] = [talksOf(at05), talksOf(at06)];
    // The same event, the same members and facts: the duplicate and the 0.768 link still join all three.
    expect(clusterFacts(talks06)).toEqual(clusterFacts(talks05));
    expect(talks06.links.at(-1)!.decision).toBe('below-threshold');
    expect(linksKeyOf(talksOf(again05))).toBe(linksKeyOf(talks05));
    expect(linksKeyOf(talks06)).not.toBe(linksKeyOf(talks05));
    // So the event's page is written again after the threshold change, and kept when nothing changed.
    const page = (c: EventCluster) => workspaceKeys.page('event', 'compare', c);
    expect(page(talks06)).not.toBe(page(talks05));
    expect(page(talksOf(again05))).toBe(page(talks05));
  });

  it('keys a cluster made elsewhere (no rows behind it) by its links as JSON', () => {
    const talks = talksOf(run.clusters!);
    const copy: EventCluster = { ...clusterFacts(talks), links: talks.links };
    const changed: EventCluster = { ...copy, links: copy.links.map((l, k) => (k === 2 ? { ...l, decision: 'below-threshold' } : l)) };
    expect(linksKeyOf(copy)).toMatch(/^[0-9a-f]{40}$/u);
    expect(linksKeyOf({ ...copy })).toBe(linksKeyOf(copy));
    expect(linksKeyOf(changed)).not.toBe(linksKeyOf(copy));
  });
});
