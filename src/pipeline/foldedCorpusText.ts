import type { ResolvedConfig } from '../config/resolveConfig.js';
import { signFolded, wholeArticleText, type CorpusText, type FoldedArticle } from '../fingerprint/fingerprintCorpus.js';
import { paragraphId } from '../ingest/extractArticleText.js';
import type { ArticleText } from '../types.js';

/**
 * CorpusText for a run whose ingest workers sent back each article's leads and the folds its
 * signatures were made from (IngestResult.folds) instead of its whole text: one string per article
 * where there were dozens of paragraph and removed-block objects for the collector to walk. An
 * article without folds (read back whole from the workspace) is read from itself.
 */
export function foldedCorpusText(articles: ArticleText[], folds: Map<string, FoldedArticle>): CorpusText {
  const whole = wholeArticleText(articles);
  const foldsOf = (article: number) => folds.get(articles[article]!.id);
  return {
    paragraphCount: (article) => foldsOf(article)?.lengths.length ?? whole.paragraphCount(article),
    foldedArticle: (article) => foldsOf(article)?.text ?? whole.foldedArticle(article),
    foldedParagraph(article, position) {
      const folded = foldsOf(article);
      if (!folded) return whole.foldedParagraph(article, position);
      let start = 0;
      for (let k = 0; k < position; k++) start += folded.lengths[k]!;
      return folded.text.slice(start, start + folded.lengths[position]!);
    },
    paragraphId: (article, position) => (foldsOf(article) ? paragraphId(articles[article]!.id, position) : whole.paragraphId(article, position)),
    sign: (article: number, config: ResolvedConfig) => {
      const folded = foldsOf(article);
      return folded ? signFolded(folded, config) : whole.sign(article, config);
    },
  };
}
