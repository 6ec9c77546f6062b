import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CONFIG_FILE, CORPUS, ROOT, SEEDS } from '../helpers.js';

let stdout: string[];
let stderr: string[];
beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'parallax-cli-'));
}

describe('parallax CLI', () => {
  it('run prints the summary and the report path, exit 0', async () => {
    const out = await tempDir();
    const code = await main(['run', '--config', CONFIG_FILE, '--input', SEEDS, '--out', out]);
    expect(code).toBe(0);
    const text = stdout.join('');
    expect(text).toContain('articles: 5 ingested, 0 skipped, 0 failed');
    expect(text).toContain('events: 5, covered by both sides: 0');
    expect(text).toContain(`report: ${path.join(out, 'index.html')}`);
  });

  it('says what the workspace supplied: a weight change re-scores pairs but takes the fingerprint stage whole', async () => {
    const out = await tempDir();
    expect(await main(['run', '--config', CONFIG_FILE, '--input', SEEDS, '--out', out])).toBe(0);
    expect(stdout.join('')).toContain('reused from ' + path.join(out, 'workspace.sqlite') + ': 0/5 documents, 0/5 signatures, 0/5 comparisons');
    stdout.length = 0;
    expect(await main(['run', '--config', CONFIG_FILE, '--input', SEEDS, '--out', out, '--set', 'cluster.weights.date=0.3'])).toBe(0);
    const line = stdout.join('').split('\n').find((l) => l.includes('reused from'))!;
    expect(line).toContain('5/5 documents, the fingerprint stage, ');
    expect(line).not.toContain('signatures');
    expect(line).not.toContain('scored candidate pairs');
  });

  it('ingest stops after ingest and writes only its data', async () => {
    const out = await tempDir();
    expect(await main(['ingest', '--config', CONFIG_FILE, '--input', SEEDS, '--out', out, '--quiet'])).toBe(0);
    expect(stdout.join('')).toBe('');
    await expect(readFile(path.join(out, 'data/articles.jsonl'), 'utf8')).resolves.toContain('"outlet":"越通社"');
    await expect(readFile(path.join(out, 'data/clusters.json'), 'utf8')).rejects.toThrow();
  });

  it('dupes writes the pairs, and removes the articles an earlier ingest left, since it reads only their text', async () => {
    const out = await tempDir();
    expect(await main(['ingest', '--config', CONFIG_FILE, '--input', CORPUS, '--out', out, '--quiet'])).toBe(0);
    expect(await main(['dupes', '--config', CONFIG_FILE, '--input', CORPUS, '--out', out])).toBe(0);
    expect(stdout.join('')).toContain('duplicates: 3 article pairs, 1 reused paragraph pairs');
    await expect(readFile(path.join(out, 'data/duplicates.jsonl'), 'utf8')).resolves.toContain('"a":"people-20250415-xi-tolam-repost","b":"xinhua-20250414-xi-tolam"');
    await expect(readFile(path.join(out, 'data/articles.jsonl'), 'utf8')).rejects.toThrow();
  });

  it('exit 2 on bad usage, exit 1 with one line naming the key on a bad --set', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(await main(['run', '--config', CONFIG_FILE, '--input', SEEDS, '--set', 'thresholds.cluster=high', '--out', await tempDir()])).toBe(1);
    expect(stderr.join('')).toContain('thresholds.cluster: expected number, got string "high"');
    expect(stderr.join('')).not.toContain('    at ');
  });

  it('accounts for bad inputs in the manifest and still ingests the rest', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'in'));
    await writeFile(path.join(dir, 'in/empty.txt'), '');
    await writeFile(path.join(dir, 'in/binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await writeFile(path.join(dir, 'in/notes.docx'), 'x');
    await writeFile(
      path.join(dir, 'in/feed.jsonl'),
      ['{"id":"ok","title":"王毅同裴青山会谈","text":"2021年9月11日，王毅在河内同越南外长裴青山举行会谈。双方同意加强合作。"}', '{broken', '{"id":"no-text","title":"x"}', '{"id":"ok","text":"2021年9月11日，王毅在河内同裴青山举行会谈。"}'].join('\n'),
    );
    const out = path.join(dir, 'out');
    expect(await main(['run', '--config', CONFIG_FILE, '--input', path.join(dir, 'in'), '--out', out, '--quiet'])).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    const reasons = Object.fromEntries(manifest.entries.map((e: { source: string; status: string; reason?: string; id: string }) => [path.basename(e.source), `${e.status}: ${e.reason ?? e.id}`]));
    expect(reasons).toMatchObject({
      'empty.txt': 'skipped: empty file',
      'binary.txt': 'skipped: binary file (contains NUL bytes)',
      'notes.docx': 'skipped: unsupported file type ".docx"',
      'feed.jsonl:1': 'ingested: ok',
      'feed.jsonl:3': 'skipped: line 3: has neither "text" nor "html"',
      'feed.jsonl:4': 'ingested: ok~2',
    });
    expect(reasons['feed.jsonl:2']).toMatch(/^skipped: line 2: not valid JSON/u);
    expect(manifest.totals).toEqual({ inputs: 7, ingested: 2, skipped: 5, failed: 0 });
  });

  it('exit 1 when nothing usable was found', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'empty.txt'), '');
    expect(await main(['run', '--config', CONFIG_FILE, '--input', dir, '--out', path.join(dir, 'out')])).toBe(1);
    expect(stderr.join('')).toContain('no usable article found');
  });

  it('eval, tune and explain print their evidence; eval without --gold is bad usage', async () => {
    const gold = path.join(CONFIG_FILE, '../../fixtures/gold.json');
    const corpus = path.join(CONFIG_FILE, '../../fixtures/corpus');
    expect(await main(['eval', '--config', CONFIG_FILE, '--input', corpus, '--gold', gold])).toBe(0);
    expect(stdout.join('')).toContain('B-cubed   precision 1.000  recall 1.000  F1 1.000');
    const out = await tempDir();
    expect(await main(['tune', '--config', CONFIG_FILE, '--input', corpus, '--gold', gold, '--grid', 'thresholds.cluster=0.3,0.5', '--out', out])).toBe(0);
    await expect(readFile(path.join(out, 'tune.html'), 'utf8')).resolves.toContain('<svg');
    expect(await main(['explain', 'seeds/001_04b9df7d89f70d67.txt', 'cn/mfa-20210911-wangyi-buithanhson.html', '--config', CONFIG_FILE, '--input', corpus])).toBe(0);
    expect(stdout.join('')).toContain('→ linked');
    expect(await main(['explain', 'nope', 'seeds/001_04b9df7d89f70d67.txt', '--config', CONFIG_FILE, '--input', corpus])).toBe(1);
    expect(stderr.join('')).toContain('no article "nope"');
    expect(await main(['eval', '--config', CONFIG_FILE])).toBe(2);
  });
});

describe('parallax CLI before it knows where the command runs', () => {
  it('loads neither SQLite nor the pipeline until the command runs in this process: the process that only starts a larger-heap run of itself stays light', () => {
    // The built CLI in a process of its own: what a module graph loaded is seen there, not in the test runner's.
    const loaded = (module: string) =>
      execFileSync(process.execPath, [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module';
         await import(${JSON.stringify(path.join(ROOT, 'dist/cli', module))});
         const cache = createRequire(import.meta.url).cache;
         process.stdout.write(String(Object.keys(cache).some((file) => file.includes('better-sqlite3'))));`,
      ]).toString();
    expect(loaded('main.js')).toBe('false');
    expect(loaded('runCommand.js')).toBe('true');
  });
});
