import { describe, expect, it } from 'vitest';
import { heapLimitArgs } from '../../src/cli/heapLimit.js';

const GiB = 2 ** 30;
const MB = 1e6;
// V8's ceiling on this project's machine (24 GiB): about 4.3 GB.
const V8_DEFAULT = 4_345_298_944;

describe('heapLimitArgs', () => {
  it("keeps V8's ceiling for a corpus that fits under it: the bench's 100k articles, 592 MB of JSONL", () => {
    expect(heapLimitArgs([], {}, 24 * GiB, 592 * MB, V8_DEFAULT)).toBeNull();
  });

  it('raises the ceiling to what a larger corpus needs, keeping the node flags it was given', () => {
    // 300k articles: 1.8 GB of JSONL, six bytes of heap per byte of input.
    expect(heapLimitArgs(['--enable-source-maps'], {}, 24 * GiB, 1800 * MB, V8_DEFAULT)).toEqual(['--enable-source-maps', '--max-old-space-size=10299']);
  });

  it('stops at three quarters of the machine', () => {
    expect(heapLimitArgs([], {}, 24 * GiB, 6000 * MB, V8_DEFAULT)).toEqual(['--max-old-space-size=18432']);
    expect(heapLimitArgs([], {}, 4 * GiB, 6000 * MB, V8_DEFAULT)).toBeNull();
  });

  it('leaves a ceiling the user set, by flag or NODE_OPTIONS, and does not raise it twice', () => {
    expect(heapLimitArgs(['--max-old-space-size=2048'], {}, 24 * GiB, 1800 * MB, V8_DEFAULT)).toBeNull();
    expect(heapLimitArgs([], { NODE_OPTIONS: '--trace-warnings --max-old-space-size=8192' }, 24 * GiB, 1800 * MB, V8_DEFAULT)).toBeNull();
    expect(heapLimitArgs([], { PARALLAX_HEAP_RAISED: '1' }, 24 * GiB, 1800 * MB, V8_DEFAULT)).toBeNull();
  });
});
