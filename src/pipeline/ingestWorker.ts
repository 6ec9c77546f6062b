/**
 * A worker thread of the ingest stage: builds (and signs) the documents it is sent, decoding and
 * parsing those sent as JSONL records. It holds no state between batches but the ingest context,
 * so its output is the same as the main thread's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { createIngestContext } from '../ingest/buildArticle.js';
import type { RawDocument } from '../types.js';
import { buildDocument, buildRecord, type BuildOptions } from './buildOutcome.js';
import { packBuilt } from './packBuilt.js';
import { unpackRecord, type PackedRecords } from './packRecords.js';

export interface IngestTask {
  /** The batch in order: a document read on the main thread, or null for the next of `records`. */
  documents: (RawDocument | null)[];
  records: PackedRecords;
  options: BuildOptions;
}

const config = (workerData as { config: ResolvedConfig }).config;
const context = createIngestContext(config);

parentPort!.on('message', ({ documents, records, options }: IngestTask) => {
  let next = 0;
  const built = documents.map((document) =>
    document ? buildDocument(document, context, config, options) : buildRecord(unpackRecord(records, next++), context, config, options),
  );
  const { posted, transfer } = packBuilt(built);
  parentPort!.postMessage(posted, transfer);
});
