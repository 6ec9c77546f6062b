import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';

/** Elements whose text is never article text. */
const NEVER_CONTENT = 'script, style, noscript, template, nav, footer, aside, form, iframe, svg, button, select';
/** Elements that hold image captions and credits; their text is reported as removed, not kept. */
const CAPTIONS = 'figcaption, [class*="caption" i], [class*="credit" i], .pic-desc, .img-desc';
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figure, table, tr, div, section, article, header, dd, dt';

export interface HtmlBlocks {
  blocks: string[];
  captions: string[];
}

/**
 * Flattens an HTML fragment into text blocks in reading order: one block per paragraph-like
 * element, `<br>` as a line break. Images are dropped (their alt text is a caption, not text).
 */
export function htmlToBlocks($: cheerio.CheerioAPI, root: cheerio.Cheerio<AnyNode>): HtmlBlocks {
  // Several roots (a standfirst and the body beside it) are read in document order under one wrapper.
  const scope = root.length > 1 ? $('<div></div>').append(root.clone()) : root.clone();
  scope.find(NEVER_CONTENT).remove();
  const captions = scope
    .find(CAPTIONS)
    .toArray()
    .map((el) => $(el).text().replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
  scope.find(CAPTIONS).remove();
  scope.find('img, picture, video, audio').remove();
  scope.find('br').replaceWith('\n');
  scope.find(BLOCKS).each((_, el) => {
    $(el).prepend('\n').append('\n');
  });
  const blocks = scope
    .text()
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/gu, ' ').trim())
    .filter(Boolean);
  return { blocks, captions };
}

/** True when a Markdown or text body is really HTML (seed 000's body is a `<div>` of `<p>`s). */
export function looksLikeHtml(body: string): boolean {
  return /<(p|div|br|span|img|h[1-6]|article|section|table|ul|ol)\b[^>]*>/i.test(body);
}
