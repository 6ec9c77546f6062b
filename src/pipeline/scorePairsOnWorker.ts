import type { PairScorer } from '../cluster/clusterArticles.js';
import { decodeScoredPairs } from '../cluster/scoredPairRows.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { flattenPairs } from './flatPairs.js';
import type { PairScoreTask } from './pairScoreWorker.js';
import { runOnWorker, WorkerPool } from './workerPool.js';

const SCRIPT = new URL('./pairScoreWorker.js', import.meta.url);

/**
 * Candidate pairs scored on a worker thread of their own, for scoreCandidatesSplit. Undefined when
 * the compiled worker is not there (parallax run from its TypeScript sources).
 */
export function scorePairsOnWorker(config: ResolvedConfig, script = SCRIPT): PairScorer | undefined {
  if (!WorkerPool.available(script)) return undefined;
  return async (inputs, duplicates, pairs) => {
    const flat = flattenPairs(pairs);
    const task: PairScoreTask = { config, inputs, duplicates, pairs: flat };
    return decodeScoredPairs(await runOnWorker<Float64Array>(script, task, [flat.buffer as ArrayBuffer]), inputs);
  };
}
