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
import { readStagedArticles } from './readStagedLines.js';
import type { StagedLines } from './writeAtomic.js';

export interface CompareTask {
  /** Each event with its members, or the lines of articles.jsonl that hold them (workerData's `records`). */
  events: { cluster: EventCluster; members?: Article[]; lines?: number[]; duplicates: SimilarPair[] }[];
  /** Whether the run writes event files: only then are they rendered. */
  render: boolean;
}

const { config, records } = workerData as { config: ResolvedConfig; records?: StagedLines };
const context = createCompareContext(config);

parentPort!.on('message', ({ events, render }: CompareTask) => {
  // A batch's members read with the file opened once.
  const read = records ? readStagedArticles(records, events.map(({ cluster, lines }) => ({ lines: lines!, ids: cluster.articles }))) : [];
  parentPort!.postMessage(
    events.map(({ cluster, members, duplicates }, k) => {
      const articles = members ?? read[k]!;
      return compareAndRender(cluster, new Map(articles.map((a) => [a.id, a])), duplicates, context, render);
    }),
  );
});
