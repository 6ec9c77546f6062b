import type { ResolvedConfig } from '../config/resolveConfig.js';
import { compareEvent, createCompareContext } from '../compare/compareEvent.js';
import type { Article, EventCluster, EventComparison, SimilarPair } from '../types.js';
import type { Workspace } from '../workspace/openWorkspace.js';
import type { CompareTask } from './compareWorker.js';
import type { Progress } from './progress.js';
import { mapInBatches } from './workerPool.js';
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

export interface CompareOptions {
  workspace?: { store: Workspace; docHashes: Map<string, string>; pageKeys: Map<string, string> };
  /** Worker threads to compare on; 1 compares on the main thread. Output is the same. */
  workers?: number;
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
): Promise<{ comparisons: Map<string, EventComparison>; threads: number }> {
  const { workspace } = options;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byArticle = duplicatesByArticle(duplicates);
  const compareKey = workspace ? workspaceKeys.compare(config) : '';
  const comparisons = new Map<string, EventComparison>();
  const events = clusters.map((cluster) => {
    const members = new Set(cluster.articles);
    const among = [...new Set(cluster.articles.flatMap((id) => byArticle.get(id) ?? []))].filter((d) => members.has(d.a) && members.has(d.b));
    const eventKey = workspace ? workspaceKeys.event(cluster, workspace.docHashes, among) : '';
    if (workspace) workspace.pageKeys.set(cluster.id, workspaceKeys.page(eventKey, compareKey, cluster));
    return { cluster, among, eventKey };
  });
  const cached = workspace ? workspace.store.getComparisons<EventComparison>(events.map((e) => e.eventKey), compareKey) : new Map<string, EventComparison>();
  const todo: typeof events = [];
  for (const event of events) {
    const comparison = cached.get(event.eventKey);
    if (comparison) {
      comparisons.set(event.cluster.id, comparison);
      progress.tick();
    } else todo.push(event);
  }
  // Each batch is recorded (and stored in the workspace) as it comes back, while the workers compare the next.
  const { threads } = await compareAll(todo, byId, config, options.workers ?? 1, (computed, offset) => {
    const record = () =>
      computed.forEach((comparison, k) => {
        const { cluster, eventKey } = todo[offset + k]!;
        comparisons.set(cluster.id, comparison);
        workspace?.store.putComparison(eventKey, compareKey, comparison);
      });
    if (workspace) workspace.store.batch(record);
    else record();
    progress.tick(computed.length);
  });
  // In the clusters' order, whether cached or computed.
  return { comparisons: new Map(clusters.map((c) => [c.id, comparisons.get(c.id)!])), threads };
}

function compareAll(
  todo: { cluster: EventCluster; among: SimilarPair[] }[],
  byId: Map<string, Article>,
  config: ResolvedConfig,
  workers: number,
  onBatch: (computed: EventComparison[], offset: number) => void,
): Promise<{ threads: number }> {
  return mapInBatches<(typeof todo)[number], CompareTask, EventComparison>({
    items: todo,
    script: WORKER_SCRIPT,
    threads: workers,
    batchSize: BATCH,
    workerData: { config },
    task: (batch) => ({
      events: batch.map(({ cluster, among }) => ({ cluster, members: cluster.articles.map((id) => byId.get(id)!), duplicates: among })),
    }),
    here: () => {
      const context = createCompareContext(config);
      return ({ cluster, among }) => compareEvent(cluster, byId, among, context);
    },
    onBatch,
  });
}
