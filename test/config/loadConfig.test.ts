import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyOverrides } from '../../src/config/applyOverrides.js';
import { keepsAsJson, loadConfig, validateConfig } from '../../src/config/loadConfig.js';
import { ConfigError } from '../../src/errors.js';
import { CONFIG_FILE } from '../helpers.js';

const written = () => parse(readFileSync(CONFIG_FILE, 'utf8')) as Record<string, any>;

function problemsOf(config: unknown): string[] {
  try {
    validateConfig(config, 'test.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('config validation', () => {
  it('loads the bundled config and normalises the cluster weights', async () => {
    const config = await loadConfig(CONFIG_FILE);
    const sum = Object.values(config.cluster.weights).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 9);
    expect(config.fingerprint.rows).toBe(4);
    expect(config.fingerprint.minSharedBands).toEqual({ duplicate: 5, reuse: 2 });
    expect(Object.keys(config.sides)).toEqual(['cn', 'vn', 'hk']);
  });

  it('reports every problem at once, each with its key path', () => {
    const config = written();
    config.thresholds.cluster = 'high';
    config.thresholds.align = 3;
    config.fingerprint.colour = 'red';
    delete config.thresholds.reuse;
    const problems = problemsOf(config);
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        'fingerprint.colour: unknown key',
        'thresholds.reuse: missing (expected number)',
        'thresholds.cluster: expected number, got string "high"',
        'thresholds.align: Too big: expected number to be <=1',
      ]),
    );
  });

  it('checks what the schema cannot: bands dividing permutations, shared bands within them, regexes, sides without outlets', () => {
    const config = written();
    config.fingerprint.bands = 30;
    config.fingerprint.minSharedBands = 31;
    config.boilerplate.dropLines.push('([unclosed');
    config.sides.tw = { label: '台湾媒体' };
    config.outlets[0].side = 'mars';
    const problems = problemsOf(config);
    expect(problems).toContain('fingerprint.bands: must divide fingerprint.permutations (128) evenly, got 30');
    expect(problems).toContain('fingerprint.minSharedBands: at most fingerprint.bands (30), got 31');
    expect(problems.some((p) => p.startsWith(`boilerplate.dropLines[${config.boilerplate.dropLines.length - 1}]: regular expression does not compile`))).toBe(true);
    expect(problems).toContain('sides.tw: no outlet uses this side');
    expect(problems).toContain('outlets[0].side: "mars" is not one of sides (cn, vn, hk, tw)');
  });

  it('resolves minSharedBands: auto from the duplicate threshold for article pairs and the reuse threshold for paragraph pairs, and keeps a number as written for both', () => {
    const lowered = applyOverrides(written(), ['thresholds.reuse=0.6']);
    expect(validateConfig(lowered, 'x').fingerprint.minSharedBands).toEqual({ duplicate: 5, reuse: 1 });
    const raised = applyOverrides(written(), ['thresholds.reuse=0.8', 'thresholds.duplicate=0.9']);
    expect(validateConfig(raised, 'x').fingerprint.minSharedBands).toEqual({ duplicate: 13, reuse: 5 });
    const fixed = applyOverrides(written(), ['thresholds.reuse=0.6', 'fingerprint.minSharedBands=3']);
    expect(validateConfig(fixed, 'x').fingerprint.minSharedBands).toEqual({ duplicate: 3, reuse: 3 });
    expect(problemsOf(applyOverrides(written(), ['fingerprint.minSharedBands=some']))).toEqual([expect.stringMatching(/^fingerprint\.minSharedBands: /u)]);
  });

  it('applies --set overrides as YAML scalars before validation', () => {
    const config = applyOverrides(written(), ['thresholds.duplicate=0.85', 'cluster.weights.title=0']) as Record<string, any>;
    expect(config.thresholds.duplicate).toBe(0.85);
    expect(validateConfig(config, 'x').cluster.weights.title).toBe(0);
    expect(() => applyOverrides(written(), ['thresholds.cluster.deep=1'])).toThrow('thresholds.cluster is not a section of the config');
    expect(() => applyOverrides(written(), ['novalue'])).toThrow('expected key.path=value');
  });
});

describe('loadConfig with a cache of parses (the workspace keeps them)', () => {
  /** A cache that records what it was asked and given. */
  function recordingCache() {
    const kept = new Map<string, unknown>();
    const asked: string[] = [];
    return {
      kept,
      asked,
      cache: {
        get: (key: string) => {
          asked.push(key);
          return kept.get(key);
        },
        put: (key: string, value: unknown) => void kept.set(key, value),
      },
    };
  }

  it('keeps the bundled config\'s parse, and a second load from it resolves the same config, --set applied after', async () => {
    const { kept, asked, cache } = recordingCache();
    const first = await loadConfig(CONFIG_FILE, [], cache);
    expect(kept.size).toBe(1);
    const [key] = [...kept.keys()];
    expect(key).toMatch(/^[0-9a-f]{64}$/u);
    // What is kept is the YAML as written: the bundled config's own cluster threshold, before overrides.
    expect((kept.get(key!) as { thresholds: { cluster: number } }).thresholds.cluster).toBe(written().thresholds.cluster);
    const second = await loadConfig(CONFIG_FILE, ['thresholds.cluster=0.6'], cache);
    expect(asked).toEqual([key, key]);
    expect(second.thresholds.cluster).toBe(0.6);
    expect({ ...second, thresholds: { ...second.thresholds, cluster: first.thresholds.cluster } }).toEqual(first);
  });

  it('parses an edited file anew, reporting its syntax errors as without a cache', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parallax-config-'));
    const file = path.join(dir, 'pipeline.yaml');
    writeFileSync(file, readFileSync(CONFIG_FILE, 'utf8'));
    const { kept, cache } = recordingCache();
    await loadConfig(file, [], cache);
    writeFileSync(file, readFileSync(CONFIG_FILE, 'utf8') + '\nthresholds: [unclosed\n');
    await expect(loadConfig(file, [], cache)).rejects.toThrow(/YAML syntax at line/u);
    expect(kept.size).toBe(1);
  });

  it('keeps only what JSON gives back as it was: an infinite number is parsed each time instead', () => {
    expect(keepsAsJson({ a: [1, 'x', true, null, { b: 0.5 }] })).toBe(true);
    expect(keepsAsJson({ thresholds: { cluster: Number.POSITIVE_INFINITY } })).toBe(false);
    expect(keepsAsJson({ at: new Date(0) })).toBe(false);
  });
});
