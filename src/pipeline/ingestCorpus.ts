import { closeSync, openSync } from 'node:fs';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { SignatureLog } from '../fingerprint/signatureLog.js';
import { createIngestContext } from '../ingest/buildArticle.js';
import type { Article, ArticleText, BuildOutcome, ManifestEntry, RawDocument } from '../types.js';
import { hashText } from '../workspace/hashKeys.js';
import type { CachedDocument, Workspace } from '../workspace/openWorkspace.js';
import { encodeArticleRecord } from './articleRecord.js';
import { buildDocument, buildRecord, parseRecord, postedHere, type BuildOptions, type BuiltDocument, type IngestMode, type PostedDocument, type PostedItem, type RecordBytes } from './buildOutcome.js';
import { collectInputs, inputBytes, type InputFile } from './collectInputs.js';
import { hashDocument } from './hashDocument.js';
import { BufferPool } from './bufferPool.js';
import type { IngestReply, IngestTask } from './ingestWorker.js';
import { emptyPack, RecordPacker, recordPlace, unpackRecord, type PackedRecord, type PackedRecords } from './packRecords.js';
import { readFully } from './readFully.js';
import { SpilledFolds } from './spilledFolds.js';
import { silentProgress, type Progress } from './progress.js';
import { streamDocuments, type RecordLine } from './readDocuments.js';
import { openBatchStream } from './workerPool.js';
import { INGEST_WORKER_SCRIPT } from './prestartIngest.js';
import { workspaceKeys } from './workspaceKeys.js';
import { shareArticleStrings, StringPool } from './sharedStrings.js';

export interface IngestResult<A extends ArticleText = Article> {
  articles: A[];
  manifest: ManifestEntry[];
  /** With a workspace: each article's document hash, the key of everything cached about it. */
  docHashes?: Map<string, string>;
  /** Signatures made by the worker threads as they built the articles, by the articles' index (with IngestOptions.sign). */
  signatures?: SignatureLog;
  /**
   * With IngestOptions.foldsOnly: the folds of each article a worker built, by id, kept in a file
   * until the caller closes them; that article holds only its leads (its whole text went to
   * onArticleRecord), or in `text` mode no text.
   */
  folds?: SpilledFolds;
  /** Worker threads that built documents (0: the main thread built them all). */
  threads: number;
  /**
   * The articles hold only their leads (keepingLeads): the corpus was taken whole from the
   * workspace (IngestOptions.leads), where the whole articles are (Workspace.readArticles).
   */
  leadsOnly?: boolean;
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
  /** The inputs' files when the caller has already found them (collectInputs): not walked again. */
  files?: InputFile[];
  /**
   * Called with each ingested article's articles.jsonl line (encodeArticleRecord), in input order,
   * as ingest goes (`article` mode): made on the worker that built the article, so writing the
   * file later costs the main thread nothing. Not called for a corpus taken whole from the workspace.
   */
  onArticleRecord?: (record: Uint8Array) => void;
  /**
   * The caller reads no more of an article than its leads, or reads the rest from the workspace:
   * a corpus taken whole from the workspace is then read as leads only (IngestResult.leadsOnly).
   */
  leads?: boolean;
  /**
   * The caller reads an article's text only through its folds (IngestResult.folds) or its
   * articles.jsonl line (onArticleRecord): articles built on worker threads come back signed,
   * with only their leads (`article` mode, with onArticleRecord) or no text at all (`text` mode).
   * At 100k articles the whole texts were most of what the main thread received, held and
   * collected during ingest.
   */
  foldsOnly?: boolean;
}

/** Documents per message to a worker: enough to amortise the message, few enough to keep both cores busy to the end. */
const BATCH = 64;

/** Two inputs can carry the same id: the second becomes `id~2`, and says so in its diagnostics. */
function uniqueId(seen: Map<string, number>, id: string): string | null {
  const count = (seen.get(id) ?? 0) + 1;
  seen.set(id, count);
  return count === 1 ? null : `${id}~${count}`;
}

/** The manifest entry of a JSONL line that holds no record. */
function refuseRecord({ source, line }: { source: string; line: number }, reason: string): ManifestEntry {
  return { source, id: null, format: 'jsonl', status: 'skipped', reason: `line ${line}: ${reason}` };
}

/** A record parsed on this thread: its document, or its line's refusal. */
function parsedHere(line: Extract<RecordLine, { bytes: Uint8Array }>): { document: RawDocument; size: number } | { refused: ManifestEntry; size: number } {
  const parsed = parseRecord(line);
  return parsed.ok ? { document: parsed.document, size: line.size } : { refused: refuseRecord(line, parsed.reason), size: line.size };
}

/**
 * The document of a record a worker parsed: it parses the same here. Its bytes are read again
 * from its file, since its pack went to the worker.
 */
function reparse(record: PendingRecord): RawDocument {
  const { source, fallbackId, length } = recordPlace(record.packed);
  const bytes = Buffer.allocUnsafe(length);
  const fd = openSync(record.path, 'r');
  try {
    readFully(fd, record.path, bytes, record.offset, length);
  } finally {
    closeSync(fd);
  }
  const parsed = parseRecord({ bytes, source, fallbackId });
  if (!parsed.ok) throw new Error(`${source}: a worker parsed this record, but here it is refused (${parsed.reason})`);
  return parsed.document;
}

/** What the manifest needs of a document once its body is gone. */
interface DocumentEntry {
  id: string;
  source: string;
  format: RawDocument['format'];
  encoding: string;
}

/**
 * A JSONL record read as bytes, to be parsed where it is built: its place in its batch's pack
 * (which holds its source and fallback id: recordPlace), and its line's place in its file, to read
 * it again.
 */
type PendingRecord = { packed: PackedRecord; line: number; path: string; offset: number };

/** A document (read here, and hashed here with a workspace) or a JSONL record waiting to be built, and its place in the input. */
type PendingDocument = { index: number; size: number } & ({ document: RawDocument; docHash?: string } | { record: PendingRecord });

/**
 * Each input's outcome in its place: a refusal, a document read back from the workspace, or a
 * build. Outcomes are taken in input order, so the first of two documents with one id keeps it
 * wherever either was built.
 */
type Slot =
  | { refused: ManifestEntry }
  | { document: RawDocument; docHash: string; cached: BuildOutcome<ArticleText> }
  | { pending: PendingDocument; built: PostedItem; taken: () => void };

/** What every build of this ingest makes besides the outcome, wherever it is built. */
function buildFlags(options: IngestOptions): Pick<BuildOptions, 'mode' | 'record' | 'lead'> {
  const mode = options.mode ?? 'article';
  // The workspace keeps each article's leads beside it, made where the article is built.
  return { mode, record: options.onArticleRecord !== undefined, lead: options.workspace !== undefined && mode === 'article' };
}

/**
 * The buffers batches cross in, kept to be filled again (BufferPool): the records' bytes, which a
 * worker gives back with its reply, and the buffers replies' keys and lines come on (packBuilt),
 * given back to the workers once every article of their batch is taken. `repliedOn` says which
 * one a batch's results came on.
 */
interface BatchBuffers {
  records: BufferPool;
  replies: BufferPool;
  repliedOn: WeakMap<PostedItem[], ArrayBuffer>;
}

/**
 * Spare buffers sent with each task: the worker posts the task's keys and lines on one; the second lets
 * its pool catch up when a batch larger than the last made it take a new one.
 */
const SPARES_PER_TASK = 2;

/** Builds documents on worker threads when there are several and the compiled worker exists, else here. */
function openBuilder(
  config: ResolvedConfig,
  options: IngestOptions,
  hash: boolean,
  folds: SpilledFolds | undefined,
  buffers: BatchBuffers,
  onBatch: (built: PostedItem[], batch: PendingDocument[]) => void,
) {
  const { mode, record, lead } = buildFlags(options);
  return openBatchStream<PendingDocument, IngestTask, PostedItem, IngestReply>({
    script: INGEST_WORKER_SCRIPT,
    threads: options.workers ?? 1,
    workerData: { config },
    batchSize: BATCH,
    task: (batch) => ({
      documents: batch.map((p) => ('document' in p ? p.document : null)),
      records: packOf(batch),
      // buildDocument hands back folds only for what it signed.
      options: { sign: options.sign ?? false, mode, record, lead, foldsOnly: options.foldsOnly ?? false, hash },
      ...(folds ? { folds: folds.target } : {}),
      spares: buffers.replies.giveAway(SPARES_PER_TASK),
    }),
    transferOf: (task) => [task.records.bytes.buffer as ArrayBuffer, ...task.spares],
    resultsOf: (reply) => {
      buffers.records.give(reply.returned);
      buffers.repliedOn.set(reply.built, reply.shared);
      return reply.built;
    },
    here: () => {
      const build = buildHere(config, { mode, record, lead, hash });
      return (pending) => postedHere('document' in pending ? build.document(pending.document) : build.record(unpackRecord(pending.record.packed.pack, pending.record.packed.k)));
    },
    onBatch,
  });
}

/** The pack that holds a batch's records (RecordPacker made one per batch), or an empty one. */
function packOf(batch: PendingDocument[]): PackedRecords {
  const records = batch.flatMap((p) => ('record' in p ? [p.record.packed] : []));
  const pack = records[0]?.pack ?? emptyPack();
  if (records.some((r, k) => r.pack !== pack || r.k !== k) || pack.ends.length !== records.length) {
    throw new Error(`ingest: a batch of ${records.length} records is not the pack of ${pack.ends.length} it was sealed with`);
  }
  return pack;
}

/**
 * A callback for each item of a batch, to call once it is taken: the last gives the buffer the
 * batch's keys and lines came on, if they came from a worker, back to the pool. Nothing reads them
 * once their article is taken: SignatureLog.add and SpilledFolds.addWritten copy what they keep,
 * and the lines are copied into articles.jsonl's buffer and the workspace as they are taken.
 */
function givenBackWhenTaken(built: PostedItem[], buffers: BatchBuffers): () => void {
  const buffer = buffers.repliedOn.get(built);
  let left = built.length;
  return () => {
    if (--left === 0 && buffer) buffers.replies.give(buffer);
  };
}

/**
 * Builds documents on the main thread: the fingerprint stage then signs them later, from the
 * articles, and they keep their whole text.
 */
function buildHere(config: ResolvedConfig, options: Pick<BuildOptions, 'mode' | 'record' | 'lead' | 'hash'>) {
  const context = createIngestContext(config);
  const buildOptions: BuildOptions = { ...options, sign: false };
  return {
    document: (document: RawDocument) => buildDocument(document, context, config, buildOptions),
    record: (record: RecordBytes) => buildRecord(record, context, config, buildOptions),
  };
}

/**
 * The ingest stage over the corpus as it is read: builds every article (on worker threads while
 * the next chunk is read), makes ids unique, and accounts for each input in the manifest. One
 * document's failure is its own manifest entry; the others go on. With a workspace, a document
 * this ingest config built before is read back, not built; a failure is never cached. A
 * document's body is let go once it is built. When no document can be read back, JSONL records
 * are decoded and parsed where they are built, not here.
 */
async function ingestStream(
  files: InputFile[],
  config: ResolvedConfig,
  options: IngestOptions,
): Promise<IngestResult<ArticleText> & { refused: ManifestEntry[]; entries: DocumentEntry[] }> {
  const { workspace, progress = silentProgress } = options;
  // The workspace keeps whole articles: a text-only ingest neither reads nor stores them, but still
  // hashes every document, since signatures and later stages are cached by document.
  const documentStore = options.mode === 'text' ? undefined : workspace;
  const ingestKey = workspaceKeys.ingest(config);
  // Looking documents up needs each one's hash before it is built, so its body here.
  const lookUp = documentStore?.hasAnyDocument(ingestKey) ?? false;
  const docHashes = workspace ? new Map<string, string>() : undefined;
  const seenIds = new Map<string, number>();
  const entries: DocumentEntry[] = [];
  const outcomes: BuildOutcome<ArticleText>[] = [];
  const refused: ManifestEntry[] = [];
  const signatures = options.sign ? new SignatureLog(config.fingerprint.bands) : undefined;
  let articlesSoFar = 0;
  const folds = options.foldsOnly && options.sign ? new SpilledFolds() : undefined;
  const strings = new StringPool();

  // Built documents are stored in the workspace as they come, a few thousand to a transaction.
  type Stored = { id: string; source: string; docHash: string; outcome: CachedDocument; record?: Uint8Array; lead?: Uint8Array };
  const stored = documentStore?.openGroupedWrites(({ id, source, docHash, outcome, record, lead }: Stored) =>
    documentStore.putDocument(docHash, ingestKey, source, { ...outcome, id }, record, lead),
  );
  let here: ReturnType<typeof buildHere> | undefined;
  /** A document whose id another had first, built again here under its new id. */
  const rebuild = (document: RawDocument, renamed: string): { built: PostedDocument; docHash?: string } => {
    here ??= buildHere(config, { ...buildFlags(options), hash: false });
    const document2 = { ...document, id: renamed, renamedFrom: document.id };
    return { built: postedHere(here.document(document2)), ...(docHashes ? { docHash: hashDocument(document2) } : {}) };
  };
  const takeSlot = (slot: Slot) => {
    if ('refused' in slot) {
      refused.push(slot.refused);
      return;
    }
    const fromCache = 'cached' in slot;
    // What was read of the input: a document (read here), or a JSONL record's bytes (parsed where built).
    const read = fromCache ? slot.document : 'document' in slot.pending ? slot.pending.document : undefined;
    const line = !fromCache && 'record' in slot.pending ? slot.pending.record : undefined;
    const lineSource = line && recordPlace(line.packed).source;
    let built: PostedItem = fromCache ? { outcome: slot.cached } : slot.built;
    if ('refusal' in built) {
      refused.push(refuseRecord({ source: lineSource!, line: line!.line }, built.refusal));
      return;
    }
    let docHash = fromCache ? slot.docHash : 'docHash' in built ? built.docHash : 'docHash' in slot.pending ? slot.pending.docHash : undefined;
    let id = read?.id ?? ('id' in built ? built.id : '');
    const renamed = uniqueId(seenIds, id);
    if (renamed !== null) {
      ({ built, docHash } = rebuild(read ?? reparse(line!), renamed));
      id = renamed;
    }
    const { outcome, signatures: signed, record, lead, folds: folded } = built;
    let source = read?.source ?? lineSource!;
    if (outcome.status === 'ingested') {
      const article = shareArticleStrings(outcome.article, strings);
      // The manifest, the hashes and the article hold one copy of the id and the source between them.
      if (article.id === id) id = article.id;
      if (article.source === source) source = article.source;
    }
    entries.push({ id, source, format: read?.format ?? 'jsonl', encoding: read?.encoding ?? 'utf-8' });
    outcomes.push(outcome);
    if (docHash !== undefined) docHashes?.set(id, docHash);
    if (outcome.status === 'ingested') {
      if (signed) signatures!.add(articlesSoFar, signed);
      articlesSoFar++;
    }
    if (folded) folds!.addWritten(id, folded);
    // With a document store this is an article-mode build: an ingested outcome holds a whole article.
    if (!fromCache && outcome.status !== 'failed') stored?.add({ id, source, docHash: docHash!, outcome: outcome as CachedDocument, ...(record ? { record } : {}), ...(lead ? { lead } : {}) });
    if (options.onArticleRecord) {
      const line = fromCache ? (outcome.status === 'ingested' ? encodeArticleRecord(outcome.article as Article) : null) : (record ?? null);
      if (line) options.onArticleRecord(line);
    }
  };
  const take = (slot: Slot) => {
    takeSlot(slot);
    if ('taken' in slot) slot.taken();
  };
  const slots = inInputOrder(take);
  const buffers: BatchBuffers = { records: new BufferPool(), replies: new BufferPool(), repliedOn: new WeakMap() };
  let nextSlot = 0;
  // Each batch is recorded as it comes back, while the workers build the next.
  const builder = openBuilder(config, options, !lookUp && docHashes !== undefined, folds, buffers, (built, batch) => {
    const taken = givenBackWhenTaken(built, buffers);
    built.forEach((item, k) => slots.settle(batch[k]!.index, { pending: batch[k]!, built: item, taken }));
    progress.tick(batch.reduce((sum, p) => sum + p.size, 0));
  });
  // Batches are made here, not by the builder: a batch's records are packed as they are read,
  // since their bytes are valid only until the file is read on, and the pack is sealed with it.
  const packer = new RecordPacker(buffers.records);
  let filling: PendingDocument[] = [];
  const add = async (pending: PendingDocument) => {
    filling.push(pending);
    if (filling.length < BATCH) return;
    const full = filling;
    filling = [];
    packer.seal();
    await builder.submit(full);
  };

  try {
    for await (const chunk of streamDocuments(files, config)) {
      // Records that may be read back are parsed here: looking one up needs its hash.
      const read = [
        ...chunk.documents.map((document, k) => ({ document, size: chunk.sizes[k]! })),
        ...(chunk.records ?? []).map((line) => ('refused' in line || !lookUp ? line : parsedHere(line))),
      ];
      const documents = read.flatMap((item) => ('document' in item ? [item.document] : []));
      const hashes = new Map(docHashes ? documents.map((d) => [d, hashDocument(d)]) : []);
      const cached = documentStore && lookUp ? documentStore.getDocuments([...hashes.values()], ingestKey) : undefined;
      for (const item of read) {
        const index = nextSlot++;
        if ('refused' in item) {
          slots.settle(index, { refused: item.refused });
          progress.tick(item.size);
        } else if ('bytes' in item) {
          const { line, path, offset } = item;
          await add({ index, size: item.size, record: { packed: packer.add(item), line, path, offset } });
        } else {
          const { document, size } = item;
          const docHash = hashes.get(document);
          const outcome = docHash !== undefined ? cached?.get(docHash) : undefined;
          if (outcome) {
            slots.settle(index, { document, docHash: docHash!, cached: outcome });
            progress.tick(size);
          } else await add({ index, document, size, ...(docHash !== undefined ? { docHash } : {}) });
        }
      }
      for (const entry of chunk.refused) slots.settle(nextSlot++, { refused: entry });
      progress.tick(chunk.refusedBytes);
    }
    packer.seal();
    if (filling.length) await builder.submit(filling);
  } catch (error) {
    // What was built before the failure is kept, and the transaction is not left open.
    stored?.flush();
    folds?.close();
    await builder.abort();
    throw error;
  }
  const { threads } = await builder.finish();
  if (folds?.size === 0) folds.close();
  stored?.flush();
  // The page cache the writes filled is given back where they end (Workspace.releaseMemory).
  documentStore?.releaseMemory();
  return {
    ...assemble(entries, outcomes),
    entries,
    refused,
    threads,
    ...(docHashes ? { docHashes } : {}),
    ...(signatures ? { signatures } : {}),
    ...(folds?.size ? { folds } : {}),
  };
}

/**
 * Hands on each input's slot in input order, though workers finish batches out of order: a slot
 * waits only for those before it still being built (at most the batches in flight).
 */
function inInputOrder<T>(take: (value: T) => void): { settle(index: number, value: T): void } {
  const waiting = new Map<number, T>();
  let next = 0;
  return {
    settle(index, value) {
      waiting.set(index, value);
      while (waiting.has(next)) {
        const ready = waiting.get(next)!;
        waiting.delete(next++);
        take(ready);
      }
    },
  };
}

/** The articles and the manifest, in input order, from every document's outcome. */
function assemble(entries: DocumentEntry[], outcomes: BuildOutcome<ArticleText>[]): { articles: ArticleText[]; manifest: ManifestEntry[] } {
  const articles: ArticleText[] = [];
  const manifest: ManifestEntry[] = [];
  entries.forEach((entry, i) => {
    const result = outcomes[i]!;
    const { id } = entry;
    const base = { source: entry.source, format: entry.format, encoding: entry.encoding };
    if (result.status === 'failed') {
      manifest.push({ ...base, id, status: 'failed', reason: result.reason });
      return;
    }
    if (result.status === 'skipped') {
      manifest.push({ ...base, id, status: 'skipped', reason: result.reason, diagnostics: result.diagnostics });
      return;
    }
    const { diagnostics } = result.article;
    articles.push(result.article);
    // Written out as a literal, then given its diagnostics: spread into a literal, every entry got
    // a hidden class of its own, 250 bytes each, 5.7 MB at 20k articles.
    const ingested: ManifestEntry = { source: entry.source, format: entry.format, encoding: entry.encoding, id, status: 'ingested' };
    if (diagnostics.length) ingested.diagnostics = diagnostics;
    manifest.push(ingested);
  });
  return { articles, manifest };
}

/** The ingest stage from `--input` paths: find the files, read them, build the articles (or, in `text` mode, their text). */
export async function ingestInputs(inputs: string[], config: ResolvedConfig, options: IngestOptions & { mode: 'text' }): Promise<IngestResult<ArticleText>>;
export async function ingestInputs(inputs: string[], config: ResolvedConfig, options?: IngestOptions & { mode?: 'article' }): Promise<IngestResult>;
export async function ingestInputs(inputs: string[], config: ResolvedConfig, options: IngestOptions = {}): Promise<IngestResult<ArticleText>> {
  const progress = options.progress ?? silentProgress;
  const files = options.files ?? (await collectInputs(inputs));
  progress.start('ingest', inputBytes(files), 'bytes');
  // Only whole-article ingest stores documents, so only it can be taken from a skeleton.
  const store = options.workspace && options.mode !== 'text' ? options.workspace : undefined;
  const key = store ? filesKey(files) : undefined;
  const ingestKey = workspaceKeys.ingest(config);
  const kept = key ? ingestFromSkeleton(store!, key, ingestKey, options.leads ?? false) : undefined;
  const { refused, entries, ...ingested } = kept ?? (await ingestStream(files, config, options));
  if (kept) progress.tick(inputBytes(files));
  else if (key && ingested.docHashes && [...refused, ...ingested.manifest].every((m) => m.status !== 'failed')) {
    // A failure is never cached (the input is tried again), so a corpus with one gets no skeleton.
    const skeleton: CorpusSkeleton = { refused, documents: entries.map((e) => ({ ...e, docHash: ingested.docHashes!.get(e.id)! })) };
    store!.putStageResult(SKELETON_STAGE, key, ingestKey, skeleton);
  }
  const skipped = refused.length + ingested.manifest.length - ingested.articles.length;
  progress.end(`${ingested.articles.length} articles, ${skipped} inputs not ingested`);
  // Inputs that gave no document first, as they always have been.
  return { ...ingested, manifest: [...refused, ...ingested.manifest] };
}

const SKELETON_STAGE = 'corpus-skeleton';

/**
 * What a run read from the corpus, without the text: each input's refusals and each document's
 * manifest fields and hash, in order. The documents themselves are in the workspace.
 */
interface CorpusSkeleton {
  refused: ManifestEntry[];
  documents: (DocumentEntry & { docHash: string })[];
}

/**
 * The input files as they are on disk: paths, sizes and modification times. Unchanged files
 * need not be read again to know which documents they hold; a file whose size or time is
 * unknown (it could not be read) gives no key, and the corpus is read.
 */
function filesKey(files: InputFile[]): string | undefined {
  if (files.some((f) => f.size === null || f.mtimeMs === null)) return undefined;
  return hashText(JSON.stringify(files.map((f) => [f.path, f.relative, f.size, f.mtimeMs])));
}

/**
 * Ingest without reading the corpus: when the files are as an earlier run with this ingest config
 * read them, its skeleton says which documents they hold, and the workspace has every one of them
 * built. Reading and hashing a 600 MB corpus was half of a re-run's time. Undefined when any of
 * that is missing: the corpus is then read as usual.
 */
function ingestFromSkeleton(
  store: Workspace,
  key: string,
  ingestKey: string,
  leads: boolean,
): (IngestResult<ArticleText> & { refused: ManifestEntry[]; entries: DocumentEntry[] }) | undefined {
  const skeleton = store.getStageResult<CorpusSkeleton>(SKELETON_STAGE, key, ingestKey);
  if (!skeleton) return undefined;
  const cached = store.getEveryDocument(skeleton.documents.map((d) => d.docHash), ingestKey, leads);
  if (!cached) {
    store.counts.stages[SKELETON_STAGE] = 'computed';
    return undefined;
  }
  const outcomes = skeleton.documents.map((d) => cached.get(d.docHash));
  const entries = skeleton.documents.map(({ docHash: _docHash, ...entry }) => entry);
  const docHashes = new Map(skeleton.documents.map((d) => [d.id, d.docHash]));
  return { ...assemble(entries, outcomes as BuildOutcome<ArticleText>[]), entries, refused: skeleton.refused, threads: 0, docHashes, ...(leads ? { leadsOnly: true } : {}) };
}
