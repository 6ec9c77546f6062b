import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/pipeline/progress.js';

function fakeOutput(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, output: { isTTY, columns: 120, write: (text: string) => writes.push(text) } };
}

describe('progress on stderr', () => {
  it('prints one plain line per finished stage when stderr is not a terminal', () => {
    let clock = 0;
    const { writes, output } = fakeOutput(false);
    const progress = createProgress(output, false, () => clock);
    progress.start('ingest', 3);
    progress.tick();
    progress.tick();
    progress.tick();
    clock = 1500;
    progress.end('3 articles, 0 inputs not ingested');
    expect(writes).toEqual(['ingest: 3 articles, 0 inputs not ingested in 1.5 s\n']);
  });

  it('draws a bar with done/total, rate and time left on a terminal, at most ten times a second', () => {
    let clock = 0;
    const { writes, output } = fakeOutput(true);
    const progress = createProgress(output, false, () => clock);
    progress.start('compare', 100);
    clock = 1000;
    progress.tick(50);
    clock = 1050;
    progress.tick(10);
    expect(writes.at(-1)).toContain('compare [############............] 50/100 50/s, 1.0 s left');
    expect(writes.filter((w) => w.startsWith('\r'))).toHaveLength(2);
    clock = 2000;
    progress.end('100 events compared');
    expect(writes.at(-1)).toBe('\r\u001b[Kcompare: 100 events compared in 2.0 s\n');
  });

  it('counts ingest in megabytes of input, since a JSONL corpus says how many records it holds only at its end', () => {
    let clock = 0;
    const { writes, output } = fakeOutput(true);
    const progress = createProgress(output, false, () => clock);
    progress.start('ingest', 592_386_451, 'bytes');
    clock = 4000;
    progress.tick(148_000_000);
    expect(writes.at(-1)).toContain('ingest [######..................] 148/592 MB 37 MB/s, 12 s left');
  });

  it('says nothing with --quiet', () => {
    const { writes, output } = fakeOutput(true);
    const progress = createProgress(output, true);
    progress.start('ingest', 10);
    progress.tick(10);
    progress.end('10 articles');
    expect(writes).toEqual([]);
  });
});
