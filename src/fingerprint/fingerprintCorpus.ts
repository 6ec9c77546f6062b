import type { ResolvedConfig } from '../config/resolveConfig.js';
import { foldText, foldTexts } from '../text/normalizeForMatching.js';
import type { ArticleText, SimilarPair } from '../types.js';
import { byUnit, findSimilarKeyed, keptPairs, similarPairs, verifyUnits, type FoldLocations, type UnitTexts, type VerifiedPairs } from './findSimilarTexts.js';
import { lshPairsFromFlat, writeBandKeys } from './lshCandidates.js';
import { minhashParts } from './minhash.js';
import { SignatureLog } from './signatureLog.js';

export interface CorpusFingerprints {
  /** Article pairs that are the same text: reposts, script conversions, re-punctuated copies. */
  duplicates: SimilarPair[];
  /** Paragraph pairs shared by two articles that are not duplicates of each other. */
  reuse: SimilarPair[];
}

/**
 * An article's MinHash signatures as LSH sees them: each text's band keys (see bandKeys). What the
 * workspace keeps, so a re-run need not fold or hash the article again; a quarter of the signatures' size.
 */
export interface ArticleSignatures {
  /** Positions of the paragraphs long enough to fingerprint (`fingerprint.minParagraphChars`). */
  positions: number[];
  /** The article's band keys, then each listed paragraph's, `bands` values each. */
  values: Uint32Array;
}

/** Where signatures computed before can be found; the fingerprint stage works the same without one. */
export interface SignatureStore {
  get(article: ArticleText): ArticleSignatures | undefined;
  put(article: ArticleText, signatures: ArticleSignatures): void;
}

/**
 * An article as shingles see it: its paragraphs folded and joined, the same string folding the
 * whole text would give, since folding drops every separator.
 */
export function foldArticleText(article: ArticleText): string {
  return foldTexts(article.paragraphs.map((p) => p.text));
}

/** An article's text as the fingerprint stage reads it: its paragraphs folded and joined (foldArticleText), and each one's length in it. */
export interface FoldedArticle {
  text: string;
  lengths: number[];
}

/**
 * Where the folds of articles built elsewhere are read, by article id: undefined for an article
 * it does not hold.
 */
export interface FoldSource {
  /** Each paragraph's folded length, in order (FoldedArticle.lengths). */
  paragraphLengths(id: string): ArrayLike<number> | undefined;
  /** The article's folds, one after another (FoldedArticle.text). */
  article(id: string): string | undefined;
  paragraph(id: string, position: number): string | undefined;
  /**
   * The folds of many at once: request `k` is paragraph `positions[k]` of article `ids[k]`, or the
   * whole article where the position is WHOLE_ARTICLE; undefined for an article it does not hold.
   * For a source that reads them from disk, where one read each would wait on the disk for each.
   */
  gather?(ids: readonly string[], positions: Int32Array): (k: number) => string | undefined;
  /** Where the folds gather would read are in the source's file. */
  locate?(ids: readonly string[], positions: Int32Array): FoldLocations;
}

/** The position that asks for a whole article's folds (FoldSource.gather, CorpusText.gather). */
export const WHOLE_ARTICLE = -1;

/** FoldedArticle of an article; `foldedParagraphs`, when given, are its paragraphs' folds already made (`foldText` of each). */
export function foldArticle(article: ArticleText, foldedParagraphs?: string[]): FoldedArticle {
  const lengths: number[] = [];
  const text = foldedParagraphs ? joinFolded(foldedParagraphs, lengths) : foldTexts(article.paragraphs.map((p) => p.text), lengths);
  return { text, lengths };
}

/**
 * Signatures of an article and of its paragraphs long enough to fingerprint, from one fold of each
 * paragraph. `foldedParagraphs`, when given, are those folds already made (`foldText` of each).
 */
export function signArticle(article: ArticleText, config: ResolvedConfig, foldedParagraphs?: string[]): ArticleSignatures {
  return signFolded(foldArticle(article, foldedParagraphs), config);
}

/**
 * Where signFolded makes an article's signatures before it keys their bands: one buffer for every
 * article, grown as needed. A new one per article was 10 KB of memory outside V8's heap to
 * allocate, account for and free, 500 MB per ingest worker at 100k articles.
 */
let scratch = new Uint32Array(0);

/** signArticle from the article's folds. */
export function signFolded({ text: folded, lengths }: FoldedArticle, config: ResolvedConfig): ArticleSignatures {
  const { shingle, permutations, seed, minParagraphChars, bands, rows } = config.fingerprint;
  // A loop, not flatMap: an array per paragraph made signing about 5% slower.
  const positions: number[] = [];
  for (let position = 0; position < lengths.length; position++) if (lengths[position]! >= minParagraphChars) positions.push(position);
  if (scratch.length < permutations * (1 + positions.length)) scratch = new Uint32Array(2 * permutations * (1 + positions.length));
  const signatures = minhashParts(folded, lengths, positions, shingle, permutations, seed, scratch);
  const values = new Uint32Array(bands * (1 + positions.length));
  const signed = new Int32Array(signatures.buffer, signatures.byteOffset, signatures.length);
  for (let unit = 0; unit <= positions.length; unit++) writeBandKeys(signed, unit * permutations, bands, rows, values, unit * bands);
  return { positions, values };
}

function joinFolded(folded: string[], lengths: number[]): string {
  for (const text of folded) lengths.push(text.length);
  return folded.join('');
}

/**
 * LSH over band keys shared with another thread (the keys are on a SharedArrayBuffer: signCorpus
 * puts them there). Started with the keys, the other thread begins on the bands; `join`, called
 * when this thread is free, searches the bands the other has not taken and gives every pair that
 * shares at least `minShared` bands, the same as lshPairsFromFlat (pair after pair in one array).
 */
export type CandidateSearch = (flat: Uint32Array, bands: number, minShared: number) => { join(): Promise<Int32Array> };

/**
 * Verification of the paragraphs' candidate pairs shared with another thread: given the pairs the
 * stage kept (unit indices two by two), it answers what verifyUnits of them all on this thread would.
 */
export type PairVerification = (units: UnitTexts, count: number, pairs: Int32Array, shingle: number, threshold: number) => Promise<VerifiedPairs>;

/**
 * What the fingerprint stage reads of the articles' text, by article index. From whole articles
 * (wholeArticleText), or from folds made where the articles were built, for a run that holds only
 * their leads: verification reads the same strings either way.
 */
export interface CorpusText {
  /** The article's text as shingles see it (foldArticleText). */
  foldedArticle(article: number): string;
  /** One paragraph's fold (`foldText` of its text). */
  foldedParagraph(article: number, position: number): string;
  paragraphId(article: number, position: number): string;
  /** signArticle of the article, for one whose signatures were not kept. */
  sign(article: number, config: ResolvedConfig): ArticleSignatures;
  /**
   * The folds of many texts read at once, where reading them one at a time costs more (FoldSource.gather):
   * request `k` is paragraph `positions[k]` of article `articles[k]`, or the whole article (WHOLE_ARTICLE).
   */
  gather?(articles: Int32Array, positions: Int32Array): (k: number) => string;
  /** Where those folds are in a file, for another thread to read (FoldLocations; a length of -1 for one the file does not hold). */
  locate?(articles: Int32Array, positions: Int32Array): FoldLocations;
}

/** CorpusText of whole articles. */
export function wholeArticleText(articles: ArticleText[]): CorpusText {
  const paragraph = (article: number, position: number) => articles[article]!.paragraphs[position]!;
  return {
    foldedArticle: (article) => foldArticleText(articles[article]!),
    foldedParagraph: (article, position) => foldText(paragraph(article, position).text),
    paragraphId: (article, position) => paragraph(article, position).id,
    sign: (article, config) => signArticle(articles[article]!, config),
  };
}

/**
 * The corpus as the fingerprint stage works on it: every article's band keys, and every long
 * paragraph's with the article and position it comes from, each in one flat array.
 */
export interface SignedCorpus {
  readonly articles: ArticleText[];
  /** Where verification reads the texts. */
  readonly text: CorpusText;
  /** `bands` keys per article, in article order (empty once released). */
  articleKeys: Uint32Array;
  /** `bands` keys per paragraph unit, on shared memory: another thread can search them without a copy (empty once released). */
  paragraphKeys: Uint32Array;
  /** The log the keys are in, let go with them (releaseKeys). */
  readonly log: SignatureLog;
  /** Each paragraph unit's article, by index (the reuse filter runs for every candidate pair)... */
  paragraphOwner: Int32Array;
  /** ...and its position among that article's paragraphs. */
  paragraphPosition: Int32Array;
}

/**
 * Gathers every article's signatures into `log`: those ingest added are there (and offered to
 * `store` to keep); the others come from `store` when it has them, else are signed here and put
 * there. The part of the stage that reads and writes signatures, so a caller can run it in one
 * transaction.
 */
export function signCorpus(
  articles: ArticleText[],
  config: ResolvedConfig,
  store?: SignatureStore,
  text = wholeArticleText(articles),
  log = new SignatureLog(config.fingerprint.bands),
): SignedCorpus {
  if (log.bands !== config.fingerprint.bands) throw new Error(`signCorpus: the signatures were made with ${log.bands} bands, the config has ${config.fingerprint.bands}`);
  articles.forEach((article, i) => {
    if (log.has(i)) {
      // Copied out of the log only when there is a store to keep them.
      store?.put(article, log.signaturesOf(i));
      return;
    }
    let signatures = store?.get(article);
    if (!signatures) {
      signatures = text.sign(i, config);
      store?.put(article, signatures);
    }
    log.add(i, signatures);
  });
  return { articles, text, log, ...log.arrays(articles.length) };
}

/** Lets the corpus's band keys go once LSH has searched them (SignatureLog.release): verification reads only texts. */
function releaseKeys(signed: SignedCorpus): void {
  signed.articleKeys = new Uint32Array(0);
  signed.paragraphKeys = new Uint32Array(0);
  signed.log.release();
}

/** The articles as verification reads them (UnitTexts): whole texts, folded. */
function articleTexts({ articles, text }: SignedCorpus): UnitTexts {
  const gather = text.gather?.bind(text);
  return {
    idOf: (i) => articles[i]!.id,
    foldedOf: (i) => text.foldedArticle(i),
    ...(gather ? { gather: (units: Int32Array) => byUnit(units, gather(units, new Int32Array(units.length).fill(WHOLE_ARTICLE))) } : {}),
  };
}

/** The paragraph units as verification reads them, from the articles they belong to. */
function paragraphTexts({ text, paragraphOwner, paragraphPosition }: SignedCorpus): UnitTexts {
  const gather = text.gather?.bind(text);
  const locate = text.locate?.bind(text);
  return {
    idOf: (i) => text.paragraphId(paragraphOwner[i]!, paragraphPosition[i]!),
    foldedOf: (i) => text.foldedParagraph(paragraphOwner[i]!, paragraphPosition[i]!),
    ...(gather ? { gather: (units: Int32Array) => byUnit(units, gather(units.map((u) => paragraphOwner[u]!), units.map((u) => paragraphPosition[u]!))) } : {}),
    ...(locate ? { locate: (units: Int32Array) => locate(units.map((u) => paragraphOwner[u]!), units.map((u) => paragraphPosition[u]!)) } : {}),
  };
}

/**
 * The fingerprint stage: article near-duplicates and paragraph reuse across the corpus. With
 * `search`, LSH over the paragraphs (most of the stage's units) runs there while the articles'
 * duplicates are found here; with `verify`, their candidates are verified there; the result is the same.
 */
export async function fingerprintCorpus(
  articles: ArticleText[],
  config: ResolvedConfig,
  /** Signatures ingest made (IngestResult.signatures), by article index. */
  signed?: SignatureLog,
  search?: CandidateSearch,
  text?: CorpusText,
  verify?: PairVerification,
): Promise<CorpusFingerprints> {
  return findFingerprints(signCorpus(articles, config, undefined, text, signed), config, search, verify);
}

/** The fingerprint stage over a signed corpus (signCorpus). */
export async function findFingerprints(signed: SignedCorpus, config: ResolvedConfig, search?: CandidateSearch, verify?: PairVerification): Promise<CorpusFingerprints> {
  const { articles, paragraphOwner } = signed;
  const { bands, minSharedBands } = config.fingerprint;
  // Started before the articles' search below, which then runs alongside it; this thread then
  // takes its share of what is left. The keys are read from `signed` and not kept here: they are
  // let go once searched.
  let searched = search?.(signed.paragraphKeys, bands, minSharedBands.reuse);
  const duplicates = findSimilarKeyed(signed.articleKeys, articleTexts(signed), { ...config.fingerprint, minShared: minSharedBands.duplicate }, config.thresholds.duplicate);
  // Paragraphs shared by duplicate articles are the duplication itself, not reuse.
  const index = new Map(articles.map((a, i) => [a.id, i]));
  const n = articles.length;
  const duplicateKeys = new Set(duplicates.flatMap((d) => {
    const [x, y] = [index.get(d.a)!, index.get(d.b)!];
    return [x * n + y, y * n + x];
  }));
  const candidates = searched ? await searched.join() : lshPairsFromFlat(signed.paragraphKeys, bands, { minShared: minSharedBands.reuse });
  searched = undefined;
  releaseKeys(signed);
  const pairs = keptPairs(candidates, (i, j) => {
    const ownerA = paragraphOwner[i]!;
    const ownerB = paragraphOwner[j]!;
    return ownerA === ownerB || duplicateKeys.has(ownerA * n + ownerB);
  });
  const units = paragraphTexts(signed);
  const { shingle } = config.fingerprint;
  const threshold = config.thresholds.reuse;
  const count = paragraphOwner.length;
  const verified = verify ? await verify(units, count, pairs, shingle, threshold) : verifyUnits(units, count, pairs, shingle, threshold);
  return { duplicates, reuse: similarPairs(units, pairs, verified) };
}
