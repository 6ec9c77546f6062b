import { statSync } from 'node:fs';
import type { Workspace } from '../workspace/openWorkspace.js';
import type { StagedLines } from './writeAtomic.js';

/** The stage row that holds where each line of a written articles.jsonl starts, under the file's content key. */
const ARTICLE_LINES_STAGE = 'article-lines';

/**
 * Keeps where each line of the articles.jsonl just written starts (8 bytes a line), under the
 * file's content key: a later run over the same corpus can then read its events' members from
 * the file, as the run that wrote it did (keptArticleLines).
 */
export function recordArticleLines(workspace: Workspace, contentKey: string, lines: StagedLines): void {
  const { starts } = lines;
  workspace.putStageBlob(ARTICLE_LINES_STAGE, contentKey, '', Buffer.from(starts.buffer, starts.byteOffset, starts.byteLength));
}

/**
 * The lines of `file`, an articles.jsonl an earlier run wrote and recorded (recordArticleLines),
 * when it is still as written under `contentKey` and holds `count` lines; else undefined. A re-run
 * that took its corpus whole from the workspace compares again the events a threshold regrouped:
 * reading their members from the workspace's rows read a 64 KB page for each (13 s of a
 * million-article re-run, on the main thread), where a line is one read, made on the compare threads.
 */
export function keptArticleLines(workspace: Workspace, file: string, contentKey: string, count: number): StagedLines | undefined {
  if (!workspace.outputUnchanged(file, contentKey)) return undefined;
  const bytes = workspace.getStageBlob(ARTICLE_LINES_STAGE, contentKey, '');
  if (!bytes || bytes.byteLength !== count * Float64Array.BYTES_PER_ELEMENT) return undefined;
  // Copied: the bytes SQLite gives need not start at a multiple of 8.
  const starts = new Float64Array(count);
  new Uint8Array(starts.buffer).set(bytes);
  return { file, starts, size: statSync(file).size };
}
