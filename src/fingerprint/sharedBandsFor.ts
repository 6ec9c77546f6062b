/**
 * The share of pairs with Jaccard `s` that LSH makes candidates when a candidate must agree in at
 * least `minShared` of `bands` bands of `rows` rows: a band agrees with probability p = s^rows, so
 * 1 − P(fewer than `minShared` of `bands` agree) under the binomial law.
 */
export function candidateProbability(s: number, bands: number, rows: number, minShared: number): number {
  const p = s ** rows;
  if (p >= 1) return 1;
  let fewer = 0;
  // The binomial terms C(bands, m) p^m (1 − p)^(bands − m), each from the one before.
  let term = (1 - p) ** bands;
  for (let m = 0; m < minShared && m <= bands; m++) {
    fewer += term;
    term *= ((bands - m) / (m + 1)) * (p / (1 - p));
  }
  return Math.max(0, 1 - fewer);
}

/**
 * Of the pairs at its threshold, the share `fingerprint.minSharedBands: auto` keeps as candidates
 * at least, for article and paragraph pairs each, by the binomial law: one in 500 may be missed at
 * the threshold itself, far fewer above it. Short paragraphs, whose densified bins are not
 * independent, miss more: one in 200 between 0.70 and 0.75 on the bench's million articles (README,
 * the fingerprint stage).
 */
export const AUTO_CANDIDATE_RECALL = 0.998;

/**
 * What `minSharedBands: auto` resolves to: the most bands a candidate can be asked to share while
 * pairs at `threshold` are still found with probability AUTO_CANDIDATE_RECALL; 1 (any band, classic
 * LSH) when even that falls short. Every band asked for beyond one drops pairs far below the
 * threshold first: at 32 bands of 4 rows, asking for two dropped two-thirds of the bench
 * corpus's paragraph candidates, nearly all of them sentences that share a phrase.
 */
export function sharedBandsFor(threshold: number, bands: number, rows: number): number {
  let shared = 1;
  while (shared < bands && candidateProbability(threshold, bands, rows, shared + 1) >= AUTO_CANDIDATE_RECALL) shared++;
  return shared;
}
