import type { PairVerification } from '../fingerprint/fingerprintCorpus.js';
import { unitsIn, verifyUnits, type UnitTexts, type VerifiedPairs } from '../fingerprint/findSimilarTexts.js';
import { StandbyWorker, WorkerPool, type OnStandby } from './workerPool.js';

const SCRIPT = new URL('./verifyWorker.js', import.meta.url);

/** What the verifying thread is given: its share of the pairs, and where their texts are. */
export interface VerifyTask {
  /** The spilled folds' file, and per unit of `units` (ascending) where its fold is in it (FoldLocations). */
  file: string;
  units: Int32Array;
  bytes: Float64Array;
  chars: Int32Array;
  /** The folds of the units the file does not hold (a length of -1), in the order of `units`. */
  missing: string[];
  count: number;
  pairs: Int32Array;
  shingle: number;
  threshold: number;
}

/**
 * Verification of the paragraphs' candidates shared with a worker thread of its own: the pairs are
 * cut in two, and each thread reads the texts of its half from the folds' file and verifies them.
 * Alone on the main thread, verification (reading the texts, then sorting and merging shingle sets)
 * was the last 2.3 s of `dupes` at 100k articles with the other core idle. The answer is the same
 * as one thread's, pair for pair. Texts the file does not hold (articles the workspace gave back)
 * are sent with the task; without a folds file (texts held in memory) every pair is verified here.
 * `ahead`: the thread starts now (StandbyWorker), to be ready when the pairs are; else when they
 * come. Undefined when the compiled worker is not there (parallax run from its TypeScript sources).
 */
export function verifyOnWorker(ahead = true): OnStandby<PairVerification> | undefined {
  if (!WorkerPool.available(SCRIPT)) return undefined;
  const worker = new StandbyWorker(SCRIPT, ahead);
  const run: PairVerification = async (units, count, pairs, shingle, threshold) => {
    if (!units.locate || pairs.length < 4) return verifyUnits(units, count, pairs, shingle, threshold);
    const half = 2 * Math.floor(pairs.length / 4);
    const task = taskOf(units, units.locate.bind(units), count, pairs.slice(half), shingle, threshold);
    const theirs = worker.run<VerifiedPairs>(task, [task.pairs.buffer, task.units.buffer, task.bytes.buffer, task.chars.buffer] as ArrayBuffer[]);
    // Settled now or later, a failure surfaces at the await below, not as an unhandled rejection before it.
    theirs.catch(() => {});
    const mine = verifyUnits(units, count, pairs.subarray(0, half), shingle, threshold);
    return joinVerified(mine, await theirs);
  };
  return { run, release: () => worker.release() };
}

function taskOf(units: UnitTexts, locate: NonNullable<UnitTexts['locate']>, count: number, pairs: Int32Array, shingle: number, threshold: number): VerifyTask {
  const wanted = unitsIn(pairs, count);
  const { file, bytes, chars } = locate(wanted);
  const missing: string[] = [];
  chars.forEach((length, k) => {
    if (length < 0) missing.push(units.foldedOf(wanted[k]!));
  });
  return { file, units: wanted, bytes, chars, missing, count, pairs, shingle, threshold };
}

/** Two threads' answers, the first's pairs first. */
function joinVerified(first: VerifiedPairs, second: VerifiedPairs): VerifiedPairs {
  const similarity = new Float64Array(first.similarity.length + second.similarity.length);
  similarity.set(first.similarity);
  similarity.set(second.similarity, first.similarity.length);
  const exact = new Uint8Array(similarity.length);
  exact.set(first.exact);
  exact.set(second.exact, first.exact.length);
  return { similarity, exact };
}
