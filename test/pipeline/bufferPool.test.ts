import { describe, expect, it } from 'vitest';
import { BufferPool } from '../../src/pipeline/bufferPool.js';

describe('BufferPool', () => {
  it('fills the smallest buffer given back that fits, and makes one with room to spare when none does', () => {
    const pool = new BufferPool();
    const small = new ArrayBuffer(100 << 10);
    const large = new ArrayBuffer(400 << 10);
    pool.give(large);
    pool.give(small);
    expect(pool.take(90 << 10)).toBe(small);
    expect(pool.take(300 << 10)).toBe(large);
    expect(pool.take(1 << 20).byteLength).toBe((1 << 20) + (1 << 18));
  });

  it('lets go of a buffer moved to another thread, one of more than 16 MB, and any past its limit', () => {
    const pool = new BufferPool(2);
    const moved = new ArrayBuffer(1024);
    structuredClone(moved, { transfer: [moved] });
    pool.give(moved);
    pool.give(new ArrayBuffer(17 << 20));
    expect(pool.giveAway(8)).toEqual([]);
    const kept = [new ArrayBuffer(1024), new ArrayBuffer(2048)];
    for (const buffer of [...kept, new ArrayBuffer(4096)]) pool.give(buffer);
    const given = pool.giveAway(8);
    expect(given).toHaveLength(2);
    expect(given[0]).toBe(kept[0]);
    expect(given[1]).toBe(kept[1]);
  });
});
