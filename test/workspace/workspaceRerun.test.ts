import { cp, mkdtemp, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Workspace } from '../../src/workspace/openWorkspace.js';
import { SCHEMA_VERSION } from '../../src/workspace/workspaceSchema.js';
import { CONFIG_FILE, CORPUS } from '../helpers.js';

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const EMBASSY = 'cn/embassy-20251117-hewei-buithanhson.md';

async function run(input: string, out: string, ...extra: string[]) {
  expect(await main(['run', '--config', CONFIG_FILE, '--input', input, '--out', out, '--quiet', ...extra])).toBe(0);
  return JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
}

/** Every output file but the manifest (timings and workspace counts differ by design) and the workspace itself. */
async function outputs(out: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'manifest.json' || entry.name.startsWith('workspace.sqlite')) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(out, file), await readFile(file, 'utf8'));
  }
  return files;
}

const temp = () => mkdtemp(path.join(tmpdir(), 'parallax-ws-'));

/** Checks that `out` holds what a fresh `--no-cache` run over the bundled corpus with `extra` writes. */
async function expectAsFresh(out: string, ...extra: string[]) {
  const fresh = await temp();
  await run(CORPUS, fresh, '--no-cache', ...extra);
  expect(await outputs(out)).toEqual(await outputs(fresh));
}

describe('the workspace (<out>/workspace.sqlite)', () => {
  it('a second run reuses every document, the fingerprint stage and every comparison, and writes the same files', async () => {
    const out = await temp();
    const first = await run(CORPUS, out);
    expect(first.workspace.documents).toEqual({ reused: 0, computed: 25 });
    expect(first.workspace.comparisons).toEqual({ reused: 0, computed: 12 });
    const firstFiles = await outputs(out);
    const second = await run(CORPUS, out);
    expect(second.workspace.documents).toEqual({ reused: 25, computed: 0 });
    expect(second.workspace.stages.fingerprint).toBe('reused');
    expect(second.workspace.comparisons).toEqual({ reused: 12, computed: 0 });
    expect(await outputs(out)).toEqual(firstFiles);
    const uncached = await temp();
    await run(CORPUS, uncached, '--no-cache');
    expect(await outputs(uncached)).toEqual(firstFiles);
    await expect(readdir(uncached)).resolves.not.toContain('workspace.sqlite');
  });

  it('writes an event page edited since the last run again, comparing its event again, and keeps the others as they are', async () => {
    const out = await temp();
    await run(CORPUS, out);
    const before = await outputs(out);
    const pages = [...before.keys()].filter((name) => name.startsWith('events') && name.endsWith('.html')).sort();
    const [edited, untouched] = [path.join(out, pages[0]!), path.join(out, pages[1]!)];
    await writeFile(edited, 'edited by hand');
    const untouchedInode = (await stat(untouched)).ino;
    const again = await run(CORPUS, out);
    // Only digests are stored: the edited page's event is compared again, the other eleven reused.
    expect(again.workspace.comparisons).toEqual({ reused: 11, computed: 1 });
    expect(await outputs(out)).toEqual(before);
    // An unchanged page is hard-linked into the new folder, not written again.
    expect((await stat(untouched)).ino).toBe(untouchedInode);
  });

  it('keeps the config\'s parse for the next run, and a run stopped by a bad --set leaves no run behind (rows are aged by runs)', async () => {
    const out = await temp();
    await run(CORPUS, out);
    const rows = () => {
      const db = new Database(path.join(out, 'workspace.sqlite'), { readonly: true });
      try {
        return {
          parses: (db.prepare("SELECT COUNT(*) AS n FROM stage_results WHERE stage = 'config-parse'").get() as { n: number }).n,
          runs: (db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n,
        };
      } finally {
        db.close();
      }
    };
    expect(rows()).toEqual({ parses: 1, runs: 1 });
    // A re-run reads the parse back: still one row, under the same key, and the run counted.
    const second = await run(CORPUS, out, '--set', 'thresholds.cluster=0.6');
    expect(rows()).toEqual({ parses: 1, runs: 2 });
    expect(Object.keys(second.workspace.stages)).not.toContain('config-parse');
    expect(await main(['run', '--config', CONFIG_FILE, '--input', CORPUS, '--out', out, '--quiet', '--set', 'thresholds.cluster=2'])).toBe(1);
    expect(rows()).toEqual({ parses: 1, runs: 2 });
  });

  it('a clustering threshold change reuses ingest and fingerprints and recompares only the regrouped events', async () => {
    const out = await temp();
    await run(CORPUS, out);
    // At 0.35 the two Hanoi meetings of 2021-09-11 merge (README, Tuning): one new event, the rest as before.
    const merged = await run(CORPUS, out, '--set', 'thresholds.cluster=0.35');
    expect(merged.workspace.documents).toEqual({ reused: 25, computed: 0 });
    expect(merged.workspace.stages.fingerprint).toBe('reused');
    // Pairs are scored once; a new threshold only merges them again.
    expect(merged.workspace.stages['scored-pairs']).toBe('reused');
    expect(merged.workspace.comparisons).toEqual({ reused: 10, computed: 1 });
    // The merged event's three members were read from the articles.jsonl the first run wrote.
    expect(merged.workspace.stages['article-lines']).toBe('reused');
    await expectAsFresh(out, '--set', 'thresholds.cluster=0.35');
  });

  it('a clustering threshold change after articles.jsonl was edited reads the regrouped event from the workspace, not the file', async () => {
    const out = await temp();
    await run(CORPUS, out);
    const file = path.join(out, 'data/articles.jsonl');
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    // Every article's text replaced: a comparison made from these lines would say so.
    await writeFile(file, lines.map((l) => JSON.stringify({ ...JSON.parse(l), paragraphs: [{ id: 'x#p1', text: '此行已被编辑。' }] })).join('\n') + '\n');
    const merged = await run(CORPUS, out, '--set', 'thresholds.cluster=0.35');
    expect(merged.workspace.comparisons).toEqual({ reused: 10, computed: 1 });
    expect(merged.workspace.stages['article-lines']).toBeUndefined();
    await expectAsFresh(out, '--set', 'thresholds.cluster=0.35');
  });

  it('a new shingle size signs every article again; a new duplicate threshold or shared-band count reuses the signatures', async () => {
    const out = await temp();
    await run(CORPUS, out);
    const shingle = await run(CORPUS, out, '--set', 'fingerprint.shingle=4');
    expect(shingle.workspace.documents).toEqual({ reused: 25, computed: 0 });
    expect(shingle.workspace.signatures).toEqual({ reused: 0, computed: 25 });
    // The corpus came from the skeleton as leads: signing and verifying read the whole articles again.
    expect(shingle.workspace.stages['corpus-skeleton']).toBe('reused');
    await expectAsFresh(out, '--set', 'fingerprint.shingle=4');
    const threshold = await run(CORPUS, out, '--set', 'thresholds.duplicate=0.7');
    expect(threshold.workspace.stages.fingerprint).toBe('computed');
    expect(threshold.workspace.stages['scored-pairs']).toBe('computed');
    expect(threshold.workspace.signatures).toEqual({ reused: 25, computed: 0 });
    // How many bands a candidate must share changes which pairs are verified, not what was signed.
    const searched = await run(CORPUS, out, '--set', 'fingerprint.minSharedBands=1');
    expect(searched.workspace.stages.fingerprint).toBe('computed');
    expect(searched.workspace.signatures).toEqual({ reused: 25, computed: 0 });
    await expectAsFresh(out, '--set', 'fingerprint.minSharedBands=1');
  });

  it('an edited input is ingested again and its event compared again; the other 24 come from the workspace', async () => {
    const corpus = await temp();
    await cp(CORPUS, corpus, { recursive: true });
    const out = await temp();
    await run(corpus, out);
    const file = path.join(corpus, EMBASSY);
    await writeFile(file, (await readFile(file, 'utf8')) + '\n双方一致同意继续推进陆地边境口岸的升级改造。\n');
    const edited = await run(corpus, out);
    expect(edited.workspace.documents).toEqual({ reused: 24, computed: 1 });
    expect(edited.workspace.signatures).toEqual({ reused: 24, computed: 1 });
    expect(edited.workspace.comparisons).toEqual({ reused: 11, computed: 1 });
    const articles = (await readFile(path.join(out, 'data/articles.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const embassy = articles.find((a: { id: string }) => a.id === EMBASSY);
    expect(embassy.paragraphs.at(-1).text).toBe('双方一致同意继续推进陆地边境口岸的升级改造。');
    // 24 lines made from articles read back from the workspace, one from the article built: the
    // same bytes as a run that builds all 25.
    const fresh = await temp();
    await run(corpus, fresh, '--no-cache');
    expect(await readFile(path.join(out, 'data/articles.jsonl'), 'utf8')).toBe(await readFile(path.join(fresh, 'data/articles.jsonl'), 'utf8'));
  });

  it('writes articles.jsonl from the articles when ingest made no lines (corpus from the skeleton), the same bytes as the lines', async () => {
    const out = await temp();
    await run(CORPUS, out);
    const file = path.join(out, 'data/articles.jsonl');
    const streamed = await readFile(file, 'utf8');
    expect(streamed.trim().split('\n')).toHaveLength(25);
    await writeFile(file, '');
    const again = await run(CORPUS, out);
    expect(again.workspace.stages['corpus-skeleton']).toBe('reused');
    expect(await readFile(file, 'utf8')).toBe(streamed);
    expect((await readdir(path.join(out, 'data'))).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('a corpus taken from the skeleton as leads keeps a skipped document skipped, with its reason', async () => {
    const corpus = await temp();
    await cp(CORPUS, corpus, { recursive: true });
    // A page dump of nothing but a VNA-style timestamp line: built, then skipped (a row in the workspace).
    await writeFile(path.join(corpus, 'only-timestamp.txt'), '09:00 | 14/07/2022\n');
    const out = await temp();
    const first = await run(corpus, out);
    const skipped = first.entries.find((e: { id: string }) => e.id === 'only-timestamp.txt');
    expect(skipped).toMatchObject({ status: 'skipped', reason: 'no article text left after removing page boilerplate', diagnostics: [] });
    const firstFiles = await outputs(out);
    const again = await run(corpus, out, '--set', 'thresholds.cluster=0.35');
    expect(again.workspace.stages['corpus-skeleton']).toBe('reused');
    expect(again.workspace.documents).toEqual({ reused: 26, computed: 0 });
    expect(again.entries).toEqual(first.entries);
    expect(again.totals).toEqual({ inputs: 26, ingested: 25, skipped: 1, failed: 0 });
    await run(corpus, out);
    expect(await outputs(out)).toEqual(firstFiles);
  });

  it('reads no input again when every file has its size and modification time, and reads them all when one has not', async () => {
    const corpus = await temp();
    await cp(CORPUS, corpus, { recursive: true });
    const out = await temp();
    const first = await run(corpus, out);
    expect(first.workspace.stages['corpus-skeleton']).toBe('computed');
    const firstFiles = await outputs(out);
    // Unchanged files: the skeleton names the documents, the workspace has them all.
    const again = await run(corpus, out);
    expect(again.workspace.stages['corpus-skeleton']).toBe('reused');
    expect(again.workspace.documents).toEqual({ reused: 25, computed: 0 });
    expect(again.entries).toEqual(first.entries);
    expect(await outputs(out)).toEqual(firstFiles);
    // A file touched (same content, new time): the corpus is read and hashed again; nothing is rebuilt.
    const file = path.join(corpus, EMBASSY);
    const later = new Date((await stat(file)).mtimeMs + 60_000);
    await utimes(file, later, later);
    const touched = await run(corpus, out);
    expect(touched.workspace.stages['corpus-skeleton']).toBe('computed');
    expect(touched.workspace.documents).toEqual({ reused: 25, computed: 0 });
    expect(await outputs(out)).toEqual(firstFiles);
  });

  it('takes from a workspace that also holds another corpus only the documents of the corpus it runs on', async () => {
    const out = await temp();
    await run(CORPUS, out);
    // The Vietnamese side's seven files alone, in a folder of their own: the workspace now also holds the other corpus's 25.
    const subset = await temp();
    await cp(path.join(CORPUS, 'vn'), subset, { recursive: true });
    const first = await run(subset, out);
    expect(first.totals).toEqual({ inputs: 7, ingested: 7, skipped: 0, failed: 0 });
    const again = await run(subset, out, '--set', 'thresholds.cluster=0.35');
    expect(again.workspace.stages['corpus-skeleton']).toBe('reused');
    expect(again.workspace.documents).toEqual({ reused: 7, computed: 0 });
    expect(again.entries).toEqual(first.entries);
    const fresh = await temp();
    await run(subset, fresh, '--no-cache', '--set', 'thresholds.cluster=0.35');
    expect(await outputs(out)).toEqual(await outputs(fresh));
  });

  it('reads the corpus when the skeleton names a document the workspace no longer has, and builds only that one', async () => {
    const out = await temp();
    await run(CORPUS, out);
    const db = new Database(path.join(out, 'workspace.sqlite'));
    db.prepare('DELETE FROM documents WHERE article_id = ?').run(EMBASSY);
    db.close();
    const again = await run(CORPUS, out);
    expect(again.workspace.stages['corpus-skeleton']).toBe('computed');
    expect(again.workspace.documents).toEqual({ reused: 24, computed: 1 });
  });

  it('keeps the pages and data files a re-run would write unchanged, and rewrites one edited by hand', async () => {
    const out = await temp();
    await run(CORPUS, out);
    const pages = (await readdir(path.join(out, 'events'))).filter((f) => f.endsWith('.html'));
    const [edited, untouched] = [path.join(out, 'events', pages[0]!), path.join(out, 'events', pages[1]!)];
    const original = await readFile(edited, 'utf8');
    const before = { untouched: (await stat(untouched)).ino, articles: (await stat(path.join(out, 'data/articles.jsonl'))).ino };
    await writeFile(edited, 'changed by hand');
    await run(CORPUS, out);
    // Kept files are hard-linked into the new events folder: the same inode, never rewritten.
    expect((await stat(untouched)).ino).toBe(before.untouched);
    expect((await stat(path.join(out, 'data/articles.jsonl'))).ino).toBe(before.articles);
    expect(await readFile(edited, 'utf8')).toBe(original);
  });

  it('can be queried with SQLite: one row per paragraph, the text as in articles.jsonl', async () => {
    const out = await temp();
    await run(CORPUS, out);
    const db = new Database(path.join(out, 'workspace.sqlite'), { readonly: true });
    const rows = db
      .prepare("SELECT p.text FROM paragraphs p JOIN documents d USING (doc_hash, ingest_key) WHERE d.article_id = ? ORDER BY p.position")
      .all('seeds/000_48b02b06e8cbab67.txt') as { text: string }[];
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    const articles = (await readFile(path.join(out, 'data/articles.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const seed = articles.find((a: { id: string }) => a.id === 'seeds/000_48b02b06e8cbab67.txt');
    expect(rows.map((r) => r.text)).toEqual(seed.paragraphs.map((p: { text: string }) => p.text));
    expect(rows[0]!.text).toContain('王毅');
  });

  it('keeps every article\'s leads beside it: seed 002 with its first two of 16 paragraphs and none of its 41 removed blocks', async () => {
    const out = await temp();
    await run(CORPUS, out);
    const db = new Database(path.join(out, 'workspace.sqlite'), { readonly: true });
    const row = db.prepare('SELECT lead, article FROM documents WHERE article_id = ?').get('seeds/002_061585ea926fb11c.txt') as { lead: string; article: string };
    db.close();
    const [lead, article] = [JSON.parse(row.lead), JSON.parse(row.article)];
    expect(article.paragraphs).toHaveLength(16);
    expect(article.removed).toHaveLength(41);
    expect(lead.paragraphs).toEqual(article.paragraphs.slice(0, 2));
    expect(lead.paragraphs[1].text).toMatch(/^应中国国务委员兼外交部部长、中越双边合作指导委员会中方主席王/u);
    expect(lead.removed).toEqual([]);
    // Everything else as in the whole article (and articles.jsonl), field for field and in order.
    expect({ ...lead, paragraphs: article.paragraphs, removed: article.removed }).toEqual(article);
    expect(Object.keys(lead)).toEqual(Object.keys(article));
  });

  it('marks what a re-run reused every third run, not each time, and prunes none of it over seven runs', async () => {
    const out = await temp();
    const lastRuns = () => {
      const db = new Database(path.join(out, 'workspace.sqlite'), { readonly: true });
      const of = (table: string) => new Set((db.prepare(`SELECT last_run FROM ${table}`).all() as { last_run: number }[]).map((r) => r.last_run));
      const rows = { stages: of('stage_results'), outputs: of('outputs'), documents: of('documents'), count: (db.prepare('SELECT count(*) AS n FROM outputs').get() as { n: number }).n };
      db.close();
      return rows;
    };
    await run(CORPUS, out);
    const first = lastRuns();
    expect(first.stages).toEqual(new Set([1]));
    expect(first.outputs).toEqual(new Set([1]));
    // Runs 2 and 3 leave rows run 1 marked as they are: the scored pairs' row is rewritten whole by
    // any update, and the kept event files need neither a stat nor a row written.
    await run(CORPUS, out);
    await run(CORPUS, out);
    expect(lastRuns()).toEqual(first);
    // Run 4 is the last that can mark them before run 5 would prune what run 1 marked.
    await run(CORPUS, out);
    expect(lastRuns()).toEqual({ stages: new Set([4]), outputs: new Set([4]), documents: new Set([4]), count: first.count });
    for (let k = 5; k <= 7; k++) {
      const again = await run(CORPUS, out);
      expect(again.workspace.documents).toEqual({ reused: 25, computed: 0 });
      expect(again.workspace.comparisons).toEqual({ reused: 12, computed: 0 });
    }
    expect(lastRuns()).toEqual({ stages: new Set([7]), outputs: new Set([7]), documents: new Set([7]), count: first.count });
  });

  it('rebuilds a workspace written by another schema version instead of reading it', async () => {
    const out = await temp();
    await run(CORPUS, out);
    const db = new Database(path.join(out, 'workspace.sqlite'));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const again = await run(CORPUS, out);
    expect(again.workspace.documents).toEqual({ reused: 0, computed: 25 });
  });
});

describe('Workspace stage blobs', () => {
  it('keeps a result too large for one value in parts, and gives it back whole only when every part is there', async () => {
    const file = path.join(await temp(), 'workspace.sqlite');
    const store = new Workspace(file, 'test');
    const rows = Buffer.from(new Float64Array([0, 1, 0.25, 1, 1, 1, 0.5, 0.75, 0, 1]).buffer);
    store.putStageBlob('scored-pairs', 'corpus', 'config', rows);
    expect(store.getStageBlob('scored-pairs', 'corpus', 'config')).toEqual(rows);
    // Parts of 24 bytes stand for parts of 500 MiB: 80 bytes go in four.
    store.putStageBlob('scored-pairs', 'larger', 'config', rows, 24);
    expect(store.getStageBlob('scored-pairs', 'larger', 'config')).toEqual(rows);
    expect(store.counts.stages['scored-pairs']).toBe('reused');
    store.close();
    const db = new Database(file);
    expect(db.prepare("SELECT stage FROM stage_results WHERE input_key = 'larger' ORDER BY stage").all().map((r) => (r as { stage: string }).stage)).toEqual([
      'scored-pairs#0/4',
      'scored-pairs#1/4',
      'scored-pairs#2/4',
      'scored-pairs#3/4',
    ]);
    db.prepare("DELETE FROM stage_results WHERE stage = 'scored-pairs#2/4'").run();
    db.close();
    const again = new Workspace(file, 'test');
    expect(again.getStageBlob('scored-pairs', 'larger', 'config')).toBeUndefined();
    expect(again.counts.stages['scored-pairs']).toBe('computed');
    again.close();
  });
});
