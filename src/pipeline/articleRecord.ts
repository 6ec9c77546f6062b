import { LEAD_PARAGRAPHS } from '../cluster/scoreLink.js';
import type { Article } from '../types.js';

/** The articles.jsonl record: the contract fields first, then the evidence behind them. */
export function articleRecord(a: Article) {
  return {
    id: a.id,
    source: a.source,
    url: a.url,
    title: a.title,
    outlet: a.outlet,
    side: a.side,
    language: a.language,
    script: a.script,
    published: a.published,
    eventDate: a.eventDate,
    people: a.people,
    places: a.places,
    paragraphs: a.paragraphs,
    eventDateSource: a.eventDateSource,
    eventDatePhrase: a.eventDatePhrase,
    participants: a.participants,
    eventPlace: a.eventPlace,
    byline: a.byline,
    removed: a.removed,
    diagnostics: a.diagnostics,
  };
}

const encoder = new TextEncoder();

/**
 * An article's line of articles.jsonl (without the newline) as UTF-8, made where the article is
 * built: the line is written as it is and the workspace keeps the same bytes as the article's JSON.
 * Each line has a buffer of its own (TextEncoder, not Buffer's shared pool), so it can be moved
 * between threads.
 */
export function encodeArticleRecord(article: Article): Uint8Array {
  return encoder.encode(JSON.stringify(articleRecord(article)));
}

/**
 * The article with no more of its text than clustering reads (its lead paragraphs) and no removed
 * blocks: what a run holds of each article once the rest can be read back where it is needed (from
 * articles.jsonl or the workspace). At 100k articles the text was most of the main thread's heap.
 */
export function keepingLeads<A extends Article>(article: A): A {
  // One that holds no more (an ingest thread trimmed it) is itself: a copy was some 270 bytes an
  // article (the object, its property array, two arrays) in a 100k heap snapshot, kept beside it.
  if (article.paragraphs.length <= LEAD_PARAGRAPHS && article.removed.length === 0) return article;
  return { ...article, paragraphs: article.paragraphs.slice(0, LEAD_PARAGRAPHS), removed: [] };
}

/**
 * keepingLeads of the article as an articles.jsonl record in UTF-8: what the workspace keeps beside
 * the whole article, so that a re-run reads a sixth of the bytes (and parses a sixth of the JSON).
 */
export function encodeArticleLead(article: Article): Uint8Array {
  return encoder.encode(JSON.stringify(articleRecord(keepingLeads(article))));
}
