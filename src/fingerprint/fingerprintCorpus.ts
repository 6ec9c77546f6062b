import type { ResolvedConfig } from '../config/resolveConfig.js';
import { foldText } from '../text/normalizeForMatching.js';
import type { Article, SimilarPair } from '../types.js';
import { findSimilarTexts, type TextUnit } from './findSimilarTexts.js';

export interface CorpusFingerprints {
  /** Article pairs that are the same text: reposts, script conversions, re-punctuated copies. */
  duplicates: SimilarPair[];
  /** Paragraph pairs shared by two articles that are not duplicates of each other. */
  reuse: SimilarPair[];
}

/**
 * An article as shingles see it: its paragraphs folded and joined, the same string folding the
 * whole text would give, since folding drops every separator.
 */
export function foldArticleText(article: Article): string {
  return article.paragraphs.map((p) => foldText(p.text)).join('');
}

/** The fingerprint stage: article near-duplicates and paragraph reuse across the corpus. */
export function fingerprintCorpus(articles: Article[], config: ResolvedConfig): CorpusFingerprints {
  const params = config.fingerprint;
  const paragraphOwner = new Map<string, string>();
  const paragraphUnits: TextUnit[] = [];
  // Each paragraph is folded once, for paragraph reuse and for its article's text (see foldArticleText).
  const articleUnits: TextUnit[] = articles.map((article) => {
    const parts = article.paragraphs.map((paragraph) => {
      const folded = foldText(paragraph.text);
      if (folded.length >= params.minParagraphChars) {
        paragraphOwner.set(paragraph.id, article.id);
        paragraphUnits.push({ id: paragraph.id, folded });
      }
      return folded;
    });
    return { id: article.id, folded: parts.join('') };
  });
  const duplicates = findSimilarTexts(articleUnits, params, config.thresholds.duplicate);
  const duplicateKeys = new Set(duplicates.map((d) => `${d.a}\u0000${d.b}`));

  const reuse = findSimilarTexts(paragraphUnits, params, config.thresholds.reuse, (a, b) => {
    const ownerA = paragraphOwner.get(a.id)!;
    const ownerB = paragraphOwner.get(b.id)!;
    if (ownerA === ownerB) return true;
    const [x, y] = ownerA <= ownerB ? [ownerA, ownerB] : [ownerB, ownerA];
    return duplicateKeys.has(`${x}\u0000${y}`);
  });
  return { duplicates, reuse };
}
