/**
 * Times Chromium opening a report page from `file://` and filtering its events table: how long a
 * reader waits for the index of a large corpus. Not part of `npm run bench` (it needs Debian's
 * Chromium); run after it:
 *
 *   npx tsc -p tsconfig.bench.json && node .bench/scripts/bench/openReport.js <page.html> [query]
 *
 * Prints the time to the load event, the time from typing the query into the filter to two frames
 * later (null on a page with no events table), and the rows of its events or months table.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [page, query = '王毅'] = process.argv.slice(2);
if (!page) throw new Error('usage: openReport.js <page.html> [query]');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const tab = await browser.newPage();
  const opened = performance.now();
  await tab.goto(pathToFileURL(path.resolve(page)).href, { waitUntil: 'load', timeout: 600_000 });
  const loadedMs = Math.round(performance.now() - opened);
  let filterMs: number | null = null;
  if ((await tab.locator('#filter').count()) > 0) {
    await tab.locator('#controls').waitFor({ state: 'visible' });
    const typed = performance.now();
    await tab.locator('#filter').fill(query);
    // Two frames: the rows hidden by the filter have been laid out and painted. A string, because
    // this project compiles without the DOM library the function would need.
    await tab.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    filterMs = Math.round(performance.now() - typed);
  }
  const rows = await tab.locator('#events tbody tr, #months tbody tr').count();
  console.log(JSON.stringify({ page, loadedMs, filterMs, rows }));
} finally {
  await browser.close();
}
