import { beforeAll, describe, expect, it } from 'vitest';
import { findFingerprints, fingerprintCorpus, signArticle, signCorpus, type ArticleSignatures } from '../../src/fingerprint/fingerprintCorpus.js';
import { SignatureLog } from '../../src/fingerprint/signatureLog.js';
import type { ResolvedConfig } from '../../src/config/resolveConfig.js';
import { ingestInputs } from '../../src/pipeline/ingestCorpus.js';
import type { Article } from '../../src/types.js';
import { CORPUS, testConfig } from '../helpers.js';

let articles: Article[];
let config: ResolvedConfig;
let signed: ArticleSignatures[];
beforeAll(async () => {
  config = await testConfig();
  ({ articles } = await ingestInputs([CORPUS], config));
  signed = articles.map((a) => signArticle(a, config));
});

describe('SignatureLog', () => {
  it('gives the fingerprint stage what it finds from the articles alone, with every other article added by ingest and the rest signed after, its paragraph keys moved to a larger buffer on the way', async () => {
    const whole = await fingerprintCorpus(articles, config);
    expect(whole.duplicates.length).toBeGreaterThan(0);
    expect(whole.reuse.length).toBeGreaterThan(0);
    // A growable buffer of 256 bytes holds two paragraphs at 32 bands: the rest are copied past it.
    const log = new SignatureLog(config.fingerprint.bands, 256);
    articles.forEach((_, i) => {
      if (i % 2 === 1) log.add(i, signed[i]!);
    });
    const corpus = signCorpus(articles, config, undefined, undefined, log);
    articles.forEach((_, i) => expect(log.signaturesOf(i)).toEqual(signed[i]));
    expect(await findFingerprints(corpus, config)).toEqual(whole);
  });

  it('is let go once LSH has searched the keys: verification reads only texts (2.2 GB of keys at a million articles)', async () => {
    const log = new SignatureLog(config.fingerprint.bands);
    const corpus = signCorpus(articles, config, undefined, undefined, log);
    expect(corpus.paragraphKeys.length).toBeGreaterThan(0);
    expect(log.releasedBytes).toBe(0);
    // What the log lets go, for runPipeline to decide whether to collect it at once: at least the keys.
    const keyBytes = corpus.paragraphKeys.byteLength + corpus.articleKeys.byteLength;
    const found = await findFingerprints(corpus, config);
    expect(found.reuse.map((r) => `${r.a} ~ ${r.b}`)).toContain('cn/xinhua-20221031-xi-trong.gb18030.txt#p3 ~ vna-20221031-trong-xi#p5');
    expect(corpus.paragraphKeys).toHaveLength(0);
    expect(corpus.articleKeys).toHaveLength(0);
    expect(log.releasedBytes).toBeGreaterThanOrEqual(keyBytes);
    expect(() => log.arrays(articles.length)).toThrow(/read after the log was released/);
    expect(() => log.signaturesOf(0)).toThrow(/article 0 were read after the log was released/);
    expect(() => log.add(0, signed[0]!)).toThrow(/article 0 was added after the log was released/);
  });

  it('offers the signatures ingest made to the store and puts the ones it makes there', () => {
    const log = new SignatureLog(config.fingerprint.bands);
    log.add(0, signed[0]!);
    const put = new Map<string, ArticleSignatures>();
    signCorpus(articles, config, { get: () => undefined, put: (a, s) => put.set(a.id, s) }, undefined, log);
    expect([...put.keys()]).toEqual(articles.map((a) => a.id));
    articles.forEach((a, i) => expect(put.get(a.id)).toEqual(signed[i]));
  });

  it('refuses what does not fit: keys of another band count, an article added twice, arrays with an article missing', () => {
    const log = new SignatureLog(config.fingerprint.bands);
    log.add(1, signed[1]!);
    expect(() => log.add(1, signed[1]!)).toThrow(/article 1 was added before/);
    expect(() => log.add(2, { positions: signed[2]!.positions, values: signed[2]!.values.subarray(1) })).toThrow(/band keys for/);
    expect(() => log.arrays(2)).toThrow(/article 0 of 2 has not been added/);
    expect(() => signCorpus(articles, { ...config, fingerprint: { ...config.fingerprint, bands: 16 } }, undefined, undefined, log)).toThrow(/made with 32 bands, the config has 16/);
  });
});
