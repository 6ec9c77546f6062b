import type { ParsedPage } from '../types.js';
import { splitLines } from '../text/splitLines.js';

/** `09:00 | 14/07/2022`: the time line Vietnamese outlets' Chinese pages put under the headline. */
const LAYOUT_TIMESTAMP = /^(\d{1,2}):(\d{2})\s*\|\s*(\d{1,2})\/(\d{1,2})\/(\d{4})$/u;

/** `2022-10-31 21:30:00 来源：新华社`, `发布时间：2024-10-13 20:40 来源：越南之声`: a date line with the source. */
const PAGE_STAMP =
  /^(?:(?:发布|发稿)?时间[:：]\s*)?(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(?:\s+来源[:：]\s*(\S+))?$/u;

/** `13/10/2024 20:30`, `Chủ nhật, 13/10/2024 - 20:30`: the day-first stamp of Vietnamese pages. */
const DAY_FIRST_STAMP = /^(?:[^\d]{0,24})?(\d{1,2}\/\d{1,2}\/\d{4})(?:\s*[-|,]?\s*\d{1,2}:\d{2})?(?:\s*(?:GMT|UTC)?[+-]?\d{0,2})?$/u;

/**
 * A plain-text page dump (seeds 001–004): the title is the first non-empty line; every other
 * line is a block. Blank lines are kept as empty strings: they separate paragraphs, and a caption
 * is told from a paragraph by having none before it.
 */
export function parseTextDump(text: string): ParsedPage {
  const lines = splitLines(text).map((l) => l.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, ''));
  const first = lines.findIndex((l) => l.length > 0);
  const title = first >= 0 ? lines[first]! : null;
  const blocks = first >= 0 ? lines.slice(first + 1) : [];
  // Only near the top: a date line further down is part of the text or of a related-news list.
  const top = blocks.slice(0, 6);
  const stamp = top.map((l) => PAGE_STAMP.exec(l)).find((m) => m !== null);
  const dayFirst = top.map((l) => DAY_FIRST_STAMP.exec(l)).find((m) => m !== null);
  // The `HH:MM | DD/MM/YYYY` layout line is unmistakable wherever it stands.
  const layout = blocks.find((l) => LAYOUT_TIMESTAMP.test(l));
  return {
    title,
    blocks,
    meta: { published: stamp?.[1] ?? dayFirst?.[1] ?? layout, siteName: stamp?.[2] },
  };
}
