/**
 * The config key paths each stage reads, first to last: a change outside a stage's paths (and
 * those of the stages before it) cannot change that stage's output.
 */
export const STAGE_KEYS = {
  ingest: ['ingest.maxFileBytes', 'ingest.extensions', 'boilerplate', 'outlets', 'people', 'places', 'sides'],
  fingerprint: ['fingerprint', 'thresholds.duplicate', 'thresholds.reuse'],
  cluster: ['cluster', 'thresholds.cluster', 'thresholds.dateWindowDays'],
} as const;

/**
 * The fingerprint keys an article's signatures are made from. The rest of `fingerprint`
 * (`minSharedBands`) decides only which pairs are searched: changing it keeps every signature.
 */
export const SIGNING_KEYS = ['fingerprint.shingle', 'fingerprint.permutations', 'fingerprint.bands', 'fingerprint.minParagraphChars', 'fingerprint.seed'] as const;

/** What scoring candidate pairs reads: everything before clustering and the clustering keys but the threshold. */
export const SCORING_KEYS = [...STAGE_KEYS.ingest, ...STAGE_KEYS.fingerprint, 'cluster', 'thresholds.dateWindowDays'] as const;
