import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A fixed set of worker threads running one script, each doing one task at a time; tasks queue
 * in order. A worker that dies fails the tasks it held and every later one: the stage reports
 * the error rather than hang.
 */
export class WorkerPool<Task, Result> {
  private readonly idle: Worker[] = [];
  private readonly queue: { task: Task; resolve: (r: Result) => void; reject: (e: Error) => void }[] = [];
  private readonly busy = new Map<Worker, { resolve: (r: Result) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;
  private readonly workers: Worker[];

  constructor(script: URL, size: number, workerData: unknown) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData });
      worker.on('message', (result: Result) => this.settle(worker, (job) => job.resolve(result)));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a worker thread exited with code ${code}`));
      });
      this.idle.push(worker);
      return worker;
    });
  }

  /** Whether the compiled worker script exists (it does not when parallax runs from its TypeScript sources). */
  static available(script: URL): boolean {
    return existsSync(fileURLToPath(script));
  }

  run(task: Task): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.task);
    }
  }

  private settle(worker: Worker, finish: (job: { resolve: (r: Result) => void; reject: (e: Error) => void }) => void): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (job) finish(job);
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const job of [...this.busy.values(), ...this.queue]) job.reject(error);
    this.busy.clear();
    this.queue.length = 0;
  }
}

export interface BatchedWork<Item, Task, Result> {
  items: Item[];
  /** The compiled worker script; without it (or with one thread) every item is done here. */
  script: URL;
  threads: number;
  batchSize: number;
  workerData: unknown;
  /** A worker's message for a batch of items. */
  task: (batch: Item[]) => Task;
  /** The same work on this thread, for one item. */
  here: () => (item: Item) => Result;
  /**
   * Called with each finished batch and the index of its first item, as batches finish: the caller
   * stores results while the workers go on, instead of all at the end.
   */
  onBatch: (results: Result[], offset: number) => void;
}

/**
 * Maps `items` through worker threads in batches, handing each finished batch to `onBatch`, or
 * does them on this thread when threads do not pay (one thread, too few items for two batches, no
 * compiled script). The results are the same either way; `threads` says which way it went (0: here).
 */
export async function mapInBatches<Item, Task, Result>(work: BatchedWork<Item, Task, Result>): Promise<{ threads: number }> {
  const threads = Math.min(work.threads, Math.ceil(work.items.length / work.batchSize));
  if (threads <= 1 || !WorkerPool.available(work.script)) {
    const one = work.here();
    for (let start = 0; start < work.items.length; start += work.batchSize) {
      work.onBatch(work.items.slice(start, start + work.batchSize).map(one), start);
    }
    return { threads: 0 };
  }
  const pool = new WorkerPool<Task, Result[]>(work.script, threads, work.workerData);
  try {
    const batches: Promise<void>[] = [];
    for (let start = 0; start < work.items.length; start += work.batchSize) {
      const batch = work.items.slice(start, start + work.batchSize);
      batches.push(pool.run(work.task(batch)).then((done) => work.onBatch(done, start)));
    }
    await Promise.all(batches);
    return { threads };
  } finally {
    await pool.close();
  }
}
