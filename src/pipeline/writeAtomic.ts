import { createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
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

/** A file's new content, or `keep`: the file of that name in the folder being replaced is still right. */
export type FolderEntry = [name: string, content: string | { keep: true }];

/**
 * Replaces a whole folder of outputs: writes the new one beside it, then swaps it in, so pages of
 * events that no longer exist do not survive from an earlier run. Files are drawn from `files` as
 * they are written, a batch at a time: a corpus's pages are never all in memory at once. A kept
 * file is hard-linked from the old folder: no rendering, no writing, and still one swap.
 */
export async function replaceFolder(folder: string, files: Iterable<FolderEntry>): Promise<void> {
  const staging = `${folder}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const limit = pLimit(16);
  let batch: Promise<void>[] = [];
  for (const [name, content] of files) {
    const target = path.join(staging, name);
    batch.push(limit(() => (typeof content === 'string' ? writeFile(target, content) : keepFile(path.join(folder, name), target))));
    if (batch.length >= 64) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  await rm(folder, { recursive: true, force: true });
  await rename(staging, folder);
}

async function keepFile(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** Lines are handed to the stream in chunks of about this many characters. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes one JSON line per row through a stream (never one giant string), then renames into place.
 * A write per line cost more than the JSON at a million lines; chunks of a megabyte do not.
 */
export async function writeJsonlAtomic(file: string, rows: Iterable<unknown>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  const stream = createWriteStream(temporary);
  let chunk = '';
  for (const row of rows) {
    chunk += JSON.stringify(row) + '\n';
    if (chunk.length < CHUNK_CHARS) continue;
    if (!stream.write(chunk)) await once(stream, 'drain');
    chunk = '';
  }
  if (chunk) stream.write(chunk);
  stream.end();
  await once(stream, 'finish');
  await rename(temporary, file);
}
