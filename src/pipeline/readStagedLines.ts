import { closeSync, openSync, readSync } from 'node:fs';
import type { Article } from '../types.js';
import type { StagedLines } from './writeAtomic.js';

/**
 * Reads the given lines of articles.jsonl as ingest is writing it (StagedLines), each an article:
 * the compare stage reads its events' members back instead of having every article's text sent to
 * its workers. `ids` are the articles expected, line for line; a line holding another article means
 * the index and the file disagree, and is an error, not a wrong comparison.
 */
export function readStagedArticles(lines: StagedLines, wanted: number[], ids: string[]): Article[] {
  const fd = openSync(lines.file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(1 << 16);
    return wanted.map((line, k) => {
      const start = lines.starts[line]!;
      const length = lines.ends[line]! - start;
      if (buffer.length < length) buffer = Buffer.allocUnsafe(length * 2);
      const read = readSync(fd, buffer, 0, length, start);
      if (read !== length) throw new Error(`${lines.file}: line ${line + 1} is ${length} bytes, but only ${read} could be read`);
      const article = JSON.parse(buffer.toString('utf8', 0, length)) as Article;
      if (article.id !== ids[k]) throw new Error(`${lines.file}: line ${line + 1} holds article ${article.id}, not ${ids[k]}`);
      return article;
    });
  } finally {
    closeSync(fd);
  }
}
