import { describe, expect, it } from 'vitest';
import { collectGarbageNow } from '../../src/pipeline/collectGarbageNow.js';

const MB = 2 ** 20;

describe('collectGarbageNow', () => {
  it('frees a large shared buffer let go, as the band keys are after LSH, without waiting for the heap to grow', async () => {
    let keys: Uint32Array | null = new Uint32Array(new SharedArrayBuffer(0, { maxByteLength: 512 * MB }));
    (keys.buffer as SharedArrayBuffer).grow(256 * MB);
    keys = new Uint32Array(keys.buffer);
    keys.fill(7);
    // A growable buffer is not in V8's count of outside memory (memoryUsage().arrayBuffers), which is
    // why nothing brings a collection: the process's resident memory shows it.
    const held = process.memoryUsage().rss;
    keys = null;
    collectGarbageNow();
    // The collection finds it unreachable; V8 hands its memory back on a task of its own just after.
    for (let wait = 0; wait < 40 && process.memoryUsage().rss >= held - 200 * MB; wait++) await new Promise((r) => setTimeout(r, 50));
    expect(process.memoryUsage().rss).toBeLessThan(held - 200 * MB);
    // A second call finds the collector already at hand.
    collectGarbageNow();
  });
});
