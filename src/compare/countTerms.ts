import { foldScript } from '../text/foldScript.js';
import type { Article, TermCount } from '../types.js';

/**
 * Counts each variant of each paired term (中越/越中, 南海/东海 …). A variant inside a longer variant
 * of the same pair is not counted twice: longer variants are matched first and their text consumed.
 */
export function countTerms(article: Article, pairs: { name: string; variants: string[] }[]): TermCount[] {
  const text = foldScript(article.paragraphs.map((p) => p.text).join('\n').normalize('NFKC'));
  return pairs.map((pair) => {
    const counts: Record<string, number> = Object.fromEntries(pair.variants.map((v) => [v, 0]));
    let rest = text;
    for (const variant of [...pair.variants].sort((a, b) => b.length - a.length)) {
      const parts = rest.split(foldScript(variant.normalize('NFKC')));
      counts[variant] = parts.length - 1;
      rest = parts.join('\u0000');
    }
    return { name: pair.name, counts };
  });
}
