import type { ResolvedConfig } from '../config/resolveConfig.js';
import { compareEvent, createCompareContext } from '../compare/compareEvent.js';
import type { Article, EventCluster, EventComparison, SimilarPair } from '../types.js';
import type { Workspace } from '../workspace/openWorkspace.js';
import type { Progress } from './progress.js';
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

/**
 * The compare stage over every event. With a workspace, an event whose members, their documents
 * and the config outside clustering are unchanged takes its comparison from an earlier run: after
 * a clustering threshold changes, only the events it regrouped are compared again.
 */
export function compareEvents(
  clusters: EventCluster[],
  articles: Article[],
  duplicates: SimilarPair[],
  config: ResolvedConfig,
  progress: Progress,
  workspace?: { store: Workspace; docHashes: Map<string, string>; pageKeys: Map<string, string> },
): Map<string, EventComparison> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byArticle = duplicatesByArticle(duplicates);
  const context = createCompareContext(config);
  const compareKey = workspace ? workspaceKeys.compare(config) : '';
  const comparisons = new Map<string, EventComparison>();
  const compareOne = (cluster: EventCluster) => {
    const members = new Set(cluster.articles);
    const among = [...new Set(cluster.articles.flatMap((id) => byArticle.get(id) ?? []))].filter((d) => members.has(d.a) && members.has(d.b));
    if (!workspace) return compareEvent(cluster, byId, among, context);
    const eventKey = workspaceKeys.event(cluster, workspace.docHashes, among);
    workspace.pageKeys.set(cluster.id, workspaceKeys.page(eventKey, compareKey, cluster));
    const cached = workspace.store.getComparison<EventComparison>(eventKey, compareKey);
    if (cached) return cached;
    const comparison = compareEvent(cluster, byId, among, context);
    workspace.store.putComparison(eventKey, compareKey, comparison);
    return comparison;
  };
  const run = () => {
    for (const cluster of clusters) {
      progress.tick();
      comparisons.set(cluster.id, compareOne(cluster));
    }
  };
  if (workspace) workspace.store.batch(run);
  else run();
  return comparisons;
}
