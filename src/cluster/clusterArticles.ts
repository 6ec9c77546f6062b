import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { entriesByName } from '../ingest/matchGazetteer.js';
import { dayNumber } from '../text/calendar.js';
import type { Article, ClusterLink, EventCluster, SimilarPair } from '../types.js';
import { candidatePairs } from './candidatePairs.js';
import { decideLink, leadForLinking, linkingTexts, pairKey, placesAgree, scoreLink, type LinkArticle, type LinkContext } from './scoreLink.js';
import { compareCodeUnits } from '../text/compareCodeUnits.js';

interface Group {
  members: number[];
  /** Earliest and latest text-stated event day of the members, for the window check. */
  minDay: number;
  maxDay: number;
  places: Set<string>;
}

export interface ClusterResult {
  clusters: EventCluster[];
  /** Every scored candidate pair with its decision: the evidence behind the clusters. */
  links: ClusterLink[];
}

function stableId(date: string | null, ids: string[]): string {
  const digest = createHash('sha1').update([...ids].sort().join('\n')).digest('hex').slice(0, 8);
  return `${date ?? 'undated'}-${digest}`;
}

function mostCommon<T>(values: T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

function byFrequency(values: string[]): string[] {
  const counts = new Map<string, number>();
  values.forEach((v) => counts.set(v, (counts.get(v) ?? 0) + 1));
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

/** What scoring a pair reads of an article: small, and sent as it is to a worker thread that scores pairs. */
export interface LinkInput extends LinkArticle {
  title: string;
  /** leadForLinking of the article. */
  lead: string;
}

export function linkInputOf(article: Article): LinkInput {
  const { id, eventDate, eventDateSource, eventPlace, participants, title } = article;
  return { id, eventDate, eventDateSource, eventPlace, participants, title, lead: leadForLinking(article) };
}

/** What scoring a pair needs, built once per corpus: gazetteers, duplicate lookup, normalised texts. */
export function createLinkContext(articles: (Article | LinkInput)[], duplicates: SimilarPair[], config: ResolvedConfig): LinkContext {
  return {
    config,
    // Only the entries: compiling the gazetteers' patterns is ingest's work, not clustering's.
    places: entriesByName(config.places),
    people: entriesByName(config.people),
    duplicates: new Map(duplicates.map((d) => [pairKey(d.a, d.b), d.similarity])),
    texts: new Map(articles.map((a) => [a.id, linkingTexts(a.title, 'lead' in a ? a.lead : leadForLinking(a))])),
  };
}

/** A scored candidate pair: indices into the articles, and the link with its features and score. */
export interface ScoredPair {
  i: number;
  j: number;
  link: ClusterLink;
}

/** Scores the given pairs of articles (indices), in their order. */
export function scorePairs(articles: LinkArticle[], pairs: [number, number][], context: LinkContext): ScoredPair[] {
  return pairs.map(([i, j]) => ({ i, j, link: scoreLink(articles[i]!, articles[j]!, context) }));
}

/**
 * Scores candidate pairs somewhere else (a worker thread), given what scoring reads of every
 * article: resolves to the pairs scored, in the order given, exactly as scorePairs would.
 */
export type PairScorer = (inputs: LinkInput[], duplicates: SimilarPair[], pairs: [number, number][]) => Promise<ScoredPair[]>;

/** Below this many candidate pairs, handing half to another thread costs more than it saves. */
const SPLIT_FROM_PAIRS = 100_000;

/**
 * The expensive half of clustering: every candidate pair scored. Nothing here reads
 * thresholds.cluster except the provisional decision, which mergeScoredPairs takes again, so
 * scored pairs can be kept and merged again under another threshold.
 */
export function scoreCandidates(articles: Article[], duplicates: SimilarPair[], config: ResolvedConfig): ScoredPair[] {
  const context = createLinkContext(articles, duplicates, config);
  return scorePairs(articles, candidatePairsOf(articles, duplicates, config), context);
}

/**
 * scoreCandidates with the first half of the pairs scored by `elsewhere` while this thread scores
 * the second: clustering is otherwise one thread's work while the other core waits. The same
 * scored pairs in the same order; a small corpus is scored here alone.
 */
export async function scoreCandidatesSplit(
  articles: Article[],
  duplicates: SimilarPair[],
  config: ResolvedConfig,
  elsewhere: PairScorer,
  splitFromPairs = SPLIT_FROM_PAIRS,
): Promise<ScoredPair[]> {
  const pairs = candidatePairsOf(articles, duplicates, config);
  if (pairs.length < splitFromPairs) return scorePairs(articles, pairs, createLinkContext(articles, duplicates, config));
  const half = Math.floor(pairs.length / 2);
  const inputs = articles.map(linkInputOf);
  // Handed over first, so both threads build their texts and score at the same time.
  const far = elsewhere(inputs, duplicates, pairs.slice(0, half));
  const near = scorePairs(inputs, pairs.slice(half), createLinkContext(inputs, duplicates, config));
  return [...(await far), ...near];
}

function candidatePairsOf(articles: Article[], duplicates: SimilarPair[], config: ResolvedConfig): [number, number][] {
  return candidatePairs(articles, duplicates, config.thresholds.dateWindowDays, config.cluster.maxBlockSize, entriesByName(config.places));
}

/**
 * The cluster stage. Links are taken strongest first (duplicates, then by score), and two groups
 * merge only if the merged group still spans at most the date window and names places that agree:
 * a chain of individually plausible links can never join two meetings on different days.
 * Every article ends in exactly one cluster; an article with no accepted link is a singleton.
 */
export function clusterArticles(articles: Article[], duplicates: SimilarPair[], config: ResolvedConfig): ClusterResult {
  return mergeScoredPairs(articles, scoreCandidates(articles, duplicates, config), config, true);
}

/**
 * The cheap half: decides each scored pair under the current threshold and merges, strongest first.
 * `owned`: the caller will not read `scored` again (the pairs were scored or decoded for this call),
 * so they are decided, marked and sorted in place instead of copied: at 100k articles the copies
 * were 1.8 million objects of a threshold re-run.
 */
export function mergeScoredPairs(articles: Article[], scored: ScoredPair[], config: ResolvedConfig, owned = false): ClusterResult {
  const places = entriesByName(config.places);
  const window = config.thresholds.dateWindowDays;
  const threshold = config.thresholds.cluster;
  // Otherwise fresh links: merging marks some 'cluster-conflict', and the scored pairs may be merged again.
  const links = owned ? scored : scored.map(({ i, j, link }) => ({ i, j, link: { ...link } }));
  for (const { link } of links) link.decision = decideLink(link.decision, link.score, threshold);
  links.sort(
    (x, y) =>
      Number(y.link.decision === 'duplicate') - Number(x.link.decision === 'duplicate') ||
      y.link.score - x.link.score ||
      compareCodeUnits(x.link.a, y.link.a) ||
      compareCodeUnits(x.link.b, y.link.b),
  );

  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const groups = new Map<number, Group>(
    articles.map((a, i) => {
      const day = a.eventDate && a.eventDateSource !== 'published' ? dayNumber(a.eventDate) : null;
      return [
        i,
        {
          members: [i],
          minDay: day ?? Infinity,
          maxDay: day ?? -Infinity,
          places: new Set(a.eventPlace ? [a.eventPlace] : []),
        },
      ];
    }),
  );
  const compatible = (x: Group, y: Group): boolean => {
    const span = Math.max(x.maxDay, y.maxDay) - Math.min(x.minDay, y.minDay);
    if (Number.isFinite(span) && span > window) return false;
    for (const p of x.places) for (const q of y.places) if (!placesAgree(p, q, places)) return false;
    return true;
  };

  for (const entry of links) {
    const { link } = entry;
    if (link.decision !== 'linked' && link.decision !== 'duplicate') continue;
    const ri = find(entry.i);
    const rj = find(entry.j);
    if (ri === rj) continue;
    const gi = groups.get(ri)!;
    const gj = groups.get(rj)!;
    if (link.decision === 'linked' && !compatible(gi, gj)) {
      link.decision = 'cluster-conflict';
      continue;
    }
    parent[rj] = ri;
    for (const member of gj.members) gi.members.push(member);
    gi.minDay = Math.min(gi.minDay, gj.minDay);
    gi.maxDay = Math.max(gi.maxDay, gj.maxDay);
    for (const place of gj.places) gi.places.add(place);
    groups.delete(rj);
  }

  const allLinks = links.map((l) => l.link);
  // Each link belongs to at most one cluster: bucket them by root once, not once per cluster.
  const linksByRoot = new Map<number, ClusterLink[]>();
  for (const { i, j, link } of links) {
    const root = find(i);
    if (root !== find(j)) continue;
    const bucket = linksByRoot.get(root);
    if (bucket) bucket.push(link);
    else linksByRoot.set(root, [link]);
  }
  // A merged group is deleted from \`groups\`: what remains is exactly one group per cluster root.
  const clusters = [...groups.entries()].map(([root, group]) => describeCluster(group.members.map((i) => articles[i]!), linksByRoot.get(root) ?? [], config));
  clusters.sort((a, b) => compareCodeUnits(a.eventDate ?? '9999', b.eventDate ?? '9999') || compareCodeUnits(a.id, b.id));
  return { clusters, links: allLinks };
}

/** `links` are the scored pairs among `members`, accepted or not: the evidence kept with the cluster. */
function describeCluster(members: Article[], links: ClusterLink[], config: ResolvedConfig): EventCluster {
  const ids = members.map((a) => a.id).sort();
  const stated = members.filter((a) => a.eventDate && a.eventDateSource !== 'published').map((a) => a.eventDate!);
  const eventDate = mostCommon(stated.length ? stated : members.map((a) => a.eventDate).filter((d): d is string => !!d));
  const sides: Record<string, number> = Object.fromEntries(Object.keys(config.sides).map((s) => [s, 0]));
  for (const a of members) {
    const side = a.side ?? 'unknown';
    sides[side] = (sides[side] ?? 0) + 1;
  }
  return {
    id: stableId(eventDate, ids),
    articles: ids,
    eventDate,
    people: byFrequency(members.flatMap((a) => a.participants)),
    places: byFrequency(members.flatMap((a) => (a.eventPlace ? [a.eventPlace] : []))),
    sides,
    links,
  };
}
