import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { getHeapStatistics } from 'node:v8';

const OLD_SPACE_FLAG = '--max-old-space-size';
const SEMI_SPACE_FLAG = '--max-semi-space-size';
/**
 * Heap a run needs per byte of input, with room to spare: `dupes` peaks at 1.4 GB of heap and `run`
 * at about 3 GB for the bench's 100k articles (590 MB of JSONL).
 */
const HEAP_PER_INPUT_BYTE = 6;
/** From this much input on, the young generation is enlarged (see heapLimitArgs). */
const LARGE_INPUT_BYTES = 256 * 2 ** 20;
const SEMI_SPACE_MB = 128;

/**
 * The node arguments to run parallax again with a heap sized for its input, or null to run as it is.
 *
 * V8 stops a process at a heap of about 4 GB whatever the machine has, and a run holds its articles
 * in memory: a corpus of a few hundred thousand articles would die of "heap out of memory" with
 * most of the machine free. A corpus that needs more gets a ceiling of what it needs, up to three
 * quarters of the machine's memory. Smaller ones keep V8's ceiling: a larger one makes V8 collect
 * less often and hold more (at 100k articles, 5.4 GB at peak instead of 3.8, and no faster).
 *
 * A large corpus also gets 128 MB semi-spaces instead of V8's 16: with gigabytes of articles in the
 * old generation each young-generation collection cost 20–35 ms however little it freed, and at
 * 100k articles the main thread spent 21 s in 1,500 of them (3.8 s in 200 with 128 MB; the run
 * 150 s → 112 s, peak RSS 3.7 → 3.1 GB). At 10k articles it changed nothing but 350 MB more RSS.
 * Settings the user made (flags or NODE_OPTIONS) are left alone.
 */
export function heapLimitArgs(
  execArgv: string[],
  env: NodeJS.ProcessEnv,
  machineBytes: number,
  inputBytes: number,
  currentLimitBytes = getHeapStatistics().heap_size_limit,
): string[] | null {
  if (env.PARALLAX_HEAP_RAISED) return null;
  const given = (flag: string) => [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/u)].some((arg) => arg.startsWith(flag));
  const added: string[] = [];
  const ceiling = Math.min(inputBytes * HEAP_PER_INPUT_BYTE, machineBytes * 0.75);
  if (!given(OLD_SPACE_FLAG) && ceiling > currentLimitBytes) added.push(`${OLD_SPACE_FLAG}=${Math.floor(ceiling / 2 ** 20)}`);
  if (!given(SEMI_SPACE_FLAG) && inputBytes >= LARGE_INPUT_BYTES) added.push(`${SEMI_SPACE_FLAG}=${SEMI_SPACE_MB}`);
  return added.length ? [...execArgv, ...added] : null;
}

/** Runs `script` with `args` again under the node arguments `nodeArgs`, passing signals on; resolves to its exit code. */
export function runAgain(nodeArgs: string[], script: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      stdio: 'inherit',
      env: { ...process.env, PARALLAX_HEAP_RAISED: '1' },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals = ['SIGINT', 'SIGTERM'] as const;
    for (const signal of signals) process.on(signal, forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      // A shell reports a command killed by a signal as 128 + its number.
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
