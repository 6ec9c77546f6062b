/**
 * The build's last step (`npm run build`): makes the matching tables and writes them beside the
 * compiled modules, where every thread that folds text reads them (precomputedTables).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildScriptTable } from './foldScript.js';
import { encodeMatchingTables, MATCHING_TABLES_FILE, type MatchingTables } from './matchingTables.js';
import { buildFoldTable, buildNormalizeTable, normalizedCharacters } from './normalizeForMatching.js';

/**
 * The tables made from the code and data at hand, each from the one before it and never from a
 * file: the fold and normalising tables through the script table made here, not the last build's.
 */
export function makeMatchingTables(): MatchingTables {
  const script = buildScriptTable();
  const base = normalizedCharacters(script);
  return { script, fold: buildFoldTable(base), normalize: buildNormalizeTable(base) };
}

export function writeMatchingTables(file: string | URL = MATCHING_TABLES_FILE): void {
  writeFileSync(file, encodeMatchingTables(makeMatchingTables()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeMatchingTables();
