/**
 * A worker thread that verifies its share of the paragraphs' candidate pairs (verifyOnWorker),
 * reading their texts from the folds' file itself, and hands back what it found of each pair.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { byUnit, verifyPairs } from '../fingerprint/findSimilarTexts.js';
import { readFolds } from './spilledFolds.js';
import type { VerifyTask } from './verifyOnWorker.js';

parentPort!.once('message', (task: VerifyTask) => {
  const fd = openSync(task.file, 'r');
  try {
    const read = readFolds(fd, task.file, task.bytes, task.chars);
    // Request k's place among the texts the main thread sent, for those the file does not hold.
    const sent = new Int32Array(task.units.length);
    let next = 0;
    task.chars.forEach((length, k) => {
      if (length < 0) sent[k] = next++;
    });
    const text = (k: number) => read(k) ?? task.missing[sent[k]!]!;
    const verified = verifyPairs(byUnit(task.units, text), task.count, task.pairs, task.shingle, task.threshold);
    parentPort!.postMessage(verified, [verified.similarity.buffer, verified.exact.buffer] as ArrayBuffer[]);
  } finally {
    closeSync(fd);
  }
});
