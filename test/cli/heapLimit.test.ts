import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { heapLimitArgs, workerSemiSpaceFlag } from '../../src/cli/heapLimit.js';

const GiB = 2 ** 30;
const MB = 1e6;
// V8's ceiling on this project's machine (24 GiB): about 4.3 GB.
const V8_DEFAULT = 4_345_298_944;
const SEMI = '--max-semi-space-size=128';
const GROWING = '--heap-growing-percent=25';

describe('heapLimitArgs', () => {
  it('runs a small corpus as it is: the bench\'s 10k articles, 59 MB of JSONL', () => {
    expect(heapLimitArgs([], {}, 24 * GiB, { bytes: 59 * MB, holdsArticles: true }, V8_DEFAULT)).toBeNull();
  });

  it("keeps V8's ceiling for a corpus that fits under it, and enlarges only the young generation (100k articles, 592 MB)", () => {
    expect(heapLimitArgs([], {}, 24 * GiB, { bytes: 592 * MB, holdsArticles: true }, V8_DEFAULT)).toEqual([SEMI]);
  });

  it("leaves dupes, which holds no articles, V8's young generation: at 100k articles it runs as it is, at a million with only the ceiling raised", () => {
    expect(heapLimitArgs([], {}, 24 * GiB, { bytes: 592 * MB, holdsArticles: false }, V8_DEFAULT)).toBeNull();
    expect(heapLimitArgs([], {}, 24 * GiB, { bytes: 5925 * MB, holdsArticles: false }, V8_DEFAULT)).toEqual(['--max-old-space-size=18432', GROWING]);
  });

  it('raises the ceiling to what a larger corpus needs, keeping the node flags it was given', () => {
    // 300k articles: 1.8 GB of JSONL, six bytes of heap per byte of input.
    expect(heapLimitArgs(['--enable-source-maps'], {}, 24 * GiB, { bytes: 1800 * MB, holdsArticles: true }, V8_DEFAULT)).toEqual(['--enable-source-maps', '--max-old-space-size=10299', GROWING, SEMI]);
  });

  it('stops at three quarters of the machine', () => {
    expect(heapLimitArgs([], {}, 24 * GiB, { bytes: 6000 * MB, holdsArticles: true }, V8_DEFAULT)).toEqual(['--max-old-space-size=18432', GROWING, SEMI]);
    expect(heapLimitArgs([], {}, 4 * GiB, { bytes: 6000 * MB, holdsArticles: true }, V8_DEFAULT)).toEqual([SEMI]);
  });

  it('leaves what the user set, by flag or NODE_OPTIONS, and does not run again twice', () => {
    expect(heapLimitArgs(['--max-old-space-size=2048'], {}, 24 * GiB, { bytes: 1800 * MB, holdsArticles: true }, V8_DEFAULT)).toEqual(['--max-old-space-size=2048', SEMI]);
    expect(heapLimitArgs([], { NODE_OPTIONS: '--trace-warnings --max-old-space-size=8192' }, 24 * GiB, { bytes: 1800 * MB, holdsArticles: true }, V8_DEFAULT)).toEqual([SEMI]);
    expect(heapLimitArgs(['--max-semi-space-size=32'], {}, 24 * GiB, { bytes: 592 * MB, holdsArticles: true }, V8_DEFAULT)).toBeNull();
    expect(heapLimitArgs([], { PARALLAX_HEAP_RAISED: '1' }, 24 * GiB, { bytes: 1800 * MB, holdsArticles: true }, V8_DEFAULT)).toBeNull();
    expect(heapLimitArgs(['--heap-growing-percent=50'], {}, 24 * GiB, { bytes: 1800 * MB, holdsArticles: true }, V8_DEFAULT)).toEqual(['--heap-growing-percent=50', '--max-old-space-size=10299', SEMI]);
  });
});

/**
 * The young generation a worker thread made under `--max-semi-space-size=128` grows to when it keeps
 * many objects alive for a while (as a compare worker does), with `flag` set (setFlagsFromString)
 * once the main thread runs and before the worker is made; in MB.
 */
function workerYoungGenerationMb(flag: string | null): number {
  const worker = `
    const { parentPort } = require('node:worker_threads');
    const v8 = require('node:v8');
    let kept = [];
    for (let i = 0; i < 3e6; i++) { kept.push({ i, s: 'x' + i }); if (kept.length > 400000) kept = []; }
    parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;
  const main = `
    const { Worker } = require('node:worker_threads');
    ${flag ? `require('node:v8').setFlagsFromString(${JSON.stringify(flag)});` : ''}
    const w = new Worker(${JSON.stringify(worker)}, { eval: true });
    w.on('message', (size) => { console.log(size); w.terminate(); });`;
  return Number(execFileSync(process.execPath, ['--max-semi-space-size=128', '-e', main], { encoding: 'utf8' })) / 2 ** 20;
}

describe('workerSemiSpaceFlag', () => {
  it('gives workers V8\'s own young generation only when parallax enlarged it for the main thread', () => {
    expect(workerSemiSpaceFlag({ PARALLAX_HEAP_RAISED: '1', PARALLAX_SEMI_SPACE_MAIN_ONLY: '1' })).toBe('--max-semi-space-size=0');
    expect(workerSemiSpaceFlag({ PARALLAX_HEAP_RAISED: '1' })).toBeNull();
    expect(workerSemiSpaceFlag({})).toBeNull();
  });

  it('reaches the worker threads made after it: a young generation of 256 MB and more without it, V8\'s 32 MB with it', () => {
    expect(workerYoungGenerationMb(null)).toBeGreaterThanOrEqual(256);
    expect(workerYoungGenerationMb('--max-semi-space-size=0')).toBeLessThanOrEqual(64);
  });
});
