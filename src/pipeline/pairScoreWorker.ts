/**
 * A worker thread that scores the candidate pairs it is given, from what scoring reads of every
 * article, and hands back the scored pairs as bytes (encodeScoredPairTable).
 */
import { parentPort } from 'node:worker_threads';
import { createLinkContext, scorePairs, type LinkInput } from '../cluster/clusterArticles.js';
import { encodeScoredPairTable } from '../cluster/scoredPairTable.js';
import type { LinkingTextTable } from '../cluster/linkingTextTable.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { SimilarPair } from '../types.js';

export interface PairScoreTask {
  config: ResolvedConfig;
  inputs: LinkInput[];
  duplicates: SimilarPair[];
  /** The pairs, flat (first, second …), as candidatePairs gives them. */
  pairs: Uint32Array;
  /** The articles' texts, on shared memory (not copied). */
  texts: LinkingTextTable;
}

parentPort!.once('message', ({ config, inputs, duplicates, pairs, texts }: PairScoreTask) => {
  const bytes = encodeScoredPairTable(scorePairs(inputs, pairs, createLinkContext(inputs, duplicates, config, texts)));
  parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
});
