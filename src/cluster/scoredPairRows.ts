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
  for (let k = 0, r = 0; r < rows.length; k++, r += FIELDS) {
    const [i, j, score, date, participants, place, text, title, duplicate, decision] = rows.subarray(r, r + FIELDS) as unknown as number[];
    const [x, y] = [articles[i!]!.id, articles[j!]!.id];
    const [a, b] = x < y ? [x, y] : [y, x];
    scored[k] = {
      i: i!,
      j: j!,
      link: { a, b, score: score!, features: { date: date!, participants: participants!, place: place!, text: text!, title: title!, duplicate: duplicate! }, decision: DECISIONS[decision!]! },
    };
  }
  return scored;
}
