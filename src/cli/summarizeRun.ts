import path from 'node:path';
import { sidesCovering } from '../cluster/sidesCovering.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { RunResult } from '../pipeline/runPipeline.js';
import { manifestTotals } from '../pipeline/writeOutputs.js';

/** The few lines a user reads after a run: what went in, what came out, and where to look next. */
export function summarizeRun(result: RunResult, config: ResolvedConfig, out: string): string[] {
  const totals = manifestTotals(result.manifest);
  const { clusters, digests } = result.through === 'dupes' ? {} : result;
  const lines = [
    `articles: ${totals.ingested} ingested, ${totals.skipped} skipped, ${totals.failed} failed` +
      (totals.skipped + totals.failed > 0 ? ` (reasons in ${path.join(out, 'manifest.json')})` : ''),
  ];
  if (result.duplicates && result.reuse) {
    lines.push(`duplicates: ${result.duplicates.length} article pairs, ${result.reuse.length} reused paragraph pairs`);
  }
  if (clusters) {
    const sideIds = Object.keys(config.sides);
    const both = clusters.filter((c) => sidesCovering(c, sideIds).length >= 2).length;
    lines.push(`events: ${clusters.length}, covered by both sides: ${both}`);
  }
  const stages = Object.entries(result.timings)
    .map(([stage, ms]) => `${stage} ${ms} ms`)
    .join(', ');
  lines.push(`time: ${stages}`);
  if (result.workspace) {
    const { documents, signatures, comparisons, stages: whole } = result.workspace;
    const share = (n: { reused: number; computed: number }) => `${n.reused}/${n.reused + n.computed}`;
    // `dupes` reads only the articles' text, and the workspace keeps whole articles.
    const reused = result.through === 'dupes' ? [] : [`${share(documents)} documents`];
    if (whole.fingerprint === 'reused') reused.push('the fingerprint stage');
    else if (result.duplicates) reused.push(`${share(signatures)} signatures`);
    if (whole['scored-pairs'] === 'reused') reused.push('the scored candidate pairs');
    if (comparisons) reused.push(`${share(comparisons)} comparisons`);
    lines.push(`reused from ${result.workspace.file}: ${reused.join(', ')}`);
  }
  if (digests) lines.push(`report: ${path.join(out, 'index.html')}`);
  else lines.push(`data: ${path.join(out, 'data')}`);
  return lines;
}
