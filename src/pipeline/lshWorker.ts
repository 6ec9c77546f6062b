/**
 * A worker thread that runs LSH over band keys it is given on shared memory, and hands back the
 * candidate pairs as one flat array (flattenPairs): the fingerprint stage verifies them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lshCandidatesFromFlat } from '../fingerprint/lshCandidates.js';
import { flattenPairs } from './flatPairs.js';

const { flat, bands } = workerData as { flat: Uint32Array; bands: number };
const out = flattenPairs(lshCandidatesFromFlat(flat, bands));
parentPort!.postMessage(out, [out.buffer as ArrayBuffer]);
