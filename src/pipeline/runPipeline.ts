import type { ResolvedConfig } from '../config/resolveConfig.js';
import { mergeScoredPairs, scoreCandidates, scoreCandidatesSplit, type PairScorer } from '../cluster/clusterArticles.js';
import { fingerprintCorpus, type CandidateSearch, type CorpusFingerprints, type PairVerification } from '../fingerprint/fingerprintCorpus.js';
import type { SignatureLog } from '../fingerprint/signatureLog.js';
import type { Workspace, WorkspaceCounts } from '../workspace/openWorkspace.js';
import { clusterWithWorkspace } from './clusterWithWorkspace.js';
import { collectGarbageNow } from './collectGarbageNow.js';
import { keepingLeads } from './articleRecord.js';
import { compareEvents, type EventSink } from './compareEvents.js';
import { fingerprintWithWorkspace } from './fingerprintWithWorkspace.js';
import { foldedCorpusText } from './foldedCorpusText.js';
import { scorePairsOnWorker } from './scorePairsOnWorker.js';
import { searchOnWorker } from './searchOnWorker.js';
import { verifyOnWorker } from './verifyOnWorker.js';
import type { SpilledFolds } from './spilledFolds.js';
import { wholeArticlesIn, type WholeArticles } from './wholeArticles.js';
import { keptArticleLines } from './keptArticleLines.js';
import { workspaceKeys } from './workspaceKeys.js';
import { hashText } from '../workspace/hashKeys.js';
import type { Article, ArticleText, EventCluster, EventDigest, ManifestEntry, ScoredLinks, SimilarPair } from '../types.js';
import type { InputFile } from './collectInputs.js';
import { ingestInputs } from './ingestCorpus.js';
import { silentProgress, type Progress } from './progress.js';
import type { StagedJsonl } from './writeAtomic.js';

export type StageName = 'ingest' | 'dupes' | 'cluster' | 'report';
/** Band keys this large, let go, are collected at once (collectGarbageNow): about 115,000 articles' paragraphs. */
const COLLECT_AFTER_KEY_BYTES = 256 * 2 ** 20;
const ORDER: StageName[] = ['ingest', 'dupes', 'cluster', 'report'];

interface ResultBase {
  manifest: ManifestEntry[];
  timings: Record<string, number>;
  /** Worker threads each stage ran on (0: the main thread). */
  threads: { ingest: number; cluster?: number; compare?: number };
  /** With a workspace: its file and what this run reused from it or computed. */
  workspace?: { file: string } & WorkspaceCounts;
}

/** A run through `ingest`, `cluster` or `report`: whole articles, and what the stages made of them. */
export interface PipelineResult extends ResultBase {
  through: Exclude<StageName, 'dupes'>;
  /**
   * The articles, whole; but in a run through `cluster` or `report`, only with their lead
   * paragraphs and no removed blocks (keepingLeads) when the rest is elsewhere: in the articleRecords
   * when they hold every article, or in the workspace when the corpus was taken whole from it
   * (`whole` then reads them).
   */
  articles: Article[];
  /** The articles read whole from the workspace, when `articles` hold only their leads and articleRecords none. */
  whole?: WholeArticles;
  duplicates?: SimilarPair[];
  reuse?: SimilarPair[];
  clusters?: EventCluster[];
  links?: ScoredLinks;
  /** Each event's comparison as the index reads it; the whole comparisons went to `PipelineOptions.events`. */
  digests?: Map<string, EventDigest>;
  /** With a workspace: what each output was made from, so unchanged files need not be written again. */
  outputKeys?: OutputKeys;
}

/**
 * A run through `dupes`: near-duplicate articles and reused paragraphs, found from the articles'
 * text alone (no dates, people or places are read), so no articles are kept.
 */
export interface DupesResult extends ResultBase {
  through: 'dupes';
  duplicates: SimilarPair[];
  reuse: SimilarPair[];
}

export type RunResult = PipelineResult | DupesResult;

export interface OutputKeys {
  articles: string;
  fingerprints: string;
}

async function timed<T>(timings: Record<string, number>, stage: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings[stage] = Math.round(performance.now() - start);
  return result;
}

/** The workspace as the stages after ingest use it: with every article's document hash, and the corpus's key. */
interface RunCache {
  store: Workspace;
  docHashes: Map<string, string>;
  corpusKey: string;
}

/** Caching needs every article's document hash; ingest gives them whenever it was given a workspace. */
function runCache(workspace: Workspace | undefined, articles: ArticleText[], docHashes: Map<string, string> | undefined): RunCache | undefined {
  return workspace && docHashes ? { store: workspace, docHashes, corpusKey: workspaceKeys.corpus(articles, docHashes) } : undefined;
}

interface FingerprintRun {
  timings: Record<string, number>;
  progress: Progress;
  cache: RunCache | undefined;
  signatures: SignatureLog | undefined;
  /** The threads the paragraphs' LSH and verification share the work with (fingerprintThreads). */
  threads: FingerprintThreads;
  /** Where the whole articles are when `articles` hold only their leads. */
  whole?: WholeArticles | undefined;
  /** The folds ingest handed back (IngestResult.folds): the texts are read from these, not from the articles. */
  folds?: SpilledFolds | undefined;
}

/**
 * With more than one worker, the paragraphs' LSH runs on a thread of its own beside the articles'
 * search, and their verification on two. `ahead`: both threads start now, before ingest, to have
 * loaded when it ends (StandbyWorker); `dupes` always fingerprints. A `run` may find its
 * fingerprints in the workspace, and two threads started for nothing were a tenth of a re-run at
 * 10k articles: there they start when used. `release` stops any the stage did not use.
 */
interface FingerprintThreads {
  search?: CandidateSearch | undefined;
  verify?: PairVerification | undefined;
  release(): void;
}

function fingerprintThreads(workers: number | undefined, ahead: boolean): FingerprintThreads {
  if ((workers ?? 1) <= 1) return { release: () => {} };
  const search = searchOnWorker(ahead);
  const verify = verifyOnWorker(ahead);
  return {
    search: search?.run,
    verify: verify?.run,
    release: () => {
      search?.release();
      verify?.release();
    },
  };
}

/** The fingerprint stage, timed and reported, through the workspace when there is one. */
async function fingerprintStage(articles: ArticleText[], config: ResolvedConfig, run: FingerprintRun): Promise<CorpusFingerprints> {
  const { cache, signatures, progress, whole } = run;
  const text = run.folds && foldedCorpusText(articles, run.folds);
  const { search, verify } = run.threads;
  progress.start('fingerprint');
  const found = await timed(run.timings, 'fingerprint', () =>
    cache
      ? fingerprintWithWorkspace(whole ? () => [...whole.all()] : articles, cache.docHashes, cache.corpusKey, config, cache.store, signatures, search, text, verify)
      : fingerprintCorpus(articles, config, signatures, search, text, verify),
  );
  progress.end(`${found.duplicates.length} duplicate pairs, ${found.reuse.length} reused paragraph pairs`);
  return found;
}

/**
 * `dupes`: ingest reads only each article's text (boilerplate stripped, as for a whole article),
 * signed on the worker threads, then the fingerprint stage. The duplicates are the ones a whole
 * run finds, since both fingerprint the same paragraphs.
 */
async function findDuplicates(inputs: string[], config: ResolvedConfig, options: PipelineOptions): Promise<DupesResult> {
  const { progress = silentProgress, workspace, workers, files } = options;
  const timings: Record<string, number> = {};
  const helpers = fingerprintThreads(workers, true);
  try {
    const { articles, manifest, docHashes, signatures, threads, folds } = await timed(timings, 'ingest', () =>
      ingestInputs(inputs, config, { progress, workspace, workers, files, sign: true, mode: 'text', foldsOnly: true }),
    );
    const cache = runCache(workspace, articles, docHashes);
    const { duplicates, reuse } = await fingerprintStage(articles, config, { timings, progress, cache, signatures, threads: helpers, folds });
    folds?.close();
    return { through: 'dupes', manifest, duplicates, reuse, timings, threads: { ingest: threads } };
  } finally {
    helpers.release();
  }
}

export interface PipelineOptions {
  progress?: Progress;
  /** What earlier runs computed, and where this run keeps what it computes. */
  workspace?: Workspace;
  /** Worker threads for ingest (building and signing) and compare (1: all on the main thread; output is the same). */
  workers?: number;
  /** Where the report stage hands each event's whole comparison as it is made (the event pages). */
  events?: EventSink;
  /** The inputs' files when the caller has already found them (collectInputs): not walked again. */
  files?: InputFile[];
  /** Where ingest hands each article's articles.jsonl line as it is made (openStagedJsonl); not used by `dupes`. */
  articleRecords?: Pick<StagedJsonl, 'add' | 'lines' | 'lineIndex'>;
  /**
   * The articles.jsonl an earlier run wrote where this one will write its own: when ingest took
   * the corpus whole from the workspace and the file is as that run wrote it (keptArticleLines),
   * the compare stage reads its events' members from it.
   */
  keptArticles?: string;
}

/**
 * Runs the stages in order up to and including `through`. Reads inputs; writes nothing but what
 * it is given a place for: the workspace of what it computed for the next run to reuse, the
 * event pages (`events`) and the articles' lines (`articleRecords`).
 */
export async function runPipeline(inputs: string[], config: ResolvedConfig, through: 'dupes', options?: PipelineOptions): Promise<DupesResult>;
export async function runPipeline(inputs: string[], config: ResolvedConfig, through: Exclude<StageName, 'dupes'>, options?: PipelineOptions): Promise<PipelineResult>;
export async function runPipeline(inputs: string[], config: ResolvedConfig, through: StageName, options?: PipelineOptions): Promise<RunResult>;
export async function runPipeline(
  inputs: string[],
  config: ResolvedConfig,
  through: StageName,
  options: PipelineOptions = {},
): Promise<RunResult> {
  if (through === 'dupes') return findDuplicates(inputs, config, options);
  const { progress = silentProgress, workspace, workers, files } = options;
  const timings: Record<string, number> = {};
  const upTo = (stage: StageName) => ORDER.indexOf(stage) <= ORDER.indexOf(through);
  const ingested = await timed(timings, 'ingest', () =>
    ingestInputs(inputs, config, {
      progress,
      workspace,
      workers,
      files,
      sign: upTo('cluster'),
      leads: upTo('cluster'),
      // Past ingest the text is read from the lines (compare) and the folds (fingerprint).
      foldsOnly: upTo('cluster') && options.articleRecords !== undefined,
      ...(options.articleRecords ? { onArticleRecord: (record: Uint8Array) => options.articleRecords!.add(record) } : {}),
    }),
  );
  const { manifest, docHashes, threads, folds } = ingested;
  let { articles } = ingested;
  const result: PipelineResult = { through, articles, manifest, timings, threads: { ingest: threads } };
  if (!upTo('cluster')) return result;
  const cache = runCache(workspace, articles, docHashes);
  const whole = ingested.leadsOnly && cache ? wholeArticlesIn(cache.store, workspaceKeys.ingest(config), cache.docHashes, articles.map((a) => a.id)) : undefined;
  if (whole) result.whole = whole;
  const { duplicates, reuse } = await fingerprintStage(articles, config, { timings, progress, cache, signatures: ingested.signatures, threads: fingerprintThreads(workers, false), whole, folds });
  // The keys have been searched: let them go before clustering, which needs the room (2.5 GB at a million articles).
  const keyBytes = ingested.signatures?.releasedBytes ?? 0;
  delete ingested.signatures;
  if (keyBytes >= COLLECT_AFTER_KEY_BYTES) collectGarbageNow();
  // Kept only through fingerprinting: the stages after it read no folds.
  folds?.close();
  Object.assign(result, { duplicates, reuse });
  // Past fingerprinting, the text is read back from articles.jsonl where it is needed (compare):
  // the file ingest is writing when it holds every article, or, for a corpus taken whole from the
  // workspace (which hands on no lines), the one the last run wrote while it is as written.
  const articlesKey = cache ? hashText(cache.corpusKey, workspaceKeys.ingest(config)) : undefined;
  const records =
    options.articleRecords?.lines === articles.length
      ? options.articleRecords.lineIndex()
      : whole && options.keptArticles && upTo('report')
        ? keptArticleLines(cache!.store, options.keptArticles, articlesKey!, articles.length)
        : undefined;
  if (folds && !records) throw new Error('runPipeline: ingest kept only the leads of articles whose lines articles.jsonl does not hold');
  if (records) {
    result.articles = articles = articles.map(keepingLeads);
    // Nor does the ingest result hold them whole: it lives to the end of the run.
    ingested.articles = articles;
  }
  progress.start('cluster');
  // Half the candidate pairs are scored on a thread of their own when there are threads to use
  // (and pairs enough: scoreCandidatesSplit decides, and the manifest says whether it did).
  const worker = (workers ?? 1) > 1 ? scorePairsOnWorker(config) : undefined;
  result.threads.cluster = 0;
  const elsewhere: PairScorer | undefined =
    worker &&
    ((...args) => {
      result.threads.cluster = 1;
      return worker(...args);
    });
  const { clusters, links } = await timed(timings, 'cluster', async () => {
    if (cache) return clusterWithWorkspace(articles, duplicates, cache.corpusKey, config, cache.store, elsewhere);
    const scored = elsewhere ? await scoreCandidatesSplit(articles, duplicates, config, elsewhere) : scoreCandidates(articles, duplicates, config);
    return mergeScoredPairs(articles, scored, config);
  });
  progress.end(`${clusters.length} events from ${links.size} scored pairs`);
  Object.assign(result, { clusters, links });
  if (!upTo('report')) return result;
  progress.start('compare', clusters.length);
  const compared = await timed(timings, 'compare', () =>
    compareEvents(clusters, articles, duplicates, config, progress, {
      workers,
      ...(records ? { records } : {}),
      ...(whole ? { whole } : {}),
      ...(options.events ? { sink: options.events } : {}),
      ...(cache ? { workspace: { store: cache.store, docHashes: cache.docHashes } } : {}),
    }),
  );
  result.digests = compared.digests;
  result.threads.compare = compared.threads;
  if (cache) {
    result.outputKeys = {
      articles: articlesKey!,
      fingerprints: hashText(cache.corpusKey, workspaceKeys.fingerprintStage(config)),
    };
  }
  progress.end(`${clusters.length} events compared`);
  return result;
}
