import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config/loadConfig.js';
import { writeShingleHashes } from '../src/fingerprint/minhash.js';
import type { ResolvedConfig } from '../src/config/resolveConfig.js';
import { buildArticle, createIngestContext } from '../src/ingest/buildArticle.js';
import { decodeBytes } from '../src/ingest/decodeBytes.js';
import { sniffFormat } from '../src/pipeline/readDocuments.js';
import type { Article, InputFormat } from '../src/types.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CONFIG_FILE = path.join(ROOT, 'pipelines/cn-vn.yaml');
export const SEEDS = path.join(ROOT, 'fixtures/seeds');
export const CORPUS = path.join(ROOT, 'fixtures/corpus');

export const SEED = {
  guancha: '000_48b02b06e8cbab67.txt',
  vnaHanoi: '001_04b9df7d89f70d67.txt',
  thoidaiSteering: '002_061585ea926fb11c.txt',
  thoidaiBriefing: '003_0d3582360ad57fa1.txt',
  thoidaiHeWei: '004_abcd69478e31c012.txt',
} as const;

let config: ResolvedConfig | null = null;
export async function testConfig(): Promise<ResolvedConfig> {
  config ??= await loadConfig(CONFIG_FILE);
  return config;
}

const FORMATS: Record<string, InputFormat> = { '.md': 'markdown', '.html': 'html', '.txt': 'text', '.jsonl': 'jsonl' };

/** Reads one fixture file the way the pipeline does and builds its article. */
export async function ingestFixture(file: string, id = path.basename(file)): Promise<Article> {
  const decoded = decodeBytes(readFileSync(file));
  const format = sniffFormat(decoded.text, FORMATS[path.extname(file)] ?? 'text');
  const result = buildArticle(
    { id, source: file, format, encoding: decoded.encoding, body: decoded.text, bodyIsHtml: format === 'html', given: {} },
    createIngestContext(await testConfig()),
  );
  if (!result.ok) throw new Error(`${file}: ${result.reason}`);
  return result.article;
}

export function seed(name: keyof typeof SEED): Promise<Article> {
  return ingestFixture(path.join(SEEDS, SEED[name]));
}

export function fullText(article: Article): string {
  return article.paragraphs.map((p) => p.text).join('\n');
}

/**
 * Where two arrays of numbers first differ, -1 when they are equal: a failure names one place, not
 * a diff of hundreds of thousands of numbers (vitest's diff of such arrays does not finish).
 */
export function firstDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Math.min(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) if (actual[i] !== expected[i]) return i;
  return -1;
}

/** Every shingle hash of a text, in order, as unsigned numbers (writeShingleHashes). */
export function shingleHashList(text: string, k: number): number[] {
  const into = new Uint32Array(Math.max(1, text.length));
  return [...into.subarray(0, writeShingleHashes(text, k, into))];
}

/** `parallax <args>` through the CLI's `main`, with its stdout silenced; the exit code. */
export async function runQuietly(args: string[]): Promise<number> {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return await main(args);
  } finally {
    write.mockRestore();
  }
}

/** A report page's one script, checked to be the one its Content-Security-Policy allows by hash. */
export function allowedScript(page: string): string {
  const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/giu)].map((m) => m[1]!);
  expect(scripts).toHaveLength(1);
  expect(page).toContain(`script-src &#39;sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}&#39;`);
  return scripts[0]!;
}
