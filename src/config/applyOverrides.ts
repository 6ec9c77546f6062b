import { parse as parseYaml } from 'yaml';
import { ParallaxError } from '../errors.js';

/**
 * Applies `--set key.path=value` overrides to the config as written, before validation, so an
 * override is checked exactly like a value in the file. Values are read as YAML scalars
 * (`0.85` is a number, `true` a boolean, `[a, b]` a list).
 */
export function applyOverrides(written: unknown, overrides: string[]): unknown {
  let root = written;
  for (const override of overrides) {
    const eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ParallaxError(`--set "${override}": expected key.path=value`);
    }
    root = setConfigKey(root, override.slice(0, eq), parseYaml(override.slice(eq + 1)) as unknown, `--set "${override}"`);
  }
  return root;
}

/** A copy of the config as written with one key path set; `context` names the flag in errors. */
export function setConfigKey(written: unknown, keyPath: string, value: unknown, context: string): unknown {
  const root = structuredClone(written ?? {}) as Record<string, unknown>;
  const path = keyPath.split('.');
  let node: Record<string, unknown> = root;
  for (const [i, segment] of path.entries()) {
    if (segment === '') throw new ParallaxError(`${context}: empty segment in key path`);
    if (i === path.length - 1) {
      node[segment] = value;
      break;
    }
    const next = node[segment];
    if (next === undefined) {
      node[segment] = {};
    } else if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      throw new ParallaxError(`${context}: ${path.slice(0, i + 1).join('.')} is not a section of the config`);
    }
    node = node[segment] as Record<string, unknown>;
  }
  return root;
}
