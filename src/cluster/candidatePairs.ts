import { addDays } from '../text/calendar.js';
import type { Article, SimilarPair } from '../types.js';

/**
 * Which article pairs are worth scoring. Blocking, never all pairs: two articles become candidates
 * when they name the same participant (or the same event place) on event dates within the window,
 * or when they are duplicates. An article that names no known participant (the gazetteer cannot know
 * every provincial official) also pairs with the articles of its event days, to be scored on date,
 * place and text. A key shared by more than `maxBlockSize` articles is too common to say anything
 * and is passed over, which keeps the work near-linear in the corpus size.
 */
export function candidatePairs(
  articles: Article[],
  duplicates: SimilarPair[],
  windowDays: number,
  maxBlockSize: number,
): [number, number][] {
  const index = new Map<string, number[]>();
  const keysOf = (article: Article, date: string | null): string[] => {
    const day = date ?? 'undated';
    const keys = article.participants.map((p) => `p:${p}|${day}`);
    if (article.eventPlace) keys.push(`l:${article.eventPlace}|${day}`);
    return keys;
  };
  const queryKeysOf = (article: Article, date: string | null): string[] =>
    article.participants.length === 0 && date ? [...keysOf(article, date), `d:${date}`] : keysOf(article, date);
  articles.forEach((article, i) => {
    const own = keysOf(article, article.eventDate);
    if (article.eventDate) own.push(`d:${article.eventDate}`);
    for (const key of own) {
      const block = index.get(key);
      if (block) block.push(i);
      else index.set(key, [i]);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const add = (i: number, j: number) => {
    if (i === j) return;
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = a * articles.length + b;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([a, b]);
  };
  articles.forEach((article, i) => {
    const dates = article.eventDate
      ? Array.from({ length: 2 * windowDays + 1 }, (_, k) => addDays(article.eventDate!, k - windowDays))
      : [null];
    for (const date of dates) {
      for (const key of queryKeysOf(article, date)) {
        const block = index.get(key);
        if (!block || block.length > maxBlockSize) continue;
        for (const j of block) add(i, j);
      }
    }
  });
  const position = new Map(articles.map((a, i) => [a.id, i]));
  for (const d of duplicates) {
    const i = position.get(d.a);
    const j = position.get(d.b);
    if (i !== undefined && j !== undefined) add(i, j);
  }
  return pairs;
}
