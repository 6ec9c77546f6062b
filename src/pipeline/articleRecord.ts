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
