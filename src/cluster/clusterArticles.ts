import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { entriesByName } from '../ingest/matchGazetteer.js';
import { dayNumber } from '../text/calendar.js';
import type { Article, EventCluster, ScoredLinks, SimilarPair } from '../types.js';
import { candidatePairs } from './candidatePairs.js';
import { clusterWithLinkRows, type LinkRows } from './clusterLinks.js';
import { concatScoredPairTables, createScoredPairTable, DECISIONS, inMergeOrder, linkLineOfRow, linkOfRow, quotedIds, scoreOfRow, setScoredPair, type ScoredPairTable } from './scoredPairTable.js';
import { buildLinkingTextTable, type LinkingTextTable } from './linkingTextTable.js';
import { decideLink, leadForLinking, pairKey, placesAgree, scoreLink, type LinkArticle, type LinkContext } from './scoreLink.js';
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
  /** Every scored candidate pair with its decision, in merge order: the evidence behind the clusters. */
  links: ScoredLinks;
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

/**
 * What scoring a pair reads of an article besides its texts: small, and sent as it is to a worker
 * thread that scores pairs (the texts go as a LinkingTextTable on shared memory).
 */
export type LinkInput = LinkArticle;

export function linkInputOf(article: Article): LinkInput {
  const { id, eventDate, eventDateSource, eventPlace, participants } = article;
  return { id, eventDate, eventDateSource, eventPlace, participants };
}

/** The titles and leads (leadForLinking) of the articles, in their order, prepared for scoring. */
export function linkingTextTableOf(articles: Article[]): LinkingTextTable {
  return buildLinkingTextTable(
    (function* () {
      for (const article of articles) yield { title: article.title, lead: leadForLinking(article) };
    })(),
  );
}

/**
 * What scoring a pair needs, built once per corpus: gazetteers, duplicate lookup, and the
 * articles' texts, prepared here from whole articles or given prepared (in the articles' order).
 */
export function createLinkContext(articles: Article[], duplicates: SimilarPair[], config: ResolvedConfig): LinkContext;
export function createLinkContext(articles: LinkArticle[], duplicates: SimilarPair[], config: ResolvedConfig, texts: LinkingTextTable): LinkContext;
export function createLinkContext(articles: LinkArticle[], duplicates: SimilarPair[], config: ResolvedConfig, texts?: LinkingTextTable): LinkContext {
  return {
    config,
    // Only the entries: compiling the gazetteers' patterns is ingest's work, not clustering's.
    places: entriesByName(config.places),
    people: entriesByName(config.people),
    duplicates: new Map(duplicates.map((d) => [pairKey(d.a, d.b), d.similarity])),
    texts: texts ?? linkingTextTableOf(articles as Article[]),
    textIndex: new Map(articles.map((a, i) => [a.id, i])),
  };
}

/** Scores the given pairs of articles (flat index pairs, `first` the one whose id sorts first), in their order. */
export function scorePairs(articles: LinkArticle[], pairs: Uint32Array, context: LinkContext): ScoredPairTable {
  const table = createScoredPairTable(pairs.length / 2);
  for (let row = 0; row < table.size; row++) {
    const first = pairs[2 * row]!;
    const second = pairs[2 * row + 1]!;
    setScoredPair(table, row, first, second, scoreLink(articles[first]!, articles[second]!, context));
  }
  return table;
}

/**
 * Scores candidate pairs somewhere else (a worker thread), given what scoring reads of every
 * article: resolves to the pairs scored, in the order given, exactly as scorePairs would.
 */
export type PairScorer = (inputs: LinkInput[], duplicates: SimilarPair[], pairs: Uint32Array, texts: LinkingTextTable) => Promise<ScoredPairTable>;

/** Below this many candidate pairs, handing half to another thread costs more than it saves. */
const SPLIT_FROM_PAIRS = 100_000;

/**
 * The expensive half of clustering: every candidate pair scored, in merge order (inMergeOrder).
 * Nothing here reads thresholds.cluster except the provisional decision, which mergeScoredPairs
 * takes again, so scored pairs can be kept and merged again under another threshold.
 */
export function scoreCandidates(articles: Article[], duplicates: SimilarPair[], config: ResolvedConfig): ScoredPairTable {
  const context = createLinkContext(articles, duplicates, config);
  return inMergeOrder(scorePairs(articles, candidatePairsOf(articles, duplicates, config), context));
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
): Promise<ScoredPairTable> {
  const pairs = candidatePairsOf(articles, duplicates, config);
  const count = pairs.length / 2;
  if (count < splitFromPairs) return inMergeOrder(scorePairs(articles, pairs, createLinkContext(articles, duplicates, config)));
  const half = Math.floor(count / 2);
  const inputs = articles.map(linkInputOf);
  const texts = linkingTextTableOf(articles);
  // Handed over first (a copy: the worker may be handed its buffer), so both threads score at the same time.
  const far = elsewhere(inputs, duplicates, pairs.slice(0, 2 * half), texts);
  const near = scorePairs(inputs, pairs.subarray(2 * half), createLinkContext(inputs, duplicates, config, texts));
  return inMergeOrder(concatScoredPairTables([await far, near]));
}

function candidatePairsOf(articles: Article[], duplicates: SimilarPair[], config: ResolvedConfig): Uint32Array {
  return candidatePairs(articles, duplicates, config.thresholds.dateWindowDays, config.cluster.maxBlockSize, entriesByName(config.places));
}

/**
 * The cluster stage. Links are taken strongest first (duplicates, then by score), and two groups
 * merge only if the merged group still spans at most the date window and names places that agree:
 * a chain of individually plausible links can never join two meetings on different days.
 * Every article ends in exactly one cluster; an article with no accepted link is a singleton.
 */
export function clusterArticles(articles: Article[], duplicates: SimilarPair[], config: ResolvedConfig): ClusterResult {
  return mergeScoredPairs(articles, scoreCandidates(articles, duplicates, config), config);
}

const LINKED = DECISIONS.indexOf('linked');
const DUPLICATE = DECISIONS.indexOf('duplicate');
const CONFLICT = DECISIONS.indexOf('cluster-conflict');

/**
 * The cheap half: decides each scored pair (in merge order, as scoreCandidates gives them) under
 * the current threshold and merges, strongest first. The table is only read: its decisions under
 * this threshold are a column of their own, so the same scored pairs can be merged again.
 */
export function mergeScoredPairs(articles: Article[], scored: ScoredPairTable, config: ResolvedConfig): ClusterResult {
  const places = entriesByName(config.places);
  const window = config.thresholds.dateWindowDays;
  const threshold = config.thresholds.cluster;
  const decisions = new Uint8Array(scored.size);
  for (let row = 0; row < scored.size; row++) {
    decisions[row] = DECISIONS.indexOf(decideLink(DECISIONS[scored.decisions[row]!]!, scoreOfRow(scored, row), threshold));
  }

  const parent = Uint32Array.from(articles.keys());
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // A group is made only when an article is first merged: at a million articles most never are.
  const groups = new Map<number, Group>();
  const groupOf = (i: number): Group => {
    let group = groups.get(i);
    if (!group) {
      const a = articles[i]!;
      const day = a.eventDate && a.eventDateSource !== 'published' ? dayNumber(a.eventDate) : null;
      group = { members: [i], minDay: day ?? Infinity, maxDay: day ?? -Infinity, places: new Set(a.eventPlace ? [a.eventPlace] : []) };
      groups.set(i, group);
    }
    return group;
  };
  const compatible = (x: Group, y: Group): boolean => {
    const span = Math.max(x.maxDay, y.maxDay) - Math.min(x.minDay, y.minDay);
    if (Number.isFinite(span) && span > window) return false;
    for (const p of x.places) for (const q of y.places) if (!placesAgree(p, q, places)) return false;
    return true;
  };

  for (let row = 0; row < scored.size; row++) {
    const decision = decisions[row]!;
    if (decision !== LINKED && decision !== DUPLICATE) continue;
    const ri = find(scored.first[row]!);
    const rj = find(scored.second[row]!);
    if (ri === rj) continue;
    const gi = groupOf(ri);
    const gj = groupOf(rj);
    if (decision === LINKED && !compatible(gi, gj)) {
      decisions[row] = CONFLICT;
      continue;
    }
    parent[rj] = ri;
    for (const member of gj.members) gi.members.push(member);
    gi.minDay = Math.min(gi.minDay, gj.minDay);
    gi.maxDay = Math.max(gi.maxDay, gj.maxDay);
    for (const place of gj.places) gi.places.add(place);
    groups.delete(rj);
  }

  const idOf = (i: number) => articles[i]!.id;
  const linkRows = rowsByRoot(scored, articles.length, find);
  // A merged group is deleted from `groups`, and an article never merged has none: each root is one cluster.
  const clusters = articles.flatMap((_, i) => {
    if (find(i) !== i) return [];
    const members = groups.get(i)?.members ?? [i];
    const links: LinkRows = { table: scored, rows: linkRows(i), decisions, members, idOf };
    return [describeCluster(members.map((m) => articles[m]!), links, config)];
  });
  clusters.sort((a, b) => compareCodeUnits(a.eventDate ?? '9999', b.eventDate ?? '9999') || compareCodeUnits(a.id, b.id));
  return { clusters, links: scoredLinks(scored, decisions, idOf) };
}

/** Every scored pair's link as decided by one merge, made as it is read. */
function scoredLinks(scored: ScoredPairTable, decisions: Uint8Array, idOf: (i: number) => string): ScoredLinks {
  return {
    size: scored.size,
    *[Symbol.iterator]() {
      for (let row = 0; row < scored.size; row++) yield linkOfRow(scored, row, idOf, decisions[row]);
    },
    *lines() {
      const quotedIdOf = quotedIds(idOf);
      for (let row = 0; row < scored.size; row++) yield linkLineOfRow(scored, row, quotedIdOf, decisions[row]);
    },
  };
}

/**
 * The rows of the scored pairs whose two articles share a root, by root, in merge order: each
 * link belongs to at most one cluster. Counted, then placed, in one array: made as link objects,
 * the links of a million articles' clusters were 7.4 million objects held to the end of the run.
 */
function rowsByRoot(scored: ScoredPairTable, articles: number, find: (i: number) => number): (root: number) => Uint32Array {
  const starts = new Uint32Array(articles + 1);
  for (let row = 0; row < scored.size; row++) {
    const root = find(scored.first[row]!);
    if (root === find(scored.second[row]!)) starts[root + 1]!++;
  }
  for (let i = 0; i < articles; i++) starts[i + 1]! += starts[i]!;
  const rows = new Uint32Array(starts[articles]!);
  const next = starts.slice(0, articles);
  for (let row = 0; row < scored.size; row++) {
    const root = find(scored.first[row]!);
    if (root === find(scored.second[row]!)) rows[next[root]!++] = row;
  }
  return (root) => rows.subarray(starts[root]!, starts[root + 1]!);
}

/** `links` are the rows of the scored pairs among `members`, accepted or not: the evidence kept with the cluster (clusterWithLinkRows). */
function describeCluster(members: Article[], links: LinkRows, config: ResolvedConfig): EventCluster {
  const ids = members.map((a) => a.id).sort();
  const stated = members.filter((a) => a.eventDate && a.eventDateSource !== 'published').map((a) => a.eventDate!);
  const eventDate = mostCommon(stated.length ? stated : members.map((a) => a.eventDate).filter((d): d is string => !!d));
  const sides: Record<string, number> = Object.fromEntries(Object.keys(config.sides).map((s) => [s, 0]));
  for (const a of members) {
    const side = a.side ?? 'unknown';
    sides[side] = (sides[side] ?? 0) + 1;
  }
  const facts = {
    id: stableId(eventDate, ids),
    articles: ids,
    eventDate,
    people: byFrequency(members.flatMap((a) => a.participants)),
    places: byFrequency(members.flatMap((a) => (a.eventPlace ? [a.eventPlace] : []))),
    sides,
  };
  return clusterWithLinkRows(facts, links);
}
