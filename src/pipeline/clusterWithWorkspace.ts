import { mergeScoredPairs, scoreCandidates, type ClusterResult, type ScoredPair } from '../cluster/clusterArticles.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { Article, ClusterLink, SimilarPair } from '../types.js';
import type { Workspace } from '../workspace/openWorkspace.js';
import { workspaceKeys } from './workspaceKeys.js';

const DECISIONS: ClusterLink['decision'][] = ['duplicate', 'linked', 'below-threshold', 'date-conflict', 'place-conflict', 'cluster-conflict'];
/** i, j, score, the six features, decision: one row of Float64s per scored pair. */
const FIELDS = 10;

/**
 * Scored pairs as a BLOB of float64 rows: millions of links in a few hundred megabytes, read back
 * without parsing. Doubles hold the scores and features exactly, so output is byte-identical.
 */
function encode(scored: ScoredPair[]): Buffer {
  const rows = new Float64Array(scored.length * FIELDS);
  scored.forEach(({ i, j, link }, k) => {
    const f = link.features;
    rows.set([i, j, link.score, f.date, f.participants, f.place, f.text, f.title, f.duplicate, DECISIONS.indexOf(link.decision)], k * FIELDS);
  });
  return Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
}

function decode(blob: Buffer, articles: Article[]): ScoredPair[] {
  const rows = new Float64Array(blob.byteLength / 8);
  new Uint8Array(rows.buffer).set(blob);
  const scored: ScoredPair[] = [];
  for (let k = 0; k < rows.length; k += FIELDS) {
    const [i, j, score, date, participants, place, text, title, duplicate, decision] = rows.subarray(k, k + FIELDS) as unknown as number[];
    const [x, y] = [articles[i!]!.id, articles[j!]!.id];
    const [a, b] = x < y ? [x, y] : [y, x];
    scored.push({
      i: i!,
      j: j!,
      link: { a, b, score: score!, features: { date: date!, participants: participants!, place: place!, text: text!, title: title!, duplicate: duplicate! }, decision: DECISIONS[decision!]! },
    });
  }
  return scored;
}

/**
 * The cluster stage through the workspace. Scoring candidate pairs is the expensive half and does
 * not depend on thresholds.cluster: the same corpus under the same scoring config takes its
 * scored pairs from the workspace and only merges again. This is what tuning the threshold re-runs.
 */
export function clusterWithWorkspace(
  articles: Article[],
  duplicates: SimilarPair[],
  /** workspaceKeys.corpus of the articles, computed once per run. */
  corpusKey: string,
  config: ResolvedConfig,
  workspace: Workspace,
): ClusterResult {
  const configKey = workspaceKeys.scoredPairs(config);
  const stored = workspace.getStageBlob('scored-pairs', corpusKey, configKey);
  const scored = stored ? decode(stored, articles) : scoreCandidates(articles, duplicates, config);
  if (!stored) workspace.putStageBlob('scored-pairs', corpusKey, configKey, encode(scored));
  return mergeScoredPairs(articles, scored, config);
}
