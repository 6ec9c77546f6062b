import { diffWords } from 'diff';
import { toSimplified } from '../text/toSimplified.js';
import type { DiffPart } from '../types.js';
import { diffTokens } from './diffTokens.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const WHITESPACE = /\s/u;

/** The form a diff compares: widths and scripts folded so only wording differences remain. */
function diffForm(text: string): string {
  return toSimplified(text.normalize('NFKC'));
}

function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const { segment } of segmenter.segment(text)) words.push(segment);
  return words;
}

/**
 * A word-level diff of two aligned passages, words found by `Intl.Segmenter` (Chinese has no
 * spaces for `diffWords` to split on). Given a time limit: jsdiff returns undefined when it
 * gives up, and the caller shows both passages whole instead.
 *
 * Most passages have no whitespace at all, and for them `diffWords` is `diffArrays` over the
 * segmenter's words: its whitespace handling (re-segmenting every change to find leading and
 * trailing spaces) does nothing there but took a fifth of the compare stage. Passages with
 * whitespace go through `diffWords` itself; the rest through diffTokens, `diffArrays` on flat
 * arrays.
 */
export function diffPassage(left: string, right: string, timeoutMs: number): DiffPart[] | null {
  const [a, b] = [diffForm(left), diffForm(right)];
  if (WHITESPACE.test(a) || WHITESPACE.test(b)) {
    const changes = diffWords(a, b, { intlSegmenter: segmenter, timeout: timeoutMs });
    return changes ? changes.map((c) => ({ value: c.value, op: c.added ? 'added' : c.removed ? 'removed' : 'same' })) : null;
  }
  return diffSegmented(segmentWords(a), segmentWords(b), timeoutMs);
}

/** The parts of a diff of two word arrays, each part's words joined: a removed part's from the old array, the rest from the new. */
function diffSegmented(oldWords: string[], newWords: string[], timeoutMs: number): DiffPart[] | null {
  const changes = diffTokens(oldWords, newWords, timeoutMs);
  if (!changes) return null;
  let oldPos = 0;
  let newPos = 0;
  return changes.map(({ count, added, removed }): DiffPart => {
    if (removed) {
      oldPos += count;
      return { value: oldWords.slice(oldPos - count, oldPos).join(''), op: 'removed' };
    }
    newPos += count;
    if (!added) oldPos += count;
    return { value: newWords.slice(newPos - count, newPos).join(''), op: added ? 'added' : 'same' };
  });
}
