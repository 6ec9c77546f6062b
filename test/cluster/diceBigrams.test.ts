import fc from 'fast-check';
import stringSimilarity from 'string-similarity';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactForBigrams } from '../../src/cluster/diceBigrams.js';
import { buildBigramTable, buildLinkingTextTable, diceOfTexts, linkingForms } from '../../src/cluster/linkingTextTable.js';
import { leadForLinking as leadOfArticle } from '../../src/cluster/scoreLink.js';
import { runPipeline } from '../../src/pipeline/runPipeline.js';
import { normalizeForMatching } from '../../src/text/normalizeForMatching.js';
import type { Article } from '../../src/types.js';
import { CORPUS, testConfig } from '../helpers.js';

let articles: Article[];
beforeAll(async () => {
  articles = (await runPipeline([CORPUS], await testConfig(), 'ingest')).articles;
});

/** string-similarity is the reference: clustering's text and title features were defined by it. */
const reference = (a: string, b: string) => stringSimilarity.compareTwoStrings(a, b);
const leadOf = (a: Article) => normalizeForMatching(a.paragraphs.slice(0, 2).map((p) => p.text).join('')).slice(0, 600);

describe('diceOfTexts', () => {
  it('equals compareTwoStrings on every pair of the corpus leads and titles (25 articles, both scripts)', () => {
    const texts = articles.flatMap((a) => [leadOf(a), normalizeForMatching(a.title)]);
    const table = buildBigramTable(texts.map(compactForBigrams));
    for (let i = 0; i < texts.length; i++) {
      for (let j = 0; j < texts.length; j++) expect(diceOfTexts(table, i, j)).toBe(reference(texts[i]!, texts[j]!));
    }
  });

  it('scores the 人民网 and 越南之声 leads of 2024-08-19 closer to each other than to an unrelated report\'s lead', () => {
    const byId = (id: string) => articles.find((a) => a.id === id)!;
    const reports = ['cn/people-20240819-xi-tolam.html', 'vn/vov-20240819-tolam-xi.txt', 'cn/xinhua-20210911-steering-committee.html'].map(byId);
    const table = buildLinkingTextTable(reports.map((a) => ({ title: a.title, lead: leadOfArticle(a) })));
    // Text 2k + 1 is report k's lead.
    expect(diceOfTexts(table, 1, 3)).toBeGreaterThan(diceOfTexts(table, 1, 5));
  });

  it('equals compareTwoStrings from the flat shared table on every pair of corpus titles and leads, empty and one-character texts included', () => {
    const sources = [...articles.map((a) => ({ title: a.title, lead: leadOfArticle(a) })), { title: '', lead: '越' }, { title: '越', lead: ' 越 ' }];
    const table = buildLinkingTextTable(sources);
    expect(table.bigrams.buffer).toBeInstanceOf(SharedArrayBuffer);
    const texts = sources.flatMap(linkingForms);
    expect(texts).toHaveLength(2 * (articles.length + 2));
    for (let x = 0; x < texts.length; x++) {
      for (let y = 0; y < texts.length; y++) expect(diceOfTexts(table, x, y)).toBe(reference(texts[x]!, texts[y]!));
    }
  });

  it('equals compareTwoStrings on arbitrary strings, whitespace, repeats and surrogates included', () => {
    const text = fc.array(fc.constantFrom('中', '越', '两', '国', ' ', '\n', 'a', 'aa', '𠀀', '。'), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(diceOfTexts(buildBigramTable([compactForBigrams(a), compactForBigrams(b)]), 0, 1)).toBe(reference(a, b));
      }),
      { numRuns: 3000 },
    );
  });
});
