import type { ResolvedConfig } from '../config/resolveConfig.js';
import { clusterArticles } from '../cluster/clusterArticles.js';
import { fingerprintCorpus, type ArticleSignatures, type SignatureStore } from '../fingerprint/fingerprintCorpus.js';
import type { Workspace, WorkspaceCounts } from '../workspace/openWorkspace.js';
import { clusterWithWorkspace } from './clusterWithWorkspace.js';
import { compareEvents } from './compareEvents.js';
import { fingerprintWithWorkspace } from './fingerprintWithWorkspace.js';
import { workspaceKeys } from './workspaceKeys.js';
import { hashText } from '../workspace/hashKeys.js';
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
  /** Worker threads each stage ran on (0: the main thread). */
  threads: { ingest: number; compare?: number };
  /** With a workspace: what each output was made from, so unchanged files need not be written again. */
  outputKeys?: OutputKeys;
  /** With a workspace: its file and what this run reused from it or computed. */
  workspace?: { file: string } & WorkspaceCounts;
}

export interface OutputKeys {
  articles: string;
  fingerprints: string;
  /** By cluster id: the key of its page and its JSON. */
  events: Map<string, string>;
}

async function timed<T>(timings: Record<string, number>, stage: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[stage] = Math.round(performance.now() - start);
  return result;
}

/** Signatures the ingest workers made, handed to the fingerprint stage as a store it reads from. */
function signedBefore(signatures: Map<string, ArticleSignatures>): SignatureStore {
  return { get: (article) => signatures.get(article.id), put: () => {} };
}

export interface PipelineOptions {
  progress?: Progress;
  /** What earlier runs computed, and where this run keeps what it computes. */
  workspace?: Workspace;
  /** Worker threads for ingest (building and signing) and compare (1: all on the main thread; output is the same). */
  workers?: number;
}

/**
 * Runs the stages in order up to and including `through`. Reads inputs; writes nothing but, when
 * given one, the workspace of what it computed for the next run to reuse.
 */
export async function runPipeline(
  inputs: string[],
  config: ResolvedConfig,
  through: StageName,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const { progress = silentProgress, workspace, workers } = options;
  const timings: Record<string, number> = {};
  const upTo = (stage: StageName) => ORDER.indexOf(stage) <= ORDER.indexOf(through);
  const { articles, manifest, docHashes, signatures, threads } = await timed(timings, 'ingest', () =>
    ingestInputs(inputs, config, { progress, workspace, workers, sign: upTo('dupes') }),
  );
  // Caching needs every article's document hash; ingest gives them whenever it was given a workspace.
  const cache = workspace && docHashes ? workspace : undefined;
  const corpusKey = cache ? workspaceKeys.corpus(articles, docHashes!) : '';
  const result: PipelineResult = { through, articles, manifest, timings, threads: { ingest: threads } };
  if (!upTo('dupes')) return result;
  progress.start('fingerprint');
  const { duplicates, reuse } = await timed(timings, 'fingerprint', () =>
    cache
      ? fingerprintWithWorkspace(articles, docHashes!, corpusKey, config, cache, signatures)
      : fingerprintCorpus(articles, config, signatures && signedBefore(signatures)),
  );
  progress.end(`${duplicates.length} duplicate pairs, ${reuse.length} reused paragraph pairs`);
  Object.assign(result, { duplicates, reuse });
  if (!upTo('cluster')) return result;
  progress.start('cluster');
  const { clusters, links } = await timed(timings, 'cluster', () =>
    cache ? clusterWithWorkspace(articles, duplicates, corpusKey, config, cache) : clusterArticles(articles, duplicates, config),
  );
  progress.end(`${clusters.length} events from ${links.length} scored pairs`);
  Object.assign(result, { clusters, links });
  if (!upTo('report')) return result;
  progress.start('compare', clusters.length);
  const pageKeys = new Map<string, string>();
  const compared = await timed(timings, 'compare', () =>
    compareEvents(clusters, articles, duplicates, config, progress, {
      workers,
      ...(cache ? { workspace: { store: cache, docHashes: docHashes!, pageKeys } } : {}),
    }),
  );
  result.comparisons = compared.comparisons;
  result.threads.compare = compared.threads;
  if (cache) {
    result.outputKeys = {
      articles: hashText(corpusKey, workspaceKeys.ingest(config)),
      fingerprints: hashText(corpusKey, workspaceKeys.fingerprintStage(config)),
      events: pageKeys,
    };
  }
  progress.end(`${clusters.length} events compared`);
  return result;
}
