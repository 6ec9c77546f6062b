import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import pLimit from 'p-limit';

/** Writes through a temporary file and a rename, so an interrupted run never leaves a half-written file that looks whole. */
export async function writeAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/**
 * Replaces a whole folder of outputs: writes the new one beside it, then swaps it in, so pages of
 * events that no longer exist do not survive from an earlier run. Files are drawn from `files` as
 * they are written, a batch at a time: a corpus's pages are never all in memory at once.
 */
export async function replaceFolder(folder: string, files: Iterable<[string, string]>): Promise<void> {
  const staging = `${folder}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const limit = pLimit(16);
  let batch: Promise<void>[] = [];
  for (const [name, content] of files) {
    batch.push(limit(() => writeFile(path.join(staging, name), content)));
    if (batch.length >= 64) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  await rm(folder, { recursive: true, force: true });
  await rename(staging, folder);
}

/** Writes one JSON line per row through a stream (never one giant string), then renames into place. */
export async function writeJsonlAtomic(file: string, rows: Iterable<unknown>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  const stream = createWriteStream(temporary);
  for (const row of rows) {
    if (!stream.write(JSON.stringify(row) + '\n')) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  await rename(temporary, file);
}
