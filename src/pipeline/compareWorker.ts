/**
 * A worker thread of the compare stage: compares the events it is sent, each with its member
 * articles and the duplicate pairs among them, exactly as the main thread would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compareEvent, createCompareContext } from '../compare/compareEvent.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { Article, EventCluster, SimilarPair } from '../types.js';

export interface CompareTask {
  events: { cluster: EventCluster; members: Article[]; duplicates: SimilarPair[] }[];
}

const context = createCompareContext((workerData as { config: ResolvedConfig }).config);

parentPort!.on('message', ({ events }: CompareTask) => {
  parentPort!.postMessage(events.map(({ cluster, members, duplicates }) => compareEvent(cluster, new Map(members.map((a) => [a.id, a])), duplicates, context)));
});
