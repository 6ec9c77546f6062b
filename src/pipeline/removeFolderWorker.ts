/**
 * A worker thread that removes one folder, `workerData.folder`, and ends (removeFolderElsewhere).
 */
import { rmSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

rmSync((workerData as { folder: string }).folder, { recursive: true, force: true });
