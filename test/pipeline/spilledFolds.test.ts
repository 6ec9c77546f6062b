import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldArticle } from '../../src/fingerprint/fingerprintCorpus.js';
import { SpilledFolds } from '../../src/pipeline/spilledFolds.js';
import { seed } from '../helpers.js';

describe('SpilledFolds', () => {
  it('reads back every article’s and paragraph’s folds of the seeds, across many writes, and removes its file on close', async () => {
    const seeds = await Promise.all((['vnaHanoi', 'thoidaiSteering'] as const).map((name) => seed(name)));
    const folded = seeds.map((article) => foldArticle(article));
    // Enough copies for several 4 MB writes, so reads land before, across and after flushes.
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
