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
 * Every topic term, folded, listed under its first code unit, with the topic it belongs to, and
 * which code units start a term at all: most characters start none, and a typed-array read says so
 * faster than a Map look-up.
 */
interface TermIndex {
  byFirst: Map<number, { term: string; topic: number }[]>;
  starts: Uint8Array;
}
const indexes = new WeakMap<TopicLexicon[], TermIndex>();

function termIndex(topics: TopicLexicon[]): TermIndex {
  let index = indexes.get(topics);
  if (!index) {
    const byFirst = new Map<number, { term: string; topic: number }[]>();
    const starts = new Uint8Array(0x10000);
    topics.forEach((topic, t) =>
      topic.terms.map(fold).forEach((term) => {
        const first = term.charCodeAt(0);
        const list = byFirst.get(first) ?? [];
        list.push({ term, topic: t });
        byFirst.set(first, list);
        starts[first] = 1;
      }),
    );
    indexes.set(topics, (index = { byFirst, starts }));
  }
  return index;
}

/** Which topics name a term anywhere in the folded sentence: one look-up per character, not one search per term. */
function topicsIn(folded: string, index: TermIndex, found: boolean[]): void {
  found.fill(false);
  for (let i = 0; i < folded.length; i++) {
    const first = folded.charCodeAt(i);
    if (index.starts[first] === 0) continue;
    const candidates = index.byFirst.get(first);
    if (!candidates) continue;
    for (const { term, topic } of candidates) if (!found[topic] && folded.startsWith(term, i)) found[topic] = true;
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
