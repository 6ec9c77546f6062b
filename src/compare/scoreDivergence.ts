import type { Divergence, OneSidePassage, SideFraming } from '../types.js';

function distributionDistance(a: number[], b: number[]): number {
  const sa = a.reduce((x, y) => x + y, 0);
  const sb = b.reduce((x, y) => x + y, 0);
  if (sa === 0 || sb === 0) return 0;
  return a.reduce((d, x, i) => d + Math.abs(x / sa - b[i]! / sb), 0) / 2;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * How differently the two sides covered one event, from 0 (the same text) to 1 (nothing in common):
 * 0.6 × the share of both articles' text that has no counterpart on the other side,
 * + 0.25 × the distance between the sides' topic distributions (half the sum of absolute
 *   differences of each topic's share of the topical text),
 * + 0.15 × the mean distance between the sides' choices of variants for the paired terms both use.
 * Drivers: the longest passages only one side has, and the topics whose shares differ most.
 */
export function scoreDivergence(framing: [SideFraming, SideFraming], onlyIn: OneSidePassage[]): Divergence {
  const total = framing[0].chars + framing[1].chars || 1;
  const unaligned = Math.min(1, onlyIn.reduce((n, p) => n + p.text.length, 0) / total);
  const topics = distributionDistance(
    framing[0].topics.map((t) => t.chars),
    framing[1].topics.map((t) => t.chars),
  );
  const termDistances = framing[0].terms
    .map((pair, i) => {
      const other = framing[1].terms[i]!;
      const a = Object.values(pair.counts);
      const b = Object.values(other.counts);
      return a.some((x) => x > 0) && b.some((x) => x > 0) ? distributionDistance(a, b) : null;
    })
    .filter((d): d is number => d !== null);
  const terms = termDistances.length ? termDistances.reduce((x, y) => x + y, 0) / termDistances.length : 0;
  const topicDrivers = framing[0].topics
    .map((t, i) => ({ topic: t.topic, label: t.label, difference: round(t.share - framing[1].topics[i]!.share) }))
    .filter((t) => t.difference !== 0)
    .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference))
    .slice(0, 3);
  return {
    score: round(0.6 * unaligned + 0.25 * topics + 0.15 * terms),
    components: { unaligned: round(unaligned), topics: round(topics), terms: round(terms) },
    drivers: {
      passages: [...onlyIn].sort((x, y) => y.text.length - x.text.length).slice(0, 3),
      topics: topicDrivers,
    },
  };
}
