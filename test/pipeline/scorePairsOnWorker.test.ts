import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generateCorpus.js';
import { scoreCandidates, scoreCandidatesSplit, type PairScorer } from '../../src/cluster/clusterArticles.js';
import { createScoredPairTable } from '../../src/cluster/scoredPairTable.js';
import type { ResolvedConfig } from '../../src/config/resolveConfig.js';
import { ingestInputs } from '../../src/pipeline/ingestCorpus.js';
import { scorePairsOnWorker } from '../../src/pipeline/scorePairsOnWorker.js';
import type { Article } from '../../src/types.js';
import { CORPUS, ROOT, testConfig } from '../helpers.js';

/** Worker threads run compiled scripts (npm test builds first). */
const WORKER = pathToFileURL(path.join(ROOT, 'dist/pipeline/pairScoreWorker.js'));

let articles: Article[];
let config: ResolvedConfig;
beforeAll(async () => {
  config = await testConfig();
  // The fixtures and 300 generated articles: same-day meetings of the same leaders in several cities.
  const generated = path.join(await mkdtemp(path.join(tmpdir(), 'parallax-pairs-')), 'generated.jsonl');
  await writeFile(generated, generateCorpus(300, 11).articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  ({ articles } = await ingestInputs([CORPUS, generated], config));
}, 60_000);

describe('scoreCandidatesSplit with scorePairsOnWorker', () => {
  it('scores the first half of the candidate pairs on a worker thread and gives what scoreCandidates gives, in the same order', async () => {
    const scorer = scorePairsOnWorker(config, WORKER)!;
    let handed = 0;
    const counted: PairScorer = (inputs, duplicates, pairs, texts) => {
      handed = pairs.length / 2;
      // The texts are shared with the worker, not copied.
      expect(texts.bigrams.buffer).toBeInstanceOf(SharedArrayBuffer);
      return scorer(inputs, duplicates, pairs, texts);
    };
    const whole = scoreCandidates(articles, [], config);
    const split = await scoreCandidatesSplit(articles, [], config, counted, 0);
    expect(whole.size).toBeGreaterThan(100);
    expect(handed).toBe(Math.floor(whole.size / 2));
    expect(split).toEqual(whole);
  });

  it('scores a corpus with fewer pairs than the split threshold here alone', async () => {
    let called = false;
    const never: PairScorer = async () => {
      called = true;
      return createScoredPairTable(0);
    };
    expect(await scoreCandidatesSplit(articles, [], config, never)).toEqual(scoreCandidates(articles, [], config));
    expect(called).toBe(false);
  });
});
