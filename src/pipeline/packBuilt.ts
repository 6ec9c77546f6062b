import type { BuiltItem, PostedItem } from './buildOutcome.js';
import type { BufferPool } from './bufferPool.js';
import { appendFolds, type FoldsFile } from './foldsFile.js';

/** Where packBuilt puts what it does not post: the folds file, and the buffers it fills. */
export interface PackTargets {
  /** Where folds are written; a batch with folds and no file is refused. */
  folds?: FoldsFile;
  /** The buffer band keys are posted on, and the one folds are encoded in, are taken from here; the second is given back. */
  pool: BufferPool;
}

/**
 * A batch's builds made ready to post: every article's band keys, paragraph positions and fold
 * lengths, then its articles.jsonl line and leads' line, in one buffer taken from the pool, each
 * article's views on it, moved (not copied) with the message; its folds written to the folds file
 * in one write, each article's given as where it lies. One transfer per batch where there was one
 * per article, and the folds, 360 MB at 100k articles, never cross to the main thread. Posted as
 * arrays, the positions and lengths cost more to send than everything else in the message (2,000
 * articles: 8.9 µs each to post and receive, 4.1 µs as views). The lines came each on a buffer of
 * its own, 200,000 new buffers at 100k articles, and V8 collects the young generation when new
 * buffers pile up: the main thread's was collected 29–46 times for them alone, each time copying
 * the articles it held. The main thread gives the buffer back (`shared`) once it has taken every
 * article of the batch.
 */
export function packBuilt(items: BuiltItem[], targets: PackTargets): { posted: PostedItem[]; shared: ArrayBuffer } {
  let numbers = 0;
  let lineBytes = 0;
  let foldChars = 0;
  for (const item of items) {
    if ('refusal' in item) continue;
    numbers += (item.signatures?.values.length ?? 0) + (item.signatures?.positions.length ?? 0) + (item.folds?.lengths.length ?? 0);
    lineBytes += (item.record?.byteLength ?? 0) + (item.lead?.byteLength ?? 0);
    foldChars += item.folds?.text.length ?? 0;
  }
  if (foldChars > 0 && !targets.folds) throw new Error('packBuilt: the batch has folds but no folds file to write them to');
  const numberBytes = numbers * Uint32Array.BYTES_PER_ELEMENT;
  const shared = targets.pool.take(numberBytes + lineBytes);
  const values = new Uint32Array(shared, 0, numbers);
  const lines = new Uint8Array(shared, numberBytes, lineBytes);
  const foldBuffer = Buffer.from(targets.pool.take(foldChars * 2), 0, foldChars * 2);
  let at = 0;
  const place = (list: ArrayLike<number>) => {
    values.set(list, at);
    return values.subarray(at, (at += list.length));
  };
  let lineAt = 0;
  const placeLine = (bytes: Uint8Array) => {
    lines.set(bytes, lineAt);
    return lines.subarray(lineAt, (lineAt += bytes.byteLength));
  };
  let byte = 0;
  const posted = items.map((item): PostedItem => {
    if ('refusal' in item) return item;
    const { signatures, record, lead, folds, ...rest } = item;
    const packed: PostedItem = { ...rest, ...(record ? { record: placeLine(record) } : {}), ...(lead ? { lead: placeLine(lead) } : {}) };
    if (signatures) packed.signatures = { values: place(signatures.values), positions: place(signatures.positions) };
    if (folds) {
      // Where in the file is known once the batch is written: `at` is the place in the batch till then.
      packed.folds = { at: byte, lengths: place(folds.lengths) };
      byte += foldBuffer.write(folds.text, byte, 'utf16le');
    }
    return packed;
  });
  if (byte > 0) {
    const base = appendFolds(targets.folds!, foldBuffer.subarray(0, byte));
    for (const item of posted) if ('folds' in item && item.folds) item.folds.at += base;
  }
  targets.pool.give(foldBuffer.buffer as ArrayBuffer);
  return { posted, shared };
}
