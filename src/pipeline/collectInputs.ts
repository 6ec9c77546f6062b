import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ParallaxError } from '../errors.js';
import { compareCodeUnits } from '../text/compareCodeUnits.js';

export interface InputFile {
  path: string;
  /** Path relative to the input it was found under: the article id for files. */
  relative: string;
  /** Size in bytes when the walk could read it (a broken link has none): what progress counts. */
  size: number | null;
  /** Last modification, with the size what tells a re-run the file is as it was (null: unknown). */
  mtimeMs: number | null;
}

/**
 * Expands `--input` paths into files: a file stands for itself, a folder is walked recursively in
 * sorted order (so ids and output are the same on every machine). Hidden entries are passed over.
 */
export async function collectInputs(inputs: string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      throw new ParallaxError(`--input ${input}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error)}`);
    }
    if (info.isFile()) {
      files.push({ path: input, relative: path.basename(input), size: info.size, mtimeMs: info.mtimeMs });
      continue;
    }
    await walk(input, input, files, new Set([await realpath(input)]));
  }
  return files;
}

/**
 * Every entry becomes an input, links included: a link to a folder is walked (once: `seen` stops
 * cycles), and a broken link is still listed, so the reader records it as failed instead of the
 * walk losing it.
 */
async function walk(root: string, dir: string, out: InputFile[], seen: Set<string>): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => compareCodeUnits(a.name, b.name));
  // One stat per entry, all of a folder's at once: a link's target kind, and each file's size.
  const infos = await Promise.all(
    entries.map((e) => (e.isSymbolicLink() || e.isFile() ? stat(path.join(dir, e.name)).catch(() => null) : null)),
  );
  for (const [i, entry] of entries.entries()) {
    const full = path.join(dir, entry.name);
    const relative = path.relative(root, full).split(path.sep).join('/');
    const info = infos[i];
    const isDirectory = entry.isSymbolicLink() ? Boolean(info?.isDirectory()) : entry.isDirectory();
    if (isDirectory) {
      const real = await realpath(full);
      if (seen.has(real)) continue;
      seen.add(real);
      await walk(root, full, out, seen);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      out.push({ path: full, relative, size: info?.size ?? null, mtimeMs: info?.mtimeMs ?? null });
    }
  }
}

/** The inputs' total size in bytes, as far as the walk could read it. */
export function inputBytes(files: InputFile[]): number {
  return files.reduce((sum, file) => sum + (file.size ?? 0), 0);
}
