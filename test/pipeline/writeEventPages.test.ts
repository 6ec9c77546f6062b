import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/runPipeline.js';
import { openEventPages } from '../../src/pipeline/writeEventPages.js';
import { CORPUS, testConfig } from '../helpers.js';

/** Events of fixtures/corpus with more than one article (fixtures/gold.json). */
const PAGED = 9;

/** A report run over `input` writing its event pages into `out`, neither committed nor abandoned yet. */
async function writePages(out: string, input: string) {
  const events = await openEventPages(out);
  const result = await runPipeline([input], await testConfig(), 'report', { events });
  return { events, result };
}

describe('openEventPages', () => {
  it('writes a page and a data file per multi-article event as the compare stage hands them over, swapped in at commit', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'parallax-pages-'));
    const { events, result } = await writePages(out, CORPUS);
    // Written into a staging folder beside events/, which does not exist until commit.
    expect((await readdir(out)).filter((name) => name.startsWith('events'))).toEqual([`events.tmp-${process.pid}`]);
    await events.commit();
    const paged = result.clusters!.filter((c) => c.articles.length > 1).map((c) => c.id);
    expect(paged).toHaveLength(PAGED);
    const files = (await readdir(path.join(out, 'events'))).sort();
    expect(files).toEqual(paged.flatMap((id) => [`${id}.html`, `${id}.json`]).sort());
    // The data file holds the whole comparison; the run's result keeps only its digest.
    const anji = result.clusters!.find((c) => c.articles.includes('seeds/000_48b02b06e8cbab67.txt'))!;
    const data = JSON.parse(await readFile(path.join(out, 'events', `${anji.id}.json`), 'utf8'));
    expect(data.comparison.relations).toEqual(result.digests!.get(anji.id)!.relations);
    expect(data.comparison.aligned).toHaveLength(result.digests!.get(anji.id)!.aligned);
  });

  it('leaves the earlier run\'s pages as they were when a run fails (abandon)', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'parallax-pages-'));
    await (await writePages(out, CORPUS)).events.commit();
    const before = (await readdir(path.join(out, 'events'))).sort();
    await (await writePages(out, path.join(CORPUS, 'seeds'))).events.abandon();
    expect((await readdir(path.join(out, 'events'))).sort()).toEqual(before);
    expect((await readdir(out)).filter((name) => name.startsWith('events'))).toEqual(['events']);
  });

  it('removes the staging folder and the old folder a killed run left behind, and not those of a running process', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'parallax-pages-'));
    // No process has pid 2^22 + 1 (above Linux's pid_max); this test's parent process is running.
    const killed = [`events.tmp-${2 ** 22 + 1}`, `events.old-${2 ** 22 + 1}`];
    const running = [`events.tmp-${process.ppid}`, `events.old-${process.ppid}`];
    for (const name of [...killed, ...running]) {
      await mkdir(path.join(out, name));
      await writeFile(path.join(out, name, 'x.html'), 'half-written');
    }
    const events = await openEventPages(out);
    expect((await readdir(out)).sort()).toEqual([`events.tmp-${process.pid}`, ...running].sort());
    await events.abandon();
  });

  it('moves the old folder aside at commit and removes it after, keeping none of its pages but those put again', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'parallax-pages-'));
    const first = await writePages(out, CORPUS);
    await first.events.commit();
    await first.events.retired();
    // A page only the old folder has: no event of the second run is called this.
    await writeFile(path.join(out, 'events', 'gone.html'), 'an event that no longer exists');
    const { events: second, result } = await writePages(out, path.join(CORPUS, 'seeds'));
    await second.commit();
    await second.retired();
    expect((await readdir(out)).filter((name) => name.startsWith('events'))).toEqual(['events']);
    const paged = result.clusters!.filter((c) => c.articles.length > 1).map((c) => c.id);
    expect((await readdir(path.join(out, 'events'))).sort()).toEqual(paged.flatMap((id) => [`${id}.html`, `${id}.json`]).sort());
  });
});
