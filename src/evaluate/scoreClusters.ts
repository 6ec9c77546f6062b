import type { GoldLabels } from './readGold.js';

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClusterScores {
  bcubed: PrecisionRecall;
  pairwise: PrecisionRecall;
  clusters: number;
  goldEvents: number;
  /** Articles scored: those both clustered and labelled. */
  articles: number;
  /** Ids the gold labels that the corpus does not have. */
  unknownIds: string[];
  /** Articles the corpus has that the gold does not label. */
  unlabelled: string[];
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function pr(precision: number, recall: number): PrecisionRecall {
  return { precision: round(precision), recall: round(recall), f1: round(f1(precision, recall)) };
}

/**
 * Cluster quality against gold labels. B-cubed averages, per article, the share of its cluster that
 * shares its gold event (precision) and the share of its gold event that shares its cluster
 * (recall); pairwise counts article pairs put together. Only articles that are both clustered and
 * labelled are scored; the others are reported, never silently dropped.
 */
export function scoreClusters(clusters: string[][], gold: GoldLabels): ClusterScores {
  const clustered = new Set(clusters.flat());
  const unknownIds = [...gold.keys()].filter((id) => !clustered.has(id)).sort();
  const unlabelled = [...clustered].filter((id) => !gold.has(id)).sort();
  const scored = clusters.map((c) => c.filter((id) => gold.has(id))).filter((c) => c.length > 0);

  const clusterOf = new Map<string, number>();
  scored.forEach((c, i) => c.forEach((id) => clusterOf.set(id, i)));
  const eventMembers = new Map<string, string[]>();
  for (const id of clusterOf.keys()) {
    const label = gold.get(id)!;
    eventMembers.set(label, [...(eventMembers.get(label) ?? []), id]);
  }

  let precisionSum = 0;
  let recallSum = 0;
  for (const [id, ci] of clusterOf) {
    const label = gold.get(id)!;
    const cluster = scored[ci]!;
    const sameBoth = cluster.filter((other) => gold.get(other) === label).length;
    precisionSum += sameBoth / cluster.length;
    recallSum += sameBoth / eventMembers.get(label)!.length;
  }
  const n = clusterOf.size;

  const pairs = (k: number) => (k * (k - 1)) / 2;
  const predictedPairs = scored.reduce((s, c) => s + pairs(c.length), 0);
  const goldPairs = [...eventMembers.values()].reduce((s, m) => s + pairs(m.length), 0);
  let truePairs = 0;
  for (const cluster of scored) {
    const counts = new Map<string, number>();
    for (const id of cluster) counts.set(gold.get(id)!, (counts.get(gold.get(id)!) ?? 0) + 1);
    for (const k of counts.values()) truePairs += pairs(k);
  }
  return {
    bcubed: pr(n ? precisionSum / n : 0, n ? recallSum / n : 0),
    // Predicting no pairs makes no false ones (precision 1); with no gold pairs there is nothing to miss.
    pairwise: pr(predictedPairs ? truePairs / predictedPairs : 1, goldPairs ? truePairs / goldPairs : 1),
    clusters: scored.length,
    goldEvents: eventMembers.size,
    articles: n,
    unknownIds,
    unlabelled,
  };
}
