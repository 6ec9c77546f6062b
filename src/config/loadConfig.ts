import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { core } from 'zod';
import { ConfigError, ParallaxError } from '../errors.js';
import { applyOverrides } from './applyOverrides.js';
import { resolveConfig, type ResolvedConfig } from './resolveConfig.js';
import { configSchema } from './schema.js';

/** Validates a config object as written and resolves it; throws one ConfigError listing every problem. */
export function validateConfig(written: unknown, file: string): ResolvedConfig {
  const result = configSchema.safeParse(written);
  if (!result.success) {
    throw new ConfigError(file, result.error.issues.flatMap((issue) => describeIssue(issue, written)));
  }
  const { config, problems } = resolveConfig(result.data);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return config;
}

function keyPath(path: PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function describeValue(value: unknown): string {
  const type = Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value;
  const shown = JSON.stringify(value);
  return shown && shown.length <= 40 ? `${type} ${shown}` : type;
}

function describeIssue(issue: core.$ZodIssue, written: unknown): string[] {
  const at = keyPath(issue.path) || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `${at === '(top level)' ? k : `${at}.${k}`}: unknown key`);
  }
  if (issue.code === 'invalid_type') {
    const value = valueAt(written, issue.path);
    return [
      value === undefined
        ? `${at}: missing (expected ${issue.expected})`
        : `${at}: expected ${issue.expected}, got ${describeValue(value)}`,
    ];
  }
  return [`${at}: ${issue.message}`];
}

/**
 * Where config files' parses are kept between runs, by a hash of their text (the workspace keeps
 * them): parsing the bundled config's 22 KB of YAML took 75-110 ms of every run's start, a
 * twentieth of a re-run at 10k articles. A text parsed before parses the same; an edited one is
 * parsed anew, with its syntax errors reported as ever.
 */
export interface ConfigParseCache {
  get(key: string): unknown;
  put(key: string, written: unknown): void;
}

/** Changes when the same text would parse to something else (another YAML library, other options): older parses are not used. */
const PARSE_VERSION = 'yaml-2/1';

/** Reads a YAML config file as written (before validation), for callers that vary it, like `tune`. */
export async function loadWrittenConfig(file: string, cache?: ConfigParseCache): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ParallaxError(`cannot read config ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  const key = cache ? createHash('sha256').update(PARSE_VERSION).update(text).digest('hex') : '';
  const kept = cache?.get(key);
  if (kept !== undefined) return kept;
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      file,
      document.errors.map((e) => `YAML syntax at line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`),
    );
  }
  const written = document.toJS() as unknown;
  // Kept as JSON: a value JSON would change (an infinite number, say) is not kept, and is parsed each time.
  if (cache && keepsAsJson(written)) cache.put(key, written);
  return written;
}

/** Whether JSON gives `value` back as it is: only finite numbers, strings, booleans, null, arrays and plain objects of them. */
export function keepsAsJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(keepsAsJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(keepsAsJson);
  return false;
}

/** Reads a YAML config file, applies `--set` overrides, validates and resolves it. */
export async function loadConfig(file: string, overrides: string[] = [], cache?: ConfigParseCache): Promise<ResolvedConfig> {
  return validateConfig(applyOverrides(await loadWrittenConfig(file, cache), overrides), file);
}
