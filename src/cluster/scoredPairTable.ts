import type { ClusterLink, LinkFeatures } from '../types.js';

export const DECISIONS: readonly ClusterLink['decision'][] = ['duplicate', 'linked', 'below-threshold', 'date-conflict', 'place-conflict', 'cluster-conflict'];
const FEATURES = ['date', 'participants', 'place', 'text', 'title', 'duplicate'] as const satisfies readonly (keyof LinkFeatures)[];
/** The score, then the six features, per row. */
export const VALUES = 1 + FEATURES.length;
/** Bytes per row: two article indices, the values, the decision. */
export const ROW_BYTES = 2 * 4 + VALUES * 2 + 1;

/**
 * Scored candidate pairs, in columns. A million articles give tens of millions of candidate pairs:
 * as ClusterLink objects (three a pair) they were more memory than the rest of the run. scoreLink
 * rounds the score and every feature to thousandths, so each is kept as an integer number of
 * thousandths and read back as exactly the double it was: 23 bytes a pair.
 */
export interface ScoredPairTable {
  readonly size: number;
  /** Each pair's articles by index: `first` is the one whose id sorts first (the link's `a`). */
  readonly first: Uint32Array;
  readonly second: Uint32Array;
  /** Score and features in thousandths, VALUES per row. */
  readonly values: Uint16Array;
  /** The decision as scored (an index into DECISIONS), before any threshold is applied again. */
  readonly decisions: Uint8Array;
}

export function createScoredPairTable(size: number): ScoredPairTable {
  return { size, first: new Uint32Array(size), second: new Uint32Array(size), values: new Uint16Array(size * VALUES), decisions: new Uint8Array(size) };
}

function thousandths(value: number, what: string): number {
  const scaled = Math.round(value * 1000);
  if (scaled / 1000 !== value || scaled < 0 || scaled > 0xffff) throw new RangeError(`ScoredPairTable: ${what} ${value} is not a whole number of thousandths in [0, 65.535]`);
  return scaled;
}

/** Puts a scored link in `row`; `first` and `second` are the indices of the articles named by its `a` and `b`. */
export function setScoredPair(table: ScoredPairTable, row: number, first: number, second: number, link: ClusterLink): void {
  table.first[row] = first;
  table.second[row] = second;
  const at = row * VALUES;
  table.values[at] = thousandths(link.score, 'score');
  for (let f = 0; f < FEATURES.length; f++) table.values[at + 1 + f] = thousandths(link.features[FEATURES[f]!], FEATURES[f]!);
  table.decisions[row] = DECISIONS.indexOf(link.decision);
}

export function scoreOfRow(table: ScoredPairTable, row: number): number {
  return table.values[row * VALUES]! / 1000;
}

/** The link of `row`, its articles named by `idOf`, with `decision` (an index into DECISIONS) or the one scored. */
export function linkOfRow(table: ScoredPairTable, row: number, idOf: (article: number) => string, decision = table.decisions[row]!): ClusterLink {
  const at = row * VALUES;
  const v = table.values;
  const features: LinkFeatures = { date: v[at + 1]! / 1000, participants: v[at + 2]! / 1000, place: v[at + 3]! / 1000, text: v[at + 4]! / 1000, title: v[at + 5]! / 1000, duplicate: v[at + 6]! / 1000 };
  return { a: idOf(table.first[row]!), b: idOf(table.second[row]!), score: v[at]! / 1000, features, decision: DECISIONS[decision]! };
}

/**
 * Each value a row can hold (thousandths, 0 to 65.535) as JSON writes it, made the first time a line
 * is: converting seven doubles to text for each of 19 million lines was most of what writing
 * links.jsonl cost at a million articles.
 */
let valueTexts: string[] | undefined;

/**
 * `JSON.stringify(linkOfRow(...))`, written out without the link: links.jsonl holds every scored
 * pair (19 million at a million articles), and while they were written as link objects the heap
 * grew by 5 GB of garbage that only full collections freed. Likely V8's pretenuring: linkOfRow also
 * makes the links clusters keep, so its objects were allocated straight into the old generation
 * (not confirmed; writing lines makes no objects either way). `quotedIdOf` gives an article's id as
 * a JSON string (a caller writing many lines quotes each id once: quotedIds). Numbers come from a
 * table and the features are spelled out: 0.39 against 1.55 µs a line.
 */
export function linkLineOfRow(table: ScoredPairTable, row: number, quotedIdOf: (article: number) => string, decision = table.decisions[row]!): string {
  const at = row * VALUES;
  const v = table.values;
  const text = (valueTexts ??= Array.from({ length: 0x10000 }, (_, i) => String(i / 1000)));
  return `{"a":${quotedIdOf(table.first[row]!)},"b":${quotedIdOf(table.second[row]!)},"score":${text[v[at]!]},"features":{"date":${text[v[at + 1]!]},"participants":${text[v[at + 2]!]},"place":${text[v[at + 3]!]},"text":${text[v[at + 4]!]},"title":${text[v[at + 5]!]},"duplicate":${text[v[at + 6]!]}},"decision":"${DECISIONS[decision]!}"}`;
}

/** Articles' ids as JSON strings, each quoted the first time it is asked for (linkLineOfRow's `quotedIdOf`). */
export function quotedIds(idOf: (article: number) => string): (article: number) => string {
  const quoted: string[] = [];
  return (article) => (quoted[article] ??= JSON.stringify(idOf(article)));
}

/** The rows of several tables, one after another. */
export function concatScoredPairTables(tables: ScoredPairTable[]): ScoredPairTable {
  if (tables.length === 1) return tables[0]!;
  const joined = createScoredPairTable(tables.reduce((sum, t) => sum + t.size, 0));
  let row = 0;
  for (const t of tables) {
    joined.first.set(t.first, row);
    joined.second.set(t.second, row);
    joined.values.set(t.values, row * VALUES);
    joined.decisions.set(t.decisions, row);
    row += t.size;
  }
  return joined;
}

/** The rows of `table` in the order `order` gives (row indices). */
function permute(table: ScoredPairTable, order: Uint32Array): ScoredPairTable {
  const out = createScoredPairTable(order.length);
  for (let k = 0; k < order.length; k++) {
    const row = order[k]!;
    out.first[k] = table.first[row]!;
    out.second[k] = table.second[row]!;
    out.decisions[k] = table.decisions[row]!;
    out.values.set(table.values.subarray(row * VALUES, (row + 1) * VALUES), k * VALUES);
  }
  return out;
}

const DUPLICATE = DECISIONS.indexOf('duplicate');

/**
 * The rows in the order links are merged: duplicates first, then by score, highest first; rows
 * that tie keep their order, so rows given in the order of their articles' ids (candidatePairs
 * gives them so) come out as a sort by score and then by ids would put them. Neither depends on
 * thresholds.cluster, so a table kept in this order is merged again without sorting. A stable
 * counting sort over the thousandths: a comparison sort of tens of millions of links took
 * longer than scoring them.
 */
export function inMergeOrder(table: ScoredPairTable): ScoredPairTable {
  const top = 0xffff;
  const bucketOf = (row: number) => (table.decisions[row] === DUPLICATE ? 0 : top + 1) + (top - table.values[row * VALUES]!);
  const starts = new Uint32Array(2 * (top + 1) + 1);
  for (let row = 0; row < table.size; row++) starts[bucketOf(row) + 1]!++;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const order = new Uint32Array(table.size);
  for (let row = 0; row < table.size; row++) order[starts[bucketOf(row)]!++] = row;
  return permute(table, order);
}

/** The table as bytes (for the workspace): the columns one after another, the widest first so each stays aligned. */
export function encodeScoredPairTable(table: ScoredPairTable): Uint8Array {
  const bytes = new Uint8Array(table.size * ROW_BYTES);
  let at = 0;
  for (const column of [table.first, table.second, table.values, table.decisions]) {
    bytes.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), at);
    at += column.byteLength;
  }
  return bytes;
}

/** The table of encodeScoredPairTable's bytes; copied once, since a SQLite BLOB need not be aligned. */
export function decodeScoredPairTable(bytes: Uint8Array): ScoredPairTable {
  if (bytes.byteLength % ROW_BYTES !== 0) throw new Error(`decodeScoredPairTable: ${bytes.byteLength} bytes is not a whole number of ${ROW_BYTES}-byte rows`);
  const size = bytes.byteLength / ROW_BYTES;
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const { buffer } = copy;
  return {
    size,
    first: new Uint32Array(buffer, 0, size),
    second: new Uint32Array(buffer, size * 4, size),
    values: new Uint16Array(buffer, size * 8, size * VALUES),
    decisions: new Uint8Array(buffer, size * (8 + VALUES * 2), size),
  };
}
