import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type ConfigParseCache } from '../config/loadConfig.js';
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

/**
 * The cache of config parses for loadConfig: the workspace's when there is one already, else one
 * that holds the parse until `keep` is given the workspace made after it.
 */
function keptAfterOpening(workspace: Workspace | undefined): { cache: ConfigParseCache; keep: (made: Workspace) => void } {
  if (workspace) return { cache: workspace.configParses(), keep: () => {} };
  const held = new Map<string, unknown>();
  return {
    cache: { get: () => undefined, put: (key, written) => held.set(key, written) },
    keep: (made) => {
      const cache = made.configParses();
      for (const [key, written] of held) cache.put(key, written);
    },
  };
}

/** Runs a pipeline command in this process over the input `files` (found by main): the stages, the outputs, the summary. */
export async function runCommand(command: string, stage: StageName, args: CommonArgs, files: InputFile[]): Promise<void> {
  const workspaceFile = path.join(args.out, WORKSPACE_FILE);
  // A workspace already there may hold the config's parse (a re-run); a new one is made only once
  // the config is known to be good, so that a bad config leaves no output folder behind.
  let workspace = args.cache && existsSync(workspaceFile) ? new Workspace(workspaceFile, command) : undefined;
  let config;
  // With --no-cache there is no workspace to keep the parse in.
  const parses = args.cache ? keptAfterOpening(workspace) : undefined;
  try {
    config = await loadConfig(args.config, args.set, parses?.cache);
  } catch (error) {
    workspace?.abandon();
    throw error;
  }
  workspace ??= args.cache ? new Workspace(workspaceFile, command) : undefined;
  if (workspace) parses?.keep(workspace);
  let result;
  // Event pages are written while the events are compared, and swapped in with the other outputs.
  const events = stage === 'report' ? await openEventPages(args.out, workspace) : undefined;
  // So is articles.jsonl, from the lines the ingest workers make as they build the articles.
  const articlesPath = path.join(args.out, 'data', 'articles.jsonl');
  const articleFile = stage === 'dupes' ? undefined : openStagedJsonl(articlesPath);
  try {
    const progress = createProgress(process.stderr, args.quiet);
    result = await runPipeline(args.input, config, stage, { progress, workspace, workers: args.workers, events, files, articleRecords: articleFile, keptArticles: articlesPath });
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

