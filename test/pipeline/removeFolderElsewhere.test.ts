import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe('removeFolderElsewhere', () => {
  it('removes a folder of pages and subfolders on the compiled worker thread, and resolves for one already gone', async () => {
    // The worker thread runs the compiled script: the built module finds it beside itself (npm test builds first).
    const built = path.join(ROOT, 'dist/pipeline/removeFolderElsewhere.js');
    const { removeFolderElsewhere } = (await import(built)) as typeof import('../../src/pipeline/removeFolderElsewhere.js');
    const folder = path.join(await mkdtemp(path.join(tmpdir(), 'parallax-remove-')), 'events.old-1');
    await mkdir(path.join(folder, 'nested'), { recursive: true });
    for (let k = 0; k < 50; k++) await writeFile(path.join(folder, `2024-06-${k}.html`), '<p>越南</p>');
    await writeFile(path.join(folder, 'nested', 'x.json'), '{}');
    await removeFolderElsewhere(folder);
    expect(existsSync(folder)).toBe(false);
    await expect(removeFolderElsewhere(folder)).resolves.toBeUndefined();
  });
});
