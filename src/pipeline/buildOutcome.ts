import type { ResolvedConfig } from '../config/resolveConfig.js';
import { signArticle, type ArticleSignatures } from '../fingerprint/fingerprintCorpus.js';
import { buildArticle, type IngestContext } from '../ingest/buildArticle.js';
import type { Article, Diagnostic, RawDocument } from '../types.js';

export type BuildOutcome =
  | { status: 'ingested'; article: Article }
  | { status: 'skipped'; reason: string; diagnostics: Diagnostic[] }
  | { status: 'failed'; reason: string };

/** One document's ingest, and its signatures when the run will fingerprint (signed where the text already is). */
export interface BuiltDocument {
  outcome: BuildOutcome;
  signatures?: ArticleSignatures;
}

/** Builds one document's article; a throw becomes the document's own failure, never the run's. */
export function buildOutcome(document: RawDocument, context: IngestContext): BuildOutcome {
  try {
    const result = buildArticle(document, context);
    return result.ok
      ? { status: 'ingested', article: result.article }
      : { status: 'skipped', reason: result.reason, diagnostics: result.diagnostics };
  } catch (error) {
    return { status: 'failed', reason: (error as Error).message };
  }
}

export function buildDocument(document: RawDocument, context: IngestContext, config: ResolvedConfig, sign: boolean): BuiltDocument {
  const outcome = buildOutcome(document, context);
  return sign && outcome.status === 'ingested' ? { outcome, signatures: signArticle(outcome.article, config) } : { outcome };
}
