import type { Article, ArticleText } from '../types.js';

/**
 * One instance of each value the articles' fields repeat, for the main thread to hold in place of
 * the copy every article brings: an article built on an ingest thread arrives with strings of its
 * own, so at 100k articles the heap held 97,000 copies of `simplified`, 100,000 of `zh`, 200,000
 * dates and some 800,000 gazetteer names (about 40 MB, ten times that at a million). Only fields
 * whose values are bounded (by the config, the calendar or the gazetteer) are shared, so the pool
 * stays small: an article's id, title or text is its own.
 */
export class StringPool {
  private readonly values = new Map<string, string>();

  /** The pool's instance of `value`, which becomes it if the pool has none. */
  share(value: string): string {
    const held = this.values.get(value);
    if (held !== undefined) return held;
    this.values.set(value, value);
    return value;
  }

  get size(): number {
    return this.values.size;
  }
}

function isArticle(article: ArticleText): article is Article {
  return 'language' in article;
}

function shareAll(values: string[], pool: StringPool): void {
  for (let i = 0; i < values.length; i++) values[i] = pool.share(values[i]!);
}

/** Puts the pool's instances in place of the article's repeated values (it is changed, and returned); an article's text only has none. */
export function shareArticleStrings<A extends ArticleText>(article: A, pool: StringPool): A {
  if (!isArticle(article)) return article;
  const share = (value: string | null) => (value === null ? null : pool.share(value));
  article.outlet = share(article.outlet);
  article.side = share(article.side);
  article.language = pool.share(article.language) as Article['language'];
  article.script = pool.share(article.script) as Article['script'];
  article.published = share(article.published);
  article.eventDate = share(article.eventDate);
  article.eventDateSource = pool.share(article.eventDateSource) as Article['eventDateSource'];
  article.eventPlace = share(article.eventPlace);
  shareAll(article.people, pool);
  shareAll(article.participants, pool);
  shareAll(article.places, pool);
  return article;
}
