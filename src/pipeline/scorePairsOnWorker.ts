import { Worker } from 'node:worker_threads';
import type { PairScorer } from '../cluster/clusterArticles.js';
import { decodeScoredPairs } from '../cluster/scoredPairRows.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { PairScoreTask } from './pairScoreWorker.js';
import { WorkerPool } from './workerPool.js';

const SCRIPT = new URL('./pairScoreWorker.js', import.meta.url);

/**
 * Candidate pairs scored on a worker thread of their own, for scoreCandidatesSplit. Undefined when
 * the compiled worker is not there (parallax run from its TypeScript sources).
 */
export function scorePairsOnWorker(config: ResolvedConfig, script = SCRIPT): PairScorer | undefined {
  if (!WorkerPool.available(script)) return undefined;
  return (inputs, duplicates, pairs) =>
    new Promise((resolve, reject) => {
      const flat = new Uint32Array(pairs.length * 2);
      pairs.forEach(([i, j], k) => {
        flat[2 * k] = i;
        flat[2 * k + 1] = j;
      });
      const task: PairScoreTask = { config, inputs, duplicates, pairs: flat };
      const worker = new Worker(script, { workerData: task, transferList: [flat.buffer] });
      worker.once('message', (rows: Float64Array) => {
        resolve(decodeScoredPairs(rows, inputs));
        void worker.terminate();
      });
      worker.once('error', reject);
      // After a result, terminate() ends it with code 1 and the promise is already settled.
      worker.once('exit', (code) => reject(new Error(`the pair-scoring worker thread exited with code ${code} before answering`)));
    });
}
