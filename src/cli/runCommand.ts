import path from 'node:path';
import { loadConfig } from '../config/loadConfig.js';
import { ParallaxError } from '../errors.js';
import type { InputFile } from '../pipeline/collectInputs.js';
import { createProgress } from '../pipeline/progress.js';
import { runPipeline, type StageName } from '../pipeline/runPipeline.js';
import { openEventPages } from '../pipeline/writeEventPages.js';
import { openStagedJsonl } from '../pipeline/writeAtomic.js';
import { manifestTotals, writeOutputs } from '../pipeline/writeOutputs.js';
import { Workspace, WORKSPACE_FILE } from '../workspace/openWorkspace.js';
import type { CommonArgs } from './main.js';
import { summarizeRun } from './summarizeRun.js';

/** Runs a pipeline command in this process over the input `files` (found by main): the stages, the outputs, the summary. */
export async function runCommand(command: string, stage: StageName, args: CommonArgs, files: InputFile[]): Promise<void> {
  const config = await loadConfig(args.config, args.set);
  const workspace = args.cache ? new Workspace(path.join(args.out, WORKSPACE_FILE), command) : undefined;
  let result;
  // Event pages are written while the events are compared, and swapped in with the other outputs.
  const events = stage === 'report' ? await openEventPages(args.out, workspace) : undefined;
  // So is articles.jsonl, from the lines the ingest workers make as they build the articles.
  const articleFile = stage === 'dupes' ? undefined : openStagedJsonl(path.join(args.out, 'data', 'articles.jsonl'));
  try {
    const progress = createProgress(process.stderr, args.quiet);
    result = await runPipeline(args.input, config, stage, { progress, workspace, workers: args.workers, events, files, articleRecords: articleFile });
    if (workspace) result.workspace = { file: workspace.file, ...workspace.counts };
    await writeOutputs(result, config, { out: args.out, command, configFile: args.config, inputs: args.input, workspace, events, articleFile });
  } catch (error) {
    await events?.abandon();
    await articleFile?.abandon();
    throw error;
  } finally {
    workspace?.close(result?.timings);
  }
  if (manifestTotals(result.manifest).ingested === 0) {
    throw new ParallaxError(`no usable article found in ${args.input.join(', ')} (see ${args.out}/manifest.json)`);
  }
  if (!args.quiet) {
    process.stdout.write(`parallax ${command}\n` + summarizeRun(result, config, args.out).map((l) => `  ${l}\n`).join(''));
  }
}

