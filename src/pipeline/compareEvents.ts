import type { ResolvedConfig } from '../config/resolveConfig.js';
import { createCompareContext } from '../compare/compareEvent.js';
import { hasEventPage, type EventFiles } from '../report/renderEventFiles.js';
import type { Article, EventCluster, EventDigest, SimilarPair } from '../types.js';
import type { Workspace } from '../workspace/openWorkspace.js';
import { compareAndRender, type ComparedEvent } from './compareAndRender.js';
import type { CompareTask } from './compareWorker.js';
import type { Progress } from './progress.js';
import { readStagedArticles } from './readStagedLines.js';
import type { StagedLines } from './writeAtomic.js';
import type { WholeArticles } from './wholeArticles.js';
import { openBatchStream } from './workerPool.js';
import { workspaceKeys } from './workspaceKeys.js';

/** Each article's duplicate pairs: an event's comparison needs only those among its members. */
function duplicatesByArticle(duplicates: SimilarPair[]): Map<string, SimilarPair[]> {
  const index = new Map<string, SimilarPair[]>();
  for (const d of duplicates) {
    for (const id of [d.a, d.b]) {
      const list = index.get(id);
      if (list) list.push(d);
      else index.set(id, [d]);
    }
  }
  return index;
}

const WORKER_SCRIPT = new URL('./compareWorker.js', import.meta.url);
/** Events per message to a worker. */
const BATCH = 32;
/** Events whose cached comparisons are read in one statement: the workspace is never read whole into memory. */
const LOOKUP = 512;

export interface CompareOptions {
  workspace?: { store: Workspace; docHashes: Map<string, string> };
  /**
   * articles.jsonl as ingest wrote it, line `k` the `k`th article: each event's members are read
   * from it where the event is compared, instead of being sent there. Copying every article to the
   * workers was the main thread's largest cost in the stage after writing the pages.
   */
  records?: StagedLines;
  /** Without records, where the whole articles are when `articles` hold only their leads (PipelineResult.whole). */
  whole?: WholeArticles;
  /** Worker threads to compare on; 1 compares on the main thread. Output is the same. */
  workers?: number;
  /** Where each whole comparison goes as it is made (its page and data file); only digests are kept. */
  sink?: EventSink;
}

/**
 * Takes the files of each event that has them (hasEventPage) as they are rendered, in no
 * particular order. `contentKey` (with a workspace) says what the event's outputs are made from.
 * The stage waits for the promise before handing over more, so a slow disk paces the stage
 * instead of rendered pages piling up in memory.
 */
export interface EventSink {
  put(cluster: EventCluster, files: EventFiles, contentKey?: string): Promise<void>;
  /**
   * For an event whose comparison a run made before: keeps what was written from it if that is
   * still right (or nothing is written for it), and says whether it did. When not, the stage
   * compares the event again and puts it.
   */
  reuse(cluster: EventCluster, contentKey?: string): Promise<boolean>;
}

/**
 * The compare stage over every event. With a workspace, an event whose members, their documents
 * and the config outside clustering are unchanged takes its comparison from an earlier run: after
 * a clustering threshold changes, only the events it regrouped are compared again. The rest are
 * compared on worker threads when there are several (each event depends on its members alone).
 */
export async function compareEvents(
  clusters: EventCluster[],
  articles: Article[],
  duplicates: SimilarPair[],
  config: ResolvedConfig,
  progress: Progress,
  options: CompareOptions = {},
): Promise<{ digests: Map<string, EventDigest>; threads: number }> {
  const { workspace, sink } = options;
  const byArticle = duplicatesByArticle(duplicates);
  const compareKey = workspace ? workspaceKeys.compare(config) : '';
  const digests = new Map<string, EventDigest>();
  const events = clusters.map((cluster): CompareItem => {
    const members = new Set(cluster.articles);
    const among = [...new Set(cluster.articles.flatMap((id) => byArticle.get(id) ?? []))].filter((d) => members.has(d.a) && members.has(d.b));
    const eventKey = workspace ? workspaceKeys.event(cluster, workspace.docHashes, among) : '';
    // Only an event with a page has files to keep or write under a key: most events of an archive are single articles.
    const pageKey = workspace && hasEventPage(cluster) ? workspaceKeys.page(eventKey, compareKey, cluster) : undefined;
    return { cluster, among, eventKey, pageKey };
  });
  // Digests are stored as they come, a few thousand to a transaction.
  const stored = workspace?.store.openGroupedWrites(({ event, digest }: { event: CompareItem; digest: EventDigest }) =>
    workspace.store.putDigest(event.eventKey, compareKey, digest, event.again),
  );
  const members = memberSource(articles, options.records, options.whole);
  const stream = openCompareStream(members, config, options.workers ?? 1, sink !== undefined, (computed, batch) => {
    computed.forEach(({ digest }, k) => {
      digests.set(batch[k]!.cluster.id, digest);
      stored?.add({ event: batch[k]!, digest });
    });
    progress.tick(computed.length);
    return settle(computed.map(({ files }, k) => (files ? sink?.put(batch[k]!.cluster, files, batch[k]!.pageKey) : undefined)));
  });
  try {
    // What earlier runs compared is read a chunk at a time, and the rest sent to be compared as it is found.
    for (let start = 0; start < events.length; start += LOOKUP) {
      const chunk = events.slice(start, start + LOOKUP);
      const cached = workspace ? workspace.store.getDigests<EventDigest>(chunk.map((e) => e.eventKey), compareKey) : undefined;
      const reused: Promise<void>[] = [];
      const rewrite: CompareItem[] = [];
      for (const event of chunk) {
        const digest = cached?.get(event.eventKey);
        if (!digest) {
          await stream.add(event);
          continue;
        }
        digests.set(event.cluster.id, digest);
        if (!sink) progress.tick();
        else reused.push(sink.reuse(event.cluster, event.pageKey).then((kept) => void (kept ? progress.tick() : rewrite.push(event))));
      }
      await settle(reused);
      // An event whose files were edited or deleted since is compared again: only digests are stored.
      for (const event of rewrite) await stream.add({ ...event, again: true });
    }
  } catch (error) {
    stored?.flush();
    await stream.abort();
    throw error;
  }
  const { threads } = await stream.finish();
  stored?.flush();
  // In the clusters' order, whether cached or computed.
  return { digests: new Map(clusters.map((c) => [c.id, digests.get(c.id)!])), threads };
}

async function settle(writes: (Promise<void> | undefined)[]): Promise<void> {
  await Promise.all(writes);
}

/** `again`: an event whose stored digest was read but whose files must be written again. */
type CompareItem = { cluster: EventCluster; among: SimilarPair[]; eventKey: string; pageKey?: string; again?: boolean };

/** Where an event's members come from: the articles themselves, or their lines of articles.jsonl (CompareOptions.records). */
interface MemberSource {
  records?: StagedLines;
  /** The members of an event as a task carries them to a worker. */
  forTask(cluster: EventCluster): { members: Article[] } | { lines: number[] };
  /** The members of an event compared here, by id. */
  here(cluster: EventCluster): Map<string, Article>;
}

function memberSource(articles: Article[], records?: StagedLines, whole?: WholeArticles): MemberSource {
  if (!records && whole) {
    return {
      forTask: (cluster) => ({ members: whole.get(cluster.articles) }),
      here: (cluster) => new Map(whole.get(cluster.articles).map((a) => [a.id, a])),
    };
  }
  if (!records) {
    const byId = new Map(articles.map((a) => [a.id, a]));
    return {
      forTask: (cluster) => ({ members: cluster.articles.map((id) => byId.get(id)!) }),
      here: () => byId,
    };
  }
  const lineOf = new Map(articles.map((a, line) => [a.id, line]));
  const linesOf = (cluster: EventCluster) => cluster.articles.map((id) => lineOf.get(id)!);
  return {
    records,
    forTask: (cluster) => ({ lines: linesOf(cluster) }),
    here: (cluster) => new Map(readStagedArticles(records, [{ lines: linesOf(cluster), ids: cluster.articles }])[0]!.map((a) => [a.id, a])),
  };
}

/** Events to compare, in batches, on worker threads or here; each finished batch goes to `onBatch` with its events. */
function openCompareStream(
  members: MemberSource,
  config: ResolvedConfig,
  workers: number,
  render: boolean,
  onBatch: (computed: ComparedEvent[], batch: CompareItem[]) => Promise<void>,
) {
  return openBatchStream<CompareItem, CompareTask, ComparedEvent>({
    script: WORKER_SCRIPT,
    threads: workers,
    workerData: { config, ...(members.records ? { records: members.records } : {}) },
    batchSize: BATCH,
    task: (batch) => ({
      events: batch.map(({ cluster, among }) => ({ cluster, ...members.forTask(cluster), duplicates: among })),
      render,
    }),
    here: () => {
      const context = createCompareContext(config);
      return ({ cluster, among }) => compareAndRender(cluster, members.here(cluster), among, context, render);
    },
    onBatch,
  });
}
