import { splitSentences } from '../text/splitSentences.js';
import { toSimplified } from '../text/toSimplified.js';
import type { Article, TopicCoverage } from '../types.js';

export interface TopicLexicon {
  name: string;
  label: string;
  terms: string[];
}

function mentions(text: string, terms: string[]): boolean {
  const folded = toSimplified(text.normalize('NFKC'));
  return terms.some((t) => folded.includes(t));
}

/**
 * How much of an article is about each topic: the characters of the sentences that name one of the
 * topic's terms, their share of the article, and the paragraph where the topic first comes up.
 */
export function measureTopics(article: Article, topics: TopicLexicon[]): TopicCoverage[] {
  const total = article.paragraphs.reduce((n, p) => n + p.text.length, 0) || 1;
  return topics.map((topic) => {
    let chars = 0;
    let firstParagraph: number | null = null;
    article.paragraphs.forEach((paragraph, index) => {
      for (const sentence of splitSentences(paragraph.text)) {
        if (!mentions(sentence, topic.terms)) continue;
        chars += sentence.length;
        firstParagraph ??= index + 1;
      }
    });
    return { topic: topic.name, label: topic.label, chars, share: Math.round((chars / total) * 1000) / 1000, firstParagraph };
  });
}
