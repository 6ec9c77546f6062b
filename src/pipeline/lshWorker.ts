/**
 * A worker thread that runs LSH over band keys it is given on shared memory, taking groups of
 * bands from a counter it shares with the main thread, and hands back the candidate pairs of
 * the bands it took as sorted codes with the bands each shares (searchBands): the fingerprint
 * stage merges them with its own.
 */
import { parentPort } from 'node:worker_threads';
import { claimFrom, searchBands } from '../fingerprint/lshCandidates.js';

parentPort!.once('message', ({ flat, bands, next }: { flat: Uint32Array; bands: number; next: Int32Array }) => {
  const found = searchBands(flat, bands, claimFrom(next));
  parentPort!.postMessage(found, [found.codes.buffer as ArrayBuffer, found.counts.buffer as ArrayBuffer]);
});
