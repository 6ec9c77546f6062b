import { readdir, stat } from 'node:fs/promises';
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
    await walk(input, input, files);
  }
  return files;
}

async function walk(root: string, dir: string, out: InputFile[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, full, out);
    else if (entry.isFile()) out.push({ path: full, relative: path.relative(root, full).split(path.sep).join('/') });
  }
}
