/**
 * A worker thread that scores the candidate pairs it is given, from what scoring reads of every
 * article, and hands back the scored pairs as float64 rows (see scoredPairRows).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinkContext, scorePairs, type LinkInput } from '../cluster/clusterArticles.js';
import { encodeScoredPairs } from '../cluster/scoredPairRows.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { SimilarPair } from '../types.js';
import { unflattenPairs } from './flatPairs.js';

export interface PairScoreTask {
  config: ResolvedConfig;
  inputs: LinkInput[];
  duplicates: SimilarPair[];
  /** The pairs, flattened (flattenPairs). */
  pairs: Uint32Array;
}

const { config, inputs, duplicates, pairs: flat } = workerData as PairScoreTask;
const pairs = unflattenPairs(flat);
const rows = encodeScoredPairs(scorePairs(inputs, pairs, createLinkContext(inputs, duplicates, config)));
parentPort!.postMessage(rows, [rows.buffer as ArrayBuffer]);
