import { describe, expect, it } from 'vitest';
import { scoreCandidates } from '../../src/cluster/clusterArticles.js';
import { decodeScoredPairs, encodeScoredPairs } from '../../src/cluster/scoredPairRows.js';
import { runPipeline } from '../../src/pipeline/runPipeline.js';
import { CORPUS, testConfig } from '../helpers.js';

describe('encodeScoredPairs / decodeScoredPairs', () => {
  it('give back every scored pair of the bundled corpus exactly: indices, ids in order, score, six features and decision', async () => {
    const config = await testConfig();
    const { articles, duplicates } = await runPipeline([CORPUS], config, 'cluster');
    const scored = scoreCandidates(articles, duplicates!, config);
    // Enough pairs and decisions to mean something: the corpus has near-duplicates and conflicts.
    expect(scored.length).toBeGreaterThan(20);
    expect(new Set(scored.map((s) => s.link.decision)).size).toBeGreaterThanOrEqual(3);
    const rows = encodeScoredPairs(scored);
    expect(rows).toHaveLength(scored.length * 10);
    const decoded = decodeScoredPairs(rows, articles);
    expect(decoded).toEqual(scored);
    // Key order too: the links are written to links.jsonl as they are.
    expect(decoded.map((d) => JSON.stringify(d.link))).toEqual(scored.map((s) => JSON.stringify(s.link)));
  });
});
