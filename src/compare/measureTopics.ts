import { indexByFirstCharacter, type FirstCharacterIndex } from '../text/firstCharacterIndex.js';
import { foldScript } from '../text/foldScript.js';
import { sentencesOf } from '../text/splitSentences.js';
import type { Article, TopicCoverage } from '../types.js';

export interface TopicLexicon {
  name: string;
  label: string;
  terms: string[];
}

const fold = (text: string) => foldScript(text.normalize('NFKC'));

/** Every topic term, folded, with the topic it belongs to, by first character; built once per lexicon. */
const indexes = new WeakMap<TopicLexicon[], FirstCharacterIndex<number>>();

function termIndex(topics: TopicLexicon[]): FirstCharacterIndex<number> {
  let index = indexes.get(topics);
  if (!index) indexes.set(topics, (index = indexByFirstCharacter(topics.flatMap((topic, t) => topic.terms.map((term) => [fold(term), t] as const)))));
  return index;
}

/** Which topics name a term anywhere in the folded sentence: one look-up per character, not one search per term. */
function topicsIn(folded: string, index: FirstCharacterIndex<number>, found: boolean[]): void {
  found.fill(false);
  for (let i = 0; i < folded.length; i++) {
    const first = folded.charCodeAt(i);
    if (index.starts[first] === 0) continue;
    const candidates = index.byFirst.get(first)!;
    for (const { literal, value: topic } of candidates) if (!found[topic] && folded.startsWith(literal, i)) found[topic] = true;
  }
}

/**
 * How much of an article is about each topic: the characters of the sentences that name one of the
 * topic's terms, their share of the article, and the paragraph where the topic first comes up.
 * Each sentence is folded once and scanned once for every topic's terms.
 */
export function measureTopics(article: Article, topics: TopicLexicon[]): TopicCoverage[] {
  const total = article.paragraphs.reduce((n, p) => n + p.text.length, 0) || 1;
  const index = termIndex(topics);
  const chars = topics.map(() => 0);
  const first: (number | null)[] = topics.map(() => null);
  const found = topics.map(() => false);
  article.paragraphs.forEach((paragraph, paragraphIndex) => {
    for (const sentence of sentencesOf(paragraph)) {
      topicsIn(fold(sentence), index, found);
      found.forEach((named, t) => {
        if (!named) return;
        chars[t]! += sentence.length;
        first[t] ??= paragraphIndex + 1;
      });
    }
  });
  return topics.map((topic, t) => ({
    topic: topic.name,
    label: topic.label,
    chars: chars[t]!,
    share: Math.round((chars[t]! / total) * 1000) / 1000,
    firstParagraph: first[t]!,
  }));
}
