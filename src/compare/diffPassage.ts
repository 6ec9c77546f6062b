import { diffWords } from 'diff';
import { toSimplified } from '../text/toSimplified.js';
import type { DiffPart } from '../types.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The form a diff compares: widths and scripts folded so only wording differences remain. */
function diffForm(text: string): string {
  return toSimplified(text.normalize('NFKC'));
}

/**
 * A word-level diff of two aligned passages, words found by `Intl.Segmenter` (Chinese has no
 * spaces for `diffWords` to split on). Given a time limit: jsdiff returns undefined when it
 * gives up, and the caller shows both passages whole instead.
 */
export function diffPassage(left: string, right: string, timeoutMs: number): DiffPart[] | null {
  const changes = diffWords(diffForm(left), diffForm(right), { intlSegmenter: segmenter, timeout: timeoutMs });
  if (!changes) return null;
  return changes.map((c) => ({ value: c.value, op: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}
