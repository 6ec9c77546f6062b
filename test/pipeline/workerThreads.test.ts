import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generateCorpus.js';
import { CONFIG_FILE, CORPUS, ROOT } from '../helpers.js';

/** Worker threads run the compiled worker script, so this runs the built CLI (npm test builds first). */
const CLI = path.join(ROOT, 'dist/cli/bin.js');

async function run(inputs: string[], workers: number, command = 'run'): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), `parallax-workers-${workers}-`));
  execFileSync(process.execPath, [CLI, command, '--config', CONFIG_FILE, ...inputs.flatMap((i) => ['--input', i]), '--out', out, '--quiet', '--no-cache', '--workers', String(workers)]);
  return out;
}

async function files(out: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'manifest.json') {
      const file = path.join(entry.parentPath, entry.name);
      result.set(path.relative(out, file), await readFile(file, 'utf8'));
    }
  }
  return result;
}

let single: string;
let parallel: string;
let dupesSingle: string;
let dupesParallel: string;
beforeAll(async () => {
  // The fixtures plus 400 generated articles (planted copies and events): enough batches for both workers.
  const dir = await mkdtemp(path.join(tmpdir(), 'parallax-workers-corpus-'));
  const generated = path.join(dir, 'generated.jsonl');
  await writeFile(generated, generateCorpus(400, 7).articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  [single, parallel] = await Promise.all([run([CORPUS, generated], 1), run([CORPUS, generated], 2)]);
  [dupesSingle, dupesParallel] = await Promise.all([run([CORPUS, generated], 1, 'dupes'), run([CORPUS, generated], 2, 'dupes')]);
}, 180_000);

describe('worker threads', () => {
  it('ingest and compare on two threads when asked, and on the main thread with --workers 1', async () => {
    const manifest = async (out: string) => JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    // 425 articles give too few candidate pairs to split their scoring.
    expect((await manifest(parallel)).threads).toEqual({ ingest: 2, cluster: 0, compare: 2 });
    expect((await manifest(single)).threads).toEqual({ ingest: 0, cluster: 0, compare: 0 });
    expect((await manifest(parallel)).totals).toEqual({ inputs: 425, ingested: 425, skipped: 0, failed: 0 });
  });

  it('write byte-identical articles, duplicates, clusters, pages and index as a single-threaded run', async () => {
    const [a, b] = [await files(single), await files(parallel)];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect(a.get('data/duplicates.jsonl')!.split('\n').length).toBeGreaterThan(10);
    for (const [name, content] of a) expect(b.get(name), name).toBe(content);
  });

  it('dupes, reading only the text, finds the same duplicates and reused paragraphs as the whole run, on one thread or two', async () => {
    const whole = await files(single);
    for (const out of [dupesSingle, dupesParallel]) {
      const found = await files(out);
      // Only the pairs: no articles (dupes reads no dates, people or places), no events.
      expect([...found.keys()].sort()).toEqual(['data/duplicates.jsonl', 'data/reuse.jsonl']);
      expect(found.get('data/duplicates.jsonl')).toBe(whole.get('data/duplicates.jsonl'));
      expect(found.get('data/reuse.jsonl')).toBe(whole.get('data/reuse.jsonl'));
    }
    const manifest = JSON.parse(await readFile(path.join(dupesParallel, 'manifest.json'), 'utf8'));
    expect(manifest.threads).toEqual({ ingest: 2 });
    expect(manifest.totals).toEqual({ inputs: 425, ingested: 425, skipped: 0, failed: 0 });
  });
});
