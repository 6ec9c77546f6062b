import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
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
 * events that no longer exist do not survive from an earlier run.
 */
export async function replaceFolder(folder: string, files: Map<string, string>): Promise<void> {
  const staging = `${folder}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  // Thousands of small pages: written a few at a time, not one after another.
  const limit = pLimit(16);
  await Promise.all([...files].map(([name, content]) => limit(() => writeFile(path.join(staging, name), content))));
  await rm(folder, { recursive: true, force: true });
  await rename(staging, folder);
}

export function toJsonl(rows: unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}
