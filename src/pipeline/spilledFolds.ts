import { closeSync, mkdtempSync, openSync, readSync, rmSync, writevSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FoldSource } from '../fingerprint/fingerprintCorpus.js';
import type { EncodedFolds } from './buildOutcome.js';
import { grownArray } from '../fingerprint/grownArray.js';

/** Signals that end a run (Ctrl-C, kill): the file goes first, then the signal ends the process as it would have. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Bytes gathered before one write: few writes, little held. */
const FLUSH_BYTES = 4 << 20;

/**
 * The folds of the articles the ingest workers built, kept in a file of their own until
 * fingerprinting is done, not in memory: verification reads only the candidates' texts, and a
 * million articles' folds are 3.6 GB of strings. Opened in the system's temporary folder and
 * removed by `close`, or when the process exits or is interrupted.
 */
export class SpilledFolds implements FoldSource {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'parallax-folds-'));
  private readonly file = path.join(this.dir, 'folds.utf16');
  private fd: number | null = openSync(this.file, 'w+');
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private written = 0;
  /** Slot of each article, by id; per slot its first byte and its first entry in `lengths`. */
  private readonly slots = new Map<string, number>();
  private starts: number[] = [];
  private firstLength: number[] = [];
  private lengths = new Uint32Array(1024);
  private lengthCount = 0;
  private readonly removeOnExit = () => this.close();
  private readonly removeOnSignal = (signal: NodeJS.Signals) => {
    this.close();
    process.kill(process.pid, signal);
  };

  constructor() {
    process.once('exit', this.removeOnExit);
    for (const signal of ENDING_SIGNALS) process.once(signal, this.removeOnSignal);
  }

  get size(): number {
    return this.slots.size;
  }

  add(id: string, folds: EncodedFolds): void {
    if (this.fd === null) throw new Error('SpilledFolds: add after close');
    this.slots.set(id, this.starts.length);
    this.starts.push(this.written + this.pendingBytes);
    this.firstLength.push(this.lengthCount);
    if (this.lengthCount + folds.lengths.length > this.lengths.length) {
      this.lengths = grownArray(this.lengths, Math.max(this.lengths.length * 2, this.lengthCount + folds.lengths.length));
    }
    this.lengths.set(folds.lengths, this.lengthCount);
    this.lengthCount += folds.lengths.length;
    this.pending.push(folds.bytes);
    this.pendingBytes += folds.bytes.byteLength;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (!this.pendingBytes || this.fd === null) return;
    let at = this.written;
    // writev may write less than asked: what is left goes again.
    let left = this.pending;
    while (left.length) {
      let done = writevSync(this.fd, left, at);
      at += done;
      const rest: Uint8Array[] = [];
      for (const bytes of left) {
        if (done >= bytes.byteLength) done -= bytes.byteLength;
        else {
          rest.push(bytes.subarray(done));
          done = 0;
        }
      }
      left = rest;
    }
    this.written = at;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The article's slot, looked up once per read: verification reads a fold for every candidate. */
  private slotOf(id: string): number | undefined {
    if (this.fd === null) throw new Error('SpilledFolds: read after close');
    return this.slots.get(id);
  }

  /** Where the slot's paragraph lengths are in `lengths`. */
  private lengthRange(slot: number): [number, number] {
    return [this.firstLength[slot]!, slot + 1 < this.firstLength.length ? this.firstLength[slot + 1]! : this.lengthCount];
  }

  /** Each paragraph's folded length, in order. */
  paragraphLengths(id: string): Uint32Array | undefined {
    const slot = this.slotOf(id);
    return slot === undefined ? undefined : this.lengths.subarray(...this.lengthRange(slot));
  }

  article(id: string): string | undefined {
    const slot = this.slotOf(id);
    if (slot === undefined) return undefined;
    const [from, to] = this.lengthRange(slot);
    let chars = 0;
    for (let k = from; k < to; k++) chars += this.lengths[k]!;
    return this.read(this.starts[slot]!, chars);
  }

  paragraph(id: string, position: number): string | undefined {
    const slot = this.slotOf(id);
    if (slot === undefined) return undefined;
    const [from, to] = this.lengthRange(slot);
    if (position >= to - from) throw new RangeError(`SpilledFolds: ${id} has ${to - from} paragraphs, not a paragraph ${position}`);
    let before = 0;
    for (let k = from; k < from + position; k++) before += this.lengths[k]!;
    return this.read(this.starts[slot]! + 2 * before, this.lengths[from + position]!);
  }

  private read(byte: number, chars: number): string {
    if (this.fd === null) throw new Error('SpilledFolds: read after close');
    this.flush();
    const buffer = Buffer.allocUnsafe(chars * 2);
    let done = 0;
    while (done < buffer.byteLength) {
      const got = readSync(this.fd, buffer, done, buffer.byteLength - done, byte + done);
      if (got === 0) throw new Error(`SpilledFolds: ${this.file} ends before byte ${byte + buffer.byteLength}`);
      done += got;
    }
    return buffer.toString('utf16le');
  }

  /** Removes the file; nothing can be read after. */
  close(): void {
    process.removeListener('exit', this.removeOnExit);
    for (const signal of ENDING_SIGNALS) process.removeListener(signal, this.removeOnSignal);
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    this.pending = [];
    this.slots.clear();
    this.starts = [];
    this.firstLength = [];
    rmSync(this.dir, { recursive: true, force: true });
  }
}
