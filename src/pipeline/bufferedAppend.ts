import { writeFully } from './writeFully.js';

/** At most this many UTF-8 bytes per UTF-16 code unit: what a string may take in a buffer. */
const MAX_BYTES_PER_CHAR = 3;

/**
 * Bytes appended to the end of an open file through one buffer, written out when it fills, and
 * synchronously: a write to the page cache is quick, and the writers (ingest's main thread, the
 * outputs at a million rows) have no await between appends to wait on a stream's drain. A write
 * per append cost more than making what is appended; holding the appended buffers until a write
 * kept each alive past two young-generation collections, and every buffer promoted counts against
 * V8's allowance of uncollected buffers, whose using up starts a full collection. What is larger
 * than the buffer is written at once.
 */
export class BufferedAppend {
  private readonly buffer: Buffer;
  private used = 0;
  private appended = 0;

  constructor(
    private readonly fd: number,
    /** The file's name, for errors. */
    private readonly file: string,
    bufferBytes: number,
  ) {
    this.buffer = Buffer.allocUnsafeSlow(bufferBytes);
  }

  /** Bytes appended so far, written out or not: where the next append starts in the file. */
  get size(): number {
    return this.appended;
  }

  append(bytes: Uint8Array): void {
    if (this.used + bytes.byteLength > this.buffer.length) this.flush();
    if (bytes.byteLength > this.buffer.length) writeFully(this.fd, this.file, bytes, null);
    else {
      this.buffer.set(bytes, this.used);
      this.used += bytes.byteLength;
    }
    this.appended += bytes.byteLength;
  }

  appendByte(byte: number): void {
    if (this.used === this.buffer.length) this.flush();
    this.buffer[this.used++] = byte;
    this.appended++;
  }

  /** Appends `text` as UTF-8. */
  appendText(text: string): void {
    if (this.used + text.length * MAX_BYTES_PER_CHAR > this.buffer.length) this.flush();
    if (text.length * MAX_BYTES_PER_CHAR > this.buffer.length) {
      this.append(Buffer.from(text));
      return;
    }
    const written = this.buffer.write(text, this.used);
    this.used += written;
    this.appended += written;
  }

  /** Writes out what the buffer holds. */
  flush(): void {
    if (this.used === 0) return;
    writeFully(this.fd, this.file, this.buffer.subarray(0, this.used), null);
    this.used = 0;
  }

  /** Forgets what the buffer holds, unwritten: for a file about to be removed. */
  discard(): void {
    this.used = 0;
  }
}
