import type { CandidateSearch } from '../fingerprint/fingerprintCorpus.js';
import { unflattenPairs } from './flatPairs.js';
import { runOnWorker, WorkerPool } from './workerPool.js';

const SCRIPT = new URL('./lshWorker.js', import.meta.url);

/**
 * LSH on a worker thread of its own, over keys on shared memory (no copy): the fingerprint stage
 * searches the paragraphs' keys there while it finds the articles' duplicates here. Undefined
 * when the compiled worker is not there (parallax run from its TypeScript sources).
 */
export function searchOnWorker(): CandidateSearch | undefined {
  if (!WorkerPool.available(SCRIPT)) return undefined;
  return async (flat, bands) => unflattenPairs(await runOnWorker<Uint32Array>(SCRIPT, { flat, bands }));
}
