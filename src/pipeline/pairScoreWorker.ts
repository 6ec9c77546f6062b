/**
 * A worker thread that scores the candidate pairs it is given, from what scoring reads of every
 * article, and hands back the scored pairs as float64 rows (see scoredPairRows).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLinkContext, scorePairs, type LinkInput } from '../cluster/clusterArticles.js';
import { encodeScoredPairs } from '../cluster/scoredPairRows.js';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { SimilarPair } from '../types.js';

export interface PairScoreTask {
  config: ResolvedConfig;
  inputs: LinkInput[];
  duplicates: SimilarPair[];
  /** The pairs as i, j, i, j …: one typed array to copy, not an array per pair. */
  pairs: Uint32Array;
}

const { config, inputs, duplicates, pairs: flat } = workerData as PairScoreTask;
const pairs: [number, number][] = new Array(flat.length / 2);
for (let k = 0; k < pairs.length; k++) pairs[k] = [flat[2 * k]!, flat[2 * k + 1]!];
const rows = encodeScoredPairs(scorePairs(inputs, pairs, createLinkContext(inputs, duplicates, config)));
parentPort!.postMessage(rows, [rows.buffer as ArrayBuffer]);
