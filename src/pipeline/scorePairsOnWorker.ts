import type { PairScorer } from '../cluster/clusterArticles.js';
import { decodeScoredPairTable } from '../cluster/scoredPairTable.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { PairScoreTask } from './pairScoreWorker.js';
import { runOnWorker, WorkerPool } from './workerPool.js';

const SCRIPT = new URL('./pairScoreWorker.js', import.meta.url);

/**
 * Candidate pairs scored on a worker thread of their own, for scoreCandidatesSplit. Undefined when
 * the compiled worker is not there (parallax run from its TypeScript sources).
 */
export function scorePairsOnWorker(config: ResolvedConfig, script = SCRIPT): PairScorer | undefined {
  if (!WorkerPool.available(script)) return undefined;
  return async (inputs, duplicates, pairs, texts) => {
    const task: PairScoreTask = { config, inputs, duplicates, pairs, texts };
    return decodeScoredPairTable(await runOnWorker<Uint8Array>(script, task, [pairs.buffer as ArrayBuffer]));
  };
}
