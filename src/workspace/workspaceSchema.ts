/**
 * The workspace's tables. The schema is part of parallax's interface: users query the file with
 * any SQLite tool (README, "The workspace"). A change to it bumps SCHEMA_VERSION; a workspace of
 * another version is rebuilt, never misread.
 *
 * Rowid tables, but for the small rows of `outputs`: rows of whole articles, signatures and
 * comparisons are large and arrive in hash order, which a clustered (WITHOUT ROWID) key would
 * insert all over the file.
 *
 * Keys: `doc_hash` is the SHA-1 of a document as read (id, source, format, encoding, body, given
 * fields); `ingest_key`, `fingerprint_key` and `compare_key` are SHA-1s of the config sections the
 * stage reads (and those of the stages before it), so a config change invalidates exactly the rows
 * computed from what it changed. `last_run` lets old rows be pruned. `outputs` records what each
 * output file was written from, so an unchanged file is kept rather than written again.
 *
 * `comparisons` keeps each event's digest, not its whole comparison: that is in `events/<id>.json`
 * for every event given a page, and storing it again was a third of the file and, at 100k
 * articles, a tenth of the main thread's time. A page that must be written again (edited or
 * deleted since) is compared again.
 *
 * `documents.lead` is the article as clustering reads it (its lead paragraphs, no removed blocks),
 * in the form of an articles.jsonl record; NULL for a skipped document. A re-run over an unchanged
 * corpus reads these, a sixth of the bytes of the whole articles, and reads a whole article only
 * where one is compared or written. It comes before `article` in the row so that reading it never
 * walks the larger value (at 100k articles, reading and parsing the whole articles was a third of a
 * threshold re-run).
 */
export const SCHEMA_VERSION = 5;

export const WORKSPACE_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  run INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  command TEXT NOT NULL,
  timings TEXT
);
CREATE TABLE IF NOT EXISTS documents (
  doc_hash TEXT NOT NULL,
  ingest_key TEXT NOT NULL,
  article_id TEXT NOT NULL,
  source TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ingested', 'skipped')),
  last_run INTEGER NOT NULL,
  lead TEXT,
  article TEXT NOT NULL,
  PRIMARY KEY (doc_hash, ingest_key)
);
-- A view, not a table: a row per paragraph cost more to write than everything else ingest stores.
CREATE VIEW IF NOT EXISTS paragraphs AS
  SELECT d.doc_hash, d.ingest_key, p.key AS position, json_extract(p.value, '$.id') AS paragraph_id, json_extract(p.value, '$.text') AS text
  FROM documents d, json_each(d.article, '$.paragraphs') p
  WHERE d.status = 'ingested';
CREATE TABLE IF NOT EXISTS signatures (
  doc_hash TEXT NOT NULL,
  fingerprint_key TEXT NOT NULL,
  positions TEXT NOT NULL,
  band_keys BLOB NOT NULL,
  last_run INTEGER NOT NULL,
  PRIMARY KEY (doc_hash, fingerprint_key)
);
CREATE TABLE IF NOT EXISTS stage_results (
  stage TEXT NOT NULL,
  input_key TEXT NOT NULL,
  config_key TEXT NOT NULL,
  result TEXT NOT NULL,
  last_run INTEGER NOT NULL,
  PRIMARY KEY (stage, input_key, config_key)
);
CREATE TABLE IF NOT EXISTS comparisons (
  event_key TEXT NOT NULL,
  compare_key TEXT NOT NULL,
  digest TEXT NOT NULL,
  last_run INTEGER NOT NULL,
  PRIMARY KEY (event_key, compare_key)
);
CREATE TABLE IF NOT EXISTS outputs (
  path TEXT PRIMARY KEY,
  content_key TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  last_run INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS documents_by_article ON documents (article_id);
`;

/** Tables whose rows carry `last_run` and are pruned when no recent run has used them. */
export const PRUNED_TABLES = ['documents', 'signatures', 'stage_results', 'comparisons', 'outputs'] as const;
