import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ParallaxError } from '../errors.js';

export interface InputFile {
  path: string;
  /** Path relative to the input it was found under: the article id for files. */
  relative: string;
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
      files.push({ path: input, relative: path.basename(input) });
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
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const relative = path.relative(root, full).split(path.sep).join('/');
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) isDirectory = await stat(full).then((s) => s.isDirectory(), () => false);
    if (isDirectory) {
      const real = await realpath(full);
      if (seen.has(real)) continue;
      seen.add(real);
      await walk(root, full, out, seen);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      out.push({ path: full, relative });
    }
  }
}
