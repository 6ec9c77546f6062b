import { compareEvent, type CompareContext } from '../compare/compareEvent.js';
import { digestComparison } from '../compare/digestComparison.js';
import { hasEventPage, renderEventFiles, type EventFiles } from '../report/renderEventFiles.js';
import type { Article, EventCluster, EventDigest, SimilarPair } from '../types.js';

/** What the stage keeps of an event's comparison (its digest), and the files rendered from the whole of it. */
export interface ComparedEvent {
  digest: EventDigest;
  files?: EventFiles;
}

/**
 * One event's comparison, digested, and its files when it has them and `render` asks for them.
 * Done where the comparison is made: a comparison is several times the size of its digest, and
 * rendering it on the main thread (and copying it there first) was a third of that thread's work.
 */
export function compareAndRender(cluster: EventCluster, articles: Map<string, Article>, duplicates: SimilarPair[], context: CompareContext, render: boolean): ComparedEvent {
  const comparison = compareEvent(cluster, articles, duplicates, context);
  const digest = digestComparison(comparison);
  return render && hasEventPage(cluster) ? { digest, files: renderEventFiles(cluster, comparison, articles, context.config) } : { digest };
}
