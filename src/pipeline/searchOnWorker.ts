import type { CandidateSearch } from '../fingerprint/fingerprintCorpus.js';
import { claimFrom, searchBands } from '../fingerprint/lshCandidates.js';
import { flatPairsCountedAtLeast, type CountedCodes } from '../fingerprint/pairCollector.js';
import { StandbyWorker, WorkerPool, type OnStandby } from './workerPool.js';

const SCRIPT = new URL('./lshWorker.js', import.meta.url);

/**
 * LSH shared with a worker thread of its own, over keys on shared memory (no copy): the worker
 * starts on the paragraphs' bands while the fingerprint stage finds the articles' duplicates here,
 * then both take the bands left, one group at a time from a shared counter. `ahead`: the thread
 * starts now (StandbyWorker), to be ready when the keys are; else when the search runs. Undefined
 * when the compiled worker is not there (parallax run from its TypeScript sources).
 */
export function searchOnWorker(ahead = true): OnStandby<CandidateSearch> | undefined {
  if (!WorkerPool.available(SCRIPT)) return undefined;
  const worker = new StandbyWorker(SCRIPT, ahead);
  const run: CandidateSearch = (flat, bands, minShared) => {
    const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const theirs = worker.run<CountedCodes>({ flat, bands, next });
    // Settled now or later, a failure surfaces at join, not as an unhandled rejection before it.
    theirs.catch(() => {});
    return {
      join: async () => {
        const mine = searchBands(flat, bands, claimFrom(next));
        // A pair's bands may fall to both threads: its counts are summed before the least is applied.
        return flatPairsCountedAtLeast([mine, await theirs], flat.length / bands, minShared);
      },
    };
  };
  return { run, release: () => worker.release() };
}
