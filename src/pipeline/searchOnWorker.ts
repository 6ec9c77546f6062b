import type { CandidateSearch } from '../fingerprint/fingerprintCorpus.js';
import { claimFrom, searchBands } from '../fingerprint/lshCandidates.js';
import { pairsOfCodes } from '../fingerprint/pairCollector.js';
import { runOnWorker, WorkerPool } from './workerPool.js';

const SCRIPT = new URL('./lshWorker.js', import.meta.url);

/**
 * LSH shared with a worker thread of its own, over keys on shared memory (no copy): the worker
 * starts on the paragraphs' bands while the fingerprint stage finds the articles' duplicates here,
 * then both take the bands left, one group at a time from a shared counter. Undefined when the
 * compiled worker is not there (parallax run from its TypeScript sources).
 */
export function searchOnWorker(): CandidateSearch | undefined {
  if (!WorkerPool.available(SCRIPT)) return undefined;
  return (flat, bands) => {
    const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const theirs = runOnWorker<Float64Array>(SCRIPT, { flat, bands, next });
    // Settled now or later, a failure surfaces at join, not as an unhandled rejection before it.
    theirs.catch(() => {});
    return {
      join: async () => {
        const mine = searchBands(flat, bands, claimFrom(next));
        return pairsOfCodes([mine, await theirs], flat.length / bands);
      },
    };
  };
}
