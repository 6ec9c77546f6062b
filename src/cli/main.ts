import { existsSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { ParallaxError } from '../errors.js';
import { collectInputs, inputBytes, type InputFile } from '../pipeline/collectInputs.js';
import { prestartIngest } from '../pipeline/prestartIngest.js';
import type { StageName } from '../pipeline/runPipeline.js';
import { WORKSPACE_FILE } from '../workspace/workspaceFile.js';
import type { EvaluateArgs } from './evaluateCommands.js';
import { heapLimitArgs, runAgain, workerSemiSpaceFlag } from './heapLimit.js';

/*
 * What this module imports is what every command needs before it knows whether it will run here
 * or again in a process with a larger heap (heapLimitArgs); the pipeline is imported once it runs
 * here. Loading it all first cost the process that only starts the other half a second.
 */

export interface CommonArgs {
  config: string;
  input: string[];
  out: string;
  set: string[];
  quiet: boolean;
  debug: boolean;
  cache: boolean;
  workers: number;
}

const COMMANDS: { name: string; stage: StageName; describe: string }[] = [
  { name: 'run', stage: 'report', describe: 'Run every stage and write the reports' },
  { name: 'ingest', stage: 'ingest', describe: 'Read the corpus and write data/articles.jsonl and the manifest' },
  { name: 'dupes', stage: 'dupes', describe: "Read the articles' text and fingerprint it: write duplicates.jsonl and reuse.jsonl" },
  { name: 'cluster', stage: 'cluster', describe: 'Ingest, fingerprint and cluster: write clusters.json' },
  { name: 'report', stage: 'report', describe: 'Run every stage and write the reports (same as run)' },
];

/** The CLI script, to run again under other node arguments. */
const BIN = fileURLToPath(new URL('./bin.js', import.meta.url));

/**
 * The exit code of the command run again under a heap sized for its input (heapLimitArgs), or
 * undefined to run it here. `holdsArticles`: the command keeps its articles in memory (all but `dupes`).
 */
async function runSizedForInput(files: InputFile[], argv: string[], holdsArticles: boolean): Promise<number | undefined> {
  const heap = heapLimitArgs(process.execArgv, process.env, totalmem(), { bytes: inputBytes(files), holdsArticles });
  return heap ? runAgain(heap, BIN, argv) : undefined;
}

/** Runs a command; a number is the exit code of the same command run again with a larger heap. */
async function execute(command: string, stage: StageName, args: CommonArgs, argv: string[]): Promise<number | void> {
  if (!Number.isInteger(args.workers) || args.workers < 1) throw new ParallaxError(`--workers must be a whole number of at least 1 (got ${args.workers})`);
  // Found once: sized here for the heap ceiling, then read by ingest.
  const files = await collectInputs(args.input);
  const again = await runSizedForInput(files, argv, stage !== 'dupes');
  if (again !== undefined) return again;
  // Set before any worker thread starts: it reaches only isolates made after it.
  const workerFlag = workerSemiSpaceFlag(process.env);
  if (workerFlag) setFlagsFromString(workerFlag);
  if (buildsFromScratch(stage, args)) prestartIngest(args.workers);
  const { runCommand } = await import('./runCommand.js');
  await runCommand(command, stage, args, files);
}

/**
 * Whether the command will build its articles rather than read them back from the workspace, so
 * that its ingest threads are worth starting before the config is read: `dupes` keeps no articles
 * there, and a run with no workspace yet (or --no-cache) has none to read. A re-run's threads would
 * load their modules for nothing.
 */
function buildsFromScratch(stage: StageName, args: CommonArgs): boolean {
  return stage === 'dupes' || !args.cache || !existsSync(path.join(args.out, WORKSPACE_FILE));
}

function reportError(error: unknown, debug: boolean): void {
  if (error instanceof ParallaxError && !debug) {
    process.stderr.write(`parallax: ${error.message}\n`);
  } else {
    process.stderr.write(`parallax: ${debug ? ((error as Error).stack ?? String(error)) : (error as Error).message}\n`);
    if (!debug) process.stderr.write('parallax: run again with --debug for the stack trace\n');
  }
}

/** Runs the CLI on `argv` (without the node and script paths) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  let cli = yargs(argv)
    .scriptName('parallax')
    .usage('$0 <command> [options]')
    .option('config', { type: 'string', default: 'pipelines/cn-vn.yaml', describe: 'Pipeline config (YAML)' })
    .option('input', { type: 'string', array: true, default: ['fixtures/corpus'], describe: 'Files or folders to read (repeatable)' })
    .option('out', { type: 'string', default: 'reports', describe: 'Output folder' })
    .option('set', { type: 'string', array: true, default: [], describe: 'Override a config key: key.path=value (repeatable)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing on success' })
    .option('debug', { type: 'boolean', default: false, describe: 'Show stack traces on errors' })
    .option('workers', {
      type: 'number',
      // Each worker loads its own copy of the dictionaries and tables: past a few, memory grows faster than speed.
      default: Math.min(availableParallelism(), 8),
      describe: 'Worker threads for ingest and compare (default: one per core, at most 8; 1 runs everything on one thread; the output is the same)',
    })
    .option('cache', {
      type: 'boolean',
      default: true,
      describe: `Reuse and update the workspace <out>/${WORKSPACE_FILE} (--no-cache computes everything and leaves it alone)`,
    })
    .demandCommand(1, 'Name a command: run, ingest, dupes, cluster or report')
    .strict()
    .help()
    .exitProcess(false)
    .fail((message, error) => {
      // yargs reports its own usage problems (unknown or missing options) as YError: those are exit 2.
      if (error && error.name !== 'YError') throw error;
      process.stderr.write(`parallax: ${message ?? error?.message}\nRun "parallax --help" for usage.\n`);
      exitCode = 2;
    });
  for (const { name, stage, describe } of COMMANDS) {
    cli = cli.command(name, describe, {}, async (args) => {
      if (exitCode === 2) return;
      try {
        const code = await execute(name, stage, args as unknown as CommonArgs, argv);
        if (code) exitCode = code;
      } catch (error) {
        reportError(error, debug);
        exitCode = 1;
      }
    });
  }
  // With exitProcess(false) yargs still calls a handler after reporting a usage failure.
  const evaluation = (name: 'evaluateCommand' | 'tuneCommand' | 'explainCommand') => async (args: unknown) => {
    if (exitCode === 2) return;
    try {
      // eval, tune and explain ingest and cluster the whole corpus too; its files are found once.
      const files = await collectInputs((args as EvaluateArgs).input);
      const again = await runSizedForInput(files, argv, true);
      if (again !== undefined) {
        exitCode = again;
        return;
      }
      const commands = await import('./evaluateCommands.js');
      await commands[name](args as EvaluateArgs, files);
    } catch (error) {
      reportError(error, debug);
      exitCode = 1;
    }
  };
  cli = cli
    .command(
      'eval',
      'Score the clusters against gold labels: B-cubed and pairwise precision, recall, F1, and the worst errors',
      (y) =>
        y
          .option('gold', { type: 'string', demandOption: true, describe: 'Gold labels: {"<id>": "<event>"} JSON or {"id","event"} JSONL' })
          .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
      evaluation('evaluateCommand'),
    )
    .command(
      'tune',
      'Score every point of a threshold grid against gold labels; writes tune.json and tune.html',
      (y) =>
        y
          .option('gold', { type: 'string', demandOption: true, describe: 'Gold labels file' })
          .option('grid', { type: 'string', array: true, demandOption: true, describe: 'key=from:to:step or key=a,b,c (repeatable)' })
          .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
      evaluation('tuneCommand'),
    )
    .command(
      'explain <a> <b>',
      'Show every feature behind the cluster decision for two articles',
      (y) =>
        y
          .positional('a', { type: 'string', describe: 'article id' })
          .positional('b', { type: 'string', describe: 'article id' })
          .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
      evaluation('explainCommand'),
    );
  try {
    await cli.parseAsync();
  } catch (error) {
    reportError(error, debug);
    return exitCode || 1;
  }
  return exitCode;
}

