import { rm } from 'node:fs/promises';
import { runOnWorker, WorkerPool } from './workerPool.js';

const SCRIPT = new URL('./removeFolderWorker.js', import.meta.url);

/**
 * Removes a folder on a thread of its own, resolving when it is gone. A re-run at 100k articles
 * replaces an events folder of 52,000 files, and removing the old one took 0.72-0.75 s that the
 * run waited through; on its own thread it goes on while this one renders the index. Through
 * node's own `rm` it would not: each of its many small operations waits for this thread to start
 * the next. Without the compiled worker (parallax run from its TypeScript sources), removed here.
 */
export async function removeFolderElsewhere(folder: string): Promise<void> {
  if (!WorkerPool.available(SCRIPT)) return rm(folder, { recursive: true, force: true });
  await runOnWorker<null>(SCRIPT, { folder });
}
