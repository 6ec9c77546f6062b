import { copyFileSync, createWriteStream, linkSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';

/** Writes through a temporary file and a rename, so an interrupted run never leaves a half-written file that looks whole. */
export async function writeAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/** A file's new content, or `keep`: the file of that name in the folder being replaced is still right. */
export type FolderContent = string | { keep: true };

/** A folder being replaced: files go into a staging folder beside it, swapped in whole at `commit`. */
export interface FolderReplacement {
  /** Writes (or keeps) one file before it resolves, so a caller awaiting each is paced by the disk. */
  put(name: string, content: FolderContent): Promise<void>;
  /** Swaps the staging folder in: files of the old folder that were not put are gone. */
  commit(): Promise<void>;
  /** Removes the staging folder, leaving the old folder as it was. */
  abandon(): Promise<void>;
}

/**
 * Replaces a whole folder of outputs: writes the new one beside it, then swaps it in, so pages of
 * events that no longer exist do not survive from an earlier run. Files are put as they are made
 * (a stage's results arrive over its run), never all held at once. A kept file is hard-linked from
 * the old folder: no rendering, no writing, and still one swap.
 */
export async function openFolderReplacement(folder: string): Promise<FolderReplacement> {
  const staging = `${folder}.tmp-${process.pid}`;
  await removeAbandonedStaging(folder);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return {
    // Written synchronously: a run writes tens of thousands of small files, and through promises
    // each cost a FileHandle, its promises and a thread-pool hand-off (20,000 pages of 36 KB:
    // 1.4-1.5 s of CPU on this thread against 0.5-0.6 s). A write to the page cache takes
    // microseconds, and a slow disk still paces the caller.
    put: async (name, content) => {
      const target = path.join(staging, name);
      if (typeof content === 'string') writeFileSync(target, content);
      else keepFile(path.join(folder, name), target);
    },
    async commit() {
      await rm(folder, { recursive: true, force: true });
      await rename(staging, folder);
    },
    abandon: () => rm(staging, { recursive: true, force: true }),
  };
}

/**
 * Staging folders left by runs that were killed (Ctrl-C, out of memory) before they could swap
 * them in or remove them. A run still going (another process writing into the same folder) keeps its own.
 */
async function removeAbandonedStaging(folder: string): Promise<void> {
  const prefix = `${path.basename(folder)}.tmp-`;
  const names = await readdir(path.dirname(folder)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    await rm(path.join(path.dirname(folder), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function keepFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
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
