import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openBatchStream, prestartWorkers, StandbyWorker } from '../../src/pipeline/workerPool.js';
import { ROOT } from '../helpers.js';

/** A worker script of plain JavaScript: doubles numbers, and dies on a negative one. */
async function doublingWorker(): Promise<URL> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parallax-pool-'));
  const file = path.join(dir, 'double.mjs');
  await writeFile(
    file,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (xs) => {
  if (xs.some((x) => x < 0)) throw new Error('negative input ' + xs.find((x) => x < 0));
  parentPort.postMessage(xs.map((x) => x * 2));
});
`,
  );
  return pathToFileURL(file);
}

/** Doubles `items`, added one by one to a stream that batches them by four, on `threads` worker threads (1: here). */
const work = (script: URL, items: number[], threads: number) => {
  const seen: [number[], number][] = [];
  const stream = openBatchStream<number, number[], number>({
    script,
    threads,
    workerData: null,
    batchSize: 4,
    task: (batch) => batch,
    here: () => (x) => x * 2,
    onBatch: (results, _batch, offset) => {
      seen.push([results, offset]);
    },
  });
  const run = (async () => {
    try {
      for (const item of items) await stream.add(item);
    } catch (error) {
      await stream.abort();
      throw error;
    }
    return stream.finish();
  })();
  return { run, seen };
};

describe('openBatchStream over a list', () => {
  it('hands back every batch with its offset, on two threads or here, with the same results', async () => {
    const script = await doublingWorker();
    const items = Array.from({ length: 10 }, (_, i) => i);
    const inOrder = (seen: [number[], number][]) => seen.sort((a, b) => a[1] - b[1]).flatMap(([r]) => r);
    const threaded = work(script, items, 2);
    expect(await threaded.run).toEqual({ threads: 2 });
    const here = work(script, items, 1);
    expect(await here.run).toEqual({ threads: 0 });
    expect(inOrder(threaded.seen)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(inOrder(here.seen)).toEqual(inOrder(threaded.seen));
    expect(threaded.seen.map(([, offset]) => offset).sort((a, b) => a - b)).toEqual([0, 4, 8]);
  });

  it('hands each batch its own results when a worker holds the next batch while doing one', async () => {
    const script = await doublingWorker();
    const items = Array.from({ length: 64 }, (_, i) => i);
    const batches: [number[], number[]][] = [];
    const stream = openBatchStream<number, number[], number>({
      script,
      threads: 2,
      workerData: null,
      batchSize: 4,
      task: (batch) => batch,
      here: () => (x) => x * 2,
      onBatch: (results, batch) => {
        batches.push([batch, results]);
      },
    });
    // Sixteen batches sent before any is answered: each worker is handed several in a row.
    await Promise.all(Array.from({ length: 16 }, (_, k) => stream.submit(items.slice(k * 4, k * 4 + 4))));
    expect(await stream.finish()).toEqual({ threads: 2 });
    expect(batches).toHaveLength(16);
    for (const [batch, results] of batches) expect(results).toEqual(batch.map((x) => x * 2));
  });

  it('fails with the worker\'s error when a worker dies, instead of hanging', async () => {
    const script = await doublingWorker();
    const { run } = work(script, [1, 2, 3, 4, 5, -6, 7, 8, 9, 10, 11, 12], 2);
    await expect(run).rejects.toThrow('negative input -6');
  });
});

describe('openBatchStream', () => {
  const open = (script: URL, seen: [number[], number][]) =>
    openBatchStream<number, number[], number>({
      script,
      threads: 2,
      workerData: null,
      maxInFlight: 1,
      batchSize: 2,
      task: (batch) => batch,
      here: () => (x) => x * 3,
      onBatch: (results, _batch, offset) => {
        seen.push([results, offset]);
      },
    });

  it('does a lone batch here rather than start threads for it', async () => {
    const seen: [number[], number][] = [];
    const stream = open(await doublingWorker(), seen);
    await stream.submit([1, 2, 3]);
    // Tripled: the main thread's function, not the worker's.
    expect(await stream.finish()).toEqual({ threads: 0 });
    expect(seen).toEqual([[[3, 6, 9], 0]]);
  });

  it('sends batches to the threads once a second one comes, with offsets counted across batches', async () => {
    const seen: [number[], number][] = [];
    const stream = open(await doublingWorker(), seen);
    for (const batch of [[1, 2], [3], [4, 5, 6]]) await stream.submit(batch);
    expect(await stream.finish()).toEqual({ threads: 2 });
    expect(seen.sort((a, b) => a[1] - b[1])).toEqual([[[2, 4], 0], [[6], 2], [[8, 10, 12], 3]]);
  });

  it('rejects the next submit once a batch has failed, and finish says why', async () => {
    const stream = open(await doublingWorker(), []);
    await stream.submit([1]);
    // With one batch in flight at most, this submit waits for the failing batch and sees it fail.
    await expect(stream.submit([-2])).rejects.toThrow('negative input -2');
    await expect(stream.finish()).rejects.toThrow('negative input -2');
  });
});

describe('runOnWorker', () => {
  it('holds nothing of what it gave the thread once the thread has answered, though its exit is not yet handled (the band keys, 2.2 GB at a million articles)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { ROOT } = await import('../helpers.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-once-'));
    const script = path.join(dir, 'sum.mjs');
    await writeFile(script, `import { parentPort } from 'node:worker_threads';\nparentPort.once('message', ({ keys }) => parentPort.postMessage(keys.reduce((a, b) => a + b, 0)));\n`);
    const pool = pathToFileURL(path.join(ROOT, 'dist/pipeline/workerPool.js')).href;
    // A weak reference made in an earlier job, checked after a full collection right after the
    // answer: while the thread's listeners held what it was given, the keys were still there.
    const main = `
      import { runOnWorker } from ${JSON.stringify(pool)};
      let keys = new Uint32Array(new SharedArrayBuffer(64 << 20)).fill(1);
      const held = new WeakRef(keys.buffer);
      const sum = runOnWorker(new URL(${JSON.stringify(pathToFileURL(script).href)}), { keys });
      keys = null;
      await new Promise((resolve) => setImmediate(resolve));
      const answer = await sum;
      globalThis.gc();
      console.log(JSON.stringify({ answer, kept: held.deref() !== undefined }));`;
    // From a file, not -e: the worker would inherit --input-type.
    const mainFile = path.join(dir, 'main.mjs');
    await writeFile(mainFile, main);
    const out = execFileSync(process.execPath, ['--expose-gc', mainFile], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ answer: 16 << 20, kept: false });
  });
});

describe('StandbyWorker', () => {
  it('runs a task on the thread it started ahead, and a second task on a thread of its own', async () => {
    const worker = new StandbyWorker(await doublingWorker());
    // The thread has loaded by now, waiting for its task.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await worker.run<number[]>([1, 2, 3])).toEqual([2, 4, 6]);
    expect(await worker.run<number[]>([10])).toEqual([20]);
    await expect(worker.run<number[]>([-1])).rejects.toThrow('negative input -1');
    worker.release();
  });

  it('fails the task of a thread whose script fails to load, and lets a process whose waiting thread got no task end', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-standby-'));
    const broken = path.join(dir, 'broken.mjs');
    await writeFile(broken, `throw new Error('cannot load');\n`);
    const failing = new StandbyWorker(pathToFileURL(broken));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(failing.run([1])).rejects.toThrow('cannot load');

    const { execFileSync } = await import('node:child_process');
    const { ROOT } = await import('../helpers.js');
    const pool = pathToFileURL(path.join(ROOT, 'dist/pipeline/workerPool.js')).href;
    const main = path.join(dir, 'main.mjs');
    await writeFile(main, `import { StandbyWorker } from ${JSON.stringify(pool)};\nnew StandbyWorker(new URL(${JSON.stringify((await doublingWorker()).href)}));\nconsole.log('done');\n`);
    expect(execFileSync(process.execPath, [main], { encoding: 'utf8', timeout: 10_000 })).toBe('done\n');
  });
});

/**
 * A worker script that takes its data through onTasks (the compiled one, as the ingest worker
 * does): multiplies by the data's factor, plus 1000 when it was started without its data (started
 * ahead of its pool). With `dieAhead`, a thread started ahead fails as it loads.
 */
async function factorWorker(dieAhead: boolean): Promise<URL> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parallax-prestart-'));
  const file = path.join(dir, 'factor.mjs');
  const onTasks = pathToFileURL(path.join(ROOT, 'dist/pipeline/onTasks.js')).href;
  await writeFile(
    file,
    `import { writeFileSync } from 'node:fs';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { onTasks } from ${JSON.stringify(onTasks)};
const ahead = workerData === undefined || workerData === null;
if (ahead && ${dieAhead}) {
  writeFileSync(${JSON.stringify(dir)} + '/died-' + threadId, '');
  throw new Error('cannot start ahead');
}
onTasks(({ factor }) => (xs) => parentPort.postMessage(xs.map((x) => x * factor + (ahead ? 1000 : 0))));
`,
  );
  return pathToFileURL(file);
}

/** Sends two batches to a stream on two threads of `script` with `workerData`: the results, in order. */
async function twoBatches(script: URL, workerData: unknown): Promise<number[]> {
  const results: number[][] = [];
  const stream = openBatchStream<number, number[], number>({
    script,
    threads: 2,
    workerData,
    batchSize: 2,
    task: (batch) => batch,
    here: () => (x) => x * 3,
    onBatch: (batchResults, _batch, offset) => {
      results[offset] = batchResults;
    },
  });
  for (const batch of [[1, 2], [3, 4], [5, 6]]) await stream.submit(batch);
  expect(await stream.finish()).toEqual({ threads: 2 });
  return results.flat();
}

describe('prestartWorkers', () => {
  it('gives a pool opened later its threads, which get its workerData as their first message (onTasks) and answer as fresh ones would', async () => {
    const script = await factorWorker(false);
    expect(await twoBatches(script, { factor: 3 })).toEqual([3, 6, 9, 12, 15, 18]);
    prestartWorkers(script, 2);
    // The first batch goes to the threads too once a second comes: every answer is a prestarted thread's.
    expect(await twoBatches(script, { factor: 3 })).toEqual([1003, 1006, 1009, 1012, 1015, 1018]);
  });

  it('replaces threads that failed before their pool came with new ones, given their workerData as usual', async () => {
    const script = await factorWorker(true);
    prestartWorkers(script, 2);
    // Both have failed once each has left its mark (and a moment more for their exits to be seen).
    const dir = path.dirname(fileURLToPath(script));
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let waited = 0; (await readdir(dir)).filter((name) => name.startsWith('died-')).length < 2 && waited < 10_000; waited += 25) await sleep(25);
    await sleep(100);
    expect(await twoBatches(script, { factor: 3 })).toEqual([3, 6, 9, 12, 15, 18]);
  });
});
