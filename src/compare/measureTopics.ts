import { foldScript } from '../text/foldScript.js';
import { sentencesOf } from '../text/splitSentences.js';
import type { Article, TopicCoverage } from '../types.js';

export interface TopicLexicon {
  name: string;
  label: string;
  terms: string[];
}

const fold = (text: string) => foldScript(text.normalize('NFKC'));

/**
 * How much of an article is about each topic: the characters of the sentences that name one of the
 * topic's terms, their share of the article, and the paragraph where the topic first comes up.
 * Each sentence is folded once and tested against every topic.
 */
export function measureTopics(article: Article, topics: TopicLexicon[]): TopicCoverage[] {
  const total = article.paragraphs.reduce((n, p) => n + p.text.length, 0) || 1;
  const terms = topics.map((t) => t.terms.map(fold));
  const chars = topics.map(() => 0);
  const first: (number | null)[] = topics.map(() => null);
  article.paragraphs.forEach((paragraph, index) => {
    for (const sentence of sentencesOf(paragraph)) {
      const folded = fold(sentence);
      terms.forEach((list, t) => {
        if (!list.some((term) => folded.includes(term))) return;
        chars[t]! += sentence.length;
        first[t] ??= index + 1;
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
