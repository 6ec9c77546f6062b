import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allowedScript, CONFIG_FILE, CORPUS, runQuietly } from '../helpers.js';

/** `parallax run` on the bundled corpus into `out`, with `--set` overrides. */
async function run(out: string, ...sets: string[]): Promise<void> {
  expect(await runQuietly(['run', '--config', CONFIG_FILE, '--input', CORPUS, '--out', out, '--quiet', ...sets.flatMap((s) => ['--set', s])])).toBe(0);
}

const rowsOf = (page: string) => [...page.matchAll(/<tr data-date="([^"]*)"/gu)].map((m) => m[1]!);
const linksOf = (page: string, pattern: RegExp) => [...page.matchAll(pattern)].map((m) => m[1]!);

describe('the index past report.indexEvents: a page per month (bundled corpus, 12 events in 10 months)', () => {
  let out: string;
  let index: string;
  let months: Map<string, string>;

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'parallax-months-'));
    await run(out, 'report.indexEvents=5');
    index = await readFile(path.join(out, 'index.html'), 'utf8');
    const names = (await readdir(path.join(out, 'months'))).sort();
    months = new Map(await Promise.all(names.map(async (n) => [n, await readFile(path.join(out, 'months', n), 'utf8')] as const)));
  }, 60_000);

  it('lists months on the index, each linking to its page, and no events table or script there', () => {
    const linked = linksOf(index, /<a href="months\/([^"]+)">/gu);
    expect(linked).toEqual([...months.keys()]);
    expect(linked).toEqual(['2021-09.html', '2021-12.html', '2022-07.html', '2022-10.html', '2023-06.html', '2023-12.html', '2024-08.html', '2024-10.html', '2025-04.html', '2025-11.html']);
    expect(index).toContain('12 events, more than 5');
    expect(index).not.toContain('<table id="events"');
    expect(index).not.toMatch(/<script/u);
    // Events, both sides, articles per month: the month table's cells sum to the corpus's 12 events and 25 articles.
    const cells = [...index.matchAll(/<\/a><\/td><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td>/gu)].map((m) => m.slice(1).map(Number));
    expect(cells).toHaveLength(10);
    expect(cells.reduce((sum, [events]) => sum + events!, 0)).toBe(12);
    expect(cells.reduce((sum, [, , articles]) => sum + articles!, 0)).toBe(25);
    expect(cells[0]).toEqual([2, 2, 5]);
  });

  it('puts every event on the page of its month once, the two meetings of 2021-09-11 together', () => {
    const rows = [...months.entries()].flatMap(([name, page]) => rowsOf(page).map((date) => [name, date] as const));
    expect(rows).toHaveLength(12);
    for (const [name, date] of rows) expect(`${date.slice(0, 7)}.html`).toBe(name);
    expect(rowsOf(months.get('2021-09.html')!)).toEqual(['2021-09-11', '2021-09-11']);
  });

  it('links each event page from its month page, one level up, and every link resolves', async () => {
    const pages = (await readdir(path.join(out, 'events'))).filter((f) => f.endsWith('.html')).sort();
    const linked = [...months.values()].flatMap((page) => linksOf(page, /<a href="\.\.\/events\/([^"]+)">/gu)).sort();
    expect(linked).toEqual(pages);
    for (const [name, page] of months) {
      expect(page).toContain('<a href="../index.html">');
      for (const neighbour of linksOf(page, /<a href="(\d{4}-\d{2}\.html)">/gu)) expect(months.has(neighbour), `${name} links ${neighbour}`).toBe(true);
      allowedScript(page);
    }
    expect(linksOf(months.get('2021-09.html')!, /<a href="(\d{4}-\d{2}\.html)">/gu)).toEqual(['2021-12.html']);
    expect(linksOf(months.get('2025-04.html')!, /<a href="(\d{4}-\d{2}\.html)">/gu)).toEqual(['2024-10.html', '2025-11.html']);
  });

  it("lists a month's reposts on its page: 人民网's repost of 新华社's 2025-04-14 report", () => {
    const april = months.get('2025-04.html')!;
    const syndication = april.slice(april.indexOf('转载与同源'));
    expect(syndication).toContain('原发 新华社');
    expect(syndication).toContain('repost: 人民网');
    expect(months.get('2022-07.html')!).toContain('没有发现转载');
  });

  it('goes back to one page, and removes months/, when a run into the same folder fits under the limit', async () => {
    await run(out);
    const single = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(existsSync(path.join(out, 'months'))).toBe(false);
    expect(rowsOf(single)).toHaveLength(12);
    expect(single).not.toContain('months/');
    allowedScript(single);
  });
});
