import { closeSync, openSync, readSync } from 'node:fs';
import { decodeUtf8 } from '../text/decodeUtf8.js';
import type { Article } from '../types.js';
import type { StagedLines } from './writeAtomic.js';

/** One event's members as lines of articles.jsonl, and the ids those lines must hold. */
export interface StagedMembers {
  lines: number[];
  ids: string[];
}

/**
 * Reads the given lines of articles.jsonl as ingest is writing it (StagedLines), each an article,
 * for each event asked for, with the file opened once: the compare stage reads its events' members
 * back instead of having every article's text sent to its workers. A line holding another article
 * than its id says means the index and the file disagree, and is an error, not a wrong comparison.
 */
export function readStagedArticles(staged: StagedLines, events: StagedMembers[]): Article[][] {
  const fd = openSync(staged.file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(1 << 16);
    const read = (line: number, id: string): Article => {
      const start = staged.starts[line]!;
      // Without the line's newline.
      const length = (line + 1 < staged.starts.length ? staged.starts[line + 1]! : staged.size) - start - 1;
      if (buffer.length < length) buffer = Buffer.allocUnsafe(length * 2);
      const got = readSync(fd, buffer, 0, length, start);
      if (got !== length) throw new Error(`${staged.file}: line ${line + 1} is ${length} bytes, but only ${got} could be read`);
      const article = JSON.parse(decodeUtf8(buffer.subarray(0, length))) as Article;
      if (article.id !== id) throw new Error(`${staged.file}: line ${line + 1} holds article ${article.id}, not ${id}`);
      return article;
    };
    return events.map(({ lines, ids }) => lines.map((line, k) => read(line, ids[k]!)));
  } finally {
    closeSync(fd);
  }
}
