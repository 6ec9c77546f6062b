import type { ResolvedConfig } from '../config/resolveConfig.js';
import { fingerprintCorpus, type CorpusFingerprints } from '../fingerprint/fingerprintCorpus.js';
import type { ManifestEntry, Article } from '../types.js';
import { ingestInputs } from './ingestCorpus.js';

/** The config sections each stage reads: a change outside them cannot change that stage's output. */
const INGEST_KEYS = ['ingest', 'boilerplate', 'outlets', 'people', 'places', 'sides'] as const;

function section(written: Record<string, unknown>, keys: readonly string[]): string {
  return JSON.stringify(keys.map((k) => written[k] ?? null));
}

function fingerprintSection(written: Record<string, unknown>): string {
  const thresholds = (written.thresholds ?? {}) as Record<string, unknown>;
  return JSON.stringify([written.fingerprint ?? null, thresholds.duplicate ?? null, thresholds.reuse ?? null]);
}

/** Which stage a config key path first affects: what `tune` must rerun when the key varies. */
export function stageOfKey(key: string): 'ingest' | 'fingerprint' | 'cluster' | 'compare' {
  const [top, second] = key.split('.');
  if ((INGEST_KEYS as readonly string[]).includes(top ?? '')) return 'ingest';
  if (top === 'fingerprint' || (top === 'thresholds' && (second === 'duplicate' || second === 'reuse'))) return 'fingerprint';
  if (top === 'cluster' || (top === 'thresholds' && (second === 'cluster' || second === 'dateWindowDays'))) return 'cluster';
  return 'compare';
}

/**
 * Keeps the last ingest and fingerprint results, keyed by the config sections they depend on, so a
 * run that varies only clustering keys reuses them (a 20-point grid ingests once).
 */
export class StageCache {
  private ingested: { key: string; value: Promise<{ articles: Article[]; manifest: ManifestEntry[] }> } | null = null;
  private fingerprinted: { key: string; value: CorpusFingerprints } | null = null;
  runs = { ingest: 0, fingerprint: 0 };

  constructor(private readonly inputs: string[]) {}

  ingest(written: Record<string, unknown>, config: ResolvedConfig): Promise<{ articles: Article[]; manifest: ManifestEntry[] }> {
    const key = section(written, INGEST_KEYS);
    if (this.ingested?.key !== key) {
      this.runs.ingest++;
      this.fingerprinted = null;
      this.ingested = { key, value: ingestInputs(this.inputs, config) };
    }
    return this.ingested.value;
  }

  fingerprint(articles: Article[], written: Record<string, unknown>, config: ResolvedConfig): CorpusFingerprints {
    const key = section(written, INGEST_KEYS) + fingerprintSection(written);
    if (this.fingerprinted?.key !== key) {
      this.runs.fingerprint++;
      this.fingerprinted = { key, value: fingerprintCorpus(articles, config) };
    }
    return this.fingerprinted.value;
  }
}
