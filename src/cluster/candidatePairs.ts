import type { GazetteerEntry } from '../config/resolveConfig.js';
import { PairCollector } from '../fingerprint/pairCollector.js';
import { placeAndContainers } from '../ingest/matchGazetteer.js';
import { addDays } from '../text/calendar.js';
import type { Article, SimilarPair } from '../types.js';

/**
 * Which article pairs are worth scoring. Blocking, never all pairs: two articles become candidates
 * when they name the same participant (or the same event place) on event dates within the window,
 * or when they are duplicates. An article that names no known participant (the gazetteer cannot know
 * every provincial official) also pairs with the articles of its event days, to be scored on date,
 * place and text. A key shared by more than `maxBlockSize` articles is too common to say anything
 * and is passed over, which keeps the work near-linear in the corpus size.
 *
 * Within a participant's or a day's block, articles pair only when their event places could agree
 * (see placeScopes): two stated places that are not the same place veto the link whatever else the
 * pair shares, so scoring such pairs found nothing. On a busy day one leader's block holds meetings
 * in several cities, and this keeps the pairs from growing with the square of the block.
 */
export function candidatePairs(
  articles: Article[],
  duplicates: SimilarPair[],
  windowDays: number,
  maxBlockSize: number,
  places: Map<string, GazetteerEntry>,
): [number, number][] {
  const index = new Map<string, number[]>();
  const list = (key: string, i: number) => {
    const block = index.get(key);
    if (block) block.push(i);
    else index.set(key, [i]);
  };
  const blockKeys = (article: Article, day: string) => article.participants.map((p) => `p:${p}|${day}`);
  const scopes = articles.map((article) => placeScopes(article.eventPlace, places));
  articles.forEach((article, i) => {
    const day = article.eventDate ?? 'undated';
    const { listedUnder } = scopes[i]!;
    for (const block of blockKeys(article, day)) for (const scope of listedUnder) list(`${block}|${scope}`, i);
    if (article.eventPlace) list(`l:${article.eventPlace}|${day}`, i);
    if (article.eventDate) for (const scope of listedUnder) list(`d:${article.eventDate}|${scope}`, i);
  });

  const pairs = new PairCollector(articles.length);
  const add = (i: number, j: number) => {
    if (i !== j) pairs.add(Math.min(i, j), Math.max(i, j));
  };
  const pairWith = (i: number, key: string) => {
    const block = index.get(key);
    if (!block || block.length > maxBlockSize) return;
    for (const j of block) add(i, j);
  };
  articles.forEach((article, i) => {
    const days = article.eventDate
      ? Array.from({ length: 2 * windowDays + 1 }, (_, k) => addDays(article.eventDate!, k - windowDays))
      : ['undated'];
    const { lookedUp } = scopes[i]!;
    for (const day of days) {
      for (const block of blockKeys(article, day)) for (const scope of lookedUp) pairWith(i, `${block}|${scope}`);
      if (article.eventPlace) pairWith(i, `l:${article.eventPlace}|${day}`);
      if (article.participants.length === 0 && article.eventDate) for (const scope of lookedUp) pairWith(i, `d:${day}|${scope}`);
    }
  });
  const position = new Map(articles.map((a, i) => [a.id, i]));
  for (const d of duplicates) {
    const i = position.get(d.a);
    const j = position.get(d.b);
    if (i !== undefined && j !== undefined) add(i, j);
  }
  return pairs.unique();
}

/**
 * Where in a block an article is listed and where it looks, so that exactly the pairs whose places
 * could agree meet: an article is listed under every place that contains its own (安吉, 浙江 …),
 * under "no place" when it has none, and under "any"; it looks under its own place (the articles
 * there or inside it) and "no place", or, with no place of its own, under "any".
 */
export function placeScopes(place: string | null, places: Map<string, GazetteerEntry>): { listedUnder: string[]; lookedUp: string[] } {
  if (!place) return { listedUnder: ['*', '-'], lookedUp: ['*'] };
  return { listedUnder: ['*', ...[...placeAndContainers(place, places)].map((p) => `@${p}`)], lookedUp: [`@${place}`, '-'] };
}
