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
      [counts[variant], rest] = countAndConsume(rest, foldScript(variant.normalize('NFKC')));
    }
    return { name: pair.name, counts };
  });
}

/**
 * How often `term` occurs in `text` (left to right, not overlapping) and the text with each
 * occurrence blanked out. Most variants never occur in a given article: those cost one search.
 */
function countAndConsume(text: string, term: string): [number, string] {
  if (!term) return [0, text];
  let count = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) count++;
  return [count, count ? text.replaceAll(term, '\u0000') : text];
}
