import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ConfigParseCache } from '../config/loadConfig.js';
import type { ArticleSignatures } from '../fingerprint/fingerprintCorpus.js';
import type { Article, BuildOutcome } from '../types.js';
import { decodeUtf8 } from '../text/decodeUtf8.js';
import { PRUNED_TABLES, SCHEMA_VERSION, WORKSPACE_SCHEMA } from './workspaceSchema.js';

/** The stage_results rows that hold config files' parses (configParses). */
const CONFIG_PARSE_STAGE = 'config-parse';

/** A stage row's result kept as JSON text (putStageResult), parsed; undefined for none, or for one kept as bytes. */
function parsedResult(result: string | Buffer | undefined): unknown {
  return typeof result === 'string' ? (JSON.parse(result) as unknown) : undefined;
}

/** UTF-8 bytes as a Buffer over the same memory, which better-sqlite3 binds. */
function bytesOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The rows whose document is one of `wanted`, in the order they come. */
function* rowsAmong<R extends { doc_hash: string }>(rows: Iterable<R>, wanted: ReadonlySet<string>): Generator<R> {
  for (const row of rows) if (wanted.has(row.doc_hash)) yield row;
}

export { WORKSPACE_FILE } from './workspaceFile.js';

/**
 * Rows no run within this window marked are pruned. Marks are refreshed lazily (see markUsed), so a
 * row survives at least three runs that do not use it: enough to go back and forth while tuning.
 */
const KEEP_RUNS = 5;

/**
 * Rows a grouped writer commits at once (openGroupedWrites). Each commit writes every index page its
 * rows touched, and documents arrive in hash order, so at a million documents a commit of 2,048
 * rewrote most of the (doc_hash, ingest_key) index: a million rows of 3 KB took 104 s and wrote
 * 44 GB, growing faster with every row. 16,384 rows a commit (with a cache that holds the indexes,
 * below): 52 s and 13 GB, near-linear.
 */
const ROWS_PER_TRANSACTION = 16_384;
/** The largest part a stage blob is kept in: better-sqlite3 binds no value of 512 MiB or more (500 MiB binds, 512 does not). */
const MAX_BLOB_BYTES = 500 * 2 ** 20;
/**
 * SQLite's page cache, in KiB: CACHE_BYTES_PER_DOCUMENT for each document the workspace holds,
 * within these bounds. The key indexes of `documents` take about 120 bytes a document, and every
 * insert touches a page of them at random: the cache must keep them while a commit's rows, written
 * once, pass through it. It need keep no more: a cache fills with the pages passing through until
 * full, and a fixed 512 MB one took that much new memory for 100k documents. Their rows alone
 * (100k articles.jsonl lines, 16,384 a commit) took 4.8–5.2 s to write with 512 MB, 2.8 s with
 * 32 MB (120,000 fewer page faults, 470 MB less memory); a million took 46.2 s with 512 MB and
 * 45.0 s with the cache grown to 256 MB as they came.
 */
const MIN_CACHE_KIB = 32_768;
const MAX_CACHE_KIB = 524_288;
/** Cache per document held: twice what its index entries take, so the indexes' pages stay while rows pass. */
const CACHE_BYTES_PER_DOCUMENT = 256;
/**
 * The page cache while a whole table is scanned (withScanCache), in KiB. Every page a scan reads is
 * copied into the cache and not read again, and the large cache kept each one: at 100k documents a
 * scan of `documents` filled 512 MB of new memory, about 2 s of page faults on this machine
 * (reading the leads: 3.3 s against 1.1 s; pruning it: 1.9–2.5 s against 0.11 s). A small one
 * reuses the same few pages.
 */
const SCAN_CACHE_KIB = 2_048;

/** What the workspace recorded of an output file: the key it was written from, its size and time as written. */
interface OutputRow {
  content_key: string;
  size: number;
  mtime_ms: number;
  last_run: number;
}

/** A document's ingest outcome as the workspace keeps it: a failure is never cached. */
export type CachedDocument = Exclude<BuildOutcome, { status: 'failed' }>;

export interface WorkspaceCounts {
  documents: { reused: number; computed: number };
  signatures: { reused: number; computed: number };
  comparisons: { reused: number; computed: number };
  stages: Record<string, 'reused' | 'computed'>;
}

/**
 * The run's SQLite workspace (`<out>/workspace.sqlite`): what earlier runs computed, keyed by
 * content and config hashes, so a re-run computes only what a change touched. Every method is
 * synchronous (better-sqlite3); writes are batched into one transaction per stage.
 */
export class Workspace {
  readonly run: number;
  readonly counts: WorkspaceCounts = {
    documents: { reused: 0, computed: 0 },
    signatures: { reused: 0, computed: 0 },
    comparisons: { reused: 0, computed: 0 },
    stages: {},
  };
  private readonly db: Database.Database;
  private readonly statements;
  /** Rows read this run, by table and config key: marked used in one statement each, not one per row. */
  private readonly reads = new Map<string, { table: string; hashColumn: string; keyColumn: string; key: string; hashes: string[] }>();
  /**
   * The `outputs` rows of each folder asked about, read whole the first time one of its files is:
   * a re-run at 100k articles asks about 52,000 event files, and a statement each took 0.43-0.62 s
   * against 0.16 s for the folder's rows at once.
   */
  private readonly outputsIn = new Map<string, Map<string, OutputRow>>();
  /** Documents the workspace held when opened (at most): with those computed since, what the page cache is sized by (fitCache). */
  private readonly storedDocuments: number;
  /** Output files found unchanged this run (outputUnchanged), by path: what recordOutput need not record again. */
  private readonly keptOutputs = new Map<string, { contentKey: string; lastRun: number }>();

  constructor(
    readonly file: string,
    command: string,
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    // Documents are 5–10 KB of JSON each, more than a 4 KB page holds: at 64 KB most fit one page,
    // and storing 100,000 took 40% less CPU (reads were no slower). Takes effect only in a new file.
    this.db.pragma('page_size = 65536');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Two runs into one folder wait for each other rather than fail at once.
    this.db.pragma('busy_timeout = 10000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) this.rebuild();
    else this.db.exec(WORKSPACE_SCHEMA);
    // The rowid outruns the rows where rows were replaced or pruned: a bound, read without a scan.
    this.storedDocuments = (this.db.prepare('SELECT coalesce(max(rowid), 0) AS n FROM documents').get() as { n: number }).n;
    this.fitCache();
    this.run = Number(
      this.db.prepare('INSERT INTO runs (started, command) VALUES (?, ?)').run(new Date().toISOString(), command).lastInsertRowid,
    );
    const db = this.db;
    this.statements = {
      // Bulk reads: one statement for a whole corpus's rows (a statement per row cost more than the reading).
      // Articles come as bytes, decoded by decodeUtf8: SQLite's text goes through V8's UTF-8 decoder,
      // and reading 30k whole articles took 0.93 s that way, 0.48 s this way.
      getDocuments: db.prepare<[string, string], { doc_hash: string; status: string; article: Buffer; last_run: number }>(
        'SELECT doc_hash, status, CAST(article AS BLOB) AS article, last_run FROM documents WHERE ingest_key = ? AND doc_hash IN (SELECT value FROM json_each(?))',
      ),
      anyDocument: db.prepare<[string], { found: number }>('SELECT EXISTS (SELECT 1 FROM documents WHERE ingest_key = ?) AS found'),
      // Every row of the table is read in storage order, and those not asked for passed over: for a
      // whole corpus this is a quarter of the time of an index look-up per document, each of which
      // read a 64 KB page for one row (100k documents: 0.33 s against 1.1–1.5 s before any text).
      // Which rows were asked for is decided by the caller (getEveryDocument), from a Set: SQLite's
      // `IN (SELECT value FROM json_each(?))` over a million hashes made the scan 10.8 s, 6.5 s with the Set.
      scanLeads: db.prepare<[string], { doc_hash: string; status: string; lead: string; last_run: number }>(
        `SELECT doc_hash, status, last_run, CASE WHEN status = 'ingested' THEN coalesce(lead, article) ELSE article END AS lead
         FROM documents NOT INDEXED WHERE ingest_key = ?`,
      ),
      putDocument: db.prepare(
        // The JSON comes as a string or as its UTF-8 bytes (ingest's encoded lines): stored as text either way.
        'INSERT OR REPLACE INTO documents (doc_hash, ingest_key, article_id, source, status, last_run, lead, article) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT))',
      ),
      getSignatures: db.prepare<[string, string], { positions: string; band_keys: Buffer; last_run: number }>(
        'SELECT positions, band_keys, last_run FROM signatures WHERE doc_hash = ? AND fingerprint_key = ?',
      ),
      putSignatures: db.prepare(
        'INSERT OR REPLACE INTO signatures (doc_hash, fingerprint_key, positions, band_keys, last_run) VALUES (?, ?, ?, ?, ?)',
      ),
      getStage: db.prepare<[string, string, string], { result: string | Buffer; last_run: number }>(
        'SELECT result, last_run FROM stage_results WHERE stage = ? AND input_key = ? AND config_key = ?',
      ),
      getStageParts: db.prepare<[string, string, string, string], { stage: string; result: Buffer; last_run: number }>(
        'SELECT stage, result, last_run FROM stage_results WHERE stage > ? AND stage < ? AND input_key = ? AND config_key = ?',
      ),
      touchStage: db.prepare('UPDATE stage_results SET last_run = ? WHERE stage = ? AND input_key = ? AND config_key = ?'),
      putStage: db.prepare('INSERT OR REPLACE INTO stage_results (stage, input_key, config_key, result, last_run) VALUES (?, ?, ?, ?, ?)'),
      getDigests: db.prepare<[string, string], { event_key: string; digest: string; last_run: number }>(
        'SELECT event_key, digest, last_run FROM comparisons WHERE compare_key = ? AND event_key IN (SELECT value FROM json_each(?))',
      ),
      // The files directly in a folder: a path past `<folder>/` and before `<folder>0` ('0' follows '/'), with no '/' after the folder's.
      getOutputsIn: db.prepare<[string, string, number], OutputRow & { path: string }>(
        "SELECT path, content_key, size, mtime_ms, last_run FROM outputs WHERE path > ? AND path < ? AND instr(substr(path, ?), '/') = 0",
      ),
      touchOutput: db.prepare('UPDATE outputs SET last_run = ? WHERE path = ?'),
      putOutput: db.prepare('INSERT OR REPLACE INTO outputs (path, content_key, size, mtime_ms, last_run) VALUES (?, ?, ?, ?, ?)'),
      putComparison: db.prepare('INSERT OR REPLACE INTO comparisons (event_key, compare_key, digest, last_run) VALUES (?, ?, ?, ?)'),
    };
  }

  private rebuild(): void {
    // Another version's rows may mean something else: start again rather than guess.
    const objects = this.db.prepare<[], { name: string; type: string }>("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY type = 'table'").all();
    for (const { name, type } of objects) this.db.exec(`DROP ${type === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS "${name}"`);
    this.db.exec(WORKSPACE_SCHEMA);
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  /**
   * Notes that this run used a row, to be marked in one statement at the end. A row marked by one of
   * the last two runs is left as it is: it cannot fall out of the KEEP_RUNS window before a later
   * run marks it again, and most re-runs then write nothing at all.
   */
  private markUsed(table: string, hashColumn: string, keyColumn: string, key: string, hash: string, lastRun: number): void {
    if (this.markedLately(lastRun)) return;
    const id = `${table}\u0000${key}`;
    let entry = this.reads.get(id);
    if (!entry) this.reads.set(id, (entry = { table, hashColumn, keyColumn, key, hashes: [] }));
    entry.hashes.push(hash);
  }

  /** Marks every row read this run as used by it, so pruning keeps what the last runs needed. */
  private markReads(): void {
    for (const { table, hashColumn, keyColumn, key, hashes } of this.reads.values()) {
      this.db
        .prepare(`UPDATE ${table} SET last_run = ? WHERE ${keyColumn} = ? AND ${hashColumn} IN (SELECT value FROM json_each(?))`)
        .run(this.run, key, JSON.stringify(hashes));
    }
    this.reads.clear();
  }

  /** Whether a row this run used was marked recently enough to be left as it is (markUsed). */
  private markedLately(lastRun: number): boolean {
    return lastRun >= this.run - 2;
  }

  /**
   * Gives back the page cache's memory (up to 512 MB, filled by a stage's writes), called where
   * ingest's and fingerprinting's many writes end: what follows them writes little and needs the
   * room more (a million articles).
   */
  releaseMemory(): void {
    this.db.pragma('shrink_memory');
  }

  /** Runs `work` in one transaction: thousands of small writes cost one commit. */
  batch<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /**
   * Writes for rows that arrive a few at a time (a worker's batch), each written as it comes and
   * committed ROWS_PER_TRANSACTION to a transaction. Rows keyed by hashes land all over their index,
   * and each commit rewrote every index page it touched: a transaction per 64 rows cost half as much
   * again as one per 2,048 (100,000 rows of 7 KB: 6.6–7.5 s of CPU against 4.7–5.0 s). The rows are
   * not held until their commit: ingest's rows are buffers, and V8 counts every buffer held against
   * a fixed 64 MB allowance that starts a full collection of the heap when used up, so holding 16,384
   * of them made ingest's main thread collect its whole heap about once a second (28 of the 32
   * collections at 100k articles, most of a million-article ingest's time). Inside a transaction
   * someone else began, rows are written and left to it. `flush` commits what was written.
   */
  openGroupedWrites<T>(write: (row: T) => void): { add(row: T): void; flush(): void } {
    let began = false;
    let written = 0;
    const flush = () => {
      if (!began) return;
      began = false;
      written = 0;
      this.db.exec('COMMIT');
      this.fitCache();
    };
    return {
      add: (row) => {
        if (!began && !this.db.inTransaction) {
          this.db.exec('BEGIN');
          began = true;
        }
        write(row);
        if (began && ++written >= ROWS_PER_TRANSACTION) flush();
      },
      flush,
    };
  }

  /** Whether this ingest config built any document before: if not, no document need be looked up. */
  hasAnyDocument(ingestKey: string): boolean {
    return this.statements.anyDocument.get(ingestKey)!.found === 1;
  }

  /** The stored outcomes of the documents among `docHashes` that this ingest config built before. */
  getDocuments(docHashes: string[], ingestKey: string): Map<string, CachedDocument> {
    return this.wholeOutcomes(JSON.stringify(docHashes), ingestKey)!;
  }

  /** outcomesOf the whole documents among `hashes` (a JSON array): what getDocuments and getEveryDocument read. */
  private wholeOutcomes(hashes: string, ingestKey: string, expected?: number): Map<string, CachedDocument> | undefined {
    return this.outcomesOf(this.statements.getDocuments.iterate(ingestKey, hashes), (row) => decodeUtf8(row.article), ingestKey, expected);
  }

  /**
   * The stored outcomes of every one of `docHashes` for a corpus taken whole from the workspace, or
   * undefined when this ingest config did not build them all: then nothing is counted or marked
   * used, as the corpus will be read. One read, where counting them first looked every hash up
   * twice (the count: 84–154 ms of a re-run at 100k articles).
   *
   * With `leads`, each ingested article holds only its lead paragraphs and no removed blocks (the
   * `lead` column): what clustering reads. The rest is read where it is needed (readArticles).
   */
  getEveryDocument(docHashes: string[], ingestKey: string, leads: boolean): Map<string, CachedDocument> | undefined {
    const wanted = new Set(docHashes);
    if (!leads) return this.wholeOutcomes(JSON.stringify(docHashes), ingestKey, wanted.size);
    return this.withScanCache(() => this.outcomesOf(rowsAmong(this.statements.scanLeads.iterate(ingestKey), wanted), (row) => row.lead, ingestKey, wanted.size));
  }

  /** Runs `work`, which reads or writes each page it touches once, with the small page cache (SCAN_CACHE_KIB). */
  private withScanCache<T>(work: () => T): T {
    // Lowering the size lets go of the pages held past it; raised again, the cache fills only as used.
    this.db.pragma(`cache_size = -${SCAN_CACHE_KIB}`);
    try {
      return work();
    } finally {
      this.fitCache();
    }
  }

  /** The most the page cache may hold now, in KiB (fitCache). */
  get pageCacheKib(): number {
    return -(this.db.pragma('cache_size', { simple: true }) as number);
  }

  /** Sizes the page cache to the documents held, within MIN_CACHE_KIB and MAX_CACHE_KIB: called at open, after each grouped commit (where their number grows) and after a scan. */
  private fitCache(): void {
    const documents = this.storedDocuments + this.counts.documents.computed;
    const kib = Math.min(MAX_CACHE_KIB, Math.max(MIN_CACHE_KIB, Math.ceil((documents * CACHE_BYTES_PER_DOCUMENT) / 1024)));
    this.db.pragma(`cache_size = -${kib}`);
  }

  /**
   * The whole articles among `docHashes` (ingested documents only) for a run that read their leads
   * (getEveryDocument): neither counted nor marked again.
   */
  readArticles(docHashes: string[], ingestKey: string): Map<string, Article> {
    const found = new Map<string, Article>();
    for (const row of this.statements.getDocuments.iterate(ingestKey, JSON.stringify(docHashes))) {
      if (row.status === 'ingested') found.set(row.doc_hash, JSON.parse(decodeUtf8(row.article)) as Article);
    }
    return found;
  }

  /**
   * Each row's outcome from its JSON (`json`), every row counted as reused and marked used; with
   * `expected`, undefined (nothing counted or marked) unless that many rows were found.
   */
  private outcomesOf<R extends { doc_hash: string; status: string; last_run: number }>(
    rows: Iterable<R>,
    json: (row: R) => string,
    ingestKey: string,
    expected?: number,
  ): Map<string, CachedDocument> | undefined {
    const found = new Map<string, CachedDocument>();
    const lastRuns: number[] = [];
    for (const row of rows) {
      lastRuns.push(row.last_run);
      const stored = JSON.parse(json(row));
      if (row.status === 'skipped') {
        found.set(row.doc_hash, { status: 'skipped', reason: stored.reason, diagnostics: stored.diagnostics });
        continue;
      }
      found.set(row.doc_hash, { status: 'ingested', article: stored as Article });
    }
    if (expected !== undefined && found.size !== expected) return undefined;
    let k = 0;
    for (const hash of found.keys()) this.markUsed('documents', 'doc_hash', 'ingest_key', ingestKey, hash, lastRuns[k++]!);
    this.counts.documents.reused += found.size;
    return found;
  }

  /**
   * `json`, when given, is the article's JSON as UTF-8 (encodeArticleRecord): stored as it is
   * instead of made again. `lead` is the article's leads as JSON (encodeArticleLead), for an
   * ingested document; a row without one gives its whole article as its leads (getEveryDocument).
   */
  putDocument(docHash: string, ingestKey: string, source: string, outcome: CachedDocument & { id: string }, json?: Uint8Array, lead?: Uint8Array): void {
    this.counts.documents.computed++;
    if (outcome.status === 'skipped') {
      const body = JSON.stringify({ reason: outcome.reason, diagnostics: outcome.diagnostics });
      this.statements.putDocument.run(docHash, ingestKey, outcome.id, source, 'skipped', this.run, null, body);
      return;
    }
    const { article } = outcome;
    const body = json ? bytesOf(json) : JSON.stringify(article);
    this.statements.putDocument.run(docHash, ingestKey, article.id, source, 'ingested', this.run, lead ? bytesOf(lead) : null, body);
  }

  getSignatures(docHash: string, fingerprintKey: string): ArticleSignatures | undefined {
    const row = this.statements.getSignatures.get(docHash, fingerprintKey);
    if (!row) return undefined;
    this.markUsed('signatures', 'doc_hash', 'fingerprint_key', fingerprintKey, docHash, row.last_run);
    this.counts.signatures.reused++;
    // Copy out of the row's buffer: it may not be aligned for a Uint32Array view.
    const values = new Uint32Array(row.band_keys.byteLength / 4);
    new Uint8Array(values.buffer).set(row.band_keys);
    return { positions: JSON.parse(row.positions), values };
  }

  putSignatures(docHash: string, fingerprintKey: string, signatures: ArticleSignatures): void {
    this.counts.signatures.computed++;
    const bytes = Buffer.from(signatures.values.buffer, signatures.values.byteOffset, signatures.values.byteLength);
    this.statements.putSignatures.run(docHash, fingerprintKey, JSON.stringify(signatures.positions), bytes, this.run);
  }

  /** A stored stage result (JSON text or bytes), counted as reused or computed and marked used. */
  private stageRow(stage: string, inputKey: string, configKey: string): string | Buffer | undefined {
    const result = this.readStageRow(stage, inputKey, configKey);
    this.counts.stages[stage] = result === undefined ? 'computed' : 'reused';
    return result;
  }

  /** A stage row's result, marked used; not counted (stageRow counts it). */
  private readStageRow(stage: string, inputKey: string, configKey: string): string | Buffer | undefined {
    const row = this.statements.getStage.get(stage, inputKey, configKey);
    // Marked lazily (markUsed) above all here: SQLite rewrites a whole row to update one column,
    // and the scored pairs of 100k articles are a 70 MB row (1.4 s of a re-run, each time).
    if (row && !this.markedLately(row.last_run)) this.statements.touchStage.run(this.run, stage, inputKey, configKey);
    return row?.result;
  }

  /**
   * Config files' parses (ConfigParseCache), kept among the stage results under their text's hash
   * and not counted among the stages a run reused.
   */
  configParses(): ConfigParseCache {
    return {
      get: (key) => parsedResult(this.readStageRow(CONFIG_PARSE_STAGE, key, '')),
      put: (key, written) => this.putStageResult(CONFIG_PARSE_STAGE, key, '', written),
    };
  }

  getStageResult<T>(stage: string, inputKey: string, configKey: string): T | undefined {
    return parsedResult(this.stageRow(stage, inputKey, configKey)) as T | undefined;
  }

  putStageResult(stage: string, inputKey: string, configKey: string, result: unknown): void {
    this.statements.putStage.run(stage, inputKey, configKey, JSON.stringify(result), this.run);
  }

  /**
   * A stage result kept as bytes (the `result` column then holds a BLOB): for results too large to
   * parse quickly. Kept whole, or in parts (putStageBlob) that must all be there.
   */
  getStageBlob(stage: string, inputKey: string, configKey: string): Buffer | undefined {
    const result = this.stageRow(stage, inputKey, configKey);
    if (Buffer.isBuffer(result)) return result;
    const parts = this.statements.getStageParts.all(`${stage}#`, `${stage}$`, inputKey, configKey);
    const count = Number(parts[0]?.stage.split('/')[1]);
    const ordered = parts.map((p) => ({ ...p, k: Number(p.stage.slice(stage.length + 1).split('/')[0]) })).sort((a, b) => a.k - b.k);
    // Every part of one write, or nothing: a missing part would silently shorten the result.
    if (!count || ordered.length !== count || ordered.some((p, i) => p.k !== i || p.stage !== `${stage}#${i}/${count}`)) return undefined;
    for (const part of ordered) if (!this.markedLately(part.last_run)) this.statements.touchStage.run(this.run, part.stage, inputKey, configKey);
    this.counts.stages[stage] = 'reused';
    return Buffer.concat(ordered.map((p) => p.result));
  }

  /**
   * Keeps a stage result as bytes. No value of 512 MiB or more can be bound (300k articles scored
   * 7.8 million candidate pairs, 624 MB of rows, and the run died binding them), so a larger one
   * is kept in parts, rows `<stage>#<k>/<n>`.
   */
  putStageBlob(stage: string, inputKey: string, configKey: string, bytes: Buffer, partBytes = MAX_BLOB_BYTES): void {
    if (bytes.byteLength <= partBytes) {
      this.statements.putStage.run(stage, inputKey, configKey, bytes, this.run);
      return;
    }
    const count = Math.ceil(bytes.byteLength / partBytes);
    this.batch(() => {
      for (let k = 0; k < count; k++) {
        this.statements.putStage.run(`${stage}#${k}/${count}`, inputKey, configKey, bytes.subarray(k * partBytes, (k + 1) * partBytes), this.run);
      }
    });
  }

  /**
   * The stored digests of the events among `eventKeys` under this compare config: what a re-run
   * reads for every event, counted as reused. Most need nothing more (their pages are unchanged).
   */
  getDigests<T>(eventKeys: string[], compareKey: string): Map<string, T> {
    const found = new Map<string, T>();
    for (const row of this.statements.getDigests.iterate(compareKey, JSON.stringify(eventKeys))) {
      this.markUsed('comparisons', 'event_key', 'compare_key', compareKey, row.event_key, row.last_run);
      this.counts.comparisons.reused++;
      found.set(row.event_key, JSON.parse(row.digest) as T);
    }
    return found;
  }

  /** An event's digest, computed this run under this compare config; `again` when its stored digest was read first (it counts as computed, not reused). */
  putDigest(eventKey: string, compareKey: string, digest: unknown, again = false): void {
    if (again) this.counts.comparisons.reused--;
    this.counts.comparisons.computed++;
    this.statements.putComparison.run(eventKey, compareKey, JSON.stringify(digest), this.run);
  }

  /**
   * Whether `file` is still what a run wrote from `contentKey`: recorded with that key, and its
   * size and modification time as written (a file edited or replaced since is written again).
   */
  outputUnchanged(file: string, contentKey: string): boolean {
    const resolved = path.resolve(file);
    const row = this.outputRowsIn(path.dirname(resolved)).get(resolved);
    if (!row || row.content_key !== contentKey) return false;
    try {
      const info = statSync(file);
      if (info.size !== row.size || info.mtimeMs !== row.mtime_ms) return false;
    } catch {
      return false;
    }
    this.keptOutputs.set(resolved, { contentKey, lastRun: row.last_run });
    return true;
  }

  /**
   * Records what `file` was written from. A file outputUnchanged found unchanged under the same key
   * (and so kept, not written) already has its row: it is neither looked at again nor rewritten,
   * only marked lazily (a re-run at 100k keeps 44,000 event files; their stats and rows were 1.5 s).
   */
  recordOutput(file: string, contentKey: string): void {
    const resolved = path.resolve(file);
    const kept = this.keptOutputs.get(resolved);
    if (kept?.contentKey === contentKey) {
      if (!this.markedLately(kept.lastRun)) this.statements.touchOutput.run(this.run, resolved);
      return;
    }
    const info = statSync(file);
    this.statements.putOutput.run(resolved, contentKey, info.size, info.mtimeMs, this.run);
    this.outputsIn.get(path.dirname(resolved))?.set(resolved, { content_key: contentKey, size: info.size, mtime_ms: info.mtimeMs, last_run: this.run });
  }

  /** The `outputs` rows of the files directly in `folder` (an absolute path), by path. */
  private outputRowsIn(folder: string): Map<string, OutputRow> {
    let rows = this.outputsIn.get(folder);
    if (rows) return rows;
    rows = new Map();
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    const after = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    for (const { path: file, ...row } of this.statements.getOutputsIn.iterate(prefix, after, prefix.length + 1)) rows.set(file, row);
    this.outputsIn.set(folder, rows);
    return rows;
  }

  /**
   * Closes without recording the run or pruning anything: for a run that ended before it began (its
   * config was bad), which must not count towards the runs a row may go unused for.
   */
  abandon(): void {
    this.db.prepare('DELETE FROM runs WHERE run = ?').run(this.run);
    this.db.close();
  }

  /** Records the run's timings, drops rows no recent run used, and closes the file. */
  close(timings: Record<string, number> = {}): void {
    this.db.prepare('UPDATE runs SET timings = ? WHERE run = ?').run(JSON.stringify(timings), this.run);
    const oldest = this.run - KEEP_RUNS + 1;
    // Marking rewrites each row it marks once, and pruning scans each table whole (last_run has no
    // index, which every marking would rewrite): pages used once, so the small cache (a marking
    // re-run at 100k articles: 4.4-4.6 s in close against 2.3-2.5 s).
    this.withScanCache(() =>
      this.batch(() => {
        this.markReads();
        for (const table of PRUNED_TABLES) this.db.prepare(`DELETE FROM ${table} WHERE last_run < ?`).run(oldest);
      }),
    );
    this.db.close();
  }
}
