import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeMatchingTables, encodeMatchingTables, matchingTablesKey } from '../../src/text/matchingTables.js';
import { makeMatchingTables, writeMatchingTables } from '../../src/text/writeMatchingTables.js';
import { ROOT } from '../helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'parallax-tables-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const made = makeMatchingTables();
const code = (c: string) => c.charCodeAt(0);

describe('matching tables written by the build', () => {
  it('are read back as made: 臺 folds to 台, full-width Ａ to a, the full-width comma to nothing', () => {
    const file = join(folder, 'matchingTables.bin');
    writeMatchingTables(file);
    const read = decodeMatchingTables(readFileSync(file))!;
    expect(read).toBeDefined();
    for (const name of ['script', 'fold', 'normalize'] as const) expect(Buffer.from(read[name].buffer).equals(Buffer.from(made[name].buffer))).toBe(true);
    expect(String.fromCharCode(read.script[code('臺')]!)).toBe('台');
    expect(String.fromCharCode(read.fold[code('臺')]!)).toBe('台');
    expect(String.fromCharCode(read.fold[code('Ａ')]!)).toBe('a');
    expect(read.fold[code('，')]).toBe(0);
    // Normalising keeps punctuation (half-width), where folding drops it.
    expect(String.fromCharCode(read.normalize[code('，')]!)).toBe(',');
  });

  it('are not read when made under another Node, ICU or OpenCC (the key differs), or cut short', () => {
    const bytes = encodeMatchingTables(made);
    expect(decodeMatchingTables(bytes)).toBeDefined();
    const otherNode = encodeMatchingTables(made, matchingTablesKey().replace(/"unicode":"[^"]*"/, '"unicode":"0.0"'));
    expect(decodeMatchingTables(otherNode)).toBeUndefined();
    expect(decodeMatchingTables(bytes.subarray(0, bytes.length - 2))).toBeUndefined();
    expect(decodeMatchingTables(Buffer.alloc(2))).toBeUndefined();
  });

  it('are keyed by the OpenCC version installed, found above the module it resolves to', () => {
    const installed = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/opencc-js/package.json'), 'utf8')) as { version: string };
    expect(JSON.parse(matchingTablesKey())).toMatchObject({ opencc: installed.version, unicode: process.versions.unicode });
  });
});

describe('the tables in the build (dist/text/matchingTables.bin, written by npm run build)', () => {
  it('are read by the compiled modules, under a key that holds a hash of the modules that make them', async () => {
    const compiled = (await import(pathToFileURL(join(ROOT, 'dist/text/matchingTables.js')).href)) as typeof import('../../src/text/matchingTables.js');
    const key = JSON.parse(compiled.matchingTablesKey()) as { code: string };
    expect(key.code).toMatch(/^[0-9a-f]{64}$/u);
    const read = compiled.precomputedTables();
    expect(read).toBeDefined();
    expect(Buffer.from(read!.fold.buffer).equals(Buffer.from(made.fold.buffer))).toBe(true);
    // From the sources there are no compiled modules to hash: a key of its own, never the build's.
    expect(JSON.parse(matchingTablesKey())).toMatchObject({ code: '' });
  });
});
