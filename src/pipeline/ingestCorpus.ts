import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { ArticleSignatures } from '../fingerprint/fingerprintCorpus.js';
import { createIngestContext } from '../ingest/buildArticle.js';
import type { Article, ArticleText, BuildOutcome, ManifestEntry, RawDocument } from '../types.js';
import { hashText } from '../workspace/hashKeys.js';
import type { Workspace } from '../workspace/openWorkspace.js';
import { buildDocument, type BuiltDocument, type IngestMode } from './buildOutcome.js';
import { collectInputs } from './collectInputs.js';
import type { IngestTask } from './ingestWorker.js';
import { silentProgress, type Progress } from './progress.js';
import { readDocuments } from './readDocuments.js';
import { mapInBatches } from './workerPool.js';
import { workspaceKeys } from './workspaceKeys.js';

export interface IngestResult<A extends ArticleText = Article> {
  articles: A[];
  manifest: ManifestEntry[];
  /** With a workspace: each article's document hash, the key of everything cached about it. */
  docHashes?: Map<string, string>;
  /** Signatures made by the worker threads as they built the articles, by article id. */
  signatures?: Map<string, ArticleSignatures>;
  /** Worker threads that built documents (0: the main thread built them all). */
  threads: number;
}

export interface IngestOptions {
  progress?: Progress;
  workspace?: Workspace;
  /** Worker threads to build documents on; 1 builds them on the main thread. */
  workers?: number;
  /** Whether the run goes on to fingerprint: workers then sign each article while its text is at hand. */
  sign?: boolean;
  /** Whole articles (the default), or only their text; only whole articles are kept in the workspace. */
  mode?: IngestMode;
}

const WORKER_SCRIPT = new URL('./ingestWorker.js', import.meta.url);
/** Documents per message to a worker: enough to amortise the message, few enough to keep both cores busy to the end. */
const BATCH = 64;

/** Everything buildArticle reads of a document; equal hashes mean equal articles under one ingest config. */
function hashDocument(document: RawDocument): string {
  const { id, source, format, encoding, undecodable, bodyIsHtml, given, body } = document;
  return hashText(JSON.stringify({ id, source, format, encoding, undecodable, bodyIsHtml, given }), body);
}

/** Two inputs can carry the same id: the second becomes `id~2`, and says so in its diagnostics. */
function uniqueIds(documents: RawDocument[]): RawDocument[] {
  const seen = new Map<string, number>();
  return documents.map((document) => {
    const count = (seen.get(document.id) ?? 0) + 1;
    seen.set(document.id, count);
    return count === 1 ? document : { ...document, id: `${document.id}~${count}` };
  });
}

/**
 * Builds documents in order: on worker threads when there are several and the compiled worker
 * exists, else here. Output is the same either way (each document's build depends on it alone).
 */
function buildDocuments(
  documents: RawDocument[],
  config: ResolvedConfig,
  options: IngestOptions,
  onBatch: (built: BuiltDocument<ArticleText>[], offset: number) => void,
): Promise<{ threads: number }> {
  const mode = options.mode ?? 'article';
  return mapInBatches<RawDocument, IngestTask, BuiltDocument<ArticleText>>({
    items: documents,
    script: WORKER_SCRIPT,
    threads: options.workers ?? 1,
    batchSize: BATCH,
    workerData: { config },
    task: (batch) => ({ documents: batch, sign: options.sign ?? false, mode }),
    here: () => {
      const context = createIngestContext(config);
      // Here the fingerprint stage signs later, from the articles.
      return (document) => buildDocument(document, context, config, false, mode);
    },
    onBatch,
  });
}

/**
 * The ingest stage over decoded documents: builds every article, makes ids unique, and accounts
 * for each document in the manifest. One document's failure is its own manifest entry; the
 * others go on. With a workspace, a document this ingest config built before is read back, not
 * built; a failure is never cached.
 */
async function ingestDocuments(read: RawDocument[], config: ResolvedConfig, options: IngestOptions): Promise<IngestResult<ArticleText>> {
  const { workspace, progress = silentProgress } = options;
  // The workspace keeps whole articles: a text-only ingest neither reads nor stores them, but still
  // hashes every document, since signatures and later stages are cached by document.
  const documentStore = options.mode === 'text' ? undefined : workspace;
  const documents = uniqueIds(read);
  const ingestKey = workspaceKeys.ingest(config);
  const docHashes = workspace ? new Map<string, string>() : undefined;
  const outcomes: BuildOutcome<ArticleText>[] = new Array(documents.length);
  const pending: number[] = [];
  progress.start('ingest', documents.length);
  if (workspace) documents.forEach((document) => docHashes!.set(document.id, hashDocument(document)));
  const cached = documentStore ? documentStore.getDocuments([...docHashes!.values()], ingestKey) : new Map<string, BuildOutcome>();
  documents.forEach((document, i) => {
    const outcome = documentStore && cached.get(docHashes!.get(document.id)!);
    if (outcome) {
      outcomes[i] = outcome;
      progress.tick();
    } else pending.push(i);
  });
  const signatures = new Map<string, ArticleSignatures>();
  // Each batch is recorded (and stored in the workspace) as it comes back, while the workers build the next.
  const record = (built: BuiltDocument<ArticleText>[], offset: number) =>
    built.forEach(({ outcome, signatures: signed }, k) => {
      const i = pending[offset + k]!;
      outcomes[i] = outcome;
      const document = documents[i]!;
      if (signed) signatures.set(document.id, signed);
      // With a document store this is an article-mode build: an ingested outcome holds a whole article.
      const whole = outcome as BuildOutcome;
      if (documentStore && whole.status !== 'failed') {
        documentStore.putDocument(docHashes!.get(document.id)!, ingestKey, document.source, { ...whole, id: document.id });
      }
    });
  const { threads } = await buildDocuments(pending.map((i) => documents[i]!), config, options, (built, offset) => {
    if (documentStore) documentStore.batch(() => record(built, offset));
    else record(built, offset);
    progress.tick(built.length);
  });

  const articles: ArticleText[] = [];
  const manifest: ManifestEntry[] = [];
  documents.forEach((document, i) => {
    const result = outcomes[i]!;
    const { id } = document;
    const base = { source: document.source, format: document.format, encoding: document.encoding };
    if (result.status === 'failed') {
      manifest.push({ ...base, id, status: 'failed', reason: result.reason });
      return;
    }
    if (result.status === 'skipped') {
      manifest.push({ ...base, id, status: 'skipped', reason: result.reason, diagnostics: result.diagnostics });
      return;
    }
    const diagnostics = [...result.article.diagnostics];
    if (id !== read[i]!.id) {
      diagnostics.push({ level: 'warning', code: 'duplicate-id', message: `id "${read[i]!.id}" already used; renamed to "${id}"` });
    }
    articles.push({ ...result.article, diagnostics });
    manifest.push({ ...base, id, status: 'ingested', ...(diagnostics.length ? { diagnostics } : {}) });
  });
  return { articles, manifest, threads, ...(docHashes ? { docHashes } : {}), ...(signatures.size ? { signatures } : {}) };
}

/** The ingest stage from `--input` paths: find the files, read them, build the articles (or, in `text` mode, their text). */
export async function ingestInputs(inputs: string[], config: ResolvedConfig, options: IngestOptions & { mode: 'text' }): Promise<IngestResult<ArticleText>>;
export async function ingestInputs(inputs: string[], config: ResolvedConfig, options?: IngestOptions & { mode?: 'article' }): Promise<IngestResult>;
export async function ingestInputs(inputs: string[], config: ResolvedConfig, options: IngestOptions = {}): Promise<IngestResult<ArticleText>> {
  const progress = options.progress ?? silentProgress;
  const files = await collectInputs(inputs);
  const { documents, refused } = await readDocuments(files, config);
  const ingested = await ingestDocuments(documents, config, options);
  const skipped = refused.length + ingested.manifest.length - ingested.articles.length;
  progress.end(`${ingested.articles.length} articles, ${skipped} inputs not ingested`);
  return { ...ingested, manifest: [...refused, ...ingested.manifest] };
}
