import { getHeapStatistics } from 'node:v8';

const FLAG = '--max-old-space-size';

/**
 * The node arguments to run parallax again with a larger heap, or null to run as it is.
 *
 * V8 stops a process at a heap of about 4 GB whatever the machine has, and a run holds its articles
 * in memory (1.4 GB of heap at 100k articles for `dupes`, more for `run`): an archive of a few hundred
 * thousand articles would die of "heap out of memory" with most of the machine free. The ceiling
 * becomes three quarters of the machine's memory, unless the user set one (flag or NODE_OPTIONS) or
 * that is no more than V8's own.
 */
export function heapLimitArgs(execArgv: string[], env: NodeJS.ProcessEnv, totalBytes: number, currentLimitBytes = getHeapStatistics().heap_size_limit): string[] | null {
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/u)].some((arg) => arg.startsWith(FLAG));
  if (given || env.PARALLAX_HEAP_RAISED) return null;
  const megabytes = Math.floor((totalBytes / 2 ** 20) * 0.75);
  if (megabytes * 2 ** 20 <= currentLimitBytes) return null;
  return [...execArgv, `${FLAG}=${megabytes}`];
}
