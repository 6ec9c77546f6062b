import { describe, expect, it } from 'vitest';
import { heapLimitArgs } from '../../src/cli/heapLimit.js';

const GiB = 2 ** 30;
// V8's ceiling on this project's machine (24 GiB): about 4.3 GB.
const V8_DEFAULT = 4_345_298_944;

describe('heapLimitArgs', () => {
  it('raises the heap ceiling to three quarters of the machine, keeping the node flags it was given', () => {
    expect(heapLimitArgs(['--enable-source-maps'], {}, 24 * GiB, V8_DEFAULT)).toEqual(['--enable-source-maps', '--max-old-space-size=18432']);
  });

  it("leaves a ceiling the user set, by flag or NODE_OPTIONS, and does not raise it twice", () => {
    expect(heapLimitArgs(['--max-old-space-size=2048'], {}, 24 * GiB, V8_DEFAULT)).toBeNull();
    expect(heapLimitArgs([], { NODE_OPTIONS: '--trace-warnings --max-old-space-size=8192' }, 24 * GiB, V8_DEFAULT)).toBeNull();
    expect(heapLimitArgs([], { PARALLAX_HEAP_RAISED: '1' }, 24 * GiB, V8_DEFAULT)).toBeNull();
  });

  it("runs as it is where three quarters of the machine is no more than V8's own ceiling", () => {
    expect(heapLimitArgs([], {}, 4 * GiB, V8_DEFAULT)).toBeNull();
  });
});
