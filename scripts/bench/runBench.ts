/**
 * `npm run bench`: generates synthetic corpora and measures parallax on them: fingerprint
 * throughput (article near-duplicates alone, and the whole stage with paragraph reuse), the `dupes`
 * and `run` processes (wall time, peak RSS, CPU time), duplicate recall and precision against the
 * planted copies, a re-run with only thresholds.cluster changed, and the growth from the smaller
 * corpus to the larger. Sizes: 10,000 and 100,000 articles; `--full` adds 1,000,000;
 * `--sizes 2000,20000` chooses others.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/loadConfig.js';
import { findSimilarTexts } from '../../src/fingerprint/findSimilarTexts.js';
import { fingerprintCorpus, foldArticleText } from '../../src/fingerprint/fingerprintCorpus.js';
import { foldText } from '../../src/text/normalizeForMatching.js';
import { jaccard, shingleHashes } from '../../src/fingerprint/shingleHashes.js';
import { ingestInputs } from '../../src/pipeline/ingestCorpus.js';
import { generateCorpus } from './generateCorpus.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli/bin.js');
const CONFIG = path.join(ROOT, 'pipelines/cn-vn.yaml');

interface ProcessRun {
  seconds: number;
  peakMb: number;
  /**
   * CPU seconds in user and kernel mode, all threads. This machine's speed swings from hour to
   * hour, and the same build's `dupes` has taken 8.5 s and 11.7 s: the system time shows when
   * the kernel, not parallax, took the difference (page faults that cost three times their usual).
   */
  userSeconds: number;
  systemSeconds: number;
  /** Set when the process failed (e.g. out of memory): the figures are then those at failure. */
  failed?: string;
}

/** Wall time, peak RSS and CPU time of one CLI process; a failed process is a result to report, not a crash. */
function timeProcess(args: string[]): ProcessRun {
  const report = path.join(tmpdir(), `parallax-time-${process.pid}.txt`);
  let failed: string | undefined;
  // The previous process's gigabyte of files is still being written back to disk; measured over
  // it, a run took up to 4 s more system time at random. Let it settle first.
  execFileSync('sync');
  execFileSync('sleep', ['3']);
  try {
    execFileSync('/usr/bin/time', ['-f', '%e %M %U %S', '-o', report, process.execPath, CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    failed = /heap out of memory/u.test(stderr) ? 'out of memory (V8 heap limit)' : `exit ${(error as { status?: number }).status}`;
  }
  const [seconds, kb, user, system] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(/\s+/u).map(Number);
  rmSync(report, { force: true });
  return { seconds: seconds!, peakMb: Math.round(kb! / 1024), userSeconds: user!, systemSeconds: system!, ...(failed ? { failed } : {}) };
}

/** Above this many articles the bench does not ingest the corpus in its own process (it would hold it all): the processes are measured. */
const IN_PROCESS_LIMIT = 200_000;

/**
 * Writes the corpus as JSONL a few thousand lines at a time (a million articles are 6 GB, more than
 * one string can hold), and keeps only the texts recall and precision need: the planted copies'.
 */
function writeCorpus(count: number, file: string) {
  const { articles, truth } = generateCorpus(count);
  const fd = openSync(file, 'w');
  let textBytes = 0;
  for (let start = 0; start < articles.length; start += 5000) {
    const lines = articles.slice(start, start + 5000).map((a) => {
      textBytes += Buffer.byteLength(a.text);
      return JSON.stringify(a) + '\n';
    });
    writeSync(fd, lines.join(''));
  }
  closeSync(fd);
  const planted = new Set(truth.copies.flat());
  const texts = new Map(articles.filter((a) => planted.has(a.id)).map((a) => [a.id, a.text]));
  return { textBytes, truth, texts };
}

const ROUNDS = 3;

/** The median wall time of ROUNDS runs of `work`, and the last run's result. */
async function medianSeconds<T>(work: () => T | Promise<T>): Promise<{ seconds: number; result: T }> {
  const seconds: number[] = [];
  let result!: T;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    result = await work();
    seconds.push((performance.now() - start) / 1000);
  }
  return { seconds: seconds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!, result };
}

/** Reads a JSONL output file of the dupes process. */
function readPairs(file: string): { a: string; b: string }[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

async function benchSize(count: number) {
  const dir = mkdtempSync(path.join(tmpdir(), `parallax-bench-${count}-`));
  const corpus = path.join(dir, 'corpus.jsonl');
  const { textBytes, truth, texts } = writeCorpus(count, corpus);
  const config = await loadConfig(CONFIG);

  // Fingerprinting, LSH and verification alone, on articles already ingested: first article
  // near-duplicates only (fold, MinHash, LSH, verify: the measure), then the whole stage,
  // which also signs every paragraph and finds reused paragraphs between articles. Each is the
  // median of ROUNDS: at 10k a round is half a second, and one round varied by a fifth.
  let inProcess: { articleSeconds: number; fingerprintSeconds: number; samePairs: boolean } | null = null;
  if (count <= IN_PROCESS_LIMIT) {
    const { articles: ingested } = await ingestInputs([corpus], config);
    const article = await medianSeconds(() =>
      findSimilarTexts(ingested.map((a) => ({ id: a.id, folded: foldArticleText(a) })), { ...config.fingerprint, minShared: config.fingerprint.minSharedBands.duplicate }, config.thresholds.duplicate),
    );
    const stage = await medianSeconds(async () => (await fingerprintCorpus(ingested, config)).duplicates);
    inProcess = { articleSeconds: article.seconds, fingerprintSeconds: stage.seconds, samePairs: JSON.stringify(article.result) === JSON.stringify(stage.result) };
  }

  // dupes in a folder of its own and without the workspace: the whole process, nothing reused.
  const dupes = timeProcess(['dupes', '--config', CONFIG, '--input', corpus, '--out', path.join(dir, 'dupes'), '--quiet', '--no-cache']);
  console.error(`${count} articles: dupes ${JSON.stringify(dupes)}`);

  // Truth: planted copies whose exact shingle Jaccard reaches the threshold; found: what dupes wrote.
  const k = config.fingerprint.shingle;
  const exactOf = new Map<string, number>();
  const exact = (a: string, b: string) => jaccard(shingleHashes(foldText(texts.get(a)!), k), shingleHashes(foldText(texts.get(b)!), k));
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  for (const [a, b] of truth.copies) exactOf.set(key(a, b), exact(a, b));
  const truthPairs = new Set([...exactOf].filter(([, j]) => j >= config.thresholds.duplicate).map(([pair]) => pair));
  const duplicates = dupes.failed ? [] : readPairs(path.join(dir, 'dupes/data/duplicates.jsonl'));
  const found = new Set(duplicates.map((d) => key(d.a, d.b)));
  const recall = truthPairs.size ? [...truthPairs].filter((p) => found.has(p)).length / truthPairs.size : 1;
  // A reported pair that is not a planted copy is checked against the texts it has; only planted copies' texts are kept.
  const correct = duplicates.filter((d) => {
    const planted = exactOf.get(key(d.a, d.b));
    if (planted !== undefined) return planted >= config.thresholds.duplicate;
    return texts.has(d.a) && texts.has(d.b) && exact(d.a, d.b) >= config.thresholds.duplicate;
  });
  const precision = duplicates.length ? correct.length / duplicates.length : 1;

  // A first run (it writes the workspace), then a re-run into the same folder with only thresholds.cluster changed.
  const run = timeProcess(['run', '--config', CONFIG, '--input', corpus, '--out', path.join(dir, 'out'), '--quiet']);
  console.error(`${count} articles: run ${JSON.stringify(run)}`);
  const rerun = run.failed
    ? run
    : timeProcess(['run', '--config', CONFIG, '--input', corpus, '--out', path.join(dir, 'out'), '--quiet', '--set', 'thresholds.cluster=0.6']);
  rmSync(dir, { recursive: true, force: true });
  const mb = textBytes / 1e6;
  return {
    articles: count,
    textMb: Math.round(mb),
    ...(inProcess
      ? {
          articleDuplicatesMbPerS: Math.round(mb / inProcess.articleSeconds),
          ...(inProcess.samePairs ? {} : { articleDuplicatesDiffer: true }),
          fingerprintMbPerS: Math.round(mb / inProcess.fingerprintSeconds),
        }
      : {}),
    dupesSeconds: dupes.seconds,
    dupesMbPerS: Math.round(mb / dupes.seconds),
    dupesPeakMb: dupes.peakMb,
    dupesUserSeconds: dupes.userSeconds,
    dupesSystemSeconds: dupes.systemSeconds,
    ...(dupes.failed ? { dupesFailed: dupes.failed } : {}),
    recall: Number(recall.toFixed(4)),
    precision: Number(precision.toFixed(4)),
    plantedPairs: truthPairs.size,
    runSeconds: run.seconds,
    runArticlesPerS: Math.round(count / run.seconds),
    runPeakMb: run.peakMb,
    runUserSeconds: run.userSeconds,
    runSystemSeconds: run.systemSeconds,
    ...(run.failed ? { runFailed: run.failed } : {}),
    rerunSeconds: rerun.seconds,
    rerunShare: Number((rerun.seconds / run.seconds).toFixed(2)),
  };
}

const argv = process.argv.slice(2);
const sizesArg = argv.indexOf('--sizes');
const sizes = sizesArg >= 0 ? argv[sizesArg + 1]!.split(',').map(Number) : [10_000, 100_000, ...(argv.includes('--full') ? [1_000_000] : [])];
const results = [];
for (const size of sizes) {
  const result = await benchSize(size);
  results.push(result);
  console.log(JSON.stringify(result));
}
if (results.length >= 2) {
  const [small, large] = [results[0]!, results.at(-1)!];
  const ratio = large.articles / small.articles;
  console.log(
    `growth: ${small.articles} → ${large.articles} articles (×${ratio}): run ×${(large.runSeconds / small.runSeconds).toFixed(1)}, dupes ×${(large.dupesSeconds / small.dupesSeconds).toFixed(1)}`,
  );
}
