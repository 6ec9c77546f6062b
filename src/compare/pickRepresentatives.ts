import type { Article, ArticleRelation, Representative } from '../types.js';
import { compareCodeUnits } from '../text/compareCodeUnits.js';

function textLength(article: Article): number {
  return article.paragraphs.reduce((n, p) => n + p.text.length, 0);
}

/**
 * One article per side stands for that side in the comparison: an original, never a repost; a
 * Chinese-language one if the side has any (only those are diffed against the other side); and of
 * those the one with the most text (it says the most the other side could omit).
 */
export function pickRepresentatives(articles: Article[], relations: ArticleRelation[], sideOrder: string[]): Representative[] {
  const originals = new Set(relations.filter((r) => r.relation === 'original').map((r) => r.articleId));
  const representatives: Representative[] = [];
  for (const side of sideOrder) {
    const onSide = articles.filter((a) => a.side === side && originals.has(a.id));
    if (onSide.length === 0) continue;
    const [best] = [...onSide].sort(
      (x, y) =>
        Number(y.language === 'zh') - Number(x.language === 'zh') || textLength(y) - textLength(x) || compareCodeUnits(x.id, y.id),
    );
    const total = articles.filter((a) => a.side === side).length;
    representatives.push({
      side,
      articleId: best!.id,
      reason:
        total === 1
          ? 'the only article from this side'
          : `the ${best!.language === 'zh' ? 'Chinese-language ' : ''}original with the most text (${textLength(best!)} characters) of ${onSide.length} original(s) among ${total} article(s) from this side`,
    });
  }
  return representatives;
}
