import type { ResolvedConfig } from '../config/resolveConfig.js';
import { foldArticle, signFolded, type ArticleSignatures, type FoldedArticle } from '../fingerprint/fingerprintCorpus.js';
import { buildArticle, type IngestContext } from '../ingest/buildArticle.js';
import { extractArticleText } from '../ingest/extractArticleText.js';
import { readJsonlRecord } from '../ingest/readJsonlRecord.js';
import { decodeUtf8 } from '../text/decodeUtf8.js';
import type { Article, ArticleText, BuildOutcome, Diagnostic, RawDocument } from '../types.js';
import { encodeArticleLead, encodeArticleRecord, keepingLeads } from './articleRecord.js';
import { hashDocument } from './hashDocument.js';

/**
 * What ingest makes of each document: the whole article (`article`), or only its text (`text`):
 * all `dupes` needs, without reading dates, people and places.
 */
export type IngestMode = 'article' | 'text';

/** One document's ingest, and its signatures when the run will fingerprint (signed where the text already is). */
export interface BuiltDocument<A extends ArticleText = Article> {
  outcome: BuildOutcome<A>;
  signatures?: ArticleSignatures;
  /** The article's articles.jsonl line (encodeArticleRecord), when asked for and the document was ingested whole. */
  record?: Uint8Array;
  /** The same for the article's leads (encodeArticleLead), when asked for: what the workspace keeps for re-runs to read. */
  lead?: Uint8Array;
  /** With `foldsOnly`: the folds the signatures were made from, while the outcome's article holds only its leads (in `text` mode, no text). */
  folds?: FoldedArticle;
}

/** What to make of each document besides its outcome. */
export interface BuildOptions {
  mode: IngestMode;
  /** Sign the article (the run will fingerprint). */
  sign: boolean;
  /** Encode the article's articles.jsonl line (`article` mode only: the run writes articles.jsonl). */
  record: boolean;
  /** Encode the article's leads (`article` mode only: the workspace keeps them). */
  lead?: boolean;
  /**
   * With `sign`: hand back the folds the article was signed from instead of its text, for a run
   * that reads the text no other way: in `article` mode with `record`, the article keeps its leads
   * (keepingLeads) and the rest is read from the record; in `text` mode (`dupes`) it keeps none.
   */
  foldsOnly?: boolean;
  /** Hash each JSONL record parsed here (hashDocument): the caller never held its document to hash. */
  hash?: boolean;
}

/** A JSONL record as read (RecordLine): its line's bytes, where it came from, and the id it takes if it has none. */
export interface RecordBytes {
  bytes: Uint8Array;
  source: string;
  fallbackId: string;
}

/** What building a JSONL record from its bytes made: its document's id and build, or why the line is no record. */
export type BuiltRecord = (BuiltDocument<ArticleText> & { id: string; docHash?: string }) | { refusal: string };

/** What is built of each item of a batch: a document's build, or a record's. */
export type BuiltItem = BuiltDocument<ArticleText> | BuiltRecord;

/** Folds as made on a thread that writes them itself (SpilledFolds.add): the text as UTF-16 bytes, and each paragraph's length. */
export interface EncodedFolds {
  bytes: Uint8Array;
  lengths: number[];
}

/**
 * Folds as they cross to the main thread (packBuilt): already written to the folds file by the
 * worker (appendFolds), at byte `at`, and each paragraph's length. The main thread records where
 * and never holds the text.
 */
export interface WrittenFolds {
  at: number;
  lengths: ArrayLike<number>;
}

/**
 * Signatures as they cross to the main thread (packBuilt): the positions, like the band keys,
 * a view on the batch's one buffer. Each valid until the main thread has taken its article.
 */
export interface PostedSignatures {
  positions: ArrayLike<number>;
  values: Uint32Array;
}

/** A built item as the main thread receives it: its folds, if any, written out. */
export type PostedItem = PostedDocument | Posted<BuiltRecord>;
export type PostedDocument = Posted<BuiltDocument<ArticleText>>;
type Posted<T> = T extends { refusal: string } ? T : Omit<T, 'folds' | 'signatures'> & { folds?: WrittenFolds; signatures?: PostedSignatures };

/** A build made on the main thread, as the main thread receives a worker's: it has no folds (they come only with signatures, signed only on workers). */
export function postedHere<T extends BuiltItem>(item: T): Posted<T> {
  if ('folds' in item && item.folds) throw new Error('postedHere: a build made on the main thread has folds; only worker builds are signed');
  return item as Posted<T>;
}

type Built<A> = { ok: true; article: A; folded: string[] } | { ok: false; reason: string; diagnostics: Diagnostic[] };

/** A throw becomes the document's own failure, never the run's. */
function outcomeOf<A extends ArticleText>(build: () => Built<A>): { outcome: BuildOutcome<A>; folded?: string[] } {
  try {
    const result = build();
    return result.ok
      ? { outcome: { status: 'ingested', article: result.article }, folded: result.folded }
      : { outcome: { status: 'skipped', reason: result.reason, diagnostics: result.diagnostics } };
  } catch (error) {
    return { outcome: { status: 'failed', reason: (error as Error).message } };
  }
}

/** Extracts one document's article text only. */
function extractText(document: RawDocument, context: IngestContext): Built<ArticleText> {
  const result = extractArticleText(document, context.rules);
  return result.ok ? { ok: true, article: result.extracted.text, folded: result.extracted.stripped.folded } : result;
}

/** An input whose id another had first is renamed (`id~2`) before it is built; its article says so. */
function noteRename<A extends ArticleText>(built: Built<A>, document: RawDocument): Built<A> {
  if (!built.ok || document.renamedFrom === undefined) return built;
  const message = `id "${document.renamedFrom}" already used; renamed to "${document.id}"`;
  built.article.diagnostics.push({ level: 'warning', code: 'duplicate-id', message });
  return built;
}

/**
 * Builds one document's article (or in `text` mode its text only), signed when `sign` asks for
 * it, with its articles.jsonl line when `record` does and its leads' line when `lead` does.
 */
export function buildDocument(document: RawDocument, context: IngestContext, config: ResolvedConfig, options: BuildOptions): BuiltDocument<ArticleText> {
  const { mode, sign, record, lead } = options;
  const { outcome, folded } = outcomeOf<ArticleText>(() => noteRename(mode === 'text' ? extractText(document, context) : buildArticle(document, context), document));
  if (outcome.status !== 'ingested') return { outcome };
  const folds = sign ? foldArticle(outcome.article, folded) : undefined;
  const built: BuiltDocument<ArticleText> = {
    outcome,
    ...(folds ? { signatures: signFolded(folds, config) } : {}),
    ...(record && mode === 'article' ? { record: encodeArticleRecord(outcome.article as Article) } : {}),
    ...(lead && mode === 'article' ? { lead: encodeArticleLead(outcome.article as Article) } : {}),
  };
  if (!(options.foldsOnly && folds && (mode === 'text' || built.record))) return built;
  const article = mode === 'text' ? { ...outcome.article, paragraphs: [], removed: [] } : keepingLeads(outcome.article as Article);
  return { ...built, outcome: { status: 'ingested', article }, folds };
}

/**
 * Decodes and parses one JSONL record (readJsonlRecord) and builds its document, where the record
 * is built: the main thread only splits the file into lines. Hashed when `hash` asks for it.
 */
export function buildRecord(record: RecordBytes, context: IngestContext, config: ResolvedConfig, options: BuildOptions): BuiltRecord {
  const parsed = parseRecord(record);
  if (!parsed.ok) return { refusal: parsed.reason };
  const { document } = parsed;
  return { ...buildDocument(document, context, config, options), id: document.id, ...(options.hash ? { docHash: hashDocument(document) } : {}) };
}

/** The document of a JSONL record's bytes, or why they are none. */
export function parseRecord({ bytes, source, fallbackId }: RecordBytes): ReturnType<typeof readJsonlRecord> {
  return readJsonlRecord(decodeUtf8(bytes), source, fallbackId);
}
