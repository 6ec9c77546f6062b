import { writeFully } from './writeFully.js';

/**
 * The folds file as every thread that writes to it sees it: its descriptor, its name (for errors),
 * and where its end is, on shared memory. A writer takes its bytes' place by moving the end past
 * them, so ingest workers write their batches' folds themselves, side by side, each at a place of
 * its own, and the main thread never holds them.
 */
export interface FoldsFile {
  fd: number;
  file: string;
  /** The file's length once every place taken is written (a byte count: past 2^32 at a million articles). */
  end: BigInt64Array;
}

/** Writes `bytes` at a new place at the end of the file and returns where they start. */
export function appendFolds(target: FoldsFile, bytes: Uint8Array): number {
  const at = Number(Atomics.add(target.end, 0, BigInt(bytes.byteLength)));
  writeFully(target.fd, target.file, bytes, at);
  return at;
}
