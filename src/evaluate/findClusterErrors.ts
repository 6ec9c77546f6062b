import type { ClusterLink, EventCluster } from '../types.js';
import type { GoldLabels } from './readGold.js';
import { compareCodeUnits } from '../text/compareCodeUnits.js';

export interface MergedEvent {
  clusterId: string;
  /** Gold label → the cluster's articles with that label. */
  events: Record<string, string[]>;
  /** The accepted links that joined articles of different gold events. */
  joinedBy: ClusterLink[];
}

export interface SplitEvent {
  event: string;
  /** Cluster id → the event's articles in that cluster. */
  parts: Record<string, string[]>;
  /** The strongest scored pair across the parts and why it was not taken; null when no pair was a candidate. */
  closest: ClusterLink | null;
}

export interface ClusterErrors {
  merged: MergedEvent[];
  split: SplitEvent[];
}

/** The worst clustering errors against gold labels, largest first, each with the link evidence behind it. */
export function findClusterErrors(clusters: EventCluster[], links: Iterable<ClusterLink>, gold: GoldLabels, limit = 5): ClusterErrors {
  const merged: MergedEvent[] = [];
  const clusterOf = new Map<string, string>();
  for (const cluster of clusters) {
    const events: Record<string, string[]> = {};
    for (const id of cluster.articles) {
      clusterOf.set(id, cluster.id);
      const label = gold.get(id);
      if (label) (events[label] ??= []).push(id);
    }
    if (Object.keys(events).length > 1) {
      const joinedBy = cluster.links.filter(
        (l) => (l.decision === 'linked' || l.decision === 'duplicate') && gold.get(l.a) && gold.get(l.b) && gold.get(l.a) !== gold.get(l.b),
      );
      merged.push({ clusterId: cluster.id, events, joinedBy });
    }
  }
  const byEvent = new Map<string, Record<string, string[]>>();
  for (const [id, label] of gold) {
    const cluster = clusterOf.get(id);
    if (!cluster) continue;
    const parts = byEvent.get(label) ?? {};
    (parts[cluster] ??= []).push(id);
    byEvent.set(label, parts);
  }
  // The strongest link across the parts of each split event, from one pass over the links (a run's links are read, not held).
  const closest = new Map<string, ClusterLink>();
  for (const l of links) {
    const event = gold.get(l.a);
    if (event === undefined || gold.get(l.b) !== event || clusterOf.get(l.a) === clusterOf.get(l.b)) continue;
    const best = closest.get(event);
    if (!best || l.score > best.score) closest.set(event, l);
  }
  const split: SplitEvent[] = [];
  for (const [event, parts] of byEvent) {
    if (Object.keys(parts).length < 2) continue;
    split.push({ event, parts, closest: closest.get(event) ?? null });
  }
  const size = (groups: Record<string, string[]>) => Object.values(groups).reduce((n, g) => n + g.length, 0);
  merged.sort((x, y) => size(y.events) - size(x.events) || compareCodeUnits(x.clusterId, y.clusterId));
  split.sort((x, y) => size(y.parts) - size(x.parts) || compareCodeUnits(x.event, y.event));
  return { merged: merged.slice(0, limit), split: split.slice(0, limit) };
}
