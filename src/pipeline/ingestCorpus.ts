import type { ResolvedConfig } from '../config/resolveConfig.js';
import { buildArticle, createIngestContext, type IngestContext } from '../ingest/buildArticle.js';
import type { Article, Diagnostic, ManifestEntry, RawDocument } from '../types.js';
import { hashText } from '../workspace/hashKeys.js';
import type { Workspace } from '../workspace/openWorkspace.js';
import { collectInputs } from './collectInputs.js';
import { silentProgress, type Progress } from './progress.js';
import { readDocuments } from './readDocuments.js';
import { workspaceKeys } from './workspaceKeys.js';

export interface IngestResult {
  articles: Article[];
  manifest: ManifestEntry[];
  /** With a workspace: each article's document hash, the key of everything cached about it. */
  docHashes?: Map<string, string>;
}

/** Everything buildArticle reads of a document; equal hashes mean equal articles under one ingest config. */
function hashDocument(document: RawDocument): string {
  const { id, source, format, encoding, undecodable, bodyIsHtml, given, body } = document;
  return hashText(JSON.stringify({ id, source, format, encoding, undecodable, bodyIsHtml, given }), body);
}

type BuildOutcome =
  | { status: 'ingested'; article: Article }
  | { status: 'skipped'; reason: string; diagnostics: Diagnostic[] }
  | { status: 'failed'; reason: string };

function buildOutcome(document: RawDocument, context: IngestContext): BuildOutcome {
  try {
    const result = buildArticle(document, context);
    return result.ok
      ? { status: 'ingested', article: result.article }
      : { status: 'skipped', reason: result.reason, diagnostics: result.diagnostics };
  } catch (error) {
    return { status: 'failed', reason: (error as Error).message };
  }
}

/**
 * The ingest stage over decoded documents: builds every article, makes ids unique (two inputs
 * can carry the same id), and accounts for each document in the manifest. One document's
 * failure is its own manifest entry; the others go on.
 */
function ingestDocuments(documents: RawDocument[], config: ResolvedConfig, progress: Progress, workspace?: Workspace): IngestResult {
  const context = createIngestContext(config);
  const articles: Article[] = [];
  const manifest: ManifestEntry[] = [];
  const seen = new Map<string, number>();
  const ingestKey = workspaceKeys.ingest(config);
  const docHashes = workspace ? new Map<string, string>() : undefined;
  // A document is read from the workspace when this ingest config built it before; a failure is never cached.
  const outcomeOf = (document: RawDocument): BuildOutcome => {
    if (!workspace) return buildOutcome(document, context);
    const docHash = hashDocument(document);
    docHashes!.set(document.id, docHash);
    const cached = workspace.getDocument(docHash, ingestKey);
    if (cached) return cached;
    const outcome = buildOutcome(document, context);
    if (outcome.status !== 'failed') workspace.putDocument(docHash, ingestKey, document.source, { ...outcome, id: document.id });
    return outcome;
  };
  progress.start('ingest', documents.length);
  for (const document of documents) {
    progress.tick();
    const count = (seen.get(document.id) ?? 0) + 1;
    seen.set(document.id, count);
    const id = count === 1 ? document.id : `${document.id}~${count}`;
    const base = { source: document.source, format: document.format, encoding: document.encoding };
    const result = outcomeOf({ ...document, id });
    if (result.status === 'failed') {
      manifest.push({ ...base, id, status: 'failed', reason: result.reason });
      continue;
    }
    if (result.status === 'skipped') {
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
  return { articles, manifest, ...(docHashes ? { docHashes } : {}) };
}

/** The ingest stage from `--input` paths: find the files, read them, build the articles. */
export async function ingestInputs(
  inputs: string[],
  config: ResolvedConfig,
  progress: Progress = silentProgress,
  workspace?: Workspace,
): Promise<IngestResult> {
  const files = await collectInputs(inputs);
  const { documents, refused } = await readDocuments(files, config);
  const ingested = workspace
    ? workspace.batch(() => ingestDocuments(documents, config, progress, workspace))
    : ingestDocuments(documents, config, progress);
  const skipped = refused.length + ingested.manifest.length - ingested.articles.length;
  progress.end(`${ingested.articles.length} articles, ${skipped} inputs not ingested`);
  return { ...ingested, manifest: [...refused, ...ingested.manifest] };
}
