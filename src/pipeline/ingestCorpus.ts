import type { ResolvedConfig } from '../config/resolveConfig.js';
import { buildArticle, createIngestContext } from '../ingest/buildArticle.js';
import type { Article, ManifestEntry, RawDocument } from '../types.js';
import { collectInputs } from './collectInputs.js';
import { silentProgress, type Progress } from './progress.js';
import { readDocuments } from './readDocuments.js';

export interface IngestResult {
  articles: Article[];
  manifest: ManifestEntry[];
}

/**
 * The ingest stage over decoded documents: builds every article, makes ids unique (two inputs
 * can carry the same id), and accounts for each document in the manifest. One document's
 * failure is its own manifest entry; the others go on.
 */
function ingestDocuments(documents: RawDocument[], config: ResolvedConfig, progress: Progress): IngestResult {
  const context = createIngestContext(config);
  const articles: Article[] = [];
  const manifest: ManifestEntry[] = [];
  const seen = new Map<string, number>();
  progress.start('ingest', documents.length);
  for (const document of documents) {
    progress.tick();
    const count = (seen.get(document.id) ?? 0) + 1;
    seen.set(document.id, count);
    const id = count === 1 ? document.id : `${document.id}~${count}`;
    const base = { source: document.source, format: document.format, encoding: document.encoding };
    let result;
    try {
      result = buildArticle({ ...document, id }, context);
    } catch (error) {
      manifest.push({ ...base, id, status: 'failed', reason: (error as Error).message });
      continue;
    }
    if (!result.ok) {
      manifest.push({ ...base, id, status: 'skipped', reason: result.reason, diagnostics: result.diagnostics });
      continue;
    }
    const diagnostics = [...result.article.diagnostics];
    if (id !== document.id) {
      diagnostics.push({ level: 'warning', code: 'duplicate-id', message: `id "${document.id}" already used; renamed to "${id}"` });
    }
    articles.push({ ...result.article, diagnostics });
    manifest.push({ ...base, id, status: 'ingested', ...(diagnostics.length ? { diagnostics } : {}) });
  }
  return { articles, manifest };
}

/** The ingest stage from `--input` paths: find the files, read them, build the articles. */
export async function ingestInputs(inputs: string[], config: ResolvedConfig, progress: Progress = silentProgress): Promise<IngestResult> {
  const files = await collectInputs(inputs);
  const { documents, refused } = await readDocuments(files, config);
  const ingested = ingestDocuments(documents, config, progress);
  const skipped = refused.length + ingested.manifest.length - ingested.articles.length;
  progress.end(`${ingested.articles.length} articles, ${skipped} inputs not ingested`);
  return { articles: ingested.articles, manifest: [...refused, ...ingested.manifest] };
}
