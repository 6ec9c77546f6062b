import { foldText } from '../text/normalizeForMatching.js';
import { sentencesOf } from '../text/splitSentences.js';
import type { AlignedPassage, Article, OneSidePassage } from '../types.js';
import { diffPassage } from './diffPassage.js';
import { cosinesAgainst, vectorizeSentences } from './sentenceSimilarity.js';

interface Passage {
  paragraphId: string;
  text: string;
  key: string;
  order: number;
}

/** Past this many sentence pairs the alignment passes over pairs whose lengths differ by more than half. */
const MAX_FULL_PAIRS = 250_000;

function passagesOf(article: Article): Passage[] {
  let order = 0;
  return article.paragraphs.flatMap((p) =>
    sentencesOf(p).map((text) => ({
      paragraphId: p.id,
      text,
      key: foldText(text),
      order: order++,
    })),
  );
}

export interface Alignment {
  aligned: AlignedPassage[];
  onlyIn: OneSidePassage[];
}

/**
 * Aligns the sentences of two articles one-to-one, order free (a Vietnamese report may put the
 * maritime passage first, a Chinese readout last): every pair is scored by TF-IDF bigram cosine,
 * and pairs are taken best first while both sentences are free and the score
 * reaches `threshold`. What is left unmatched is what only that side says.
 */
export function alignPassages(
  left: Article,
  right: Article,
  sides: [string, string],
  threshold: number,
  diffTimeoutMs: number,
): Alignment {
  const a = passagesOf(left);
  const b = passagesOf(right);
  const space = vectorizeSentences([...a, ...b].map((p) => p.key));
  const cosinesOf = cosinesAgainst(space, b.map((_, j) => a.length + j));
  const scored: { i: number; j: number; similarity: number }[] = [];
  const cap = a.length * b.length > MAX_FULL_PAIRS;
  for (let i = 0; i < a.length; i++) {
    const cosines = cosinesOf(i);
    for (let j = 0; j < b.length; j++) {
      const x = a[i]!.key;
      const y = b[j]!.key;
      if (cap && Math.abs(x.length - y.length) > Math.max(x.length, y.length) / 2) continue;
      const similarity = x === y ? 1 : cosines[j]!;
      if (similarity >= threshold) scored.push({ i, j, similarity });
    }
  }
  scored.sort((p, q) => q.similarity - p.similarity || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const aligned: (AlignedPassage & { order: number })[] = [];
  for (const { i, j, similarity } of scored) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    const pa = a[i]!;
    const pb = b[j]!;
    const verbatim = pa.key === pb.key;
    aligned.push({
      order: pa.order,
      left: { paragraphId: pa.paragraphId, text: pa.text, index: pa.order },
      right: { paragraphId: pb.paragraphId, text: pb.text, index: pb.order },
      similarity: Math.round(similarity * 1000) / 1000,
      kind: verbatim ? 'verbatim' : 'reworded',
      diff: verbatim ? null : diffPassage(pa.text, pb.text, diffTimeoutMs),
    });
  }
  aligned.sort((p, q) => p.order - q.order);
  const onlyIn: OneSidePassage[] = [
    ...a.filter((_, i) => !usedA.has(i)).map((p) => ({ side: sides[0], paragraphId: p.paragraphId, text: p.text, index: p.order })),
    ...b.filter((_, j) => !usedB.has(j)).map((p) => ({ side: sides[1], paragraphId: p.paragraphId, text: p.text, index: p.order })),
  ];
  return { aligned: aligned.map(({ order: _order, ...rest }) => rest), onlyIn };
}

export type PassageItem = { kind: 'pair'; pair: AlignedPassage } | { kind: 'only'; passage: OneSidePassage };

/**
 * One reading order for both articles: the left article's order, with each passage only the right
 * side has placed after the aligned pair that comes before it in the right article.
 */
export function interleavePassages(alignment: Alignment, leftSide: string): PassageItem[] {
  const items: { item: PassageItem; key: number }[] = [];
  const pairs = [...alignment.aligned].sort((x, y) => x.left.index - y.left.index);
  for (const pair of pairs) items.push({ item: { kind: 'pair', pair }, key: pair.left.index });
  for (const passage of alignment.onlyIn) {
    if (passage.side === leftSide) {
      items.push({ item: { kind: 'only', passage }, key: passage.index });
      continue;
    }
    const before = pairs.filter((p) => p.right.index < passage.index).sort((x, y) => y.right.index - x.right.index)[0];
    // Right-side passages sort just after their anchor pair, in their own order.
    items.push({ item: { kind: 'only', passage }, key: (before ? before.left.index : -1) + 0.5 + passage.index / 1e6 });
  }
  return items.sort((x, y) => x.key - y.key).map((x) => x.item);
}
