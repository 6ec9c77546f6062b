import type { ResolvedConfig } from '../config/resolveConfig.js';
import { signFolded, wholeArticleText, WHOLE_ARTICLE, type CorpusText, type FoldSource } from '../fingerprint/fingerprintCorpus.js';
import { paragraphId } from '../ingest/extractArticleText.js';
import type { ArticleText } from '../types.js';

/**
 * CorpusText for a run whose ingest workers sent back each article's leads and the folds its
 * signatures were made from (IngestResult.folds) instead of its whole text. An article without
 * folds (built on this thread, or read back whole from the workspace) is read from itself.
 */
export function foldedCorpusText(articles: ArticleText[], folds: FoldSource): CorpusText {
  const whole = wholeArticleText(articles);
  const idOf = (article: number) => articles[article]!.id;
  return {
    foldedArticle: (article) => folds.article(idOf(article)) ?? whole.foldedArticle(article),
    foldedParagraph: (article, position) => folds.paragraph(idOf(article), position) ?? whole.foldedParagraph(article, position),
    paragraphId: (article, position) => (folds.paragraphLengths(idOf(article)) ? paragraphId(idOf(article), position) : whole.paragraphId(article, position)),
    ...(folds.gather ? { gather: gatherFrom(folds.gather.bind(folds), whole, idOf) } : {}),
    // What the folds do not hold is located nowhere (a length of -1): the reader asks for it here.
    ...(folds.locate ? { locate: (articles: Int32Array, positions: Int32Array) => folds.locate!(Array.from(articles, idOf), positions) } : {}),
    sign: (article: number, config: ResolvedConfig) => {
      const lengths = folds.paragraphLengths(idOf(article));
      return lengths ? signFolded({ text: folds.article(idOf(article))!, lengths: Array.from(lengths) }, config) : whole.sign(article, config);
    },
  };
}

/** CorpusText.gather through the folds' own: what they do not hold is read from the article itself. */
function gatherFrom(gather: NonNullable<FoldSource['gather']>, whole: CorpusText, idOf: (article: number) => string): NonNullable<CorpusText['gather']> {
  return (articles, positions) => {
    const read = gather(Array.from(articles, idOf), positions);
    return (k) => {
      const article = articles[k]!;
      const position = positions[k]!;
      return read(k) ?? (position === WHOLE_ARTICLE ? whole.foldedArticle(article) : whole.foldedParagraph(article, position));
    };
  };
}
