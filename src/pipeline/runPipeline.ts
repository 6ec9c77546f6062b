import type { ResolvedConfig } from '../config/resolveConfig.js';
import { clusterArticles } from '../cluster/clusterArticles.js';
import { compareEvent, createCompareContext } from '../compare/compareEvent.js';
import { fingerprintCorpus } from '../fingerprint/fingerprintCorpus.js';
import type { Article, ClusterLink, EventCluster, EventComparison, ManifestEntry, SimilarPair } from '../types.js';
import { ingestInputs } from './ingestCorpus.js';
import { silentProgress, type Progress } from './progress.js';

export type StageName = 'ingest' | 'dupes' | 'cluster' | 'report';
const ORDER: StageName[] = ['ingest', 'dupes', 'cluster', 'report'];

export interface PipelineResult {
  through: StageName;
  articles: Article[];
  manifest: ManifestEntry[];
  duplicates?: SimilarPair[];
  reuse?: SimilarPair[];
  clusters?: EventCluster[];
  links?: ClusterLink[];
  comparisons?: Map<string, EventComparison>;
  timings: Record<string, number>;
}

async function timed<T>(timings: Record<string, number>, stage: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[stage] = Math.round(performance.now() - start);
  return result;
}

/** Runs the stages in order up to and including `through`. Reads inputs; writes nothing. */
export async function runPipeline(
  inputs: string[],
  config: ResolvedConfig,
  through: StageName,
  progress: Progress = silentProgress,
): Promise<PipelineResult> {
  const timings: Record<string, number> = {};
  const upTo = (stage: StageName) => ORDER.indexOf(stage) <= ORDER.indexOf(through);
  const { articles, manifest } = await timed(timings, 'ingest', () => ingestInputs(inputs, config, progress));
  const result: PipelineResult = { through, articles, manifest, timings };
  if (!upTo('dupes')) return result;
  progress.start('fingerprint');
  const { duplicates, reuse } = await timed(timings, 'fingerprint', () => fingerprintCorpus(articles, config));
  progress.end(`${duplicates.length} duplicate pairs, ${reuse.length} reused paragraph pairs`);
  Object.assign(result, { duplicates, reuse });
  if (!upTo('cluster')) return result;
  progress.start('cluster');
  const { clusters, links } = await timed(timings, 'cluster', () => clusterArticles(articles, duplicates, config));
  progress.end(`${clusters.length} events from ${links.length} scored pairs`);
  Object.assign(result, { clusters, links });
  if (!upTo('report')) return result;
  const byId = new Map(articles.map((a) => [a.id, a]));
  progress.start('compare', clusters.length);
  result.comparisons = await timed(timings, 'compare', () => {
    const context = createCompareContext(config);
    return new Map(
      clusters.map((c) => {
        progress.tick();
        return [c.id, compareEvent(c, byId, duplicates, context)];
      }),
    );
  });
  progress.end(`${clusters.length} events compared`);
  return result;
}
