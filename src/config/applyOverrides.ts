import { parse as parseYaml } from 'yaml';
import { ParallaxError } from '../errors.js';

/**
 * Applies `--set key.path=value` overrides to the config as written, before validation, so an
 * override is checked exactly like a value in the file. Values are read as YAML scalars
 * (`0.85` is a number, `true` a boolean, `[a, b]` a list).
 */
export function applyOverrides(written: unknown, overrides: string[]): unknown {
  const root = structuredClone(written ?? {}) as Record<string, unknown>;
  for (const override of overrides) {
    const eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ParallaxError(`--set "${override}": expected key.path=value`);
    }
    const path = override.slice(0, eq).split('.');
    const value = parseYaml(override.slice(eq + 1)) as unknown;
    let node: Record<string, unknown> = root;
    for (const [i, segment] of path.entries()) {
      if (segment === '') throw new ParallaxError(`--set "${override}": empty segment in key path`);
      if (i === path.length - 1) {
        node[segment] = value;
        break;
      }
      const next = node[segment];
      if (next === undefined) {
        node[segment] = {};
      } else if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        throw new ParallaxError(
          `--set "${override}": ${path.slice(0, i + 1).join('.')} is not a section of the config`,
        );
      }
      node = node[segment] as Record<string, unknown>;
    }
  }
  return root;
}
