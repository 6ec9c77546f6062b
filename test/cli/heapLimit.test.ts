import { describe, expect, it } from 'vitest';
import { heapLimitArgs } from '../../src/cli/heapLimit.js';

const GiB = 2 ** 30;
const MB = 1e6;
// V8's ceiling on this project's machine (24 GiB): about 4.3 GB.
const V8_DEFAULT = 4_345_298_944;
const SEMI = '--max-semi-space-size=128';

describe('heapLimitArgs', () => {
  it('runs a small corpus as it is: the bench\'s 10k articles, 59 MB of JSONL', () => {
    expect(heapLimitArgs([], {}, 24 * GiB, 59 * MB, V8_DEFAULT)).toBeNull();
  });

  it("keeps V8's ceiling for a corpus that fits under it, and enlarges only the young generation (100k articles, 592 MB)", () => {
    expect(heapLimitArgs([], {}, 24 * GiB, 592 * MB, V8_DEFAULT)).toEqual([SEMI]);
  });

  it('raises the ceiling to what a larger corpus needs, keeping the node flags it was given', () => {
    // 300k articles: 1.8 GB of JSONL, six bytes of heap per byte of input.
    expect(heapLimitArgs(['--enable-source-maps'], {}, 24 * GiB, 1800 * MB, V8_DEFAULT)).toEqual(['--enable-source-maps', '--max-old-space-size=10299', SEMI]);
  });

  it('stops at three quarters of the machine', () => {
    expect(heapLimitArgs([], {}, 24 * GiB, 6000 * MB, V8_DEFAULT)).toEqual(['--max-old-space-size=18432', SEMI]);
    expect(heapLimitArgs([], {}, 4 * GiB, 6000 * MB, V8_DEFAULT)).toEqual([SEMI]);
  });

  it('leaves what the user set, by flag or NODE_OPTIONS, and does not run again twice', () => {
    expect(heapLimitArgs(['--max-old-space-size=2048'], {}, 24 * GiB, 1800 * MB, V8_DEFAULT)).toEqual(['--max-old-space-size=2048', SEMI]);
    expect(heapLimitArgs([], { NODE_OPTIONS: '--trace-warnings --max-old-space-size=8192' }, 24 * GiB, 1800 * MB, V8_DEFAULT)).toEqual([SEMI]);
    expect(heapLimitArgs(['--max-semi-space-size=32'], {}, 24 * GiB, 592 * MB, V8_DEFAULT)).toBeNull();
    expect(heapLimitArgs([], { PARALLAX_HEAP_RAISED: '1' }, 24 * GiB, 1800 * MB, V8_DEFAULT)).toBeNull();
  });
});
