import { sharedBandsFor } from '../fingerprint/sharedBandsFor.js';
import type { ParsedConfig } from './schema.js';

/** The config as the stages use it: regexes compiled, weights normalised, cross-references checked. */
export interface ResolvedOutlet {
  name: string;
  aliases: string[];
  side: string;
  domains: string[];
  signatures: { pattern: RegExp; weight: number }[];
}

export interface GazetteerEntry {
  name: string;
  aliases: string[];
  country: string;
  roles: string[];
  within: string | null;
}

export interface ResolvedConfig {
  /**
   * `minSharedBands` resolved for each kind of pair: article pairs (held to `thresholds.duplicate`)
   * and paragraph pairs (`thresholds.reuse`); `auto` is sharedBandsFor each threshold.
   */
  fingerprint: Omit<ParsedConfig['fingerprint'], 'minSharedBands'> & { rows: number; minSharedBands: { duplicate: number; reuse: number } };
  thresholds: ParsedConfig['thresholds'];
  cluster: ParsedConfig['cluster'];
  ingest: ParsedConfig['ingest'];
  boilerplate: {
    cutAt: Set<string>;
    dropLines: RegExp[];
    photoCredits: RegExp[];
    endMarkers: string[];
  };
  compare: ParsedConfig['compare'];
  report: ParsedConfig['report'];
  topics: ParsedConfig['topics'];
  terms: ParsedConfig['terms'];
  sides: Record<string, { label: string; utcOffsetMinutes: number }>;
  outlets: ResolvedOutlet[];
  people: GazetteerEntry[];
  places: GazetteerEntry[];
}

type Problems = string[];

function compileRegex(source: string, key: string, problems: Problems, flags = 'u'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    problems.push(`${key}: regular expression does not compile (${(error as Error).message})`);
    return /$^/u;
  }
}

function parseOffset(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  return sign * ((hours ?? 0) * 60 + (minutes ?? 0));
}

/** `fingerprint.minSharedBands` for article and paragraph pairs: as written, or (`auto`) sharedBandsFor each one's threshold. */
function resolveSharedBands(written: number | 'auto', thresholds: ParsedConfig['thresholds'], bands: number, rows: number): { duplicate: number; reuse: number } {
  if (written !== 'auto') return { duplicate: written, reuse: written };
  return { duplicate: sharedBandsFor(thresholds.duplicate, bands, rows), reuse: sharedBandsFor(thresholds.reuse, bands, rows) };
}

/**
 * Checks what a schema cannot (bands dividing permutations, sides that exist, unique names)
 * and returns every problem rather than the first.
 */
export function resolveConfig(parsed: ParsedConfig): { config: ResolvedConfig; problems: Problems } {
  const problems: Problems = [];
  const { permutations, bands } = parsed.fingerprint;
  const rows = Math.max(1, Math.floor(permutations / bands));
  if (permutations % bands !== 0) {
    problems.push(
      `fingerprint.bands: must divide fingerprint.permutations (${permutations}) evenly, got ${bands}`,
    );
  }
  const { minSharedBands } = parsed.fingerprint;
  if (minSharedBands !== 'auto' && minSharedBands > bands) {
    problems.push(`fingerprint.minSharedBands: at most fingerprint.bands (${bands}), got ${minSharedBands}`);
  }
  const weightSum = Object.values(parsed.cluster.weights).reduce((a, b) => a + b, 0);
  if (weightSum <= 0) problems.push('cluster.weights: at least one weight must be above 0');

  const sideIds = new Set(Object.keys(parsed.sides));
  if (sideIds.size === 0) problems.push('sides: define at least one side');
  const outletNames = new Set<string>();
  const outlets = parsed.outlets.map((outlet, i) => {
    const key = `outlets[${i}]`;
    if (!sideIds.has(outlet.side)) {
      problems.push(`${key}.side: "${outlet.side}" is not one of sides (${[...sideIds].join(', ')})`);
    }
    if (outletNames.has(outlet.name)) problems.push(`${key}.name: "${outlet.name}" is defined twice`);
    outletNames.add(outlet.name);
    return {
      name: outlet.name,
      aliases: outlet.aliases,
      side: outlet.side,
      domains: outlet.domains.map((d) => d.toLowerCase()),
      signatures: outlet.signatures.map((s, j) => ({
        pattern: compileRegex(s.pattern, `${key}.signatures[${j}].pattern`, problems, 'mu'),
        weight: s.weight,
      })),
    };
  });
  const usedSides = new Set(parsed.outlets.map((o) => o.side));
  for (const side of sideIds) {
    if (!usedSides.has(side)) problems.push(`sides.${side}: no outlet uses this side`);
  }

  const topicNames = new Set<string>();
  parsed.topics.forEach((topic, i) => {
    if (topicNames.has(topic.name)) problems.push(`topics[${i}].name: "${topic.name}" is defined twice`);
    topicNames.add(topic.name);
  });
  const people = uniqueEntries(parsed.people, 'people', problems);
  const places = uniqueEntries(parsed.places, 'places', problems);
  const placeNames = new Set(places.map((p) => p.name));
  parsed.places.forEach((place, i) => {
    if (place.within && !placeNames.has(place.within)) {
      problems.push(`places[${i}].within: "${place.within}" is not a place in the config`);
    }
  });

  const config: ResolvedConfig = {
    fingerprint: { ...parsed.fingerprint, rows, minSharedBands: resolveSharedBands(minSharedBands, parsed.thresholds, bands, rows) },
    thresholds: parsed.thresholds,
    cluster: {
      ...parsed.cluster,
      weights: normaliseWeights(parsed.cluster.weights, weightSum),
    },
    ingest: parsed.ingest,
    boilerplate: {
      cutAt: new Set(parsed.boilerplate.cutAt),
      dropLines: parsed.boilerplate.dropLines.map((p, i) =>
        compileRegex(p, `boilerplate.dropLines[${i}]`, problems),
      ),
      photoCredits: parsed.boilerplate.photoCredits.map((p, i) =>
        compileRegex(p, `boilerplate.photoCredits[${i}]`, problems),
      ),
      endMarkers: parsed.boilerplate.endMarkers,
    },
    compare: parsed.compare,
    report: parsed.report,
    topics: parsed.topics,
    terms: parsed.terms,
    sides: Object.fromEntries(
      Object.entries(parsed.sides).map(([id, s]) => [
        id,
        { label: s.label, utcOffsetMinutes: parseOffset(s.utcOffset) },
      ]),
    ),
    outlets,
    people,
    places,
  };
  return { config, problems };
}

function normaliseWeights<T extends Record<string, number>>(weights: T, sum: number): T {
  if (sum <= 0) return weights;
  return Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, v / sum])) as T;
}

function uniqueEntries(
  entries: { name: string; aliases: string[]; country: string; roles?: string[]; within?: string }[],
  key: string,
  problems: Problems,
): GazetteerEntry[] {
  const seen = new Map<string, number>();
  return entries.map((entry, i) => {
    const previous = seen.get(entry.name);
    if (previous !== undefined) {
      problems.push(`${key}[${i}].name: "${entry.name}" is already defined at ${key}[${previous}]`);
    }
    seen.set(entry.name, i);
    return {
      name: entry.name,
      aliases: entry.aliases,
      country: entry.country,
      roles: entry.roles ?? [],
      within: entry.within ?? null,
    };
  });
}
