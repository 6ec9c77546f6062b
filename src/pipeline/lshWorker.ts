/**
 * A worker thread that runs LSH over band keys it is given on shared memory, and hands back the
 * candidate pairs as one flat array (i, j, i, j …): the fingerprint stage verifies them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lshCandidatesFromFlat } from '../fingerprint/lshCandidates.js';

const { flat, bands } = workerData as { flat: Uint32Array; bands: number };
const pairs = lshCandidatesFromFlat(flat, bands);
const out = new Uint32Array(pairs.length * 2);
pairs.forEach(([i, j], k) => {
  out[2 * k] = i;
  out[2 * k + 1] = j;
});
parentPort!.postMessage(out, [out.buffer as ArrayBuffer]);
