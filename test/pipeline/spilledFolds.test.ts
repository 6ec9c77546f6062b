import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldArticle, WHOLE_ARTICLE } from '../../src/fingerprint/fingerprintCorpus.js';
import { readFolds, SpilledFolds } from '../../src/pipeline/spilledFolds.js';
import { seed } from '../helpers.js';

describe('SpilledFolds', () => {
  it('reads back every article’s and paragraph’s folds of the seeds, across many writes, and removes its file on close', async () => {
    const seeds = await Promise.all((['vnaHanoi', 'thoidaiSteering'] as const).map((name) => seed(name)));
    const folded = seeds.map((article) => foldArticle(article));
    // Some 12 MB of folds: reads at the file's start, middle and end.
    const copies = Math.ceil((3 * (4 << 20)) / folded.reduce((sum, f) => sum + 2 * f.text.length, 0));
    const folds = new SpilledFolds();
    for (let copy = 0; copy < copies; copy++) {
      folded.forEach((f, k) => folds.add(`${seeds[k]!.id}@${copy}`, { bytes: Buffer.from(f.text, 'utf16le'), lengths: f.lengths }));
    }
    expect(folds.size).toBe(2 * copies);
    for (const copy of [0, Math.floor(copies / 2), copies - 1]) {
      folded.forEach((f, k) => {
        const id = `${seeds[k]!.id}@${copy}`;
        expect(folds.article(id)).toBe(f.text);
        expect(Array.from(folds.paragraphLengths(id)!)).toEqual(f.lengths);
        let start = 0;
        f.lengths.forEach((length, position) => {
          expect(folds.paragraph(id, position)).toBe(f.text.slice(start, (start += length)));
        });
      });
    }
    expect(folded[1]!.lengths).toHaveLength(16);
    expect(folds.article('not-added')).toBeUndefined();
    expect(() => folds.paragraph(`${seeds[1]!.id}@0`, 16)).toThrow(/has 16 paragraphs, not a paragraph 16/);
    const file = (folds as unknown as { file: string }).file;
    expect(existsSync(file)).toBe(true);
    folds.close();
    expect(existsSync(file)).toBe(false);
    expect(() => folds.article(`${seeds[0]!.id}@0`)).toThrow(/after close/);
  });
});

describe('SpilledFolds.gather', () => {
  it('reads many folds at once as one read each gives them, in any order, across reads far apart and a fold larger than a read (seeds 001, 002)', async () => {
    const seeds = await Promise.all((['vnaHanoi', 'thoidaiSteering'] as const).map((name) => seed(name)));
    const folded = seeds.map((article) => foldArticle(article));
    const folds = new SpilledFolds();
    // Some 40 MB of folds: requests fall in several reads of 16 MB, and far apart ones in reads of their own.
    const copies = Math.ceil((40 << 20) / folded.reduce((sum, f) => sum + 2 * f.text.length, 0));
    const ids: string[] = [];
    for (let copy = 0; copy < copies; copy++) {
      folded.forEach((f, k) => {
        ids.push(`${seeds[k]!.id}@${copy}`);
        folds.add(ids[ids.length - 1]!, { bytes: Buffer.from(f.text, 'utf16le'), lengths: f.lengths });
      });
      if (copy === 10) folds.add('huge', { bytes: Buffer.from('越'.repeat(9 << 20), 'utf16le'), lengths: [3 << 20, 6 << 20] });
    }
    // Whole articles and paragraphs of copies near the start, the middle and the end, and the huge fold, shuffled.
    const wanted: [string, number][] = [['huge', WHOLE_ARTICLE], ['huge', 1], ['not-added', WHOLE_ARTICLE]];
    for (const at of [0, 1, 2, 3, Math.floor(ids.length / 2), ids.length - 2, ids.length - 1]) {
      const lengths = folds.paragraphLengths(ids[at]!)!;
      wanted.push([ids[at]!, WHOLE_ARTICLE], [ids[at]!, 0], [ids[at]!, lengths.length - 1]);
    }
    const order = wanted.map((_, k) => k).sort((a, b) => ((a * 7919) % wanted.length) - ((b * 7919) % wanted.length));
    const requests = order.map((k) => wanted[k]!);
    const read = folds.gather(
      requests.map(([id]) => id),
      Int32Array.from(requests, ([, position]) => position),
    );
    requests.forEach(([id, position], k) => {
      expect(read(k)).toBe(position === WHOLE_ARTICLE ? folds.article(id) : folds.paragraph(id, position));
    });
    const huge = requests.findIndex(([id, position]) => id === 'huge' && position === 1);
    expect(read(huge)).toHaveLength(6 << 20);
    expect(read(requests.findIndex(([id]) => id === 'not-added'))).toBeUndefined();
    expect(read(requests.findIndex(([id, position]) => id === ids[0] && position === 0))).toBe(folded[0]!.text.slice(0, folded[0]!.lengths[0]));
    expect(() => folds.gather([ids[1]!], Int32Array.of(16))).toThrow(/has 16 paragraphs, not a paragraph 16/);
    expect(() => folds.gather([ids[1]!, ids[2]!], Int32Array.of(0))).toThrow(/2 ids but 1 positions/);
    folds.close();
  });
});

describe('SpilledFolds.locate', () => {
  it('tells another reader of the file where the folds are: readFolds on a descriptor of its own reads each fold of the seeds (seeds 001, 002)', async () => {
    const seeds = await Promise.all((['vnaHanoi', 'thoidaiSteering'] as const).map((name) => seed(name)));
    const folded = seeds.map((article) => foldArticle(article));
    const folds = new SpilledFolds();
    folded.forEach((f, k) => folds.add(seeds[k]!.id, { bytes: Buffer.from(f.text, 'utf16le'), lengths: f.lengths }));
    const ids = [seeds[1]!.id, 'not-added', seeds[0]!.id, seeds[1]!.id];
    const positions = Int32Array.of(15, 0, WHOLE_ARTICLE, 0);
    const { file, bytes, chars } = folds.locate(ids, positions);
    expect(Array.from(chars)).toEqual([folded[1]!.lengths[15], -1, folded[0]!.text.length, folded[1]!.lengths[0]]);
    const fd = openSync(file, 'r');
    const read = readFolds(fd, file, bytes, chars);
    closeSync(fd);
    expect(read(2)).toBe(folded[0]!.text);
    expect(read(3)).toBe(folded[1]!.text.slice(0, folded[1]!.lengths[0]));
    // Paragraph 15 is seed 002's last: the end of its folds.
    expect(read(0)).toBe(folded[1]!.text.slice(folded[1]!.text.length - folded[1]!.lengths[15]!));
    expect(read(1)).toBeUndefined();
    folds.close();
  });
});

describe('SpilledFolds when the run is interrupted', () => {
  it('removes its file on SIGINT and SIGTERM, and the process still ends by the signal', async () => {
    const { spawn } = await import('node:child_process');
    const { pathToFileURL } = await import('node:url');
    const path = await import('node:path');
    const { ROOT } = await import('../helpers.js');
    const module = pathToFileURL(path.join(ROOT, 'dist/pipeline/spilledFolds.js')).href;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const child = spawn(process.execPath, [
        '--input-type=module',
        '-e',
        `import { SpilledFolds } from ${JSON.stringify(module)};
         const folds = new SpilledFolds();
         folds.add('a', { bytes: Buffer.from('中越', 'utf16le'), lengths: [2] });
         folds.article('a');
         console.log(folds.file);
         setInterval(() => {}, 1000);`,
      ]);
      const file = await new Promise<string>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim())));
      expect(existsSync(file)).toBe(true);
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, by) => resolve(by)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(existsSync(file)).toBe(false);
    }
  });
});
