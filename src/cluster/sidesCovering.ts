import type { EventCluster } from '../types.js';

/** The sides, in config order, with at least one article in the event. */
export function sidesCovering(cluster: EventCluster, sideIds: string[]): string[] {
  return sideIds.filter((s) => (cluster.sides[s] ?? 0) > 0);
}
