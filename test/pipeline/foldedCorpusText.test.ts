import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldArticle, foldArticleText, fingerprintCorpus, signArticle } from '../../src/fingerprint/fingerprintCorpus.js';
import { createIngestContext } from '../../src/ingest/buildArticle.js';
import { decodeBytes } from '../../src/ingest/decodeBytes.js';
import { paragraphId } from '../../src/ingest/extractArticleText.js';
import { keepingLeads } from '../../src/pipeline/articleRecord.js';
import { buildDocument } from '../../src/pipeline/buildOutcome.js';
import { foldedCorpusText } from '../../src/pipeline/foldedCorpusText.js';
import { ingestInputs } from '../../src/pipeline/ingestCorpus.js';
import { SpilledFolds } from '../../src/pipeline/spilledFolds.js';
import type { Article } from '../../src/types.js';
import { CORPUS, SEED, SEEDS, seed, testConfig } from '../helpers.js';

describe('foldedCorpusText', () => {
  it('finds from leads and folds the duplicates and reused paragraphs whole articles give (the 新华社/VNA paragraph p3 ~ p5 is past the leads)', async () => {
    const config = await testConfig();
    const { articles } = await ingestInputs([CORPUS], config);
    const whole = await fingerprintCorpus(articles, config);
    expect(whole.reuse.map((r) => `${r.a} ~ ${r.b}`)).toEqual(['cn/xinhua-20221031-xi-trong.gb18030.txt#p3 ~ vna-20221031-trong-xi#p5']);
    expect(whole.duplicates.length).toBeGreaterThan(0);
    // Every article but the first as a worker hands it back (leads and folds); the first whole, as one read back from the workspace.
    const folds = spill(articles.slice(1));
    const held = articles.map((a, i) => (i === 0 ? a : keepingLeads(a)));
    expect(held[1]!.paragraphs.length).toBeLessThan(articles[1]!.paragraphs.length);
    const folded = await fingerprintCorpus(held, config, undefined, undefined, foldedCorpusText(held, folds));
    folds.close();
    expect(folded).toEqual(whole);
  });

  it('reads each paragraph fold and id as the whole article would give them (seed 002, 16 paragraphs)', async () => {
    const config = await testConfig();
    const article = await seed('thoidaiSteering');
    const folds = spill([article]);
    const text = foldedCorpusText([keepingLeads(article)], folds);
    expect(text.foldedArticle(0)).toBe(foldArticleText(article));
    article.paragraphs.forEach((p, k) => expect(text.paragraphId(0, k)).toBe(p.id));
    expect(text.paragraphId(0, 15)).toBe(`${article.id}#p16`);
    expect(text.foldedParagraph(0, 15)).toBe(foldArticle({ ...article, paragraphs: [article.paragraphs[15]!] }).text);
    expect(text.sign(0, config)).toEqual(signArticle(article, config));
    folds.close();
  });
});

/** The articles' folds as the main thread keeps them: encoded as packBuilt sends them, in a file. */
function spill(articles: Article[]): SpilledFolds {
  const folds = new SpilledFolds();
  for (const article of articles) {
    const { text, lengths } = foldArticle(article);
    folds.add(article.id, { bytes: Buffer.from(text, 'utf16le'), lengths });
  }
  return folds;
}

/** Seed 002 as read from its file, with the ingest context to build it in. */
async function steeringDocument() {
  const config = await testConfig();
  const file = path.join(SEEDS, SEED.thoidaiSteering);
  const decoded = decodeBytes(readFileSync(file));
  const document = { id: SEED.thoidaiSteering, source: file, format: 'text' as const, encoding: decoded.encoding, body: decoded.text, bodyIsHtml: false, given: {} };
  return { config, document, context: createIngestContext(config) };
}

describe('buildDocument with foldsOnly', () => {
  it('hands back seed 002 with 2 of its 16 paragraphs and no removed blocks, signed and folded from all 16, its line whole', async () => {
    const { config, document, context } = await steeringDocument();
    const whole = buildDocument(document, context, config, { mode: 'article', sign: true, record: true });
    const leads = buildDocument(document, context, config, { mode: 'article', sign: true, record: true, foldsOnly: true });
    if (whole.outcome.status !== 'ingested' || leads.outcome.status !== 'ingested') throw new Error('seed 002 was not ingested');
    const article = whole.outcome.article as Article;
    expect(article.paragraphs).toHaveLength(16);
    expect(article.removed).toHaveLength(41);
    expect(whole.folds).toBeUndefined();
    expect(leads.outcome.article).toEqual(keepingLeads(article));
    expect(leads.outcome.article.paragraphs[1]!.text).toMatch(/^应中国国务委员兼外交部部长、中越双边合作指导委员会中方主席王/u);
    expect(leads.folds).toEqual(foldArticle(article));
    expect(leads.folds!.lengths).toHaveLength(16);
    expect(leads.signatures).toEqual(whole.signatures);
    expect(new TextDecoder().decode(leads.record)).toBe(new TextDecoder().decode(whole.record));
    expect(JSON.parse(new TextDecoder().decode(leads.record)).paragraphs).toHaveLength(16);
    // Without a line to hold the rest of the text, the article stays whole.
    const unrecorded = buildDocument(document, context, config, { mode: 'article', sign: true, record: false, foldsOnly: true });
    expect(unrecorded.folds).toBeUndefined();
    expect(unrecorded.outcome).toEqual(whole.outcome);
  });

  it('hands back no text at all in text mode (dupes): seed 002 as its folds of 16 paragraphs and its signatures', async () => {
    const { config, document, context } = await steeringDocument();
    const text = buildDocument(document, context, config, { mode: 'text', sign: true, record: false });
    const folded = buildDocument(document, context, config, { mode: 'text', sign: true, record: false, foldsOnly: true });
    if (text.outcome.status !== 'ingested' || folded.outcome.status !== 'ingested') throw new Error('seed 002 was not ingested');
    expect(text.outcome.article.paragraphs).toHaveLength(16);
    expect(folded.outcome.article.paragraphs).toEqual([]);
    expect(folded.outcome.article.removed).toEqual([]);
    expect(folded.outcome.article.id).toBe(SEED.thoidaiSteering);
    expect(folded.folds).toEqual(foldArticle(text.outcome.article));
    expect(folded.signatures).toEqual(text.signatures);
  });

  it('names paragraphs as paragraphId does (seed 001)', async () => {
    const article = await seed('vnaHanoi');
    expect(article.paragraphs.map((_, k) => paragraphId(article.id, k))).toEqual(article.paragraphs.map((p) => p.id));
  });
});
