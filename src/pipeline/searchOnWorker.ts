import { Worker } from 'node:worker_threads';
import type { CandidateSearch } from '../fingerprint/fingerprintCorpus.js';
import { WorkerPool } from './workerPool.js';

const SCRIPT = new URL('./lshWorker.js', import.meta.url);

/**
 * LSH on a worker thread of its own, over keys on shared memory (no copy): the fingerprint stage
 * searches the paragraphs' keys there while it finds the articles' duplicates here. Undefined
 * when the compiled worker is not there (parallax run from its TypeScript sources).
 */
export function searchOnWorker(): CandidateSearch | undefined {
  if (!WorkerPool.available(SCRIPT)) return undefined;
  return (flat, bands) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(SCRIPT, { workerData: { flat, bands } });
      worker.once('message', (found: Uint32Array) => {
        const pairs: [number, number][] = new Array(found.length / 2);
        for (let k = 0; k < pairs.length; k++) pairs[k] = [found[2 * k]!, found[2 * k + 1]!];
        resolve(pairs);
        void worker.terminate();
      });
      worker.once('error', reject);
      // After a result, terminate() ends it with code 1 and the promise is already settled.
      worker.once('exit', (code) => reject(new Error(`the LSH worker thread exited with code ${code} before answering`)));
    });
}
