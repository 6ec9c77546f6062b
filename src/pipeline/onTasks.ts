import { parentPort, workerData } from 'node:worker_threads';

/**
 * A pool worker's script takes its tasks through this: `start` makes the task handler from the
 * pool's workerData, given when the thread was started or, for a thread started before its pool
 * (prestartWorkers), as its first message. One listener for both, so no task can arrive while
 * there is none.
 */
export function onTasks<Data, Task>(start: (data: Data) => (task: Task) => void): void {
  let handle = workerData === undefined || workerData === null ? null : start(workerData as Data);
  parentPort!.on('message', (message: unknown) => {
    if (handle) handle(message as Task);
    else handle = start((message as { workerData: Data }).workerData);
  });
}
