/**
 * A worker thread of the compare stage: compares the events it is sent, each with its member
 * articles and the duplicate pairs among them, exactly as the main thread would, and renders the
 * files of those that get them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCompareContext } from '../compare/compareEvent.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { Article, EventCluster, SimilarPair } from '../types.js';
import { compareAndRender } from './compareAndRender.js';

export interface CompareTask {
  events: { cluster: EventCluster; members: Article[]; duplicates: SimilarPair[] }[];
  /** Whether the run writes event files: only then are they rendered. */
  render: boolean;
}

const context = createCompareContext((workerData as { config: ResolvedConfig }).config);

parentPort!.on('message', ({ events, render }: CompareTask) => {
  parentPort!.postMessage(
    events.map(({ cluster, members, duplicates }) => compareAndRender(cluster, new Map(members.map((a) => [a.id, a])), duplicates, context, render)),
  );
});
