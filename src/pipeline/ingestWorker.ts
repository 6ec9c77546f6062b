/**
 * A worker thread of the ingest stage: builds (and signs) the documents it is sent, decoding and
 * parsing those sent as JSONL records. It holds nothing between batches but the ingest context and
 * buffers to fill again, so its output is the same as the main thread's.
 */
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { createIngestContext } from '../ingest/buildArticle.js';
import type { RawDocument } from '../types.js';
import { BufferPool } from './bufferPool.js';
import { buildDocument, buildRecord, type BuildOptions, type PostedItem } from './buildOutcome.js';
import type { FoldsFile } from './foldsFile.js';
import { onTasks } from './onTasks.js';
import { packBuilt } from './packBuilt.js';
import { unpackRecord, type PackedRecords } from './packRecords.js';

export interface IngestTask {
  /** The batch in order: a document read on the main thread, or null for the next of `records`. */
  documents: (RawDocument | null)[];
  records: PackedRecords;
  options: BuildOptions;
  /** Where to write the folds of what is signed (with BuildOptions.foldsOnly). */
  folds?: FoldsFile;
  /** Buffers of earlier replies the main thread is done with, to post the next keys and lines on. */
  spares: ArrayBuffer[];
}

/**
 * A batch built: what was built of each item, the buffer their keys and lines are on (packBuilt),
 * to give back once every item is taken, and the records' buffer given back to be filled again.
 */
export interface IngestReply {
  built: PostedItem[];
  shared: ArrayBuffer;
  returned: ArrayBuffer;
}

onTasks<{ config: ResolvedConfig }, IngestTask>(({ config }) => {
  const context = createIngestContext(config);
  const pool = new BufferPool();
  return ({ documents, records, options, folds, spares }) => {
    for (const spare of spares) pool.give(spare);
    let next = 0;
    const built = documents.map((document) =>
      document ? buildDocument(document, context, config, options) : buildRecord(unpackRecord(records, next++), context, config, options),
    );
    const { posted, shared } = packBuilt(built, { pool, ...(folds ? { folds } : {}) });
    const returned = records.bytes.buffer as ArrayBuffer;
    const reply: IngestReply = { built: posted, shared, returned };
    parentPort!.postMessage(reply, [shared, returned]);
  };
});
