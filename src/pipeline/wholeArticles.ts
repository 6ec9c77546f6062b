import type { Article } from '../types.js';
import type { Workspace } from '../workspace/openWorkspace.js';

/**
 * The whole articles of a run that holds only their leads (IngestResult.leadsOnly), read from the
 * workspace where they are needed: an event compared again, articles.jsonl written again, or a
 * fingerprint stage the workspace has no result for.
 */
export interface WholeArticles {
  /** These articles, whole, in the order asked for. */
  get(ids: readonly string[]): Article[];
  /** Every article of the run, whole and in run order, read a batch at a time. */
  all(): Iterable<Article>;
}

/** Articles per statement when every one is read. */
const BATCH = 1024;

/** `ids`: the run's articles in order; `docHashes` their documents, as the workspace keys them under `ingestKey`. */
export function wholeArticlesIn(store: Workspace, ingestKey: string, docHashes: Map<string, string>, ids: readonly string[]): WholeArticles {
  const get = (wanted: readonly string[]): Article[] => {
    const found = store.readArticles(
      wanted.map((id) => docHashes.get(id)!),
      ingestKey,
    );
    return wanted.map((id) => {
      const article = found.get(docHashes.get(id)!);
      // Rows are pruned only when the workspace closes, so only another process could have taken it.
      if (!article) throw new Error(`${store.file}: article ${id} was read from the workspace as its leads, but its whole row is gone`);
      return article;
    });
  };
  return {
    get,
    *all() {
      for (let start = 0; start < ids.length; start += BATCH) yield* get(ids.slice(start, start + BATCH));
    },
  };
}
