import type { GazetteerEntry } from '../config/resolveConfig.js';
import { PairCollector } from '../fingerprint/pairCollector.js';
import { placeAndContainers } from '../ingest/matchGazetteer.js';
import { dayNumber } from '../text/calendar.js';
import { compareCodeUnits } from '../text/compareCodeUnits.js';
import type { Article, SimilarPair } from '../types.js';

/**
 * Which article pairs are worth scoring. Blocking, never all pairs: two articles become candidates
 * when they name the same participant on event dates within the window, or when they are
 * duplicates. An article that names no known participant (the gazetteer cannot know every
 * provincial official) also pairs with the articles of its event place and of its event days, to be
 * scored on date, place and text. Two articles that both name participants and share none are not
 * paired through their place: scoring gives them nothing for participants, and in a dense archive
 * they were most of the pairs (two thirds at 30k synthetic articles, none of them linked) while
 * every busy city's day pairs with itself. A key shared by more than `maxBlockSize` articles is too
 * common to say anything and is passed over, which keeps the work near-linear in the corpus size.
 *
 * Within a participant's or a day's block, articles pair only when their event places could agree
 * (see placeScopes): two stated places that are not the same place veto the link whatever else the
 * pair shares, so scoring such pairs found nothing. On a busy day one leader's block holds meetings
 * in several cities, and this keeps the pairs from growing with the square of the block.
 *
 * The pairs are flat (first, second, first, second …) and each once: `first` is the article whose
 * id sorts first, and the pairs are in the order of those ids.
 */
export function candidatePairs(
  articles: Article[],
  duplicates: SimilarPair[],
  windowDays: number,
  maxBlockSize: number,
  places: Map<string, GazetteerEntry>,
): Uint32Array {
  // A block is what its articles share (a participant in a place scope, the event place, or an
  // event day alone in a place scope) on one event day. The shared thing is named by a string once
  // per article and the day is a number: a string per block, day and article looked up was most of
  // the stage's time on the main thread before its scoring is split between two.
  const groupIds = new Map<string, number>();
  const byGroup: Map<number, number[]>[] = [];
  const groupOf = (name: string) => {
    let id = groupIds.get(name);
    if (id === undefined) {
      groupIds.set(name, (id = groupIds.size));
      byGroup.push(new Map());
    }
    return id;
  };
  const list = (group: number, day: number, i: number) => {
    const block = byGroup[group]!.get(day);
    if (block) block.push(i);
    else byGroup[group]!.set(day, [i]);
  };
  const dayOf = (article: Article) => (article.eventDate ? dayNumber(article.eventDate) : UNDATED);
  const scopes = articles.map((article) => placeScopes(article.eventPlace, places));
  articles.forEach((article, i) => {
    const day = dayOf(article);
    const { listedUnder } = scopes[i]!;
    for (const p of article.participants) for (const scope of listedUnder) list(groupOf(`p:${p}|${scope}`), day, i);
    if (article.eventPlace) list(groupOf(placeBlock(article.eventPlace, article.participants.length > 0)), day, i);
    if (article.eventDate) for (const scope of listedUnder) list(groupOf(`d:|${scope}`), day, i);
  });

  // Collected by the articles' ranks in id order, so the pairs come out in the order their links are merged in when they tie.
  const byId = articlesById(articles);
  const rank = new Uint32Array(articles.length);
  byId.forEach((article, r) => (rank[article] = r));
  const pairs = new PairCollector(articles.length);
  const add = (i: number, j: number) => pairs.add(Math.min(rank[i]!, rank[j]!), Math.max(rank[i]!, rank[j]!));
  const pairWith = (i: number, group: number, day: number) => {
    const block = byGroup[group]!.get(day);
    if (!block || block.length > maxBlockSize) return;
    for (const j of block) if (j !== i) add(i, j);
  };
  articles.forEach((article, i) => {
    const { lookedUp } = scopes[i]!;
    const names = article.participants.flatMap((p) => lookedUp.map((scope) => `p:${p}|${scope}`));
    const named = article.participants.length > 0;
    // Those who name participants meet through them, and through their place only those who name none.
    if (article.eventPlace) names.push(placeBlock(article.eventPlace, false), ...(named ? [] : [placeBlock(article.eventPlace, true)]));
    if (!named && article.eventDate) names.push(...lookedUp.map((scope) => `d:|${scope}`));
    // Only what some article was listed under has blocks.
    const groups = names.flatMap((name) => groupIds.get(name) ?? []);
    const day = dayOf(article);
    const [first, last] = article.eventDate ? [day - windowDays, day + windowDays] : [day, day];
    for (let d = first; d <= last; d++) for (const group of groups) pairWith(i, group, d);
  });
  const position = new Map(articles.map((a, i) => [a.id, i]));
  for (const d of duplicates) {
    const i = position.get(d.a);
    const j = position.get(d.b);
    if (i !== undefined && j !== undefined && i !== j) add(i, j);
  }
  const codes = pairs.codes();
  const flat = new Uint32Array(codes.length * 2);
  const n = articles.length;
  for (let k = 0; k < codes.length; k++) {
    const first = Math.floor(codes[k]! / n);
    flat[2 * k] = byId[first]!;
    flat[2 * k + 1] = byId[codes[k]! - first * n]!;
  }
  return flat;
}

/** Article indices in the order of their ids (code units, as links are ordered). */
function articlesById(articles: Article[]): Uint32Array {
  const order = Uint32Array.from(articles.keys());
  return order.sort((x, y) => compareCodeUnits(articles[x]!.id, articles[y]!.id));
}

/** The block of an event place's articles that name participants (`named`), or of those that name none. */
function placeBlock(place: string, named: boolean): string {
  return `${named ? 'l+' : 'l0'}:${place}`;
}

/** The day of articles with no event date: they block with each other by what they share. */
const UNDATED = Number.MIN_SAFE_INTEGER;

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
