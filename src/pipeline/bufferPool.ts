/** Buffers kept for reuse at most this large: one odd record's megabytes are not held for the run. */
const MAX_KEPT_BYTES = 16 << 20;
/** New buffers are made at least this large, so that one fits the batches after it. */
const MIN_BYTES = 64 << 10;

/**
 * Buffers handed back and forth between the main thread and a worker, kept to be filled again
 * instead of made new for every batch. On this machine memory first touched costs about 3 ms a
 * megabyte in page faults, and every new buffer counts against V8's allowance of uncollected
 * ones, whose using up starts a full collection: the main thread of `dupes` ran 21 of them at
 * 100k articles, 15 of them for buffers that lived one batch. A buffer taken holds old bytes;
 * the taker writes every byte it uses.
 */
export class BufferPool {
  private readonly held: ArrayBuffer[] = [];

  constructor(private readonly limit = 16) {}

  /** A buffer of at least `bytes`: the smallest kept one that fits, or a new one. */
  take(bytes: number): ArrayBuffer {
    let best = -1;
    for (let i = 0; i < this.held.length; i++) {
      const size = this.held[i]!.byteLength;
      if (size >= bytes && (best < 0 || size < this.held[best]!.byteLength)) best = i;
    }
    if (best >= 0) return this.held.splice(best, 1)[0]!;
    // A quarter to spare: the next batch is seldom the same size as this one.
    return new ArrayBuffer(Math.max(MIN_BYTES, bytes + (bytes >> 2)));
  }

  /** Keeps `buffer` for a later take; one too large, moved away (detached) or past the limit is let go. */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength === 0 || buffer.byteLength > MAX_KEPT_BYTES || this.held.length >= this.limit) return;
    this.held.push(buffer);
  }

  /** Up to `count` kept buffers, no longer kept here: to send to the thread that fills them. */
  giveAway(count: number): ArrayBuffer[] {
    return this.held.splice(0, count);
  }
}
