import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, loadWrittenConfig } from '../config/loadConfig.js';
import { ParallaxError } from '../errors.js';
import { explainPair } from '../evaluate/explainPair.js';
import { findClusterErrors } from '../evaluate/findClusterErrors.js';
import { parseGridAxis } from '../evaluate/parseGrid.js';
import { parseGold, type GoldLabels } from '../evaluate/readGold.js';
import { scoreClusters } from '../evaluate/scoreClusters.js';
import { tuneGrid } from '../evaluate/tuneGrid.js';
import { applyOverrides } from '../config/applyOverrides.js';
import type { InputFile } from '../pipeline/collectInputs.js';
import { runPipeline } from '../pipeline/runPipeline.js';
import { StageCache } from '../pipeline/stageCache.js';
import { writeAtomic } from '../pipeline/writeAtomic.js';
import { renderTuneReport } from '../report/renderTuneReport.js';
import { formatExplanation, formatScores, formatTune } from './formatEvaluation.js';

export interface EvaluateArgs {
  config: string;
  input: string[];
  out: string;
  set: string[];
  quiet: boolean;
  json: boolean;
  gold?: string;
  grid?: string[];
  a?: string;
  b?: string;
}

function print(lines: string[]): void {
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
}

async function readGold(file: string | undefined): Promise<GoldLabels> {
  if (!file) throw new ParallaxError('--gold FILE is required');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ParallaxError(`cannot read gold ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseGold(text, file);
}

/** `parallax eval`: cluster quality against gold labels, with the worst errors and the links behind them. */
export async function evaluateCommand(args: EvaluateArgs, files?: InputFile[]): Promise<void> {
  const gold = await readGold(args.gold);
  const config = await loadConfig(args.config, args.set);
  const result = await runPipeline(args.input, config, 'cluster', { files });
  const scores = scoreClusters(result.clusters!.map((c) => c.articles), gold);
  const errors = findClusterErrors(result.clusters!, result.links!, gold);
  if (args.json) print([JSON.stringify({ scores, errors }, null, 2)]);
  else print(formatScores(scores, errors));
}

/** `parallax tune`: every grid point scored against the gold; ingest and fingerprints computed once where they can be. */
export async function tuneCommand(args: EvaluateArgs, files?: InputFile[]): Promise<void> {
  const gold = await readGold(args.gold);
  if (!args.grid?.length) throw new ParallaxError('--grid key=from:to:step (or key=a,b,c) is required');
  const axes = args.grid.map(parseGridAxis);
  const written = applyOverrides(await loadWrittenConfig(args.config), args.set);
  const cache = new StageCache(args.input, files);
  const started = performance.now();
  const result = await tuneGrid(cache, written, axes, gold, args.config);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  await writeAtomic(path.join(args.out, 'tune.json'), JSON.stringify({ gold: args.gold, ...result }, null, 2) + '\n');
  await writeAtomic(path.join(args.out, 'tune.html'), renderTuneReport(result, args.gold!));
  if (args.json) return print([JSON.stringify(result, null, 2)]);
  print([
    ...formatTune(result),
    `${result.points.length} points in ${seconds} s (ingest ran ${cache.runs.ingest}×, fingerprint ${cache.runs.fingerprint}×, pair scoring ${cache.runs.score}×)`,
    `wrote ${path.join(args.out, 'tune.json')} and ${path.join(args.out, 'tune.html')}`,
  ]);
}

/** `parallax explain A B`: every feature behind the cluster decision for two articles. */
export async function explainCommand(args: EvaluateArgs, files?: InputFile[]): Promise<void> {
  const config = await loadConfig(args.config, args.set);
  const run = await runPipeline(args.input, config, 'cluster', { files });
  const find = (id: string) => {
    const article = run.articles.find((a) => a.id === id);
    if (!article) throw new ParallaxError(`no article "${id}" in ${args.input.join(', ')} (ids are in data/articles.jsonl)`);
    return article;
  };
  const explanation = explainPair(find(args.a!), find(args.b!), {
    articles: run.articles,
    duplicates: run.duplicates!,
    reuse: run.reuse!,
    clusters: run.clusters!,
    links: run.links!,
  }, config);
  if (args.json) print([JSON.stringify(explanation, null, 2)]);
  else print(formatExplanation(explanation));
}
