import type { ResolvedConfig } from '../config/resolveConfig.js';
import { fingerprintCorpus, type CorpusFingerprints } from '../fingerprint/fingerprintCorpus.js';
import { mergeScoredPairs, scoreCandidates, type ClusterResult } from '../cluster/clusterArticles.js';
import type { ScoredPairTable } from '../cluster/scoredPairTable.js';
import type { ManifestEntry, Article, SimilarPair } from '../types.js';
import type { InputFile } from './collectInputs.js';
import { ingestInputs } from './ingestCorpus.js';
import { STAGE_KEYS } from './stageKeys.js';
import { workspaceKeys } from './workspaceKeys.js';

const covers = (paths: readonly string[], key: string) => paths.some((p) => key === p || key.startsWith(`${p}.`));

/** Which stage a config key path first affects: what `tune` must rerun when the key varies. */
export function stageOfKey(key: string): 'ingest' | 'fingerprint' | 'cluster' | 'compare' {
  if (covers(STAGE_KEYS.ingest, key)) return 'ingest';
  if (covers(STAGE_KEYS.fingerprint, key)) return 'fingerprint';
  if (covers(STAGE_KEYS.cluster, key)) return 'cluster';
  return 'compare';
}

/**
 * Keeps the last ingest and fingerprint results, keyed as the workspace keys them (the config
 * sections they depend on), so a run that varies only clustering keys reuses them (a 20-point grid
 * ingests once).
 */
export class StageCache {
  private ingested: { key: string; value: Promise<{ articles: Article[]; manifest: ManifestEntry[] }> } | null = null;
  private fingerprinted: { key: string; value: Promise<CorpusFingerprints> } | null = null;
  /** Scored pairs by scoring key, a few at once: a grid may vary the date window faster than the threshold. */
  private readonly scored = new Map<string, ScoredPairTable>();
  runs = { ingest: 0, fingerprint: 0, score: 0 };

  constructor(
    private readonly inputs: string[],
    /** The inputs' files when the caller has already found them (collectInputs). */
    private readonly files?: InputFile[],
  ) {}

  ingest(config: ResolvedConfig): Promise<{ articles: Article[]; manifest: ManifestEntry[] }> {
    const key = workspaceKeys.ingest(config);
    if (this.ingested?.key !== key) {
      this.runs.ingest++;
      this.fingerprinted = null;
      this.scored.clear();
      this.ingested = { key, value: ingestInputs(this.inputs, config, { files: this.files }) };
    }
    return this.ingested.value;
  }

  fingerprint(articles: Article[], config: ResolvedConfig): Promise<CorpusFingerprints> {
    const key = workspaceKeys.fingerprintStage(config);
    if (this.fingerprinted?.key !== key) {
      this.runs.fingerprint++;
      this.scored.clear();
      this.fingerprinted = { key, value: fingerprintCorpus(articles, config) };
    }
    return this.fingerprinted.value;
  }

  /** Clusters, scoring candidate pairs again only when a key other than thresholds.cluster changed. */
  cluster(articles: Article[], duplicates: SimilarPair[], config: ResolvedConfig): ClusterResult {
    const key = workspaceKeys.scoredPairs(config);
    let scored = this.scored.get(key);
    if (!scored) {
      this.runs.score++;
      if (this.scored.size >= 8) this.scored.delete(this.scored.keys().next().value!);
      this.scored.set(key, (scored = scoreCandidates(articles, duplicates, config)));
    }
    return mergeScoredPairs(articles, scored, config);
  }
}
