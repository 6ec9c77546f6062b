import type { CandidateSearch } from '../fingerprint/fingerprintCorpus.js';
import { runOnWorker, WorkerPool } from './workerPool.js';

const SCRIPT = new URL('./lshWorker.js', import.meta.url);

/**
 * LSH on a worker thread of its own, over keys on shared memory (no copy): the fingerprint stage
 * searches the paragraphs' keys there while it finds the articles' duplicates here. Undefined
 * when the compiled worker is not there (parallax run from its TypeScript sources).
 */
export function searchOnWorker(): CandidateSearch | undefined {
  if (!WorkerPool.available(SCRIPT)) return undefined;
  return async (flat, bands) => {
    const found = await runOnWorker<Uint32Array>(SCRIPT, { flat, bands });
    const pairs: [number, number][] = new Array(found.length / 2);
    for (let k = 0; k < pairs.length; k++) pairs[k] = [found[2 * k]!, found[2 * k + 1]!];
    return pairs;
  };
}
