import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** The packages a built module loads as it is imported: its static imports, followed through parallax's own modules. */
function packagesLoaded(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gmu)) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

describe('the ingest worker', () => {
  it('loads neither cheerio nor yaml until a page needs them, nor OpenCC until a table must be made: a plain-text JSONL corpus needs none, and each took a quarter of a second to load on every worker', () => {
    const packages = packagesLoaded(path.join(ROOT, 'dist/pipeline/ingestWorker.js'));
    expect(packages).toContain('node:worker_threads');
    expect(packages).not.toContain('cheerio');
    expect(packages).not.toContain('yaml');
    // The tables come from the build's file (precomputedTables); OpenCC is required only to make them.
    expect(packages).not.toContain('opencc-js');
  });
});
