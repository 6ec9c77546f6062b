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

/** A record in a pack: the pack (its bytes grow, and are cut to size when it is sealed) and its place there. */
export interface PackedRecord {
  pack: PackedRecords;
  k: number;
}

/** Bytes a pack starts with: a batch of 64 news records is some 400 KB. */
const FIRST_PACK_BYTES = 512 << 10;

/**
 * Packs JSONL records as they are read, one pack per batch: each record is copied in at once (its
 * bytes are valid only until the reader reads on, readLineBytes), and `seal` ends a pack at the
 * end of its batch. Packs are filled in buffers from `pool`, which the workers give back.
 */
export class RecordPacker {
  private current: PackedRecords | null = null;
  private used = 0;

  constructor(private readonly pool: BufferPool) {}

  /** Copies `record` into the current pack. */
  add(record: RecordBytes): PackedRecord {
    const pack = (this.current ??= { bytes: new Uint8Array(this.pool.take(FIRST_PACK_BYTES)), ends: [], sources: [], fallbackIds: [] });
    const length = record.bytes.length;
    if (this.used + length > pack.bytes.length) {
      const larger = new Uint8Array(this.pool.take(Math.max(2 * pack.bytes.length, this.used + length)));
      larger.set(pack.bytes.subarray(0, this.used));
      this.pool.give(pack.bytes.buffer as ArrayBuffer);
      pack.bytes = larger;
    }
    pack.bytes.set(record.bytes, this.used);
    this.used += length;
    pack.ends.push(this.used);
    pack.sources.push(record.source);
    pack.fallbackIds.push(record.fallbackId);
    return { pack, k: pack.ends.length - 1 };
  }

  /** Ends the current pack, its bytes cut to what it holds: records added after go into a new one. */
  seal(): void {
    if (this.current) this.current.bytes = this.current.bytes.subarray(0, this.used);
    this.current = null;
    this.used = 0;
  }
}

/** A pack of no records, for a batch of documents read here. */
export function emptyPack(): PackedRecords {
  return { bytes: new Uint8Array(0), ends: [], sources: [], fallbackIds: [] };
}

/** The `k`th record of a pack, its bytes a view on the pack's. */
export function unpackRecord(packed: PackedRecords, k: number): RecordBytes {
  const start = k === 0 ? 0 : packed.ends[k - 1]!;
  return { bytes: packed.bytes.subarray(start, packed.ends[k]!), source: packed.sources[k]!, fallbackId: packed.fallbackIds[k]! };
}

/**
 * Where the record at `k` of a pack came from, the id it takes if it has none, and its length: read
 * from the pack's lists, which stay with the main thread when its bytes have gone to a worker.
 */
export function recordPlace({ pack, k }: PackedRecord): { source: string; fallbackId: string; length: number } {
  const start = k === 0 ? 0 : pack.ends[k - 1]!;
  return { source: pack.sources[k]!, fallbackId: pack.fallbackIds[k]!, length: pack.ends[k]! - start };
}
