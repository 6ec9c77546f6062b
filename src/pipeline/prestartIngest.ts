import { prestartWorkers } from './workerPool.js';

/** The ingest stage's worker script (ingestWorker), compiled beside this module. */
export const INGEST_WORKER_SCRIPT = new URL('./ingestWorker.js', import.meta.url);

/**
 * Starts the ingest stage's `workers` threads now (prestartWorkers), for a command that will build
 * its articles: a small module, so the CLI can call it before it loads the pipeline and the config.
 */
export function prestartIngest(workers: number): void {
  prestartWorkers(INGEST_WORKER_SCRIPT, workers);
}
