import type { Article, ArticleRelation, SimilarPair } from '../types.js';
import { compareCodeUnits } from '../text/compareCodeUnits.js';

/**
 * Marks each article of an event as an original or a copy. Duplicates form groups; within a
 * group the source is the earliest published (then simplified script, then id), and every other
 * member is a repost of it, or a traditional-script copy when its script differs.
 */
export function classifyRelations(articles: Article[], duplicates: SimilarPair[]): ArticleRelation[] {
  const ids = new Set(articles.map((a) => a.id));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const parent = new Map(articles.map((a) => [a.id, a.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (const d of duplicates) {
    if (ids.has(d.a) && ids.has(d.b)) parent.set(find(d.b), find(d.a));
  }
  const groups = new Map<string, Article[]>();
  for (const a of articles) {
    const root = find(a.id);
    groups.set(root, [...(groups.get(root) ?? []), a]);
  }
  const relations: ArticleRelation[] = [];
  for (const members of groups.values()) {
    const [source] = [...members].sort(
      (x, y) =>
        compareCodeUnits(x.published ?? '9999', y.published ?? '9999') ||
        Number(x.script === 'traditional') - Number(y.script === 'traditional') ||
        compareCodeUnits(x.id, y.id),
    );
    for (const a of members) {
      if (a.id === source!.id) relations.push({ articleId: a.id, relation: 'original', of: null });
      else {
        const copy = a.script === 'traditional' && byId.get(source!.id)?.script !== 'traditional';
        relations.push({ articleId: a.id, relation: copy ? 'traditional-script copy' : 'repost', of: source!.id });
      }
    }
  }
  return relations.sort((x, y) => compareCodeUnits(x.articleId, y.articleId));
}
