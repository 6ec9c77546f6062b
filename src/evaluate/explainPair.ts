import type { ResolvedConfig } from '../config/resolveConfig.js';
import { createLinkContext } from '../cluster/clusterArticles.js';
import { scoreLink } from '../cluster/scoreLink.js';
import { foldArticleText } from '../fingerprint/fingerprintCorpus.js';
import { jaccard, shingleHashes } from '../fingerprint/shingleHashes.js';
import type { Article, ClusterLink, EventCluster, LinkFeatures, SimilarPair } from '../types.js';

export interface ArticleFacts {
  id: string;
  title: string;
  outlet: string | null;
  side: string | null;
  published: string | null;
  eventDate: string | null;
  eventDateSource: string;
  eventDatePhrase: string | null;
  participants: string[];
  eventPlace: string | null;
  people: string[];
  places: string[];
}

export interface PairExplanation {
  a: ArticleFacts;
  b: ArticleFacts;
  link: ClusterLink;
  weights: Record<keyof Omit<LinkFeatures, 'duplicate'>, number>;
  contributions: Record<string, number>;
  threshold: number;
  /** Whether blocking made this pair a candidate in the run (if not, it was never scored there). */
  candidate: boolean;
  clusters: { a: string; b: string };
  /** The accepted links that join the two through other articles, when they share a cluster. */
  chain: ClusterLink[] | null;
  articleSimilarity: number;
  reusedParagraphs: SimilarPair[];
}

function facts(a: Article): ArticleFacts {
  const { id, title, outlet, side, published, eventDate, eventDateSource, eventDatePhrase, participants, eventPlace, people, places } = a;
  return { id, title, outlet, side, published, eventDate, eventDateSource, eventDatePhrase, participants, eventPlace, people, places };
}

function findChain(cluster: EventCluster, from: string, to: string): ClusterLink[] | null {
  const accepted = cluster.links.filter((l) => l.decision === 'linked' || l.decision === 'duplicate');
  const previous = new Map<string, ClusterLink | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const node = queue.shift()!;
    if (node === to) break;
    for (const link of accepted) {
      const next = link.a === node ? link.b : link.b === node ? link.a : null;
      if (next && !previous.has(next)) {
        previous.set(next, link);
        queue.push(next);
      }
    }
  }
  if (!previous.has(to)) return null;
  const chain: ClusterLink[] = [];
  for (let node = to; node !== from; ) {
    const link = previous.get(node)!;
    chain.unshift(link);
    node = link.a === node ? link.b : link.a;
  }
  return chain;
}

/** Everything the cluster decision for two articles rests on, scored afresh whether or not they were candidates. */
export function explainPair(
  a: Article,
  b: Article,
  run: { articles: Article[]; duplicates: SimilarPair[]; reuse: SimilarPair[]; clusters: EventCluster[]; links: Iterable<ClusterLink> },
  config: ResolvedConfig,
): PairExplanation {
  const link = scoreLink(a, b, createLinkContext([a, b], run.duplicates, config));
  const { duplicate: _duplicate, ...scored } = link.features;
  const weights = config.cluster.weights;
  const contributions = Object.fromEntries(
    Object.entries(scored).map(([k, v]) => [k, Math.round(v * weights[k as keyof typeof weights] * 1000) / 1000]),
  );
  const clusterOf = (id: string) => run.clusters.find((c) => c.articles.includes(id))!;
  const ca = clusterOf(a.id);
  const cb = clusterOf(b.id);
  const fold = (x: Article) => shingleHashes(foldArticleText(x), config.fingerprint.shingle);
  const owns = (x: Article, paragraphId: string) => paragraphId.startsWith(`${x.id}#p`);
  return {
    a: facts(a),
    b: facts(b),
    link,
    weights,
    contributions,
    threshold: config.thresholds.cluster,
    candidate: isScored(run.links, link),
    clusters: { a: ca.id, b: cb.id },
    chain: ca.id === cb.id ? findChain(ca, a.id, b.id) : null,
    articleSimilarity: Math.round(jaccard(fold(a), fold(b)) * 10_000) / 10_000,
    reusedParagraphs: run.reuse.filter((r) => (owns(a, r.a) && owns(b, r.b)) || (owns(b, r.a) && owns(a, r.b))),
  };
}

/** Whether the run scored the pair of `link`: its links are read one by one, never held. */
function isScored(links: Iterable<ClusterLink>, link: ClusterLink): boolean {
  for (const l of links) if (l.a === link.a && l.b === link.b) return true;
  return false;
}
