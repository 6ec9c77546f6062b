import type { ResolvedConfig } from '../config/resolveConfig.js';
import { signFolded, wholeArticleText, type CorpusText } from '../fingerprint/fingerprintCorpus.js';
import { decodeFoldedArticle, decodeFoldedParagraph, decodeFolds, type FoldedCodes } from '../fingerprint/foldedCodes.js';
import { paragraphId } from '../ingest/extractArticleText.js';
import type { ArticleText } from '../types.js';

/**
 * CorpusText for a run whose ingest workers sent back each article's leads and the folds its
 * signatures were made from (IngestResult.folds) instead of its whole text: one buffer per article
 * where there were dozens of paragraph and removed-block objects for the collector to walk. An
 * article without folds (read back whole from the workspace) is read from itself.
 */
export function foldedCorpusText(articles: ArticleText[], folds: Map<string, FoldedCodes>): CorpusText {
  const whole = wholeArticleText(articles);
  const foldsOf = (article: number) => folds.get(articles[article]!.id);
  return {
    paragraphCount: (article) => foldsOf(article)?.lengths.length ?? whole.paragraphCount(article),
    foldedArticle(article) {
      const folded = foldsOf(article);
      return folded ? decodeFolds(folded) : whole.foldedArticle(article);
    },
    foldedParagraph(article, position) {
      const folded = foldsOf(article);
      return folded ? decodeFoldedParagraph(folded, position) : whole.foldedParagraph(article, position);
    },
    paragraphId: (article, position) => (foldsOf(article) ? paragraphId(articles[article]!.id, position) : whole.paragraphId(article, position)),
    sign: (article: number, config: ResolvedConfig) => {
      const folded = foldsOf(article);
      return folded ? signFolded(decodeFoldedArticle(folded), config) : whole.sign(article, config);
    },
  };
}
