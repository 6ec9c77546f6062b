/**
 * A worker thread that removes the folder it is sent and answers when it is gone
 * (removeFolderElsewhere, through runOnWorker).
 */
import { rmSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

parentPort!.once('message', ({ folder }: { folder: string }) => {
  rmSync(folder, { recursive: true, force: true });
  parentPort!.postMessage(null);
});
