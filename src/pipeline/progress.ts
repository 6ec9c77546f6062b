/**
 * Progress on stderr while a run works: on a terminal, a bar per stage with done/total, rate and
 * time left; elsewhere (CI logs, pipes), one plain line per finished stage; with --quiet, nothing.
 */
export interface Progress {
  /** `total` counts items, or with `unit` 'bytes' bytes of input (shown in MB). */
  start(stage: string, total?: number, unit?: 'items' | 'bytes'): void;
  tick(count?: number): void;
  end(summary: string): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, end() {} };

interface Output {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

function megabytes(bytes: number): string {
  return String(Math.round(bytes / 1e6));
}

export function createProgress(output: Output, quiet: boolean, now: () => number = () => performance.now()): Progress {
  if (quiet) return silentProgress;
  let stage = '';
  let unit: 'items' | 'bytes' = 'items';
  let total = 0;
  let done = 0;
  let started = 0;
  let drawn = 0;
  const draw = () => {
    const elapsed = now() - started;
    const rate = elapsed > 0 ? (done / elapsed) * 1000 : 0;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : 0;
    const left = rate > 0 && total ? seconds(((total - done) / rate) * 1000) : '—';
    const counts = unit === 'bytes' ? `${megabytes(done)}/${megabytes(total)} MB ${megabytes(rate)} MB/s` : `${done}/${total} ${Math.round(rate)}/s`;
    const line = `${stage} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counts}, ${left} left`;
    output.write(`\r${line.slice(0, (output.columns ?? 100) - 1)}\u001b[K`);
  };
  return {
    start(name, count = 0, counting = 'items') {
      stage = name;
      unit = counting;
      total = count;
      done = 0;
      started = now();
      drawn = 0;
      if (output.isTTY && total) draw();
    },
    tick(count = 1) {
      done += count;
      // Redrawing costs more than the work between two ticks: at most ten times a second.
      if (output.isTTY && total && now() - drawn >= 100) {
        drawn = now();
        draw();
      }
    },
    end(summary) {
      const line = `${stage}: ${summary} in ${seconds(now() - started)}\n`;
      output.write(output.isTTY ? `\r\u001b[K${line}` : line);
    },
  };
}
