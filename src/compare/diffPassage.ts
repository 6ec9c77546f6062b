import { diffArrays, diffWords } from 'diff';
import { toSimplified } from '../text/toSimplified.js';
import type { DiffPart } from '../types.js';

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
 * whitespace go through `diffWords` itself.
 */
export function diffPassage(left: string, right: string, timeoutMs: number): DiffPart[] | null {
  const [a, b] = [diffForm(left), diffForm(right)];
  const changes =
    WHITESPACE.test(a) || WHITESPACE.test(b)
      ? diffWords(a, b, { intlSegmenter: segmenter, timeout: timeoutMs })
      : diffArrays(segmentWords(a), segmentWords(b), { timeout: timeoutMs })?.map((c) => ({ ...c, value: c.value.join('') }));
  if (!changes) return null;
  return changes.map((c) => ({ value: c.value, op: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}
