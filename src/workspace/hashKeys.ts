import { createHash } from 'node:crypto';

/** SHA-1, hex: a cache key, not a security boundary (the workspace is the user's own file). */
export function hashText(...parts: string[]): string {
  return hashParts(parts);
}

/**
 * hashText over parts of any number: spreading a corpus's hundreds of thousands of parts into
 * hashText's arguments overflows the call stack (a 300k-article run died of it).
 */
export function hashParts(parts: Iterable<string>): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

/** The resolved config holds Sets and RegExps; JSON would write them as `{}` and lose every change to them. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Set) return [...value];
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (value instanceof Map) return [...value];
  return value;
}

/** The value at a dotted key path of a config (as written or resolved), null when absent. */
function valueAt(config: object, keyPath: string): unknown {
  return keyPath.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], config) ?? null;
}

/** A key for the config sections at `keyPaths`: equal exactly when those sections are equal. */
export function hashConfigSections(config: object, keyPaths: readonly string[]): string {
  return hashText(JSON.stringify(keyPaths.map((k) => [k, valueAt(config, k)]), replacer));
}

/** A key for the whole config except `excluded` top-level or dotted key paths. */
export function hashConfigExcept(config: object, excluded: readonly string[]): string {
  const copy = structuredClone(config) as Record<string, unknown>;
  for (const keyPath of excluded) {
    const parts = keyPath.split('.');
    const parent = parts.slice(0, -1).reduce<Record<string, unknown> | undefined>((node, k) => node?.[k] as Record<string, unknown> | undefined, copy);
    if (parent) delete parent[parts.at(-1)!];
  }
  return hashText(JSON.stringify(copy, replacer));
}
