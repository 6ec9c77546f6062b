import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventSink } from '../../src/pipeline/compareEvents.js';
import { readStagedArticles } from '../../src/pipeline/readStagedLines.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/runPipeline.js';
import { openStagedJsonl, type StagedJsonl } from '../../src/pipeline/writeAtomic.js';
import type { EventFiles } from '../../src/report/renderEventFiles.js';
import type { Article } from '../../src/types.js';
import { CORPUS, testConfig } from '../helpers.js';

/** An event sink that keeps what it is given, by event id. */
function keepingSink(): EventSink & { files: Map<string, EventFiles> } {
  const files = new Map<string, EventFiles>();
  return {
    files,
    put: async (cluster, rendered) => void files.set(cluster.id, rendered),
    reuse: async () => false,
  };
}

let staged: StagedJsonl;
let readBack: PipelineResult;
let readBackFiles: Map<string, EventFiles>;
let held: PipelineResult;
let heldFiles: Map<string, EventFiles>;
beforeAll(async () => {
  const config = await testConfig();
  const out = await mkdtemp(path.join(tmpdir(), 'parallax-staged-'));
  staged = openStagedJsonl(path.join(out, 'data', 'articles.jsonl'));
  // One thread: the events are compared here, through the same reading as on a worker.
  const withRecords = keepingSink();
  readBack = await runPipeline([CORPUS], config, 'report', { workers: 1, articleRecords: staged, events: withRecords });
  readBackFiles = withRecords.files;
  const without = keepingSink();
  held = await runPipeline([CORPUS], config, 'report', { workers: 1, events: without });
  heldFiles = without.files;
}, 60_000);

describe('readStagedArticles', () => {
  it('reads back the articles ingest wrote to articles.jsonl, line k the kth article, while the file is still staged', () => {
    const index = staged.lineIndex();
    expect(index.starts.length).toBe(25);
    const ids = held.articles.map((a) => a.id);
    const [articles] = readStagedArticles(index, [{ lines: [24, 0, 7], ids: [ids[24]!, ids[0]!, ids[7]!] }]) as [Article[]];
    expect(articles).toEqual([held.articles[24], held.articles[0], held.articles[7]]);
    expect(articles[0]!.paragraphs.length).toBeGreaterThan(2);
  });

  it('refuses a line that holds another article than the one asked for, naming the line and both ids', () => {
    const index = staged.lineIndex();
    const first = held.articles[0]!.id;
    expect(() => readStagedArticles(index, [{ lines: [0], ids: ['not-this-one'] }])).toThrow(`line 1 holds article ${first}, not not-this-one`);
  });
});

describe('the compare stage with its members read back from articles.jsonl', () => {
  it('leaves the run holding only each article\'s lead paragraphs, the ones clustering reads', () => {
    expect(readBack.articles.map((a) => a.id)).toEqual(held.articles.map((a) => a.id));
    readBack.articles.forEach((article, k) => {
      expect(article.paragraphs).toEqual(held.articles[k]!.paragraphs.slice(0, 2));
      expect(article.title).toBe(held.articles[k]!.title);
      expect(article.participants).toEqual(held.articles[k]!.participants);
    });
    expect(held.articles.some((a) => a.paragraphs.length > 2)).toBe(true);
  });

  it('clusters as a run holding whole articles', () => {
    expect(readBack.clusters).toEqual(held.clusters);
    expect([...readBack.links!]).toEqual([...held.links!]);
    expect(held.links!.size).toBeGreaterThan(0);
  });

  it('gives the same digests and event files as with the articles held in memory', () => {
    expect([...readBack.digests!.keys()]).toEqual([...held.digests!.keys()]);
    expect(readBack.digests).toEqual(held.digests);
    // The corpus's twelve events, nine of them with more than one article and so a page.
    expect(readBack.digests!.size).toBe(12);
    expect(readBackFiles.size).toBe(9);
    expect(heldFiles.size).toBe(9);
    for (const [id, files] of heldFiles) expect(readBackFiles.get(id), id).toEqual(files);
  });
});
