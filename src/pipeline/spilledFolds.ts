import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WHOLE_ARTICLE, type FoldSource } from '../fingerprint/fingerprintCorpus.js';
import type { FoldLocations } from '../fingerprint/findSimilarTexts.js';
import type { EncodedFolds, WrittenFolds } from './buildOutcome.js';
import { grownArray } from '../fingerprint/grownArray.js';
import { appendFolds, type FoldsFile } from './foldsFile.js';
import { readFully } from './readFully.js';

/** Signals that end a run (Ctrl-C, kill): the file goes first, then the signal ends the process as it would have. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Folds read at once by gather, and the gap between two wanted ones that it reads through rather than seek past. */
const GATHER_CHUNK_BYTES = 16 << 20;
const GATHER_GAP_BYTES = 256 << 10;
/** Gathered folds are held in buffers of this size (one of its own for a larger fold): few buffers, none past Node's limit. */
const GATHERED_PART_BYTES = 256 << 20;

/**
 * Bytes appended into a few large buffers and read back as UTF-16 text: gathered folds are held
 * as bytes, not strings, and in a few buffers, not one per fold (V8 starts a full collection for
 * every 64 MB of new buffers it has not yet collected).
 */
class GatheredBytes {
  private readonly parts: Buffer[] = [];
  private at = 0;
  private appended = 0;

  constructor(private readonly total: number) {}

  /** Appends `bytes`; where they were put, to be read with `text`. */
  append(bytes: Uint8Array): number {
    let part = this.parts[this.parts.length - 1];
    if (!part || this.at + bytes.byteLength > part.byteLength) {
      const left = this.total - this.appended;
      this.parts.push((part = Buffer.allocUnsafeSlow(Math.max(bytes.byteLength, Math.min(GATHERED_PART_BYTES, left)))));
      this.at = 0;
    }
    part.set(bytes, this.at);
    const where = (this.parts.length - 1) * PART_STRIDE + this.at;
    this.at += bytes.byteLength;
    this.appended += bytes.byteLength;
    return where;
  }

  text(where: number, byteLength: number): string {
    const part = Math.floor(where / PART_STRIDE);
    const start = where - part * PART_STRIDE;
    return this.parts[part]!.toString('utf16le', start, start + byteLength);
  }
}

/** A place in GatheredBytes as one number: part × PART_STRIDE + offset (any part is smaller). */
const PART_STRIDE = 2 ** 40;

/**
 * The folds of the articles the ingest workers built, kept in a file of their own until
 * fingerprinting is done, not in memory: verification reads only the candidates' texts, and a
 * million articles' folds are 3.6 GB of strings. The workers write them (FoldsFile) and the main
 * thread records where. Opened in the system's temporary folder and removed by `close`, or when
 * the process exits or is interrupted.
 */
export class SpilledFolds implements FoldSource {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'parallax-folds-'));
  private readonly file = path.join(this.dir, 'folds.utf16');
  private fd: number | null = openSync(this.file, 'w+');
  private readonly end = new BigInt64Array(new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT));
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

  /** The file for other threads to write folds to (appendFolds), then handed to addWritten. */
  get target(): FoldsFile {
    if (this.fd === null) throw new Error('SpilledFolds: written to after close');
    return { fd: this.fd, file: this.file, end: this.end };
  }

  /** Writes an article's folds, made on this thread. */
  add(id: string, folds: EncodedFolds): void {
    this.addWritten(id, { at: appendFolds(this.target, folds.bytes), lengths: folds.lengths });
  }

  /** Records an article's folds, written by another thread at `folds.at`. */
  addWritten(id: string, folds: WrittenFolds): void {
    if (this.fd === null) throw new Error('SpilledFolds: add after close');
    this.slots.set(id, this.starts.length);
    this.starts.push(folds.at);
    this.firstLength.push(this.lengthCount);
    if (this.lengthCount + folds.lengths.length > this.lengths.length) {
      this.lengths = grownArray(this.lengths, Math.max(this.lengths.length * 2, this.lengthCount + folds.lengths.length));
    }
    this.lengths.set(folds.lengths, this.lengthCount);
    this.lengthCount += folds.lengths.length;
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
    return this.readOne(id, WHOLE_ARTICLE);
  }

  paragraph(id: string, position: number): string | undefined {
    return this.readOne(id, position);
  }

  /** One fold, found as locate finds many. */
  private readOne(id: string, position: number): string | undefined {
    const { bytes, chars } = this.locate([id], Int32Array.of(position));
    if (chars[0]! < 0) return undefined;
    const buffer = Buffer.allocUnsafe(chars[0]! * 2);
    readFully(this.fd!, this.file, buffer, bytes[0]!, buffer.byteLength);
    return buffer.toString('utf16le');
  }

  /**
   * The folds of many articles or paragraphs at once (`positions[k]` of `ids[k]`, or the whole
   * article where it is WHOLE_ARTICLE), as readFolds reads them; the answer for request `k` is
   * undefined when the article is not in this file.
   */
  gather(ids: readonly string[], positions: Int32Array): (k: number) => string | undefined {
    const { bytes, chars } = this.locate(ids, positions);
    return readFolds(this.fd!, this.file, bytes, chars);
  }

  /**
   * Where the folds gather would read lie in the file (per request its first byte and length in
   * characters, or a length of -1 for an article it does not hold): for another thread to read
   * with readFolds. Every fold added is in the file already: its writer wrote it before handing
   * over where.
   */
  locate(ids: readonly string[], positions: Int32Array): FoldLocations {
    if (this.fd === null) throw new Error('SpilledFolds: read after close');
    if (ids.length !== positions.length) throw new RangeError(`SpilledFolds.locate: ${ids.length} ids but ${positions.length} positions`);
    const count = ids.length;
    const bytes = new Float64Array(count);
    const chars = new Int32Array(count).fill(-1);
    for (let k = 0; k < count; k++) {
      const slot = this.slotOf(ids[k]!);
      if (slot === undefined) continue;
      const [from, to] = this.lengthRange(slot);
      const position = positions[k]!;
      if (position >= to - from) throw new RangeError(`SpilledFolds: ${ids[k]} has ${to - from} paragraphs, not a paragraph ${position}`);
      let before = 0;
      let length = 0;
      for (let at = from; at < to; at++) {
        if (position === WHOLE_ARTICLE || at - from === position) length += this.lengths[at]!;
        else if (at - from < position) before += this.lengths[at]!;
      }
      bytes[k] = this.starts[slot]! + 2 * before;
      chars[k] = length;
    }
    return { file: this.file, bytes, chars };
  }

  /** Removes the file; nothing can be read after. */
  close(): void {
    process.removeListener('exit', this.removeOnExit);
    for (const signal of ENDING_SIGNALS) process.removeListener(signal, this.removeOnSignal);
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    this.slots.clear();
    this.starts = [];
    this.firstLength = [];
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The folds at `bytes` (`chars` long; none where that is -1) of a file of UTF-16 folds, read in the
 * order they lie in the file, nearby ones in one read: verification's candidates are scattered
 * over the corpus, and at a million articles the folds file is 3.3 GB beside some 20 GB the run
 * writes to the workspace and articles.jsonl. With a read per candidate text (851,000 of them at
 * 300k articles), a million-article run's fingerprinting was still going after 12 minutes;
 * gathered, it took 95 s. Reads the folds into memory of their size; the answer for request `k` is
 * undefined where its length is -1. `file` names the file in errors.
 */
export function readFolds(fd: number, file: string, bytes: Float64Array, chars: Int32Array): (k: number) => string | undefined {
  const count = bytes.length;
  const order = Array.from({ length: count }, (_, k) => k).filter((k) => chars[k]! >= 0);
  // Requests in corpus order (the usual case) are already in file order.
  if (order.some((k, i) => i > 0 && bytes[k]! < bytes[order[i - 1]!]!)) order.sort((a, b) => bytes[a]! - bytes[b]!);
  const held = new GatheredBytes(order.reduce((sum, k) => sum + 2 * chars[k]!, 0));
  const where = new Float64Array(count);
  const chunk = Buffer.allocUnsafeSlow(GATHER_CHUNK_BYTES);
  for (let i = 0; i < order.length; ) {
    // One read covers the requests from order[i] on that lie close together and fit the chunk.
    const first = bytes[order[i]!]!;
    let end = i;
    let last = first;
    while (end < order.length) {
      const k = order[end]!;
      const stop = bytes[k]! + 2 * chars[k]!;
      if (end > i && (bytes[k]! - last > GATHER_GAP_BYTES || stop - first > GATHER_CHUNK_BYTES)) break;
      last = Math.max(last, stop);
      end++;
    }
    const span = last - first;
    const source = span <= GATHER_CHUNK_BYTES ? chunk : Buffer.allocUnsafeSlow(span);
    readFully(fd, file, source, first, span);
    for (; i < end; i++) {
      const k = order[i]!;
      const from = bytes[k]! - first;
      where[k] = held.append(source.subarray(from, from + 2 * chars[k]!));
    }
  }
  return (k) => (chars[k]! < 0 ? undefined : held.text(where[k]!, 2 * chars[k]!));
}
