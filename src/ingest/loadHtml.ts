import { createRequire } from 'node:module';
import type { CheerioAPI } from 'cheerio';

type Cheerio = typeof import('cheerio');

const require = createRequire(import.meta.url);
let cheerio: Cheerio | null = null;

/**
 * cheerio's `load`, with cheerio loaded the first time a page needs it. Loading it takes a quarter
 * of a second on every thread that does, and a JSONL corpus of plain text needs it nowhere: each
 * ingest worker, and the main thread, loaded it for nothing.
 */
export function loadHtml(...args: Parameters<Cheerio['load']>): CheerioAPI {
  cheerio ??= require('cheerio') as Cheerio;
  return cheerio.load(...args);
}
