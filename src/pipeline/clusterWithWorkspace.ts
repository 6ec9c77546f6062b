import { mergeScoredPairs, scoreCandidates, scoreCandidatesSplit, type ClusterResult, type PairScorer, type ScoredPair } from '../cluster/clusterArticles.js';
import { decodeScoredPairs, encodeScoredPairs } from '../cluster/scoredPairRows.js';
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
  if (stored) return mergeScoredPairs(articles, decodeScoredPairs(rowsOf(stored), articles), config, true);
  const scored = elsewhere ? await scoreCandidatesSplit(articles, duplicates, config, elsewhere) : scoreCandidates(articles, duplicates, config);
  const rows = encodeScoredPairs(scored);
  workspace.putStageBlob('scored-pairs', corpusKey, configKey, Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength));
  return mergeScoredPairs(articles, scored, config, true);
}

/** A BLOB's bytes as float64s: copied, since SQLite's buffer need not be aligned for a Float64Array. */
function rowsOf(blob: Buffer): Float64Array {
  const rows = new Float64Array(blob.byteLength / 8);
  new Uint8Array(rows.buffer).set(blob);
  return rows;
}
