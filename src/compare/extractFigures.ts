import { sentencesOf } from '../text/splitSentences.js';
import type { Article, Figure, FigureComparison } from '../types.js';

const MULTIPLIER: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3, '': 1 };
// `个` not before 月: `前11个月` is a period, not a count.
const FIGURE = /(\d+(?:[.,]\d+)*)\s*(万亿|亿|万|千)?\s*(美元|人民币|元|剂|吨|%|个(?!月)|份|项|人次|人|次|公里|架次|家|周年|倍)/gu;

/** Numbers with units (`2000亿美元`, `300 万剂`, `24.6%`, `75周年`) and the words just before them. */
export function extractFigures(article: Article): Figure[] {
  const figures: Figure[] = [];
  for (const paragraph of article.paragraphs) {
    for (const sentence of sentencesOf(paragraph)) {
      const text = sentence.normalize('NFKC');
      for (const m of text.matchAll(FIGURE)) {
        const index = m.index ?? 0;
        const value = Number(m[1]!.replace(/,/gu, '')) * (MULTIPLIER[m[2] ?? ''] ?? 1);
        if (!Number.isFinite(value)) continue;
        figures.push({
          text: m[0].replace(/\s+/gu, ''),
          value,
          unit: m[3]!,
          context: text.slice(Math.max(0, index - 14), index).replace(/^[，。；,;\s]+/u, ''),
          paragraphId: paragraph.id,
        });
      }
    }
  }
  return figures;
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[^\p{Script=Han}\p{L}]/gu, '')];
  return new Set(chars.slice(1).map((c, i) => chars[i]! + c));
}

function sharesContext(a: Figure, b: Figure): boolean {
  const x = bigrams(a.context);
  return [...bigrams(b.context)].some((g) => x.has(g));
}

/**
 * Sets each side's figures against the other's: `matches` when the other side gives the same value
 * in the same unit, `differs` when it gives another value in the same unit in a similar context
 * (`2000亿美元` against `1500亿美元`, both about trade), `only` when it gives none.
 */
export function compareFigures(sides: [string, string], figures: [Figure[], Figure[]]): FigureComparison[] {
  const out: FigureComparison[] = [];
  ([0, 1] as const).forEach((i) => {
    const mine = figures[i];
    const theirs = figures[1 - i]!;
    for (const figure of mine) {
      const sameUnit = theirs.filter((f) => f.unit === figure.unit);
      const equal = sameUnit.find((f) => Math.abs(f.value - figure.value) <= Math.abs(figure.value) * 0.01);
      const similar = sameUnit.find((f) => sharesContext(f, figure));
      const flag = equal ? 'matches' : similar ? 'differs' : 'only';
      out.push({ ...figure, side: sides[i], flag, counterpart: (equal ?? similar)?.text ?? null });
    }
  });
  return out;
}
