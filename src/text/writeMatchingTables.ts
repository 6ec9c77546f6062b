/**
 * The build's last step (`npm run build`): makes the matching tables and writes them beside the
 * compiled modules, where every thread that folds text reads them (precomputedTables).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildScriptTable } from './foldScript.js';
import { encodeMatchingTables, ignorePrecomputedTables, MATCHING_TABLES_FILE, type MatchingTables } from './matchingTables.js';
import { buildFoldTable, buildNormalizeTable } from './normalizeForMatching.js';

/**
 * The tables made from the code and data at hand, never read from a file: the fold and normalising
 * tables are made through foldScript, which would otherwise read the script table of the last build.
 */
export function makeMatchingTables(): MatchingTables {
  ignorePrecomputedTables();
  return { script: buildScriptTable(), fold: buildFoldTable(), normalize: buildNormalizeTable() };
}

export function writeMatchingTables(file: string | URL = MATCHING_TABLES_FILE): void {
  writeFileSync(file, encodeMatchingTables(makeMatchingTables()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeMatchingTables();
