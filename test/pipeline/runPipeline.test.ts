import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/pipeline/runPipeline.js';
import { openEventPages } from '../../src/pipeline/writeEventPages.js';
import { writeOutputs } from '../../src/pipeline/writeOutputs.js';
import { CORPUS, ROOT, testConfig } from '../helpers.js';

const gold = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/gold.json'), 'utf8')) as Record<string, string>;

function goldPartition(): string[] {
  const events = new Map<string, string[]>();
  for (const [id, label] of Object.entries(gold)) events.set(label, [...(events.get(label) ?? []), id]);
  return [...events.values()].map((ids) => ids.sort().join(' + ')).sort();
}

let result: PipelineResult;
let out: string;
beforeAll(async () => {
  const config = await testConfig();
  out = await mkdtemp(path.join(tmpdir(), 'parallax-run-'));
  const events = await openEventPages(out);
  result = await runPipeline([CORPUS], config, 'report', { events });
  await writeOutputs(result, config, { out, command: 'run', configFile: 'pipelines/cn-vn.yaml', inputs: [CORPUS], events });
});

describe('the whole pipeline on fixtures/corpus', () => {
  it('ingests every input and accounts for each in the manifest', async () => {
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.totals).toEqual({ inputs: 25, ingested: 25, skipped: 0, failed: 0 });
    expect(result.articles.map((a) => a.id).sort()).toEqual(Object.keys(gold).sort());
  });

  it('clusters exactly as the gold labels say', () => {
    const clusters = result.clusters!.map((c) => [...c.articles].sort().join(' + ')).sort();
    expect(clusters).toEqual(goldPartition());
  });

  it('finds the reposts and the paragraph quoted across sides', () => {
    expect(result.duplicates!.map((d) => `${d.a} ~ ${d.b} ${d.kind}`)).toEqual([
      'cn/mfa-20210911-wangyi-buithanhson.html ~ cn/people-20210912-wangyi-buithanhson.md exact',
      'hk/takungpao-20211203-wangyi-buithanhson.big5.html ~ seeds/000_48b02b06e8cbab67.txt near',
      'people-20250415-xi-tolam-repost ~ xinhua-20250414-xi-tolam exact',
    ]);
    expect(result.reuse!.map((r) => `${r.a} ~ ${r.b}`)).toEqual(['cn/xinhua-20221031-xi-trong.gb18030.txt#p3 ~ vna-20221031-trong-xi#p5']);
  });

  it('labels the traditional-script copy and the reposts, and compares originals only', () => {
    const anji = result.clusters!.find((c) => c.articles.includes('seeds/000_48b02b06e8cbab67.txt'))!;
    const digest = result.digests!.get(anji.id)!;
    expect(digest.relations.find((r) => r.articleId.startsWith('hk/'))).toMatchObject({
      relation: 'traditional-script copy',
      of: 'seeds/000_48b02b06e8cbab67.txt',
    });
    const xi2025 = result.clusters!.find((c) => c.articles.includes('xinhua-20250414-xi-tolam'))!;
    const reps = result.digests!.get(xi2025.id)!.representatives.map((r) => r.articleId);
    expect(reps).toEqual(['xinhua-20250414-xi-tolam', 'vn/thoidai-20250414-tolam-xi.txt']);
  });

  it('writes the data files with the contract fields', async () => {
    const articles = (await readFile(path.join(out, 'data/articles.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(Object.keys(articles[0]).slice(0, 13)).toEqual([
      'id', 'source', 'url', 'title', 'outlet', 'side', 'language', 'script', 'published', 'eventDate', 'people', 'places', 'paragraphs',
    ]);
    const clusters = JSON.parse(await readFile(path.join(out, 'data/clusters.json'), 'utf8'));
    expect(Object.keys(clusters.clusters[0]).sort()).toEqual(['articles', 'eventDate', 'id', 'people', 'places', 'sides']);
    const both = clusters.clusters.filter((c: { sides: { cn: number; vn: number } }) => c.sides.cn > 0 && c.sides.vn > 0);
    expect(both).toHaveLength(9);
    const duplicate = JSON.parse((await readFile(path.join(out, 'data/duplicates.jsonl'), 'utf8')).split('\n')[0]!);
    expect(Object.keys(duplicate).sort()).toEqual(['a', 'b', 'kind', 'similarity']);
  });

  it('gives pages to events with more than one article and lists singletons in the index only', async () => {
    const clusters: { id: string; articles: string[] }[] = JSON.parse(await readFile(path.join(out, 'data/clusters.json'), 'utf8')).clusters;
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    const pages = (await readdir(path.join(out, 'events'))).filter((f) => f.endsWith('.html')).sort();
    const multi = clusters.filter((c) => c.articles.length > 1);
    const single = clusters.filter((c) => c.articles.length === 1);
    // 12 events: 9 covered by both sides, plus seed 002 (Nanning), 李强–范明政 2023 and seed 003 alone.
    expect([multi.length, single.length]).toEqual([9, 3]);
    expect(pages).toEqual(multi.map((c) => `${c.id}.html`).sort());
    for (const c of multi) expect(index).toContain(`href="events/${c.id}.html"`);
    for (const c of single) {
      expect(index).not.toContain(`events/${c.id}.html`);
      expect(index).toContain(`data-articles="1"`);
    }
    const csv = await readFile(path.join(out, 'data/events.csv'), 'utf8');
    for (const c of single) expect(csv).toContain(c.id);
  });
});
