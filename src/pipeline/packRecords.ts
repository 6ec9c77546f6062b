import type { RecordBytes } from './buildOutcome.js';
import type { BufferPool } from './bufferPool.js';

/**
 * JSONL records on their way to a worker thread: their bytes in one buffer, moved rather than
 * copied, instead of a buffer each (or, before, a decoded string each, copied twice). The worker
 * moves the buffer back with its reply (IngestReply), to be filled again.
 */
export interface PackedRecords {
  bytes: Uint8Array;
  /** Where each record's bytes end in `bytes`; each starts where the one before ends. */
  ends: number[];
  sources: string[];
  fallbackIds: string[];
}

/** Packs `records` into a buffer from `pool`. */
export function packRecords(records: RecordBytes[], pool: BufferPool): PackedRecords {
  const length = records.reduce((sum, r) => sum + r.bytes.length, 0);
  const bytes = new Uint8Array(pool.take(length), 0, length);
  const ends: number[] = [];
  let at = 0;
  for (const record of records) {
    bytes.set(record.bytes, at);
    at += record.bytes.length;
    ends.push(at);
  }
  return { bytes, ends, sources: records.map((r) => r.source), fallbackIds: records.map((r) => r.fallbackId) };
}

/** The `k`th record of a pack, its bytes a view on the pack's. */
export function unpackRecord(packed: PackedRecords, k: number): RecordBytes {
  const start = k === 0 ? 0 : packed.ends[k - 1]!;
  return { bytes: packed.bytes.subarray(start, packed.ends[k]!), source: packed.sources[k]!, fallbackId: packed.fallbackIds[k]! };
}
