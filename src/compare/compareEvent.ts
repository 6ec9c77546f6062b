import type { ResolvedConfig } from '../config/resolveConfig.js';
import { buildGazetteer, type Gazetteer } from '../ingest/matchGazetteer.js';
import type { Article, EventCluster, EventComparison, SideFraming, SimilarPair } from '../types.js';
import { alignPassages } from './alignPassages.js';
import { classifyEventKind } from './classifyEventKind.js';
import { classifyRelations } from './classifyRelations.js';
import { countTerms } from './countTerms.js';
import { compareFigures, extractFigures } from './extractFigures.js';
import { extractVoices } from './extractVoices.js';
import { measureTopics } from './measureTopics.js';
import { pickRepresentatives } from './pickRepresentatives.js';
import { scoreDivergence } from './scoreDivergence.js';

/** What comparing needs besides the event, built once per run. */
export interface CompareContext {
  config: ResolvedConfig;
  people: Gazetteer;
}

export function createCompareContext(config: ResolvedConfig): CompareContext {
  return { config, people: buildGazetteer(config.people) };
}

function frame(article: Article, side: string, context: CompareContext): SideFraming {
  const { config } = context;
  return {
    side,
    articleId: article.id,
    chars: article.paragraphs.reduce((n, p) => n + p.text.length, 0),
    topics: measureTopics(article, config.topics),
    terms: countTerms(article, config.terms),
    voices: extractVoices(article, context.people, config.compare.speechVerbs),
    figures: extractFigures(article),
  };
}

/**
 * The compare stage for one event: which articles are originals, which stands for each side, what
 * each side put first, how each frames the event (topics, terms, voices, figures), and, when two
 * sides covered it in Chinese, the aligned passages, their diffs, what only one side says and how
 * far the two diverge.
 */
export function compareEvent(
  cluster: EventCluster,
  articles: Map<string, Article>,
  duplicates: SimilarPair[],
  context: CompareContext,
): EventComparison {
  const { config } = context;
  const members = cluster.articles.map((id) => articles.get(id)!);
  const relations = classifyRelations(members, duplicates);
  const representatives = pickRepresentatives(members, relations, Object.keys(config.sides));
  // Each representative with its framing, made once: the framing panels show all, the divergence the two compared.
  const chosen = representatives.map((r) => {
    const article = articles.get(r.articleId)!;
    return { side: r.side, article, framing: frame(article, r.side, context) };
  });
  const base: EventComparison = {
    clusterId: cluster.id,
    kind: classifyEventKind(chosen.flatMap(({ article }) => [article.title, article.paragraphs[0]?.text ?? ''])),
    sides: null,
    representatives,
    relations,
    leads: chosen.map(({ side, article }) => ({ side, articleId: article.id, title: article.title, lead: article.paragraphs[0]?.text ?? '' })),
    aligned: [],
    onlyIn: [],
    framing: chosen.map(({ framing }) => framing),
    figures: [],
    divergence: null,
  };
  // Vietnamese-language reports join events through their facts but are not diffed against Chinese text.
  const comparable = chosen.filter(({ article }) => article.language === 'zh');
  if (comparable.length < 2) return base;
  const [left, right] = comparable as [(typeof comparable)[0], (typeof comparable)[0]];
  const sides: [string, string] = [left.side, right.side];
  const alignment = alignPassages(left.article, right.article, sides, config.thresholds.align, config.compare.diffTimeoutMs);
  const framing: [SideFraming, SideFraming] = [left.framing, right.framing];
  return {
    ...base,
    sides,
    ...alignment,
    figures: compareFigures(sides, [framing[0].figures, framing[1].figures]),
    divergence: scoreDivergence(framing, alignment.onlyIn),
  };
}
