import type { GazetteerEntry } from '../config/resolveConfig.js';
import { indexByFirstCharacter } from '../text/firstCharacterIndex.js';
import { normalizeForMatching } from '../text/normalizeForMatching.js';

export interface GazetteerMatch {
  name: string;
  index: number;
}

export interface Gazetteer {
  entries: Map<string, GazetteerEntry>;
  find(text: string): GazetteerMatch[];
  /** The same for text already passed through `normalizeForMatching`. */
  findNormalized(normalized: string): GazetteerMatch[];
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Entries by canonical name: what `within` chains and participant countries are looked up in. */
export function entriesByName(entries: GazetteerEntry[]): Map<string, GazetteerEntry> {
  return new Map(entries.map((e) => [e.name, e]));
}

/**
 * Compiles a gazetteer's names and aliases into one alternation, longest first, so a text is
 * scanned once and `阮富仲` is never read as a shorter alias inside it. Latin-script aliases
 * (`Bùi Thanh Sơn`) must stand as whole words; Chinese ones cannot (Chinese has no spaces).
 */
export function buildGazetteer(entries: GazetteerEntry[]): Gazetteer {
  const byAlias = new Map<string, string>();
  for (const entry of entries) {
    for (const alias of [entry.name, ...entry.aliases]) {
      const key = normalizeForMatching(alias);
      if (key.length >= 2 && !byAlias.has(key)) byAlias.set(key, entry.name);
    }
  }
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length);
  const latin = aliases.filter((a) => /^\p{Script=Latin}/u.test(a));
  const other = aliases.filter((a) => !/^\p{Script=Latin}/u.test(a));
  // Two scans: Chinese names need no word boundaries; the Latin scan, whose lookarounds are slow,
  // runs only on text that has Latin letters at all.
  const findOther = literalScanner(other);
  const latinRegex = latin.length ? new RegExp(latin.map((a) => `(?<![\\p{L}])${escapeRegex(a)}(?![\\p{L}])`).join('|'), 'gu') : null;
  const findNormalized = (normalized: string): GazetteerMatch[] => {
    const matches: GazetteerMatch[] = findOther(normalized).map((m) => ({ name: byAlias.get(m.text)!, index: m.index }));
    if (latinRegex && /[a-z]/u.test(normalized)) {
      for (const m of normalized.matchAll(latinRegex)) matches.push({ name: byAlias.get(m[0])!, index: m.index ?? 0 });
    }
    return matches.sort((x, y) => x.index - y.index);
  };
  return {
    entries: entriesByName(entries),
    find: (text: string) => findNormalized(normalizeForMatching(text)),
    findNormalized,
  };
}

/**
 * The matches `new RegExp(literals.map(escapeRegex).join('|'), 'gu')` finds, left to right and not
 * overlapping, the first listed literal winning at a position, without the regex: it tried every
 * alternative at every position of every article (two of them were a tenth of building one).
 * Each literal must be non-empty.
 */
export function literalScanner(literals: string[]): (text: string) => { text: string; index: number }[] {
  const { starts, byFirst } = indexByFirstCharacter(literals.map((l) => [l, l] as const));
  const literalAt = (text: string, i: number) => {
    for (const { literal } of byFirst.get(text.charCodeAt(i))!) if (text.startsWith(literal, i)) return literal;
    return undefined;
  };
  return (text) => {
    const found: { text: string; index: number }[] = [];
    let i = 0;
    while (i < text.length) {
      const literal = starts[text.charCodeAt(i)] === 1 ? literalAt(text, i) : undefined;
      if (literal) {
        found.push({ text: literal, index: i });
        i += literal.length;
      } else i++;
    }
    return found;
  };
}

/** Canonical names in order of first mention, each once. */
export function namesInOrder(matches: GazetteerMatch[]): string[] {
  return [...new Set(matches.map((m) => m.name))];
}

/**
 * A place and every place it lies within, following `within` upward; the walk stops at a place
 * already seen, so a config whose `within` goes round in a loop cannot hang it.
 */
export function placeAndContainers(place: string, places: Map<string, GazetteerEntry>): Set<string> {
  const chain = new Set<string>([place]);
  let parent = places.get(place)?.within ?? null;
  while (parent && !chain.has(parent)) {
    chain.add(parent);
    parent = places.get(parent)?.within ?? null;
  }
  return chain;
}

/** Drops a place when a more specific place inside it is also named (`浙江安吉` is 安吉). */
export function mostSpecificPlaces(names: string[], places: Map<string, GazetteerEntry>): string[] {
  const containers = new Set<string>();
  for (const name of names) {
    for (const container of placeAndContainers(name, places)) if (container !== name) containers.add(container);
  }
  return names.filter((n) => !containers.has(n));
}
