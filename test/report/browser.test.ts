import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE, CORPUS, ROOT, runQuietly, SEEDS } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const SHOTS = path.join(ROOT, 'test-results');

if (!available && process.env.CI !== 'true') {
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

describe('browser tests can run', () => {
  it.runIf(process.env.CI === 'true')('has Chromium in CI, where a skipped browser test is a failure', () => {
    expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: .ci/run installs it with apt-get`).toBe(true);
  });
});

/** Runs the pipeline exactly as `npm start` does, into a folder of its own. */
async function runReport(inputs: string[], options: string[] = []): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'parallax-browser-'));
  expect(await runQuietly(['run', '--config', CONFIG_FILE, ...inputs.flatMap((i) => ['--input', i]), '--out', out, '--quiet', ...options])).toBe(0);
  return out;
}

interface Watch {
  errors: string[];
  offline: string[];
  dialogs: string[];
}

async function open(context: BrowserContext, url: string, watch: Watch): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && watch.errors.push(m.text()));
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return page;
}

describe.skipIf(!available)('the reports in Chromium', () => {
  let context: BrowserContext;
  let out: string;
  const watch: Watch = { errors: [], offline: [], dialogs: [] };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    out = await runReport([CORPUS]);
    context = await chromium.launchPersistentContext(await mkdtemp(path.join(tmpdir(), 'parallax-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      watch.offline.push(url);
      return route.abort();
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  it('opens the index: charts, every event, sorting and filtering', async () => {
    const page = await open(context, pathToFileURL(path.join(out, 'index.html')).href, watch);
    await expect(page.locator('figure > svg').count()).resolves.toBe(3);
    await expect(page.locator('#events tbody tr').count()).resolves.toBe(12);
    await expect(page.locator('#controls').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: /差异度/u }).click();
    await page.getByRole('button', { name: /差异度/u }).click();
    const first = await page.locator('#events tbody tr').first().getAttribute('data-divergence');
    const all = (await page.locator('#events tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-divergence')))).map((d) => Number(d || -1));
    expect(Number(first)).toBe(Math.max(...all));
    await page.locator('#filter').fill('何炜');
    await expect(page.locator('#events tbody tr:visible').count()).resolves.toBe(1);
    await page.locator('#filter').fill('');
    await page.screenshot({ path: path.join(SHOTS, 'index.png'), fullPage: true });
    await page.close();
  });

  it('pages the index by month past report.indexEvents: a month page filters its events and links on to them', async () => {
    const paged = await runReport([CORPUS], ['--set', 'report.indexEvents=5']);
    const page = await open(context, pathToFileURL(path.join(paged, 'index.html')).href, watch);
    await expect(page.locator('#months tbody tr').count()).resolves.toBe(10);
    await page.getByRole('link', { name: '2021-09', exact: true }).click();
    await page.waitForURL(/months\/2021-09\.html$/u);
    // The controls show only when the page's script ran: its Content-Security-Policy allowed it.
    await expect(page.locator('#controls').isVisible()).resolves.toBe(true);
    await expect(page.locator('#events tbody tr').count()).resolves.toBe(2);
    await page.locator('#filter').fill('指导委员会');
    await expect(page.locator('#events tbody tr:visible').count()).resolves.toBe(1);
    await page.locator('#events tbody tr:visible a').click();
    await page.waitForURL(/events\/2021-09-11-.*\.html$/u);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('双边合作指导委员会');
    await page.goBack();
    await page.getByRole('link', { name: /2021-12 →/u }).click();
    await page.waitForURL(/months\/2021-12\.html$/u);
    await expect(page.locator('#events tbody tr').count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'month-2021-12.png'), fullPage: true });
    await page.close();
  });

  it('follows a link to an event both sides covered: aligned pairs, word diffs and every panel visible', async () => {
    const page = await open(context, pathToFileURL(path.join(out, 'index.html')).href, watch);
    await page.locator('#events tbody tr[data-coverage="both"] a', { hasText: '越南外长：中国提供疫苗最多' }).click();
    await page.waitForURL(/events\/2021-12-02-.*\.html$/u);
    await expect(page.locator('.pair').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.pair del').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.pair ins').first().isVisible()).resolves.toBe(true);
    for (const heading of ['标题与导语', '差异度', '主题', '用语', '谁在说话', '数字', '逐句对照']) {
      await expect(page.getByRole('heading', { name: new RegExp(heading, 'u') }).first().isVisible()).resolves.toBe(true);
    }
    await expect(page.getByText('另一方数字不同 differs').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'event-2021-12-02.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 900 });
    // Runs in the page; typed loosely because this project compiles without the DOM library.
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(SHOTS, 'event-2021-12-02-narrow.png') });
    await page.close();
  });

  it('the toggle shows only differences: verbatim pairs hide', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parallax-verbatim-'));
    await writeFile(
      path.join(dir, 'quote.jsonl'),
      JSON.stringify({
        id: 'cn-quote', title: '王毅同越南外长裴青山举行会谈', published: '2021-09-11', outlet: '新华社', side: 'cn',
        text: '2021年9月11日，王毅在河内同越南外长裴青山举行会谈。双方还讨论了一些共同关心的国际和地区问题。王毅表示，中方愿同越方加强合作。',
      }) + '\n',
    );
    const small = await runReport([dir, path.join(SEEDS, '001_04b9df7d89f70d67.txt')]);
    const page = await open(context, pathToFileURL(path.join(small, 'index.html')).href, watch);
    await page.locator('#events tbody tr a').first().click();
    const verbatim = page.locator('.pair.verbatim-pair');
    await expect(verbatim.count()).resolves.toBe(1);
    await expect(verbatim.isVisible()).resolves.toBe(true);
    await page.getByLabel(/只看差异/u).check();
    await expect(verbatim.isVisible()).resolves.toBe(false);
    await expect(page.locator('.pair.reworded-pair').first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('keeps a hostile article inert: its scripts show as text and nothing runs', async () => {
    const hostile = await runReport([CORPUS, path.join(ROOT, 'fixtures/hostile')]);
    const page = await open(context, pathToFileURL(path.join(hostile, 'index.html')).href, watch);
    const link = page.locator('#events tbody tr a', { hasText: '越南外长裴青山' }).first();
    await link.click();
    await expect(page.getByText("<script>alert('title')</script>").first().isVisible()).resolves.toBe(true);
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.screenshot({ path: path.join(SHOTS, 'event-hostile.png'), fullPage: true });
    await page.close();
  });

  it('raised no console error, no dialog, and no request outside file://', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    expect(watch.offline).toEqual([]);
  });
});
