import type { ClusterLink } from '../types.js';
import type { ScoredPair } from './clusterArticles.js';

const DECISIONS: ClusterLink['decision'][] = ['duplicate', 'linked', 'below-threshold', 'date-conflict', 'place-conflict', 'cluster-conflict'];
/** i, j, score, the six features, decision: one row of float64s per scored pair. */
const FIELDS = 10;

/**
 * Scored pairs as rows of float64s: millions of links in a few hundred megabytes, kept in the
 * workspace or handed between threads without parsing or cloning objects. Doubles hold the scores
 * and features exactly, so what is decoded is what was encoded.
 */
export function encodeScoredPairs(scored: ScoredPair[]): Float64Array {
  const rows = new Float64Array(scored.length * FIELDS);
  scored.forEach(({ i, j, link }, k) => {
    const f = link.features;
    rows.set([i, j, link.score, f.date, f.participants, f.place, f.text, f.title, f.duplicate, DECISIONS.indexOf(link.decision)], k * FIELDS);
  });
  return rows;
}

/** The scored pairs of `rows`, their links naming the articles (by index) they were scored from. */
export function decodeScoredPairs(rows: Float64Array, articles: { id: string }[]): ScoredPair[] {
  const scored: ScoredPair[] = new Array(rows.length / FIELDS);
  // Read by index: a subarray and a destructuring per row were most of a threshold re-run's
  // clustering at 100k articles (894k rows, 1.3 s).
  for (let k = 0, r = 0; r < rows.length; k++, r += FIELDS) {
    const i = rows[r]!;
    const j = rows[r + 1]!;
    const x = articles[i]!.id;
    const y = articles[j]!.id;
    const features = { date: rows[r + 3]!, participants: rows[r + 4]!, place: rows[r + 5]!, text: rows[r + 6]!, title: rows[r + 7]!, duplicate: rows[r + 8]! };
    const link = { a: x < y ? x : y, b: x < y ? y : x, score: rows[r + 2]!, features, decision: DECISIONS[rows[r + 9]!]! };
    scored[k] = { i, j, link };
  }
  return scored;
}
