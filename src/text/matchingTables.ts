import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { endianness } from 'node:os';

/**
 * The per-code-unit tables that folding and normalising read (foldScript, foldText,
 * normalizeForMatching), 65,536 entries each.
 */
export interface MatchingTables {
  /** Traditional → simplified replacement of each code unit, 0 for none (foldScript). */
  script: Uint16Array;
  /** What each code unit folds to (foldTextDirect). */
  fold: Uint16Array;
  /** What each code unit normalises to (normalizeDirect). */
  normalize: Uint16Array;
}

const UNITS = 0x10000;
const LITTLE_ENDIAN = endianness() === 'LE';
const NAMES = ['script', 'fold', 'normalize'] as const;

/**
 * Where the build writes the tables (writeMatchingTables): beside this module in `dist/`. Made
 * at run time they took 130 ms and a few hundred more of compiling OpenCC's converters on every
 * thread that folds text, four or five of them in a run; read from here, about 8 ms.
 */
export const MATCHING_TABLES_FILE = new URL('./matchingTables.bin', import.meta.url);

/**
 * What the tables are made from: the modules that make them, Node's Unicode data (NFKC, letter
 * classes, case) and OpenCC's dictionaries. Tables made under another key are not read, so a
 * build compiled without writing them again (`tsc` alone) after the folding changed makes its
 * tables itself rather than read stale ones.
 */
export function matchingTablesKey(): string {
  const { unicode, icu } = process.versions;
  return JSON.stringify({ format: 1, code: codeHash(), unicode, icu, opencc: openccVersion() });
}

/** A hash of the compiled modules that make the tables, beside this one ('' where there are none: run from the sources). */
function codeHash(): string {
  const hash = createHash('sha256');
  for (const module of ['./normalizeForMatching.js', './foldScript.js']) {
    try {
      hash.update(readFileSync(new URL(module, import.meta.url)));
    } catch {
      return '';
    }
  }
  return hash.digest('hex');
}

function openccVersion(): string {
  // The package's exports do not include its package.json: it is found above the module it resolves to.
  let folder = dirname(createRequire(import.meta.url).resolve('opencc-js'));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'opencc-js') return manifest.version ?? 'unknown';
    } catch {
      // No package.json at this level: go up.
    }
    const parent = dirname(folder);
    if (parent === folder) return 'unknown';
    folder = parent;
  }
}

/** The tables as the file holds them: the key's length (4 bytes) and text, then each table's code units, little-endian. */
export function encodeMatchingTables(tables: MatchingTables, key = matchingTablesKey()): Buffer {
  const keyBytes = Buffer.from(key, 'utf8');
  const out = Buffer.alloc(4 + keyBytes.length + NAMES.length * UNITS * 2);
  out.writeUInt32LE(keyBytes.length, 0);
  keyBytes.copy(out, 4);
  let at = 4 + keyBytes.length;
  for (const name of NAMES) {
    const table = tables[name];
    if (table.length !== UNITS) throw new Error(`encodeMatchingTables: the ${name} table has ${table.length} entries, not ${UNITS}`);
    for (let c = 0; c < UNITS; c++) at = out.writeUInt16LE(table[c]!, at);
  }
  return out;
}

/** The tables of encodeMatchingTables's bytes, or undefined when they were made under another key or are cut short. */
export function decodeMatchingTables(bytes: Buffer, key = matchingTablesKey()): MatchingTables | undefined {
  if (bytes.length < 4) return undefined;
  const keyLength = bytes.readUInt32LE(0);
  if (bytes.length !== 4 + keyLength + NAMES.length * UNITS * 2) return undefined;
  if (bytes.toString('utf8', 4, 4 + keyLength) !== key) return undefined;
  let at = 4 + keyLength;
  const read = () => {
    const table = new Uint16Array(UNITS);
    // Copied byte for byte where the machine's order is the file's; read a unit at a time, cold, this was most of reading the file.
    if (LITTLE_ENDIAN) new Uint8Array(table.buffer).set(bytes.subarray(at, at + UNITS * 2));
    else for (let c = 0; c < UNITS; c++) table[c] = bytes.readUInt16LE(at + 2 * c);
    at += UNITS * 2;
    return table;
  };
  return { script: read(), fold: read(), normalize: read() };
}

let loaded: MatchingTables | null | undefined;

/**
 * The tables the build wrote, read once per thread; undefined when there are none to use (a run
 * from the sources, as in the tests, or a build for another Node or OpenCC), and each table is
 * then made where it is first needed, as before.
 */
export function precomputedTables(): MatchingTables | undefined {
  if (loaded === undefined) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(MATCHING_TABLES_FILE);
    } catch {
      bytes = undefined;
    }
    loaded = (bytes && decodeMatchingTables(bytes)) ?? null;
  }
  return loaded ?? undefined;
}
