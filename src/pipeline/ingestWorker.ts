/**
 * A worker thread of the ingest stage: builds (and signs) the documents it is sent. It holds no
 * state between batches but the ingest context, so its output is the same as the main thread's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { createIngestContext } from '../ingest/buildArticle.js';
import type { RawDocument } from '../types.js';
import { buildDocument, type BuildOptions } from './buildOutcome.js';

export interface IngestTask {
  documents: RawDocument[];
  options: BuildOptions;
}

const config = (workerData as { config: ResolvedConfig }).config;
const context = createIngestContext(config);

parentPort!.on('message', ({ documents, options }: IngestTask) => {
  const built = documents.map((document) => buildDocument(document, context, config, options));
  // Signatures and lines move to the main thread without a copy.
  const transfer = built.flatMap((b) => [
    ...(b.signatures ? [b.signatures.values.buffer as ArrayBuffer] : []),
    ...(b.record ? [b.record.buffer as ArrayBuffer] : []),
    ...(b.lead ? [b.lead.buffer as ArrayBuffer] : []),
  ]);
  parentPort!.postMessage(built, transfer);
});
