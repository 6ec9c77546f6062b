import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/workspace/openWorkspace.js';

/** A workspace file whose `documents` reach rowid `rowid` (one skipped document's row). */
async function workspaceWithRowid(rowid: number): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'parallax-cache-')), 'workspace.sqlite');
  new Workspace(file, 'test').close();
  const db = new Database(file);
  db.prepare(
    "INSERT INTO documents (rowid, doc_hash, ingest_key, article_id, source, status, last_run, lead, article) VALUES (?, 'h', 'k', 'a', 's', 'skipped', 1, NULL, '{}')",
  ).run(rowid);
  db.close();
  return file;
}

describe('the workspace page cache', () => {
  it('starts at 32 MB for a new workspace, where a fixed 512 MB filled with pages written once', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'parallax-cache-')), 'workspace.sqlite');
    const workspace = new Workspace(file, 'test');
    expect(workspace.pageCacheKib).toBe(32_768);
    workspace.close();
  });

  it('holds 256 bytes for each document held, twice what their key indexes take: 250,000 KiB for a million', async () => {
    const workspace = new Workspace(await workspaceWithRowid(1_000_000), 'test');
    expect(workspace.pageCacheKib).toBe(250_000);
    // A scan lowers it for its pages used once, and gives back the fitted size, not a fixed one.
    expect(workspace.getEveryDocument(['h'], 'k', true)?.get('h')?.status).toBe('skipped');
    expect(workspace.pageCacheKib).toBe(250_000);
    workspace.close();
  });

  it('is at most 512 MB, however many documents', async () => {
    const workspace = new Workspace(await workspaceWithRowid(3_000_000), 'test');
    expect(workspace.pageCacheKib).toBe(524_288);
    workspace.close();
  });
});
