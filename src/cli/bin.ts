#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { heapLimitArgs } from './heapLimit.js';

const relaunch = heapLimitArgs(process.execArgv, process.env, totalmem());
if (relaunch) {
  // The heap ceiling is fixed when a process starts: run again with a larger one, as the same command.
  const child = spawn(process.execPath, [...relaunch, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, PARALLAX_HEAP_RAISED: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) {
      // Die of the same signal, so a shell sees what happened to the command.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 1;
  });
} else {
  // Imported here, not above: the process that only relaunches should not load the whole program.
  const [{ main }, { hideBin }] = await Promise.all([import('./main.js'), import('yargs/helpers')]);
  process.exitCode = await main(hideBin(process.argv));
}
