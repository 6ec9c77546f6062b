import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { Article, EventCluster, EventComparison } from '../types.js';
import { renderEventPage } from './renderEventPage.js';

/** An event's two files in `events/`: its report page and its data (cluster and whole comparison). */
export interface EventFiles {
  page: string;
  data: string;
}

/**
 * Whether an event gets files of its own. A single article has nothing to compare against: it is
 * listed in the index and the data files. Most events in a large archive are singletons, so this
 * is most of the pages a run would write.
 */
export function hasEventPage(cluster: EventCluster): boolean {
  return cluster.articles.length >= 2;
}

/** Renders an event's page and data file, as the compare stage makes its comparison (on its thread). */
export function renderEventFiles(cluster: EventCluster, comparison: EventComparison, articles: Map<string, Article>, config: ResolvedConfig): EventFiles {
  return {
    page: renderEventPage(cluster, comparison, articles, config),
    data: JSON.stringify({ cluster, comparison }, null, 2) + '\n',
  };
}
