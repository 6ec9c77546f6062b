import { parse as parseYaml } from 'yaml';
import { ParallaxError } from '../errors.js';

export interface GridAxis {
  key: string;
  values: unknown[];
}

/**
 * `key=from:to:step` (inclusive, numeric) or `key=a,b,c` (YAML scalars). Steps are counted, not
 * accumulated, so 0.2:0.9:0.05 gives exactly 15 values without floating-point drift.
 */
export function parseGridAxis(spec: string): GridAxis {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new ParallaxError(`--grid "${spec}": expected key=from:to:step or key=a,b,c`);
  const key = spec.slice(0, eq);
  const body = spec.slice(eq + 1);
  const range = /^(-?[\d.]+):(-?[\d.]+):([\d.]+)$/u.exec(body);
  if (range) {
    const [from, to, step] = range.slice(1).map(Number) as [number, number, number];
    if (!(step > 0) || to < from) throw new ParallaxError(`--grid "${spec}": needs from <= to and a positive step`);
    const decimals = Math.max(...range.slice(1).map((n) => (n!.split('.')[1] ?? '').length));
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > 1000) throw new ParallaxError(`--grid "${spec}": ${count} values; at most 1000 per key`);
    return { key, values: Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(decimals))) };
  }
  const values = body.split(',').map((v) => parseYaml(v) as unknown);
  if (values.length === 0 || body === '') throw new ParallaxError(`--grid "${spec}": no values`);
  return { key, values };
}

/** Every combination of the axes' values, first axis slowest. */
export function gridPoints(axes: GridAxis[]): Record<string, unknown>[] {
  return axes.reduce<Record<string, unknown>[]>(
    (points, axis) => points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.key]: v }))),
    [{}],
  );
}
