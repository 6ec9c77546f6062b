import { mergeScoredPairs, scoreCandidates, scoreCandidatesSplit, type ClusterResult, type PairScorer } from '../cluster/clusterArticles.js';
import { decodeScoredPairTable, encodeScoredPairTable } from '../cluster/scoredPairTable.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { Article, SimilarPair } from '../types.js';
import type { Workspace } from '../workspace/openWorkspace.js';
import { workspaceKeys } from './workspaceKeys.js';

/**
 * The cluster stage through the workspace. Scoring candidate pairs is the expensive half and does
 * not depend on thresholds.cluster: the same corpus under the same scoring config takes its
 * scored pairs from the workspace and only merges again. This is what tuning the threshold re-runs.
 */
export async function clusterWithWorkspace(
  articles: Article[],
  duplicates: SimilarPair[],
  /** workspaceKeys.corpus of the articles, computed once per run. */
  corpusKey: string,
  config: ResolvedConfig,
  workspace: Workspace,
  /** Another thread to score half the pairs on (scoreCandidatesSplit). */
  elsewhere?: PairScorer,
): Promise<ClusterResult> {
  const configKey = workspaceKeys.scoredPairs(config);
  const stored = workspace.getStageBlob('scored-pairs', corpusKey, configKey);
  if (stored) return mergeScoredPairs(articles, decodeScoredPairTable(stored), config);
  const scored = elsewhere ? await scoreCandidatesSplit(articles, duplicates, config, elsewhere) : scoreCandidates(articles, duplicates, config);
  const bytes = encodeScoredPairTable(scored);
  workspace.putStageBlob('scored-pairs', corpusKey, configKey, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return mergeScoredPairs(articles, scored, config);
}
