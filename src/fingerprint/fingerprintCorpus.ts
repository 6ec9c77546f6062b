import type { ResolvedConfig } from '../config/resolveConfig.js';
import { foldForFingerprint, normalizeForMatching } from '../text/normalizeForMatching.js';
import type { Article, SimilarPair } from '../types.js';
import { findSimilarTexts, type TextUnit } from './findSimilarTexts.js';

export interface CorpusFingerprints {
  /** Article pairs that are the same text: reposts, script conversions, re-punctuated copies. */
  duplicates: SimilarPair[];
  /** Paragraph pairs shared by two articles that are not duplicates of each other. */
  reuse: SimilarPair[];
}

/** The fingerprint stage: article near-duplicates and paragraph reuse across the corpus. */
export function fingerprintCorpus(articles: Article[], config: ResolvedConfig): CorpusFingerprints {
  const params = config.fingerprint;
  const articleUnits: TextUnit[] = articles.map((a) => ({
    id: a.id,
    folded: foldForFingerprint(normalizeForMatching(a.paragraphs.map((p) => p.text).join('\n'))),
  }));
  const duplicates = findSimilarTexts(articleUnits, params, config.thresholds.duplicate);
  const duplicateKeys = new Set(duplicates.map((d) => `${d.a}\u0000${d.b}`));

  const paragraphOwner = new Map<string, string>();
  const paragraphUnits: TextUnit[] = [];
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      const folded = foldForFingerprint(normalizeForMatching(paragraph.text));
      if ([...folded].length < params.minParagraphChars) continue;
      paragraphOwner.set(paragraph.id, article.id);
      paragraphUnits.push({ id: paragraph.id, folded });
    }
  }
  const reuse = findSimilarTexts(paragraphUnits, params, config.thresholds.reuse, (a, b) => {
    const ownerA = paragraphOwner.get(a.id)!;
    const ownerB = paragraphOwner.get(b.id)!;
    if (ownerA === ownerB) return true;
    const [x, y] = ownerA <= ownerB ? [ownerA, ownerB] : [ownerB, ownerA];
    return duplicateKeys.has(`${x}\u0000${y}`);
  });
  return { duplicates, reuse };
}
