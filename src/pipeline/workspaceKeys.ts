import { clusterFacts, linksKeyOf } from '../cluster/clusterLinks.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { SIGNATURE_VERSION } from '../fingerprint/minhash.js';
import type { Article, EventCluster, SimilarPair } from '../types.js';
import { hashConfigExcept, hashConfigSections, hashParts, hashText } from '../workspace/hashKeys.js';
import { SCORING_KEYS, SIGNING_KEYS, STAGE_KEYS } from './stageKeys.js';

/**
 * Changes whenever the same document and ingest config would build another article, so that
 * articles an earlier version built are not reused. 2: a renamed id's diagnostic is part of the
 * article as built, not added after.
 */
export const ARTICLE_VERSION = 2;

/**
 * Changes whenever the same articles and scoring config would give other scored pairs, or the
 * pairs are stored another way. 2: blocking no longer pairs two articles that name different
 * people through their place alone, and the pairs are a ScoredPairTable's bytes, in merge order.
 */
export const SCORED_PAIRS_VERSION = 2;

/**
 * The keys the workspace stores results under, in one place: each says what a result was computed
 * from, so two runs agree on a key exactly when the result would be the same.
 */
export const workspaceKeys = {
  /** Articles are built from a document by the ingest config (and this version of building). */
  ingest: (config: ResolvedConfig) => hashText(`v${ARTICLE_VERSION}`, hashConfigSections(config, STAGE_KEYS.ingest)),
  /** Signatures depend on the article and the signing parameters, not on the thresholds or how pairs are searched. */
  signatures: (config: ResolvedConfig) => hashText(`v${SIGNATURE_VERSION}`, hashConfigSections(config, [...STAGE_KEYS.ingest, ...SIGNING_KEYS])),
  fingerprintStage: (config: ResolvedConfig) =>
    hashText(`v${SIGNATURE_VERSION}`, hashConfigSections(config, [...STAGE_KEYS.ingest, ...STAGE_KEYS.fingerprint])),
  /** Scoring candidate pairs reads the clustering config but not the threshold the scores are held to. */
  scoredPairs: (config: ResolvedConfig) => hashText(`v${SIGNATURE_VERSION}`, `pairs v${SCORED_PAIRS_VERSION}`, hashConfigSections(config, SCORING_KEYS)),
  /** Everything outside clustering can change a comparison or a page. */
  compare: (config: ResolvedConfig) => hashConfigExcept(config, STAGE_KEYS.cluster),
  /** The corpus as the stages after ingest see it: every article's id and document, in order. */
  corpus: (articles: { id: string }[], docHashes: Map<string, string>) => hashParts(articles.map((a) => `${a.id}\u0001${docHashes.get(a.id)}`)),
  /** An event's comparison is made from its id, its members' documents and the duplicates among them. */
  event: (cluster: EventCluster, docHashes: Map<string, string>, duplicatesAmong: SimilarPair[]) =>
    hashText(cluster.id, ...cluster.articles.map((id) => `${id}\u0001${docHashes.get(id)}`), JSON.stringify(duplicatesAmong)),
  /** A page shows the comparison and the cluster's facts and links (scored by the clustering config). */
  page: (eventKey: string, compareKey: string, cluster: EventCluster) => hashText(eventKey, compareKey, JSON.stringify(clusterFacts(cluster)), linksKeyOf(cluster)),
};
