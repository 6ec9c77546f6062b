import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generateCorpus.js';
import { CONFIG_FILE, CORPUS, ROOT } from '../helpers.js';

/** Worker threads run the compiled worker script, so this runs the built CLI (npm test builds first). */
const CLI = path.join(ROOT, 'dist/cli/bin.js');

async function run(inputs: string[], workers: number, command = 'run', out?: string, more: string[] = ['--no-cache']): Promise<string> {
  out ??= await mkdtemp(path.join(tmpdir(), `parallax-workers-${workers}-`));
  execFileSync(process.execPath, [CLI, command, '--config', CONFIG_FILE, ...inputs.flatMap((i) => ['--input', i]), '--out', out, '--quiet', '--workers', String(workers), ...more]);
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
let inputs: string[];
beforeAll(async () => {
  // The fixtures plus 400 generated articles (planted copies and events): enough batches for both workers.
  const dir = await mkdtemp(path.join(tmpdir(), 'parallax-workers-corpus-'));
  const generated = path.join(dir, 'generated.jsonl');
  await writeFile(generated, generateCorpus(400, 7).articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  // Another 150 lines, CRLF-ended, as a scraper's export can be: one id three times, in batches
  // built on different threads, a line that is not JSON, a blank line and a record with no text.
  const quirks = path.join(dir, 'quirks.jsonl');
  const lines = generateCorpus(150, 11).articles.map((a, i) => JSON.stringify({ ...a, id: [3, 140, 141].includes(i + 1) ? 'repeat' : `q-${i + 1}` }));
  lines[49] = '{"id": "broken", "text": "越通社河内';
  lines[59] = '';
  lines[69] = JSON.stringify({ id: 'no-text', title: '无正文' });
  await writeFile(quirks, lines.join('\r\n') + '\r\n');
  inputs = [CORPUS, generated, quirks];
  [single, parallel] = await Promise.all([run(inputs, 1), run(inputs, 2)]);
  [dupesSingle, dupesParallel] = await Promise.all([run(inputs, 1, 'dupes'), run(inputs, 2, 'dupes')]);
}, 180_000);

describe('worker threads', () => {
  it('ingest and compare on two threads when asked, and on the main thread with --workers 1', async () => {
    const manifest = async (out: string) => JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    // 425 articles give too few candidate pairs to split their scoring.
    expect((await manifest(parallel)).threads).toEqual({ ingest: 2, cluster: 0, compare: 2 });
    expect((await manifest(single)).threads).toEqual({ ingest: 0, cluster: 0, compare: 0 });
    expect((await manifest(parallel)).totals).toEqual({ inputs: 574, ingested: 572, skipped: 2, failed: 0 });
  });

  it('account for every JSONL line as a single-threaded run does, renaming a repeated id in input order across threads', async () => {
    const manifest = async (out: string) => JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    const [one, two] = [await manifest(single), await manifest(parallel)];
    expect(two.entries).toEqual(one.entries);
    const at = (line: number) => two.entries.find((e: { source: string }) => e.source.endsWith(`quirks.jsonl:${line}`));
    expect([3, 140, 141].map((line) => at(line).id)).toEqual(['repeat', 'repeat~2', 'repeat~3']);
    expect(at(141).diagnostics.map((d: { message: string }) => d.message)).toContain('id "repeat" already used; renamed to "repeat~3"');
    expect(at(50)).toMatchObject({ status: 'skipped', id: null });
    expect(at(50).reason).toMatch(/^line 50: not valid JSON/u);
    expect(at(60)).toBeUndefined();
    expect(at(70)).toMatchObject({ status: 'skipped', reason: 'line 70: has neither "text" nor "html"' });
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
    expect(manifest.totals).toEqual({ inputs: 574, ingested: 572, skipped: 2, failed: 0 });
  });

  it('verify reused paragraphs on two threads from the folds file and from articles the workspace gave back: a re-run with one more input and thresholds.reuse changed finds what a fresh run finds', async () => {
    const lower = ['--set', 'thresholds.reuse=0.5'];
    const out = await run(inputs.slice(0, 2), 2, 'run', undefined, []);
    // The first two inputs' articles come from the workspace, whole; only the third's folds are in this run's folds file.
    await run(inputs, 2, 'run', out, lower);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.workspace.documents).toEqual({ reused: 425, computed: 147 });
    expect(manifest.workspace.stages.fingerprint).toBe('computed');
    const fresh = await run(inputs, 1, 'dupes', undefined, ['--no-cache', ...lower]);
    const [again, expected] = [await files(out), await files(fresh)];
    expect(again.get('data/reuse.jsonl')).toBe(expected.get('data/reuse.jsonl'));
    expect(expected.get('data/reuse.jsonl')!.split('\n').length).toBeGreaterThan((await files(dupesSingle)).get('data/reuse.jsonl')!.split('\n').length);
  }, 120_000);
});
