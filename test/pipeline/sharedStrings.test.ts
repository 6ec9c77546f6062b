import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepingLeads } from '../../src/pipeline/articleRecord.js';
import { shareArticleStrings, StringPool } from '../../src/pipeline/sharedStrings.js';
import type { Article } from '../../src/types.js';
import { CORPUS, ingestFixture } from '../helpers.js';

/** The two reports of Wang Yi's talks with Bùi Thanh Sơn in Hanoi, 11 September 2021, as a thread posts them (a copy each). */
async function wangYiHanoi(): Promise<Article[]> {
  const files = ['cn/mfa-20210911-wangyi-buithanhson.html', 'cn/people-20210912-wangyi-buithanhson.md'];
  const articles = await Promise.all(files.map((f) => ingestFixture(path.join(CORPUS, f))));
  return articles.map((a) => structuredClone(a));
}

describe('shareArticleStrings', () => {
  it("pools only the values articles repeat (outlet, side, dates, names), never an article's id, title or text", async () => {
    const articles = await wangYiHanoi();
    const before = structuredClone(articles);
    const pool = new StringPool();
    for (const article of articles) shareArticleStrings(article, pool);
    expect(articles).toEqual(before);
    // 外交部 and 人民网; cn, zh, simplified; 2021-09-11 (published by the ministry, and both events'
    // date) and 2021-09-12; the date's source, text; 河内; 王毅 and 裴青山.
    expect(pool.size).toBe(11);
    expect(pool.share('河内')).toBe('河内');
    expect(pool.size).toBe(11);
    // A third copy of the same reports adds nothing.
    for (const article of structuredClone(before)) shareArticleStrings(article, pool);
    expect(pool.size).toBe(11);
  });

  it('leaves the text of `dupes` (no language, dates or names) as it is', async () => {
    const [article] = await wangYiHanoi();
    const text = { id: article!.id, source: article!.source, title: article!.title, paragraphs: [], removed: [], diagnostics: [] };
    const pool = new StringPool();
    expect(shareArticleStrings(text, pool)).toEqual({ ...text });
    expect(pool.size).toBe(0);
  });
});

describe('keepingLeads', () => {
  it('is the article itself when an ingest thread has already trimmed it to its leads, and a trimmed copy of a whole one', async () => {
    const [whole] = await wangYiHanoi();
    expect(whole!.paragraphs).toHaveLength(6);
    const trimmed = keepingLeads(whole!);
    expect(trimmed).not.toBe(whole);
    expect(trimmed.paragraphs.map((p) => p.id)).toEqual([`${whole!.id}#p1`, `${whole!.id}#p2`]);
    expect(whole!.paragraphs).toHaveLength(6);
    expect(keepingLeads(trimmed)).toBe(trimmed);
  });
});
