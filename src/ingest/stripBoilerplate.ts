import { countHan, detectLanguage, hasLatinRun, isMostlyHan } from '../text/detectScript.js';
import { foldText } from '../text/normalizeForMatching.js';
import { endsSentence, mayStartWithDateline, withoutTrailingPointers } from './lineShape.js';
import type { RemovalReason, RemovedBlock } from '../types.js';

/**
 * Separates an article's text from what a page wraps around it. Works on lines, because that is
 * what every input reduces to (HTML blocks, text-dump lines), and removes by pattern, never by
 * position alone, so that an article's own text is kept whole.
 */

export interface BoilerplateRules {
  cutAt: Set<string>;
  dropLines: RegExp[];
  photoCredits: RegExp[];
  /** Whether a line matches any of `dropLines` (anyPattern). */
  isDropLine: (text: string) => boolean;
  /** Whether a line matches any of `photoCredits` (anyPattern). */
  isPhotoCredit: (text: string) => boolean;
  endMarkers: string[];
  /** Outlet names and aliases: a lone line with one of them is a credit, not text. */
  outletNames: string[];
}

export interface StrippedText {
  paragraphs: string[];
  /**
   * `foldText` of each paragraph: stripping compares lines folded, and signing the article needs the
   * same strings, so they are made once.
   */
  folded: string[];
  removed: RemovedBlock[];
  byline: string | null;
  /**
   * The page text before the trailing block, for outlet signatures (datelines, credits, layout):
   * joined when asked for. Only a whole article's build reads it, and joined for every page it was
   * a copy of the page's text made for `dupes` to throw away.
   */
  bodyRegion(): string;
}

interface Line {
  text: string;
  /** The line directly follows another, with no blank line between: how dumps attach captions. */
  attached: boolean;
  removed: RemovalReason | null;
  /** `foldText(text)`, computed once when first asked for. */
  key?: string;
}

function keyOf(line: Line): string {
  return (line.key ??= foldText(line.text));
}

/** Headlines run together: a space directly between two headline characters, not after punctuation. */
const HEADLINE_GAP = /(?<=[\p{Script=Han}\p{L}\d])\s+(?=[\p{Script=Han}A-Za-z\d])/u;
const TIMESTAMP_ONLY = /^[\d\s:|/.\-年月日时分]+$/u;
const DOUBLED_HEADLINE = /^(.{4,}?)\s+\1$/u;
const INLINE_PHOTO = /(?:^|\s)ảnh\s*\d+/iu;
/**
 * Whether DOUBLED_HEADLINE can match: a line `X`, spaces, `X` has a space at its middle, whatever
 * the lengths (2|X| + w characters with w >= 1 spaces: the middle one is at |X| + floor(w / 2)).
 * One character read where a search for any space read most lines whole.
 */
function mayBeDoubled(text: string): boolean {
  return /\s/u.test(text.charAt(text.length >> 1));
}
/** INLINE_PHOTO needs its `ả` (or, ignoring case, `Ả`): a lookup rules out almost every line. */
function mayNameAPhoto(text: string): boolean {
  return text.includes('ả') || text.includes('Ả');
}
/** `越通社河内——`, `新华社北京12月2日电`: a dateline before the first sentence. */
const DATELINE = /^[^，,。\s]{2,24}?(?:——|--|—|电)\s*/u;

function toLines(blocks: string[]): Line[] {
  const lines: Line[] = [];
  let previousBlank = true;
  for (const block of blocks) {
    const text = block.trim();
    if (!text) {
      previousBlank = true;
      continue;
    }
    lines.push({ text, attached: !previousBlank, removed: null });
    previousBlank = false;
  }
  return lines;
}

function live(lines: Line[]): Line[] {
  return lines.filter((l) => l.removed === null);
}

/** Everything from the first related-news marker on (`相关新闻`, `更多`, `查看更多`) is another page's. */
function cutTrailingBlock(lines: Line[], rules: BoilerplateRules): number {
  let seenBody = false;
  // A body paragraph is longer than any marker: most lines are ruled out by length alone.
  let longest = 0;
  for (const marker of rules.cutAt) longest = Math.max(longest, marker.length);
  for (const [i, line] of lines.entries()) {
    if (seenBody && isMarker(line.text, rules.cutAt, longest)) {
      for (const rest of lines.slice(i)) rest.removed = 'trailing-block';
      return i;
    }
    if (line.text.length >= 40) seenBody = true;
  }
  return lines.length;
}

function isMarker(text: string, cutAt: Set<string>, longest: number): boolean {
  const bare = withoutTrailingPointers(text);
  return bare.length <= longest && cutAt.has(bare);
}

function markCaptionAfter(lines: Line[], index: number): void {
  const next = lines[index + 1];
  if (next && next.removed === null && next.attached && next.text.length <= 100 && !DATELINE.test(next.text)) {
    next.removed = 'caption';
  }
}

/**
 * `isZh`: whether the page is Chinese, asked only of a page with a line in Latin letters. Counting
 * the page's scripts reads a third of a Chinese page, and most Chinese pages have no such line.
 */
function markPageFurniture(lines: Line[], title: string | null, rules: BoilerplateRules, isZh: () => boolean): void {
  const titleKey = title ? foldText(title) : null;
  // A line can only repeat the title if its length is near the title's: skip normalising the rest.
  const nearTitle = (text: string) => title !== null && Math.abs(text.length - title.length) <= 8;
  const creditedCaptions = new Set<string>();
  for (const [i, line] of lines.entries()) {
    if (line.removed) continue;
    const { text } = line;
    if (rules.isDropLine(text)) {
      line.removed = 'site-chrome';
    } else if (text.length <= 30 && TIMESTAMP_ONLY.test(text) && /\d/u.test(text)) {
      // Includes damaged stamps such as `16:2` (seed 004) left by a truncated dump.
      line.removed = 'timestamp';
    } else if (titleKey && nearTitle(text) && keyOf(line) === titleKey) {
      // A headline repeated mid-page is an image's alt text; the attached line under it is the caption.
      line.removed = 'repeated-title';
      markCaptionAfter(lines, i);
    } else if (mayNameAPhoto(text) && INLINE_PHOTO.test(text)) {
      line.removed = 'caption';
    } else if (hasLatinRun(text) && isZh() && detectLanguage(text) !== 'zh') {
      // Vietnamese alt text inside a Chinese page (seed 004), with its Chinese caption under it.
      line.removed = 'caption';
      markCaptionAfter(lines, i);
    } else if (text.length <= 150 && rules.isPhotoCredit(text)) {
      line.removed = 'photo-credit';
      const bare = rules.photoCredits.reduce((t, re) => t.replace(re, ''), text);
      creditedCaptions.add(foldText(bare));
    } else if (creditedCaptions.size > 0 && creditedCaptions.has(keyOf(line))) {
      line.removed = 'caption';
    }
  }
}

function markRepeatedShortLines(lines: Line[]): void {
  const kept = live(lines);
  for (let i = 1; i < kept.length; i++) {
    const [a, b] = [kept[i - 1]!, kept[i]!];
    if (a.text.length <= 60 && a.text === b.text) {
      a.removed = 'caption';
      b.removed = 'caption';
    }
  }
}

function markTeasersAndLinkLines(lines: Line[]): void {
  const kept = live(lines);
  for (const [i, line] of kept.entries()) {
    if (line.removed) continue;
    // Only a short line with a space in its middle can be a headline printed twice (mayBeDoubled); the regex backtracks on long ones.
    if (line.text.length <= 240 && mayBeDoubled(line.text) && DOUBLED_HEADLINE.test(line.text)) {
      // A related article's headline printed twice, then its summary (seeds 003, 004).
      line.removed = 'teaser';
      const summary = kept[i + 1];
      if (summary && !summary.removed) summary.removed = 'teaser';
      continue;
    }
    const segments = () =>
      line.text.split(new RegExp(HEADLINE_GAP.source, 'gu')).filter((s) => countHan(s) >= 4);
    // Headlines carry no full stop; a line with one inside it is prose, whatever its spacing.
    if (!endsSentence(line.text) && !/[。！？]/u.test(line.text) && segments().length >= 2) {
      // Headlines of related articles run together on one line, with no sentence punctuation.
      line.removed = 'related-links';
    }
  }
}

function stripEndMarkers(lines: Line[], rules: BoilerplateRules): void {
  for (const line of live(lines)) {
    for (const marker of rules.endMarkers) {
      if (line.text.endsWith(marker)) {
        line.text = line.text.slice(0, -marker.length).trim();
        line.key = undefined;
      }
    }
    if (!line.text) line.removed = 'byline';
  }
}

function takeByline(lines: Line[], rules: BoilerplateRules): string | null {
  const credits: string[] = [];
  for (let guard = 0; guard < 3; guard++) {
    const kept = live(lines);
    const last = kept[kept.length - 1];
    if (!last || kept.length < 2) break;
    const isOutlet = last.text.length <= 24 && rules.outletNames.some((n) => foldText(n) === keyOf(last));
    const isName = last.text.length <= 8 && !/[\p{P}\d]/u.test(last.text);
    if (!isOutlet && !isName) break;
    last.removed = 'byline';
    credits.unshift(last.text);
  }
  return credits.length ? credits.join(' ') : null;
}

function withoutDateline(line: Line): string {
  return mayStartWithDateline(line.text) && DATELINE.test(line.text) ? foldText(line.text.replace(DATELINE, '')) : keyOf(line);
}

/** A summary printed above the body and again as its first paragraph (seeds 001, 003): keep the body's. */
function markRepeatedLeads(lines: Line[]): void {
  const kept = live(lines);
  const keys = kept.map(withoutDateline);
  for (let i = 0; i < kept.length; i++) {
    const key = keys[i]!;
    // Only whole sentences: a subheading is often echoed inside the paragraph it introduces.
    if (key.length < 20 || !endsSentence(kept[i]!.text)) continue;
    for (let j = i + 1; j < kept.length; j++) {
      if (keys[j]!.length >= key.length && keys[j]!.includes(key)) {
        kept[i]!.removed = 'repeated-lead';
        break;
      }
    }
  }
}

export function stripBoilerplate(blocks: string[], title: string | null, rules: BoilerplateRules): StrippedText {
  const lines = toLines(blocks);
  const cut = cutTrailingBlock(lines, rules);
  // Each line's text as read, before stripEndMarkers shortens any: the region is the page as it came.
  const region = lines.slice(0, cut).map((l) => l.text);
  // Counted line by line, as in the joined region: the line breaks are neither ideographs nor letters.
  let zh: boolean | undefined;
  markPageFurniture(lines, title, rules, () => (zh ??= isMostlyHan([title ?? '', ...region])));
  markRepeatedShortLines(lines);
  markTeasersAndLinkLines(lines);
  stripEndMarkers(lines, rules);
  const byline = takeByline(lines, rules);
  markRepeatedLeads(lines);
  const kept = live(lines);
  return {
    paragraphs: kept.map((l) => l.text),
    folded: kept.map(keyOf),
    removed: lines.filter((l) => l.removed).map((l) => ({ reason: l.removed!, text: l.text })),
    byline,
    bodyRegion: () => region.join('\n'),
  };
}
