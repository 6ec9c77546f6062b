import type { ResolvedConfig } from '../config/resolveConfig.js';
import { foldText } from '../text/normalizeForMatching.js';
import type { Article, SimilarPair } from '../types.js';
import { findSimilarSigned, type SignedUnit } from './findSimilarTexts.js';
import { minhashSignature } from './minhash.js';

export interface CorpusFingerprints {
  /** Article pairs that are the same text: reposts, script conversions, re-punctuated copies. */
  duplicates: SimilarPair[];
  /** Paragraph pairs shared by two articles that are not duplicates of each other. */
  reuse: SimilarPair[];
}

/** An article's MinHash signatures: what the workspace keeps so a re-run need not fold or hash it again. */
export interface ArticleSignatures {
  /** Positions of the paragraphs long enough to fingerprint (`fingerprint.minParagraphChars`). */
  positions: number[];
  /** The article's signature, then one per listed paragraph, each `permutations` values long. */
  values: Uint32Array;
}

/** Where signatures computed before can be found; the fingerprint stage works the same without one. */
export interface SignatureStore {
  get(article: Article): ArticleSignatures | undefined;
  put(article: Article, signatures: ArticleSignatures): void;
}

/**
 * An article as shingles see it: its paragraphs folded and joined, the same string folding the
 * whole text would give, since folding drops every separator.
 */
export function foldArticleText(article: Article): string {
  return article.paragraphs.map((p) => foldText(p.text)).join('');
}

/** Signatures of an article and of its paragraphs long enough to fingerprint, from one fold of each paragraph. */
export function signArticle(article: Article, config: ResolvedConfig): ArticleSignatures {
  const { shingle, permutations, seed, minParagraphChars } = config.fingerprint;
  const folded = article.paragraphs.map((p) => foldText(p.text));
  const positions = folded.flatMap((text, position) => (text.length >= minParagraphChars ? [position] : []));
  const values = new Uint32Array(permutations * (1 + positions.length));
  values.set(minhashSignature(folded.join(''), shingle, permutations, seed), 0);
  positions.forEach((position, i) => values.set(minhashSignature(folded[position]!, shingle, permutations, seed), permutations * (i + 1)));
  return { positions, values };
}

/** The fingerprint stage: article near-duplicates and paragraph reuse across the corpus. */
export function fingerprintCorpus(articles: Article[], config: ResolvedConfig, store?: SignatureStore): CorpusFingerprints {
  const { permutations } = config.fingerprint;
  const paragraphOwner = new Map<string, string>();
  const articleUnits: SignedUnit[] = [];
  const paragraphUnits: SignedUnit[] = [];
  for (const article of articles) {
    let signatures = store?.get(article);
    if (!signatures) {
      signatures = signArticle(article, config);
      store?.put(article, signatures);
    }
    const { positions, values } = signatures;
    articleUnits.push({ id: article.id, signature: values.subarray(0, permutations), folded: () => foldArticleText(article) });
    positions.forEach((position, i) => {
      const paragraph = article.paragraphs[position]!;
      paragraphOwner.set(paragraph.id, article.id);
      paragraphUnits.push({
        id: paragraph.id,
        signature: values.subarray(permutations * (i + 1), permutations * (i + 2)),
        folded: () => foldText(paragraph.text),
      });
    });
  }
  const duplicates = findSimilarSigned(articleUnits, config.fingerprint, config.thresholds.duplicate);
  const duplicateKeys = new Set(duplicates.map((d) => `${d.a}\u0000${d.b}`));

  const reuse = findSimilarSigned(paragraphUnits, config.fingerprint, config.thresholds.reuse, (a, b) => {
    const ownerA = paragraphOwner.get(a.id)!;
    const ownerB = paragraphOwner.get(b.id)!;
    if (ownerA === ownerB) return true;
    const [x, y] = ownerA <= ownerB ? [ownerA, ownerB] : [ownerB, ownerA];
    return duplicateKeys.has(`${x}\u0000${y}`);
  });
  return { duplicates, reuse };
}
