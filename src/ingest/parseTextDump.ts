import type { ParsedPage } from '../types.js';

/** `09:00 | 14/07/2022`: the time line Vietnamese outlets' Chinese pages put under the headline. */
export const LAYOUT_TIMESTAMP = /^(\d{1,2}):(\d{2})\s*\|\s*(\d{1,2})\/(\d{1,2})\/(\d{4})$/u;

/**
 * A plain-text page dump (seeds 001–004): the title is the first non-empty line; every other
 * line is a block. Blank lines are kept as empty strings: they separate paragraphs, and a caption
 * is told from a paragraph by having none before it.
 */
export function parseTextDump(text: string): ParsedPage {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n').map((l) => l.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, ''));
  const first = lines.findIndex((l) => l.length > 0);
  const title = first >= 0 ? lines[first]! : null;
  const blocks = first >= 0 ? lines.slice(first + 1) : [];
  const timestampLines = blocks.filter((l) => LAYOUT_TIMESTAMP.test(l));
  return { title, blocks, meta: { timestampLines } };
}
