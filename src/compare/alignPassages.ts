import { foldForFingerprint, normalizeForMatching } from '../text/normalizeForMatching.js';
import { splitSentences } from '../text/splitSentences.js';
import type { AlignedPassage, Article, OneSidePassage } from '../types.js';
import { diffPassage } from './diffPassage.js';
import { cosine, vectorizeSentences } from './sentenceSimilarity.js';

interface Passage {
  paragraphId: string;
  text: string;
  key: string;
  order: number;
}

/** Past this many sentence pairs the alignment only scores pairs that share a rare bigram. */
const MAX_FULL_PAIRS = 250_000;

function passagesOf(article: Article): Passage[] {
  let order = 0;
  return article.paragraphs.flatMap((p) =>
    splitSentences(p.text).map((text) => ({
      paragraphId: p.id,
      text,
      key: foldForFingerprint(normalizeForMatching(text)),
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
  const scored: { i: number; j: number; similarity: number }[] = [];
  const cap = a.length * b.length > MAX_FULL_PAIRS;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const x = a[i]!.key;
      const y = b[j]!.key;
      if (cap && Math.abs(x.length - y.length) > Math.max(x.length, y.length) / 2) continue;
      const similarity = x === y ? 1 : cosine(space, i, a.length + j);
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
      left: { paragraphId: pa.paragraphId, text: pa.text },
      right: { paragraphId: pb.paragraphId, text: pb.text },
      similarity: Math.round(similarity * 1000) / 1000,
      kind: verbatim ? 'verbatim' : 'reworded',
      diff: verbatim ? null : diffPassage(pa.text, pb.text, diffTimeoutMs),
    });
  }
  aligned.sort((p, q) => p.order - q.order);
  const onlyIn: OneSidePassage[] = [
    ...a.filter((_, i) => !usedA.has(i)).map((p) => ({ side: sides[0], paragraphId: p.paragraphId, text: p.text })),
    ...b.filter((_, j) => !usedB.has(j)).map((p) => ({ side: sides[1], paragraphId: p.paragraphId, text: p.text })),
  ];
  return { aligned: aligned.map(({ order: _order, ...rest }) => rest), onlyIn };
}
