import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BufferedAppend } from './bufferedAppend.js';
import { removeFolderElsewhere } from './removeFolderElsewhere.js';

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
  /** Swaps the staging folder in: files of the old folder that were not put are gone from it. */
  commit(): Promise<void>;
  /**
   * Resolves once the old folder, moved aside at `commit`, is removed (on a thread of its own,
   * while the caller goes on). Never rejects: a folder left behind is removed by the next run.
   */
  retired(): Promise<void>;
  /** Removes the staging folder, leaving the old folder as it was. */
  abandon(): Promise<void>;
}

/** What a replacement's staging folder, and the old folder it moves aside, are named: `<folder><suffix><pid>`. */
const STAGING = '.tmp-';
const RETIRED = '.old-';

/**
 * Replaces a whole folder of outputs: writes the new one beside it, then swaps it in, so pages of
 * events that no longer exist do not survive from an earlier run. Files are put as they are made
 * (a stage's results arrive over its run), never all held at once. A kept file is hard-linked from
 * the old folder: no rendering, no writing, and still one swap.
 */
export async function openFolderReplacement(folder: string): Promise<FolderReplacement> {
  const staging = `${folder}${STAGING}${process.pid}`;
  const aside = `${folder}${RETIRED}${process.pid}`;
  let removal: Promise<void> = Promise.resolve();
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
      await rm(aside, { recursive: true, force: true });
      const moved = await rename(folder, aside).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      await rename(staging, folder);
      if (moved) removal = removeFolderElsewhere(aside).catch(() => {});
    },
    retired: () => removal,
    abandon: () => rm(staging, { recursive: true, force: true }),
  };
}

/**
 * Staging folders, and old folders moved aside, left by runs that were killed (Ctrl-C, out of
 * memory) before they could swap them in or remove them. A run still going (another process
 * writing into the same folder) keeps its own.
 */
async function removeAbandonedStaging(folder: string): Promise<void> {
  const names = await readdir(path.dirname(folder)).catch(() => [] as string[]);
  for (const name of names) {
    const prefix = [STAGING, RETIRED].map((suffix) => `${path.basename(folder)}${suffix}`).find((p) => name.startsWith(p));
    const pid = prefix ? Number(name.slice(prefix.length)) : NaN;
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
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

/** Bytes of encoded lines gathered before one write. */
const WRITE_BYTES = 1 << 20;

/**
 * Writes one JSON line per row, then renames into place. Each line is encoded into one buffer,
 * reused for the whole file, and written a megabyte at a time (BufferedAppend): a write per line
 * cost more than the JSON at a million lines, and lines joined into megabyte strings for a stream
 * made every chunk a string too large for the young generation plus a buffer of its own, garbage
 * that only a full collection frees; writing a million articles' 19 million links that way grew
 * the heap by 5 GB before one came (RSS 7.4 → 11.9 GB).
 */
export async function writeJsonlAtomic<Row>(file: string, rows: Iterable<Row>, lineOf: (row: Row) => string = JSON.stringify): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    const out = new BufferedAppend(fd, temporary, WRITE_BYTES);
    for (const row of rows) out.appendText(lineOf(row) + '\n');
    out.flush();
  } finally {
    closeSync(fd);
  }
  await rename(temporary, file);
}

/**
 * Where the lines of a staged file are, so they can be read back before it is committed: line `k`
 * starts at byte `starts[k]` of `file` and ends (with its newline) where the next starts, or at `size`.
 */
export interface StagedLines {
  file: string;
  starts: Float64Array;
  size: number;
}

/** A JSONL file whose lines arrive encoded, one at a time, while a stage runs. */
export interface StagedJsonl {
  /** Lines added so far. */
  readonly lines: number;
  /** Appends one line (UTF-8, without its newline). */
  add(line: Uint8Array): void;
  /** Writes what is held, and says where each line added so far is in the file being written. */
  lineIndex(): StagedLines;
  /** Writes what is held and renames the file into place. */
  commit(): Promise<void>;
  /** Removes what was written, leaving any earlier file as it was. */
  abandon(): Promise<void>;
}

const NEWLINE = 0x0a;

/**
 * Opens `file` to be written line by line beside it (`<file>.tmp-<pid>`) and renamed into place
 * at commit, as writeJsonlAtomic does with rows it is given all at once. Lines are copied into one
 * buffer and written a megabyte at a time (BufferedAppend), not held until the write.
 */
export function openStagedJsonl(file: string): StagedJsonl {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  let fd: number | null = openSync(temporary, 'w');
  const out = new BufferedAppend(fd, temporary, WRITE_BYTES);
  let lines = 0;
  // Each line's first byte; a million lines take 8 MB.
  let starts = new Float64Array(1024);
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    get lines() {
      return lines;
    },
    add(line) {
      if (fd === null) throw new Error(`openStagedJsonl: a line was added to ${file} after it was committed or abandoned`);
      if (lines === starts.length) {
        const grown = new Float64Array(lines * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[lines++] = out.size;
      out.append(line);
      out.appendByte(NEWLINE);
    },
    lineIndex() {
      if (fd !== null) out.flush();
      return { file: temporary, starts: starts.slice(0, lines), size: out.size };
    },
    async commit() {
      if (fd !== null) out.flush();
      close();
      await rename(temporary, file);
    },
    async abandon() {
      out.discard();
      close();
      await rm(temporary, { force: true });
    },
  };
}
