import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapInBatches } from '../../src/pipeline/workerPool.js';

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

const work = (script: URL, items: number[], threads: number) => {
  const seen: [number[], number][] = [];
  const run = mapInBatches<number, number[], number>({
    items,
    script,
    threads,
    batchSize: 4,
    workerData: null,
    task: (batch) => batch,
    here: () => (x) => x * 2,
    onBatch: (results, offset) => seen.push([results, offset]),
  });
  return { run, seen };
};

describe('mapInBatches', () => {
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

  it('fails with the worker\'s error when a worker dies, instead of hanging', async () => {
    const script = await doublingWorker();
    const { run } = work(script, [1, 2, 3, 4, 5, -6, 7, 8, 9, 10, 11, 12], 2);
    await expect(run).rejects.toThrow('negative input -6');
  });
});
