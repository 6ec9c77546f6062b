import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

type Job<Result> = { resolve: (r: Result) => void; reject: (e: Error) => void };

/**
 * Tasks a worker holds at once: the one it is doing and the next, waiting in its message queue.
 * With one, a worker that finished sat idle until the main thread, often busy, read its result
 * and sent another: a tenth of each ingest thread's time at 100k articles.
 */
const TASKS_PER_WORKER = 2;

/**
 * A fixed set of worker threads running one script; tasks queue in order, and each worker is
 * sent up to TASKS_PER_WORKER of them, which it does in turn. A worker that dies fails the tasks
 * it held and every later one: the stage reports the error rather than hang.
 */
export class WorkerPool<Task, Result> {
  private readonly queue: ({ task: Task; transfer: ArrayBuffer[] } & Job<Result>)[] = [];
  /** Each worker's tasks sent and not yet answered, in the order it answers them. */
  private readonly held = new Map<Worker, Job<Result>[]>();
  private failure: Error | null = null;
  private readonly workers: Worker[];

  constructor(script: URL, size: number, workerData: unknown) {
    const early = takePrestarted(script, size);
    this.workers = Array.from({ length: size }, (_, i) => {
      const worker = early[i] ?? new Worker(script, { workerData });
      if (early[i]) {
        worker.ref();
        // Its workerData, which it was started without, comes first (onTasks reads it).
        worker.postMessage({ workerData });
      }
      worker.on('message', (result: Result) => this.settle(worker, (job) => job.resolve(result)));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a worker thread exited with code ${code}`));
      });
      this.held.set(worker, []);
      return worker;
    });
  }

  /** Whether the compiled worker script exists (it does not when parallax runs from its TypeScript sources). */
  static available(script: URL): boolean {
    return existsSync(fileURLToPath(script));
  }

  /** Queues `task`; the buffers in `transfer` are moved to the worker with it, not copied. */
  run(task: Task, transfer: ArrayBuffer[] = []): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ task, transfer, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Sends queued tasks to the workers holding the fewest, while any holds fewer than TASKS_PER_WORKER. */
  private dispatch(): void {
    while (this.queue.length) {
      let target: Worker | null = null;
      for (const worker of this.workers) {
        const count = this.held.get(worker)!.length;
        if (count < TASKS_PER_WORKER && (!target || count < this.held.get(target)!.length)) target = worker;
      }
      if (!target) return;
      const { task, transfer, ...job } = this.queue.shift()!;
      this.held.get(target)!.push(job);
      target.postMessage(task, transfer);
    }
  }

  private settle(worker: Worker, finish: (job: Job<Result>) => void): void {
    const job = this.held.get(worker)!.shift();
    if (job) finish(job);
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const job of [...[...this.held.values()].flat(), ...this.queue]) job.reject(error);
    for (const jobs of this.held.values()) jobs.length = 0;
    this.queue.length = 0;
  }
}

/** Threads started before their pool (prestartWorkers), by script, with whether each is still running. */
const prestarted = new Map<string, { worker: Worker; running: boolean }[]>();

/**
 * Starts `count` threads of `script` now, for the WorkerPool a stage opens on it later: they load
 * their modules while this thread loads its own and the config, half a second before ingest starts,
 * where each ingest thread then took a quarter of a second more to load its own with the stage
 * waiting. The pool sends each its workerData as its first message: only a script that takes its
 * data through onTasks may be started so. Idle, they do not keep the process alive; one that fails
 * before its pool comes is replaced there by a new one, and those no pool takes end with the process.
 */
export function prestartWorkers(script: URL, count: number): void {
  if (count < 2 || prestarted.has(script.href) || !WorkerPool.available(script)) return;
  prestarted.set(
    script.href,
    Array.from({ length: count }, () => {
      const entry = { worker: new Worker(script), running: true };
      entry.worker.unref();
      // Until its pool comes, a failure only retires it: the pool starts another, which reports its own.
      entry.worker.on('error', () => {});
      entry.worker.once('exit', () => {
        entry.running = false;
      });
      return entry;
    }),
  );
}

/** Up to `size` prestarted threads of `script` still running, no longer held for a pool; the others are stopped. */
function takePrestarted(script: URL, size: number): Worker[] {
  const entries = prestarted.get(script.href) ?? [];
  prestarted.delete(script.href);
  const running = entries.filter((e) => e.running).map((e) => e.worker);
  for (const extra of running.slice(size)) void extra.terminate();
  return running.slice(0, size);
}

export interface StreamedWork<Item, Task, Result, Reply = Result[]> {
  /** The compiled worker script; without it (or with one thread) every item is done here. */
  script: URL;
  threads: number;
  workerData: unknown;
  /** Items per batch `add` makes: enough to amortise a message, few enough to keep every thread busy to the end. */
  batchSize: number;
  /** A worker's message for a batch of items. */
  task: (batch: Item[]) => Task;
  /** The buffers of a task to move to the worker rather than copy: the task no longer holds them here. */
  transferOf?: (task: Task) => ArrayBuffer[];
  /** The batch's results in a worker's reply, when the reply is more than them (the default: it is them). */
  resultsOf?: (reply: Reply) => Result[];
  /** The same work on this thread, for one item. */
  here: () => (item: Item) => Result;
  /**
   * Called with each finished batch (its results, its items, the index of its first item), as
   * batches finish: the caller stores results while the workers go on, instead of all at the end.
   * A promise it returns holds the batch's place among those in flight until it settles.
   */
  onBatch: (results: Result[], batch: Item[], offset: number) => void | Promise<void>;
  /** Batches sent and not yet finished before `add` or `submit` waits: what bounds the items held at once. */
  maxInFlight?: number;
}

/** Items handed over as they are made (read from a file, say), not from an array known up front. */
export interface BatchStream<Item> {
  /** Adds one item; a full batch is started. Resolves when there is room for more; rejects once any batch has failed. */
  add(item: Item): Promise<void>;
  /** Starts one batch of the caller's own making, as `add` does with a full one. */
  submit(batch: Item[]): Promise<void>;
  /** Starts what `add` holds, waits for every batch and stops the threads; `threads` says how many did the work (0: here). */
  finish(): Promise<{ threads: number }>;
  /** Stops the threads without waiting, when the caller gives up (its own error). */
  abort(): Promise<void>;
}

/**
 * Maps batches through worker threads as they are made, handing each finished one to `onBatch`.
 * Threads start only when a second batch arrives: one batch is done here, sooner than a thread
 * could start (a worker takes a few hundred milliseconds to load its modules and tables).
 */
export function openBatchStream<Item, Task, Result, Reply = Result[]>(work: StreamedWork<Item, Task, Result, Reply>): BatchStream<Item> {
  const threaded = work.threads > 1 && WorkerPool.available(work.script);
  const maxInFlight = work.maxInFlight ?? work.threads * 4;
  const inFlight = new Set<Promise<void>>();
  let pool: WorkerPool<Task, Reply> | null = null;
  const resultsOf = work.resultsOf ?? ((reply: Reply) => reply as unknown as Result[]);
  let held: { batch: Item[]; offset: number } | null = null;
  let pending: Item[] = [];
  let doOne: ((item: Item) => Result) | null = null;
  let failure: Error | null = null;
  let offset = 0;
  const doHere = async (batch: Item[], at: number) => {
    doOne ??= work.here();
    await work.onBatch(batch.map(doOne), batch, at);
  };
  const send = (batch: Item[], at: number) => {
    const task = work.task(batch);
    const job: Promise<void> = pool!
      .run(task, work.transferOf?.(task))
      .then((reply) => work.onBatch(resultsOf(reply), batch, at))
      .catch((error: Error) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  };
  const submit = async (batch: Item[]) => {
    if (failure) throw failure;
    const at = offset;
    offset += batch.length;
    if (!threaded) return doHere(batch, at);
    if (!pool) {
      if (!held) {
        held = { batch, offset: at };
        return;
      }
      pool = new WorkerPool<Task, Reply>(work.script, work.threads, work.workerData);
      send(held.batch, held.offset);
      held = null;
    }
    send(batch, at);
    while (inFlight.size >= maxInFlight && !failure) await Promise.race(inFlight);
    if (failure) throw failure;
  };
  const close = async () => {
    await pool?.close();
  };
  return {
    async add(item) {
      pending.push(item);
      if (pending.length < work.batchSize) return;
      const batch = pending;
      pending = [];
      await submit(batch);
    },
    submit,
    async finish() {
      try {
        if (pending.length) await submit(pending);
        pending = [];
        if (held) await doHere(held.batch, held.offset);
        held = null;
        while (inFlight.size) await Promise.all(inFlight);
        if (failure) throw failure;
        return { threads: pool ? work.threads : 0 };
      } finally {
        // Not waited for: the threads have nothing left to do, and stopping them took 70 ms at the
        // end of ingest that the next stage waited through.
        void close();
      }
    },
    abort: close,
  };
}

/**
 * A worker thread started before its one task is known, to load its modules while the caller
 * works: the fingerprint stage's LSH and verification threads each took a tenth of a second or
 * more to start, with the stage waiting on them. `run` sends it the task as a message (the
 * script takes its task from its first message) and resolves to the one message it answers; the
 * thread is stopped after it. Without `ahead`, or for a second `run`, the thread starts when the
 * task comes. The waiting thread does not keep the process alive, and `release` stops it if no
 * task came.
 */
export class StandbyWorker {
  private waiting: Worker | null = null;

  constructor(
    private readonly script: URL,
    ahead = true,
  ) {
    if (!ahead) return;
    const waiting = (this.waiting = this.start());
    waiting.unref();
    // A thread that ends (fails) before its task is let go: run starts another, which fails where its answer is awaited.
    waiting.once('exit', () => {
      if (this.waiting === waiting) this.waiting = null;
    });
  }

  run<Result>(task: unknown, transfer: ArrayBuffer[] = []): Promise<Result> {
    const worker = this.waiting ?? this.start();
    this.waiting = null;
    worker.ref();
    const answer = answerOf<Result>(worker, this.script);
    worker.postMessage(task, transfer);
    return answer;
  }

  release(): void {
    void this.waiting?.terminate();
    this.waiting = null;
  }

  private start(): Worker {
    const worker = new Worker(this.script);
    // Until its task comes, an error is the listener's in the constructor, not an uncaught one.
    worker.on('error', () => {});
    return worker;
  }
}

/** Work handed to a StandbyWorker: `run` gives it its task; `release` stops the thread if no task came. */
export interface OnStandby<Run> {
  run: Run;
  release(): void;
}

/**
 * Runs `script` once on a worker thread of its own with `task` (the buffers in `transfer` moved,
 * not copied) and resolves to the one message it posts; the thread is stopped after it.
 */
export function runOnWorker<Result>(script: URL, task: unknown, transfer: ArrayBuffer[] = []): Promise<Result> {
  return new StandbyWorker(script, false).run<Result>(task, transfer);
}

function answerOf<Result>(worker: Worker, script: URL): Promise<Result> {
  return new Promise((resolve, reject) => {
    worker.once('message', (result: Result) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    // After a result, terminate() ends it with code 1 and the promise is already settled.
    worker.once('exit', (code) => reject(new Error(`the worker thread ${fileURLToPath(script)} exited with code ${code} before answering`)));
  });
}
