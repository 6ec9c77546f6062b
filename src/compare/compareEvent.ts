import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { Article, EventCluster, EventComparison, SimilarPair } from '../types.js';
import { alignPassages } from './alignPassages.js';
import { classifyRelations } from './classifyRelations.js';
import { pickRepresentatives } from './pickRepresentatives.js';

/**
 * The compare stage for one event: which articles are originals, which stands for each side, and
 * (when two sides covered it in Chinese) the aligned passages, their diffs and what only one side says.
 */
export function compareEvent(
  cluster: EventCluster,
  articles: Map<string, Article>,
  duplicates: SimilarPair[],
  config: ResolvedConfig,
): EventComparison {
  const members = cluster.articles.map((id) => articles.get(id)!);
  const relations = classifyRelations(members, duplicates);
  const sideOrder = Object.keys(config.sides);
  const representatives = pickRepresentatives(members, relations, sideOrder);
  // Vietnamese-language reports join events through their facts but are not diffed against Chinese text.
  const comparable = representatives.filter((r) => articles.get(r.articleId)!.language === 'zh');
  const base: EventComparison = {
    clusterId: cluster.id,
    sides: null,
    representatives,
    relations,
    aligned: [],
    onlyIn: [],
  };
  if (comparable.length < 2) return base;
  const [left, right] = comparable as [typeof comparable[0], typeof comparable[0]];
  const sides: [string, string] = [left.side, right.side];
  const alignment = alignPassages(
    articles.get(left.articleId)!,
    articles.get(right.articleId)!,
    sides,
    config.thresholds.align,
    config.compare.diffTimeoutMs,
  );
  return { ...base, sides, ...alignment };
}
