import { createRequire } from 'node:module';
import type * as OpenCCModule from 'opencc-js';
import { precomputedTables } from './matchingTables.js';

/**
 * OpenCC is loaded only to make the table (its CommonJS build, so without waiting): with the table
 * the build wrote (precomputedTables), a thread that folds text never loads its dictionaries.
 */
const loadOpenCC = () => createRequire(import.meta.url)('opencc-js') as typeof OpenCCModule;

/**
 * Traditional → simplified for matching only, one character at a time. OpenCC's phrase-aware
 * converter (`toSimplified`) is right for text a reader sees but walks a trie per character;
 * matching only needs both sides folded the same way, so each character's single-character
 * conversion is taken once from OpenCC's dictionaries (Taiwan and Hong Kong) into a table.
 * Context-free, it folds 著名 to 着名 on both sides alike: never show its output.
 */
let table: Uint16Array | null = null;

/** The replacement code unit of each ideograph the fold changes, 0 for every other code unit. */
export function buildScriptTable(): Uint16Array {
  const OpenCC = loadOpenCC();
  const converters = [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })];
  // A typed array indexed by code unit: a Map look-up per character was most of the fold's cost.
  const replacements = new Uint16Array(0x10000);
  for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]] as const) {
    const chars: string[] = [];
    for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
    // One character per line: no dictionary phrase spans a line break, so each converts alone.
    for (const convert of converters) {
      convert(chars.join('\n'))
        .split('\n')
        .forEach((out: string, i: number) => {
          if (out !== chars[i] && out.length === 1 && replacements[from + i] === 0) replacements[from + i] = out.charCodeAt(0);
        });
    }
  }
  return replacements;
}

/** The script fold table this thread uses: the one the build wrote, else made here once. */
export function scriptFoldTable(): Uint16Array {
  return (table ??= precomputedTables()?.script ?? buildScriptTable());
}

export function foldScript(text: string): string {
  return foldScriptWith(text, scriptFoldTable());
}

/** foldScript through the table `replacements` (buildScriptTable): what the other tables are made with. */
export function foldScriptWith(text: string, replacements: Uint16Array): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const replacement = replacements[text.charCodeAt(i)]!;
    if (replacement === 0) continue;
    out += text.slice(start, i) + String.fromCharCode(replacement);
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

/** How many characters the fold would change: a cheap measure of how traditional a text is. */
export function countFoldable(text: string): number {
  const replacements = scriptFoldTable();
  let n = 0;
  for (let i = 0; i < text.length; i++) if (replacements[text.charCodeAt(i)] !== 0) n++;
  return n;
}
