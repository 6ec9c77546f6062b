import type { ResolvedConfig } from '../config/resolveConfig.js';
import { signArticle, type ArticleSignatures } from '../fingerprint/fingerprintCorpus.js';
import { buildArticle, type IngestContext } from '../ingest/buildArticle.js';
import { extractArticleText } from '../ingest/extractArticleText.js';
import type { Article, ArticleText, BuildOutcome, Diagnostic, RawDocument } from '../types.js';

/**
 * What ingest makes of each document: the whole article (`article`), or only its text (`text`):
 * all `dupes` needs, without reading dates, people and places.
 */
export type IngestMode = 'article' | 'text';

/** One document's ingest, and its signatures when the run will fingerprint (signed where the text already is). */
export interface BuiltDocument<A extends ArticleText = Article> {
  outcome: BuildOutcome<A>;
  signatures?: ArticleSignatures;
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

/** Builds one document's article (or in `text` mode its text only), signed when `sign` asks for it. */
export function buildDocument(document: RawDocument, context: IngestContext, config: ResolvedConfig, sign: boolean, mode: IngestMode): BuiltDocument<ArticleText> {
  const { outcome, folded } = outcomeOf<ArticleText>(() => (mode === 'text' ? extractText(document, context) : buildArticle(document, context)));
  return sign && outcome.status === 'ingested' ? { outcome, signatures: signArticle(outcome.article, config, folded) } : { outcome };
}
