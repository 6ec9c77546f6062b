import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { getHeapStatistics } from 'node:v8';

const OLD_SPACE_FLAG = '--max-old-space-size';
const GROWING_FLAG = '--heap-growing-percent';
/**
 * How far the heap may grow past what the last full collection kept before the next (V8 picks up
 * to 300% under a ceiling of gigabytes): with a raised ceiling, a million-article run's heap held
 * twice its live 4.4 GB in garbage at times (RSS 11.9 GB). At 25% it stays within a quarter of it.
 */
const GROWING_PERCENT = 25;
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
 * A raised ceiling comes with a bound on how far the heap grows between full collections
 * (GROWING_PERCENT), or V8 lets garbage pile up towards the ceiling.
 *
 * A large corpus also gets 128 MB semi-spaces instead of V8's 16 when the command holds its
 * articles (every command but `dupes`): with gigabytes of articles in the old generation each
 * young-generation collection cost 20–35 ms however little it freed, and at 100k articles the main
 * thread spent 21 s in 1,500 of them (3.8 s in 200 with 128 MB; the run 150 s → 112 s, peak RSS
 * 3.7 → 3.1 GB). At 10k articles it changed nothing but 350 MB more RSS. `dupes` holds some 50 MB
 * of old generation, and with 128 MB semi-spaces it took longer (at 100k, five alternating pairs:
 * 15.6–19.4 s against 14.6–17.9 s with V8's own) for 80,000 more page faults and 120 MB more RSS.
 * Settings the user made (flags or NODE_OPTIONS) are left alone.
 */
export function heapLimitArgs(
  execArgv: string[],
  env: NodeJS.ProcessEnv,
  machineBytes: number,
  input: { bytes: number; holdsArticles: boolean },
  currentLimitBytes = getHeapStatistics().heap_size_limit,
): string[] | null {
  if (env.PARALLAX_HEAP_RAISED) return null;
  const given = (flag: string) => [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/u)].some((arg) => arg.startsWith(flag));
  const added: string[] = [];
  const ceiling = Math.min(input.bytes * HEAP_PER_INPUT_BYTE, machineBytes * 0.75);
  if (!given(OLD_SPACE_FLAG) && ceiling > currentLimitBytes) {
    added.push(`${OLD_SPACE_FLAG}=${Math.floor(ceiling / 2 ** 20)}`);
    if (!given(GROWING_FLAG)) added.push(`${GROWING_FLAG}=${GROWING_PERCENT}`);
  }
  if (!given(SEMI_SPACE_FLAG) && input.holdsArticles && input.bytes >= LARGE_INPUT_BYTES) added.push(`${SEMI_SPACE_FLAG}=${SEMI_SPACE_MB}`);
  return added.length ? [...execArgv, ...added] : null;
}

/** In the environment of a run made again whose enlarged young generation parallax added (not the user). */
const SEMI_SPACE_OURS = 'PARALLAX_SEMI_SPACE_MAIN_ONLY';

/**
 * The V8 flag to set before worker threads are made, or null to leave them be. The enlarged young
 * generation (heapLimitArgs) is for the main thread's gigabytes of old generation, but V8 flags are
 * the whole process's: a worker, whose heap is a few dozen MB, grew its young generation to 270 MB
 * with it for nothing (30k articles: the run peaked at 1.47 GB with it, 1.14–1.17 GB without, in
 * the same time). A flag set once the main thread runs reaches only isolates made after it, so the
 * main thread keeps its setting. What the user set is theirs.
 */
export function workerSemiSpaceFlag(env: NodeJS.ProcessEnv): string | null {
  return env[SEMI_SPACE_OURS] ? `${SEMI_SPACE_FLAG}=0` : null;
}

/** Runs `script` with `args` again under the node arguments `nodeArgs`, passing signals on; resolves to its exit code. */
export function runAgain(nodeArgs: string[], script: string, args: string[]): Promise<number> {
  const ours = nodeArgs.some((arg) => arg.startsWith(SEMI_SPACE_FLAG)) && !process.execArgv.some((arg) => arg.startsWith(SEMI_SPACE_FLAG));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      stdio: 'inherit',
      env: { ...process.env, PARALLAX_HEAP_RAISED: '1', ...(ours ? { [SEMI_SPACE_OURS]: '1' } : {}) },
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
