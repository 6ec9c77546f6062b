import type * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { ParsedPage } from '../types.js';
import { countScripts } from '../text/detectScript.js';
import { htmlToBlocks } from './htmlToBlocks.js';
import { loadHtml } from './loadHtml.js';

/** Roughly how much reading a text holds: an ideograph is about a word, a Latin word about four letters. */
function textWeight(text: string): number {
  const { han, latin } = countScripts(text);
  return han + latin / 4;
}

/** A standfirst kept beside the body container (`.sapo`, `.lead`, `.summary`): often where the date is. */
const LEAD = '[class*="sapo" i], [class*="lead" i], [class*="summary" i], [class*="intro" i], [class*="standfirst" i]';

/**
 * The element most likely to hold the article: a semantic container if the page has one,
 * otherwise the element whose own `<p>` children carry the most Chinese text (a small
 * readability heuristic: navigation and related lists are links, not paragraphs).
 */
function findMainContent($: cheerio.CheerioAPI): cheerio.Cheerio<AnyNode> {
  for (const selector of ['[itemprop="articleBody"]', 'article', '.article-content', '.article_content', '#content']) {
    const found = $(selector).first();
    if (found.length && textWeight(found.text()) > 50) return found;
  }
  let best: AnyNode | null = null;
  let bestScore = 0;
  $('p').each((_, p) => {
    const parent = p.parent;
    if (!parent) return;
    const score = $(parent)
      .children('p')
      .toArray()
      .reduce((sum, child) => sum + textWeight($(child).text()) - 10 * $(child).find('a').length, 0);
    if (score > bestScore) {
      bestScore = score;
      best = parent as AnyNode;
    }
  });
  if (!best) return $('body').length ? $('body') : $.root();
  const lead = $(best).prevAll(LEAD).first();
  return lead.length ? lead.add(best) : $(best);
}

function jsonLdField(
  $: cheerio.CheerioAPI,
  field: 'datePublished' | 'headline' | 'url',
): string | undefined {
  for (const script of $('script[type="application/ld+json"]').toArray()) {
    try {
      const data = JSON.parse($(script).text()) as unknown;
      const items = Array.isArray(data) ? data : [data];
      for (const item of items) {
        const value = (item as Record<string, unknown>)?.[field];
        if (typeof value === 'string') return value;
      }
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources still apply.
    }
  }
  return undefined;
}

function meta($: cheerio.CheerioAPI, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = $(selector).first().attr('content') ?? $(selector).first().attr('datetime');
    if (value?.trim()) return value.trim();
  }
  return undefined;
}

/** A visible byline: a date with a time (`2024年08月20日05:00`, `2024-08-20 05:00`, `13/10/2024 20:30`). */
const VISIBLE_STAMP =
  /\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}|\d{1,2}\/\d{1,2}\/\d{4}\s*[-|,]?\s*\d{1,2}:\d{2}|\d{1,2}:\d{2}\s*[|,-]?\s*\d{1,2}\/\d{1,2}\/\d{4}/u;
const VISIBLE_SOURCE = /来源\s*[:：]\s*([^\s|｜<>()（）]{2,20})/u;

/** What a reader sees above the article when the metadata says nothing: the byline's date and source. */
function visibleByline($: cheerio.CheerioAPI): { published?: string; siteName?: string } {
  const text = $('body').text().replace(/\s+/gu, ' ').slice(0, 5000);
  const stamp = VISIBLE_STAMP.exec(text)?.[0];
  const source = VISIBLE_SOURCE.exec(text)?.[1]?.split(/[－—-]/u)[0];
  return { published: stamp, siteName: source };
}

/** Reads a whole HTML page: title, date, site and canonical URL from metadata; text from the main content. */
export function parseHtmlPage(html: string): ParsedPage & { captions: string[] } {
  const $ = loadHtml(html);
  const title =
    meta($, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ??
    jsonLdField($, 'headline') ??
    ($('h1').first().text().trim() || $('title').first().text().trim() || null);
  const published =
    meta(
      $,
      'meta[property="article:published_time"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="PubDate"]',
      'meta[itemprop="datePublished"]',
      'time[datetime]',
    ) ?? jsonLdField($, 'datePublished');
  const url =
    $('link[rel="canonical"]').attr('href') ?? meta($, 'meta[property="og:url"]') ?? jsonLdField($, 'url');
  const siteName = meta($, 'meta[property="og:site_name"]', 'meta[name="application-name"]');
  const byline = published && siteName ? {} : visibleByline($);
  const { blocks, captions } = htmlToBlocks($, findMainContent($));
  return {
    title: title?.replace(/\s+/gu, ' ') ?? null,
    blocks,
    captions,
    meta: { published: published ?? byline.published, url, siteName: siteName ?? byline.siteName },
  };
}
