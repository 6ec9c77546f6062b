import { normalizeForMatching } from '../text/normalizeForMatching.js';
import { compactForBigrams, diceOfBigrams, singleOf, writeBigrams } from './diceBigrams.js';

/** How much of the lead a link compares: its first 600 characters, normalised. */
const LEAD_CHARS = 600;

/**
 * Every article's title and lead (leadForLinking) as bigram profiles (diceBigrams), in flat arrays
 * on shared memory: text `2i` is article i's title, `2i + 1` its lead. Both threads that score
 * pairs read the one copy; as a map of profile objects per thread, a million articles' took 4 GB
 * on each.
 */
export interface LinkingTextTable {
  /** Where each text's bigrams start in `bigrams`; one more entry than texts, the last the end. */
  starts: Float64Array;
  /** Each text's code units without whitespace. */
  lengths: Int32Array;
  /** Each text's one code unit, when it has one (-1 otherwise). */
  singles: Int32Array;
  bigrams: Int32Array;
}

/** The texts a link compares for an article, before normalising. */
export interface LinkingSource {
  title: string;
  lead: string;
}

/** The compared forms of a title and a lead: normalised, and the lead's first 600 characters. */
export function linkingForms({ title, lead }: LinkingSource): [string, string] {
  return [compactForBigrams(normalizeForMatching(title)), compactForBigrams(normalizeForMatching(lead).slice(0, LEAD_CHARS))];
}

export function buildLinkingTextTable(sources: Iterable<LinkingSource>): LinkingTextTable {
  const compacts: string[] = [];
  for (const source of sources) compacts.push(...linkingForms(source));
  return buildBigramTable(compacts);
}

/** The table of texts already without whitespace (compactForBigrams), text k at k. */
export function buildBigramTable(compacts: string[]): LinkingTextTable {
  const shared = (bytes: number) => new SharedArrayBuffer(bytes);
  const starts = new Float64Array(shared((compacts.length + 1) * 8));
  const lengths = new Int32Array(shared(compacts.length * 4));
  const singles = new Int32Array(shared(compacts.length * 4));
  let total = 0;
  compacts.forEach((compact, k) => {
    starts[k] = total;
    lengths[k] = compact.length;
    singles[k] = singleOf(compact);
    total += Math.max(0, compact.length - 1);
  });
  starts[compacts.length] = total;
  const bigrams = new Int32Array(shared(total * 4));
  compacts.forEach((compact, k) => writeBigrams(compact, bigrams.subarray(starts[k]!, starts[k + 1]!)));
  return { starts, lengths, singles, bigrams };
}

/** Dice's coefficient of texts `x` and `y` of the table: compareTwoStrings of string-similarity (tested). */
export function diceOfTexts(table: LinkingTextTable, x: number, y: number): number {
  const { starts, lengths, singles, bigrams } = table;
  return diceOfBigrams(bigrams, starts[x]!, starts[x + 1]!, lengths[x]!, singles[x]!, bigrams, starts[y]!, starts[y + 1]!, lengths[y]!, singles[y]!);
}
