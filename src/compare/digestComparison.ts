import type { EventComparison, EventDigest } from '../types.js';

/** An event's comparison as the index and the events table read it. */
export function digestComparison(comparison: EventComparison): EventDigest {
  return {
    clusterId: comparison.clusterId,
    kind: comparison.kind,
    representatives: comparison.representatives,
    relations: comparison.relations,
    topicChars: comparison.framing.map((f) => ({ side: f.side, chars: f.chars, topics: f.topics.map((t) => t.chars) })),
    divergence: comparison.divergence?.score ?? null,
    aligned: comparison.aligned.length,
    onlyIn: comparison.onlyIn.length,
  };
}
