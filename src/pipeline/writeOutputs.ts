import { rm } from 'node:fs/promises';
import path from 'node:path';
import { clusterFacts } from '../cluster/clusterLinks.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { renderEventsCsv } from '../report/renderEventsCsv.js';
import { renderIndex } from '../report/renderIndex.js';
import type { ManifestEntry } from '../types.js';
import { articleRecord } from './articleRecord.js';
import { recordArticleLines } from './keptArticleLines.js';
import type { RunResult } from './runPipeline.js';
import type { Workspace } from '../workspace/openWorkspace.js';
import type { EventPages } from './writeEventPages.js';
import { openFolderReplacement, writeAtomic, writeJsonlAtomic, type StagedJsonl } from './writeAtomic.js';

export interface ManifestTotals {
  inputs: number;
  ingested: number;
  skipped: number;
  failed: number;
}

export function manifestTotals(entries: ManifestEntry[]): ManifestTotals {
  const count = (status: ManifestEntry['status']) => entries.filter((e) => e.status === status).length;
  return { inputs: entries.length, ingested: count('ingested'), skipped: count('skipped'), failed: count('failed') };
}

export interface WriteContext {
  out: string;
  command: string;
  configFile: string;
  inputs: string[];
  /** With the result's output keys: files whose content key is unchanged are kept, not written again. */
  workspace?: Workspace;
  /** For a report run: the event pages its compare stage wrote, swapped in here with the rest. */
  events?: EventPages;
  /**
   * articles.jsonl as ingest wrote it, line by line (PipelineOptions.articleRecords): swapped in
   * when it holds every article, else dropped and the file written from the articles.
   */
  articleFile?: StagedJsonl;
}

/**
 * Outputs a command does not write (those of later stages; `dupes` also keeps no articles): stale
 * if left from an earlier run into the same folder.
 */
const NOT_WRITTEN: Record<RunResult['through'], string[]> = {
  ingest: ['data/duplicates.jsonl', 'data/reuse.jsonl', 'data/clusters.json', 'data/links.jsonl', 'data/events.csv', 'events', 'months', 'index.html'],
  dupes: ['data/articles.jsonl', 'data/clusters.json', 'data/links.jsonl', 'data/events.csv', 'events', 'months', 'index.html'],
  cluster: ['data/events.csv', 'events', 'months', 'index.html'],
  report: [],
};

/**
 * Replaces `months/` with the index's month pages (a month no longer in the corpus loses its page),
 * or removes it when the index lists every event itself.
 */
async function writeMonthPages(folder: string, pages: Map<string, () => string>): Promise<void> {
  if (pages.size === 0) return rm(folder, { recursive: true, force: true });
  const replacement = await openFolderReplacement(folder);
  try {
    for (const [name, render] of pages) await replacement.put(name, render());
  } catch (error) {
    await replacement.abandon();
    throw error;
  }
  await replacement.commit();
  await replacement.retired();
}

/**
 * Writes what the stages produced, and removes what an earlier run into the same folder left from
 * stages this run did not reach, so the folder always describes one run.
 */
export async function writeOutputs(result: RunResult, config: ResolvedConfig, context: WriteContext): Promise<string[]> {
  const { out } = context;
  const started = performance.now();
  const totals = manifestTotals(result.manifest);
  for (const stale of NOT_WRITTEN[result.through]) await rm(path.join(out, stale), { recursive: true, force: true });
  const written: string[] = [];
  const keys = context.workspace && result.through !== 'dupes' && result.outputKeys ? { workspace: context.workspace, ...result.outputKeys } : undefined;
  const write = async (relative: string, content: string) => {
    await writeAtomic(path.join(out, relative), content);
    written.push(path.join(out, relative));
  };
  // The large data files are what a threshold re-run would otherwise spend its time rewriting
  // unchanged. `staged`: the file already written beside its place, to swap in instead of the rows.
  // `lineOf` makes each row's line (JSON.stringify unless the rows come as lines).
  const writeJsonl = async <Row>(relative: string, rows: () => Iterable<Row>, contentKey?: string, staged?: StagedJsonl, lineOf?: (row: Row) => string) => {
    const file = path.join(out, relative);
    written.push(file);
    const write = () => (staged ? staged.commit() : writeJsonlAtomic(file, rows(), lineOf));
    if (!keys || !contentKey) return write();
    if (keys.workspace.outputUnchanged(file, contentKey)) await staged?.abandon();
    else await write();
    keys.workspace.recordOutput(file, contentKey);
  };
  if (result.through !== 'dupes') {
    const { articles } = result;
    const staged = context.articleFile;
    // A corpus taken whole from the workspace hands on no lines: its file is kept, or written here.
    const complete = staged !== undefined && staged.lines === articles.length;
    if (!complete) await staged?.abandon();
    // Where its lines start, taken before the file is swapped in, for a later run to read it in place.
    const lines = complete && keys ? staged.lineIndex() : undefined;
    await writeJsonl(
      'data/articles.jsonl',
      function* () {
        // Articles held as their leads are read whole again (PipelineResult.whole).
        for (const article of result.whole?.all() ?? articles) yield articleRecord(article);
      },
      keys?.articles,
      complete ? staged : undefined,
    );
    if (lines) recordArticleLines(keys!.workspace, keys!.articles, lines);
  }
  if (result.duplicates && result.reuse) {
    await writeJsonl('data/duplicates.jsonl', () => result.duplicates!, keys?.fingerprints);
    await writeJsonl('data/reuse.jsonl', () => result.reuse!, keys?.fingerprints);
  }
  if (result.through !== 'dupes' && result.clusters && result.links) {
    await write(
      'data/clusters.json',
      JSON.stringify({ clusters: result.clusters.map(clusterFacts) }, null, 2) + '\n',
    );
    await writeJsonl('data/links.jsonl', () => result.links!.lines(), undefined, undefined, (line) => line);
  }
  if (result.through !== 'dupes' && result.clusters && result.digests) {
    if (!context.events) throw new Error('writeOutputs: a report run needs the event pages it wrote to (openEventPages, passed as PipelineOptions.events)');
    await context.events.commit();
    const byId = new Map(result.articles.map((a) => [a.id, a]));
    await write('data/events.csv', renderEventsCsv(result.clusters, result.digests, byId, Object.keys(config.sides)));
    const { index, months } = renderIndex(
      {
        clusters: result.clusters,
        digests: result.digests,
        articles: byId,
        duplicates: result.duplicates ?? [],
        totals,
        pages: context.events.pages,
      },
      config,
    );
    // The month pages first, so that the index never links to one not yet there.
    await writeMonthPages(path.join(out, 'months'), months);
    await write('index.html', index);
  }
  // Writing is a stage as far as the user's wait goes: at 100k articles it is a gigabyte of files.
  result.timings.write = Math.round(performance.now() - started);
  await write(
    'manifest.json',
    JSON.stringify(
      {
        command: context.command,
        config: context.configFile,
        inputs: context.inputs,
        stages: result.timings,
        threads: result.threads,
        ...(result.workspace ? { workspace: result.workspace } : {}),
        totals,
        entries: result.manifest,
      },
      null,
      2,
    ) + '\n',
  );
  // The old events folder was being removed while the rest was written.
  await context.events?.retired();
  return written;
}
