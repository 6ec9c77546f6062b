import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSimilarTexts } from '../../src/fingerprint/findSimilarTexts.js';
import { fingerprintCorpus, signArticle, type CandidateSearch } from '../../src/fingerprint/fingerprintCorpus.js';
import { bandKeys, lshCandidates, lshCandidatesFromFlat, searchBands } from '../../src/fingerprint/lshCandidates.js';
import { flatPairsCountedAtLeast, pairsOf } from '../../src/fingerprint/pairCollector.js';
import { ingestInputs } from '../../src/pipeline/ingestCorpus.js';
import { fmix32, minhashParts, minhashSignature, mix32 } from '../../src/fingerprint/minhash.js';
import { jaccard, jaccardAtLeast, shingleHashes } from '../../src/fingerprint/shingleHashes.js';
import { foldForFingerprint, foldText, normalizeForMatching } from '../../src/text/normalizeForMatching.js';
import { runPipeline } from '../../src/pipeline/runPipeline.js';
import { sentencesOf } from '../../src/text/splitSentences.js';
import { fullText, ingestFixture, shingleHashList, CORPUS, SEED, SEEDS, seed, testConfig } from '../helpers.js';
import { buildArticle, createIngestContext } from '../../src/ingest/buildArticle.js';
import { decodeBytes } from '../../src/ingest/decodeBytes.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const params = { shingle: 5, permutations: 128, bands: 32, rows: 4, seed: 1 };
const fold = (s: string) => foldForFingerprint(normalizeForMatching(s));

describe('shingles and MinHash', () => {
  it('gives every distinct shingle hash once, in ascending order, for a whole article (radix-sorted) and a paragraph (seed 002)', async () => {
    const article = await seed('thoidaiSteering');
    const expected = (text: string) => {
      const set = new Set<number>();
      for (const h of shingleHashList(text, 5)) set.add(h);
      return [...set].sort((x, y) => x - y);
    };
    const whole = foldText(article.paragraphs.map((p) => p.text).join(''));
    expect(whole.length).toBeGreaterThan(1000);
    expect([...shingleHashes(whole, 5)]).toEqual(expected(whole));
    // Twice over: the sort reuses its scratch space.
    expect([...shingleHashes(whole + whole, 5)]).toEqual(expected(whole + whole));
    const paragraph = foldText(article.paragraphs[1]!.text);
    expect([...shingleHashes(paragraph, 5)]).toEqual(expected(paragraph));
  });

  it('rolls each shingle hash to what hashing the shingle afresh gives, short texts as one shingle (seed 004)', async () => {
    const BASE = 0x01000193;
    const afresh = (shingle: string) => [...shingle].reduce((h, c) => (Math.imul(h, BASE) + c.charCodeAt(0)) | 0, 0) >>> 0;
    const text = foldText(fullText(await seed('thoidaiHeWei')));
    expect(text.length).toBeGreaterThan(500);
    const expected = Array.from({ length: text.length - 4 }, (_, i) => afresh(text.slice(i, i + 5)));
    expect(shingleHashList(text, 5)).toEqual(expected);
    expect(shingleHashList(text.slice(0, 3), 5)).toEqual([afresh(text.slice(0, 3))]);
    expect(shingleHashList('', 5)).toEqual([]);
  });

  it('computes exact Jaccard on shingle sets', () => {
    const a = shingleHashes('abcdef', 3);
    const b = shingleHashes('abcdeg', 3);
    expect(a.length).toBe(4);
    expect(jaccard(a, b)).toBeCloseTo(3 / 5, 6);
    expect(jaccard(a, a)).toBe(1);
  });

  it('estimates Jaccard within a few points on real text', async () => {
    const words = fold(fullText(await seed('guancha')));
    const part = words.slice(0, Math.floor(words.length * 0.7));
    const truth = jaccard(shingleHashes(words, 5), shingleHashes(part, 5));
    const sa = minhashSignature(words, 5, 256, 7);
    const sb = minhashSignature(part, 5, 256, 7);
    const estimate = sa.filter((v, i) => v === sb[i]).length / 256;
    expect(truth).toBeCloseTo(0.7, 1);
    expect(Math.abs(estimate - truth)).toBeLessThan(0.08);
  });

  it('signs an article and its paragraphs in one pass exactly as one by one (seed 001, every paragraph)', async () => {
    const article = await seed('vnaHanoi');
    const parts = article.paragraphs.map((p) => fold(p.text));
    // Paragraph 0 is listed too though it is the shortest: a part shorter than a shingle is signed alone.
    const positions = [...parts.keys()];
    const tiny = ['越南', ...parts];
    const lengths = (texts: string[]) => texts.map((t) => t.length);
    const together = minhashParts(parts.join(''), lengths(parts), positions, 5, 128, 1);
    expect(together.slice(0, 128)).toEqual(minhashSignature(parts.join(''), 5, 128, 1));
    positions.forEach((p, i) => expect(together.slice(128 * (i + 1), 128 * (i + 2))).toEqual(minhashSignature(parts[p]!, 5, 128, 1)));
    expect(minhashParts(tiny.join(''), lengths(tiny), [0], 5, 128, 1).slice(128)).toEqual(minhashSignature('越南', 5, 128, 1));
  });

  it('signs any text and any choice of its parts as one by one: empty parts, parts shorter than a shingle, parts left out, into a buffer the last text was signed in', () => {
    const part = fc.array(fc.constantFrom('中', '越', '两', '国', '外', '长', 'a', '1'), { maxLength: 14 }).map((c) => c.join(''));
    // Reused from run to run, as signFolded reuses it from article to article: it holds the last run's signatures.
    const into = new Uint32Array(64 * 9);
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.constantFrom(1, 3, 5), (parts, listed, k) => {
        const text = parts.join('');
        const positions = [...parts.keys()].filter((p) => listed[p]);
        const together = minhashParts(text, parts.map((t) => t.length), positions, k, 64, 3);
        expect(minhashParts(text, parts.map((t) => t.length), positions, k, 64, 3, into)).toEqual(together);
        expect(together.slice(0, 64)).toEqual(minhashSignature(text, k, 64, 3));
        positions.forEach((p, i) => expect(together.slice(64 * (i + 1), 64 * (i + 2))).toEqual(minhashSignature(parts[p]!, k, 64, 3)));
      }),
      { numRuns: 1500 },
    );
  });

  it('fills empty bins by rotation as the scheme defines it: every seed-001 paragraph, whole and cut short', async () => {
    // The definition, written plainly: each shingle's mixed hash, cut to 31 bits, picks a bin by its
    // high 16 bits and the bin keeps the least; an empty bin takes the nearest filled bin to its
    // right (circularly), offset by the distance times a constant.
    const reference = (text: string, k: number, bins: number, seed: number): Uint32Array => {
      const salt = fmix32(seed ^ 0x9e3779b9);
      const raw: (number | null)[] = new Array(bins).fill(null);
      for (const h of shingleHashList(text, k)) {
        const m = mix32(h ^ salt) >>> 1;
        const bin = ((m >>> 15) * bins) >>> 16;
        if (raw[bin] === null || m < raw[bin]!) raw[bin] = m;
      }
      const out = new Uint32Array(bins).fill(0x7fffffff);
      if (raw.every((v) => v === null)) return out;
      raw.forEach((value, bin) => {
        let distance = 0;
        while (raw[(bin + distance) % bins] === null) distance++;
        out[bin] = (raw[(bin + distance) % bins]! + Math.imul(distance, 0x9e3779b1)) | 0;
      });
      return out;
    };
    const article = await seed('vnaHanoi');
    const texts = article.paragraphs.flatMap((p) => [fold(p.text), fold(p.text).slice(0, 12), fold(p.text).slice(0, 5)]);
    expect(texts.some((t) => t.length > 128)).toBe(true);
    for (const text of texts) expect(minhashSignature(text, 5, 128, 1)).toEqual(reference(text, 5, 128, 1));
  });

  it('signs an article from the folds stripping made as from its paragraphs, the dateline paragraph included (seed 001)', async () => {
    const config = await testConfig();
    const file = path.join(SEEDS, SEED.vnaHanoi);
    const decoded = decodeBytes(readFileSync(file));
    const result = buildArticle(
      { id: 'seed-001', source: file, format: 'text', encoding: decoded.encoding, body: decoded.text, bodyIsHtml: false, given: {} },
      createIngestContext(config),
    );
    if (!result.ok) throw new Error(result.reason);
    // Stripping folds the dateline paragraph without its dateline to find repeated leads; the fold it hands on is the whole paragraph's.
    expect(result.article.paragraphs[0]!.text.startsWith('越通社河内——')).toBe(true);
    expect(result.folded[0]!.startsWith('越通社河内越南外交部长裴青山9月11日')).toBe(true);
    expect(result.folded).toEqual(result.article.paragraphs.map((p) => foldText(p.text)));
    expect(signArticle(result.article, config, result.folded)).toEqual(signArticle(result.article, config));
  });

  it('keys each band as its rows summed under odd factors, then mixed: four rows (written out) and three alike (seed 001 signature)', async () => {
    const text = fold(fullText(await seed('vnaHanoi')));
    const signature = minhashSignature(text, 5, 96, 1);
    // The definition, plainly: row r of band b is bin b + r * bands, multiplied by 0x9e3779b9 * (r + 1), made odd.
    const reference = (bands: number, rows: number) =>
      Array.from({ length: bands }, (_, band) => {
        let sum = band + 0x9e3779b9;
        for (let r = 0; r < rows; r++) sum += Math.imul(signature[band + r * bands]! | 0, Math.imul(0x9e3779b9, r + 1) | 1);
        return fmix32(sum | 0);
      });
    expect([...bandKeys(signature, 24, 4)]).toEqual(reference(24, 4));
    expect([...bandKeys(signature, 32, 3)]).toEqual(reference(32, 3));
  });

  it('rejects early only pairs below the threshold, and reports the exact Jaccard of the rest', () => {
    const set = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }).map((xs) => Uint32Array.from(xs.sort((a, b) => a - b)));
    fc.assert(
      fc.property(set, set, fc.constantFrom(0.5, 0.7, 0.8), (a, b, t) => {
        const exact = jaccard(a, b);
        expect(jaccardAtLeast(a, b, t)).toBe(exact >= t ? exact : -1);
      }),
      { numRuns: 2000 },
    );
  });

  it('LSH proposes similar pairs, not all pairs', () => {
    const texts = ['中越两国外长在河内举行会谈双方同意加强合作', '中越两国外长在河内举行会谈双方同意加强合作。', '越南总理会见中国企业代表团并就投资交换意见', '东盟地区论坛在万象开幕各国外长出席会议'];
    const signatures = texts.map((t) => minhashSignature(fold(t), 5, 128, 1));
    expect(lshCandidates(signatures, 32, 4)).toEqual([[0, 1]]);
  });
});

describe('findSimilarTexts on the corpus', () => {
  it('finds the Big5 traditional half-width copy of seed 000 as a near duplicate and reports its exact similarity', async () => {
    const original = await seed('guancha');
    const copy = await ingestFixture(path.join(CORPUS, 'hk/takungpao-20211203-wangyi-buithanhson.big5.html'), 'copy');
    const other = await seed('vnaHanoi');
    const units = [original, copy, other].map((a) => ({ id: a.id, folded: fold(fullText(a)) }));
    const pairs = findSimilarTexts(units, params, 0.8);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: '000_48b02b06e8cbab67.txt', b: 'copy', kind: 'near' });
    expect(pairs[0]!.similarity).toBeGreaterThan(0.95);
    // The reported value is the exact Jaccard of the two texts' 5-character substrings, not an estimate.
    const substrings = (t: string) => new Set(Array.from({ length: t.length - 4 }, (_, i) => t.slice(i, i + 5)));
    const [x, y] = [substrings(units[0]!.folded), substrings(units[1]!.folded)];
    const shared = [...x].filter((s) => y.has(s)).length;
    expect(pairs[0]!.similarity).toBeCloseTo(shared / (x.size + y.size - shared), 4);
  });

  it('calls a copy that differs only in punctuation width an exact duplicate', () => {
    const units = [
      { id: 'a', folded: fold('4月14日下午，习近平在河内同苏林举行会谈。双方同意妥善处理海上问题。') },
      { id: 'b', folded: fold('4月14日下午, 习近平在河内同苏林举行会谈. 双方同意妥善处理海上问题.') },
    ];
    expect(findSimilarTexts(units, params, 0.8)).toEqual([{ a: 'a', b: 'b', similarity: 1, kind: 'exact' }]);
  });
});

describe('LSH on a stock passage that hundreds of articles share', () => {
  it('pairs a bucket above the star limit around one hub: linear, and still connected', () => {
    const signatures = Array.from({ length: 300 }, () => minhashSignature(fold('双方同意妥善处理海上问题维护南海和平稳定'), 5, 128, 1));
    const pairs = lshCandidates(signatures, 32, 4, 64);
    expect(pairs).toHaveLength(299);
    expect(new Set(pairs.map(([a]) => a))).toEqual(new Set([0]));
    expect(lshCandidates(signatures.slice(0, 10), 32, 4, 64)).toHaveLength(45);
  });
});

describe('LSH on short texts, whose signatures are mostly densified', () => {
  it('makes candidates of the corpus sentences that share a passage, almost never of those that share little', async () => {
    const { articles } = await runPipeline([CORPUS], await testConfig(), 'ingest');
    const sentences = articles.flatMap((a) => a.paragraphs.flatMap((p) => sentencesOf(p).map(foldText)));
    const texts = [...new Set(sentences.filter((t) => t.length >= 20 && t.length <= 80))];
    const candidates = new Set(lshCandidates(texts.map((t) => minhashSignature(t, 5, 128, 1)), 32, 4).map(([i, j]) => `${i} ${j}`));
    const sets = texts.map((t) => shingleHashes(t, 5));
    const low = { pairs: 0, candidates: 0 };
    const high = { pairs: 0, candidates: 0 };
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const similarity = jaccard(sets[i]!, sets[j]!);
        const group = similarity < 0.2 ? low : similarity >= 0.7 ? high : null;
        if (!group) continue;
        group.pairs++;
        if (candidates.has(`${i} ${j}`)) group.candidates++;
      }
    }
    // Over a hundred distinct sentences, thousands of pairs that share at most a stock phrase.
    expect(low.pairs).toBeGreaterThan(10_000);
    expect(high.pairs).toBeGreaterThan(0);
    expect(high.candidates).toBe(high.pairs);
    // 1-(1-0.2^4)^32 is 5% at the very edge and far less below it; rows taken from neighbouring
    // bins made 1% of these pairs candidates, 128 of 13,163.
    expect(low.candidates / low.pairs).toBeLessThan(0.002);
  });

  it('with two bands shared required, keeps every pair of the corpus\'s sentences and paragraphs at the reuse threshold a candidate, and drops 18 of the 49 below it', async () => {
    const { articles } = await runPipeline([CORPUS], await testConfig(), 'ingest');
    const sentences = articles.flatMap((a) => a.paragraphs.flatMap((p) => sentencesOf(p).map(foldText)));
    const paragraphs = articles.flatMap((a) => a.paragraphs.map((p) => foldText(p.text)));
    const texts = [...new Set([...sentences, ...paragraphs].filter((t) => t.length >= 20))];
    const flat = new Uint32Array(texts.length * 32);
    texts.forEach((t, i) => flat.set(bandKeys(minhashSignature(t, 5, 128, 1), 32, 4), i * 32));
    const sets = texts.map((t) => shingleHashes(t, 5));
    const counted = (minShared: number) => {
      const candidates = new Set(lshCandidatesFromFlat(flat, 32, { minShared }).map(([i, j]) => `${i} ${j}`));
      const found = { high: 0, middling: 0, all: candidates.size };
      for (const pair of candidates) {
        const [i, j] = pair.split(' ').map(Number) as [number, number];
        const similarity = jaccard(sets[i]!, sets[j]!);
        if (similarity >= 0.7) found.high++;
        else found.middling++;
      }
      return found;
    };
    const one = counted(1);
    const two = counted(2);
    let high = 0;
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) if (jaccard(sets[i]!, sets[j]!) >= 0.7) high++;
    // 234 distinct sentences and paragraphs; a sentence and the paragraph it ends are the pairs near 0.7.
    expect(texts).toHaveLength(234);
    expect(high).toBe(11);
    expect(one).toEqual({ high: 11, middling: 49, all: 60 });
    expect(two).toEqual({ high: 11, middling: 31, all: 42 });
  });
});

describe('fingerprintCorpus with the paragraphs searched elsewhere', () => {
  it('finds the same duplicates and reused paragraphs when LSH over the paragraphs is shared with another thread', async () => {
    const config = await testConfig();
    const { articles } = await ingestInputs([CORPUS], config);
    const searched: number[] = [];
    // Stands in for the worker thread: it receives the flattened keys on shared memory, takes the
    // first group of bands before the stage joins, and the stage's own thread takes the rest.
    const search: CandidateSearch = (flat, bands, minShared) => {
      searched.push(flat.length / bands);
      expect(flat.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(minShared).toBe(2);
      let next = 0;
      const claim = () => next++;
      const theirs = searchBands(flat, bands, () => (next === 0 ? claim() : bands));
      return { join: async () => flatPairsCountedAtLeast([searchBands(flat, bands, claim), theirs], flat.length / bands, minShared) };
    };
    const here = await fingerprintCorpus(articles, config);
    const there = await fingerprintCorpus(articles, config, undefined, search);
    expect(there).toEqual(here);
    // The paragraph the 新华社 report of the 2022 Xi–Trọng talks shares with VNA's (as in runPipeline.test.ts).
    expect(there.reuse.map((r) => `${r.a} ~ ${r.b}`)).toEqual(['cn/xinhua-20221031-xi-trong.gb18030.txt#p3 ~ vna-20221031-trong-xi#p5']);
    expect(searched).toHaveLength(1);
    expect(searched[0]).toBeGreaterThan(articles.length);
  });
});

describe('LSH buckets against every pair compared', () => {
  /**
   * The definition: in each band, the items sharing a key, paired as a clique, or as a star around
   * the smallest when more than starAbove; the pairs so paired in at least `minShared` bands.
   */
  function candidatesByDefinition(flat: Uint32Array, bands: number, starAbove: number, minShared = 1): [number, number][] {
    const pairs = new Map<string, number>();
    const n = flat.length / bands;
    for (let band = 0; band < bands; band++) {
      const buckets = new Map<number, number[]>();
      for (let item = 0; item < n; item++) {
        const key = flat[item * bands + band]!;
        buckets.set(key, [...(buckets.get(key) ?? []), item]);
      }
      for (const items of buckets.values()) {
        const hubs = items.length > starAbove ? 1 : items.length - 1;
        for (let i = 0; i < hubs; i++) {
          for (let j = i + 1; j < items.length; j++) pairs.set(`${items[i]} ${items[j]}`, (pairs.get(`${items[i]} ${items[j]}`) ?? 0) + 1);
        }
      }
    }
    return [...pairs]
      .filter(([, shared]) => shared >= minShared)
      .map(([p]) => p.split(' ').map(Number) as [number, number])
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  }

  it('finds exactly the pairs that share a band key, whatever the keys’ high bits', () => {
    // Few distinct keys, so buckets are many and some pass the star limit; keys on both sides of 2^31.
    const key = fc.constantFrom(0, 1, 7, 0x7fffffff, 0x80000000, 0x80000001, 0xfeffffff, 0xffffffff, 0x01000000, 0x00ffffff);
    const keys = fc.integer({ min: 1, max: 6 }).chain((bands) =>
      fc.tuple(fc.constant(bands), fc.array(fc.oneof(key, fc.nat({ max: 0xffffffff })), { maxLength: bands * 120 }).map((k) => k.slice(0, k.length - (k.length % bands)))),
    );
    fc.assert(
      fc.property(keys, fc.constantFrom(2, 5, 64), fc.integer({ min: 1, max: 3 }), ([bands, values], starAbove, minShared) => {
        const flat = Uint32Array.from(values);
        expect(lshCandidatesFromFlat(flat, bands, { starAbove, minShared })).toEqual(candidatesByDefinition(flat, bands, starAbove, minShared));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same pairs when two threads share the bands, however the groups fall between them, a pair\'s shared bands counted across both', () => {
    const keys = fc.integer({ min: 1, max: 12 }).chain((bands) =>
      fc.tuple(fc.constant(bands), fc.array(fc.nat({ max: 40 }), { minLength: bands * 2, maxLength: bands * 60 }).map((k) => k.slice(0, k.length - (k.length % bands))), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 })),
    );
    fc.assert(
      fc.property(keys, fc.integer({ min: 1, max: 4 }), ([bands, values, theirs], minShared) => {
        const flat = Uint32Array.from(values);
        // Groups of four bands; each thread is handed its own, then a number past the last.
        const groups = Math.ceil(bands / 4);
        const share = (mine: boolean) => {
          const taken = [...Array(groups).keys()].filter((g) => (theirs[g] ?? false) !== mine);
          return () => taken.shift() ?? groups;
        };
        const n = flat.length / bands;
        const shared = pairsOf(flatPairsCountedAtLeast([searchBands(flat, bands, share(true)), searchBands(flat, bands, share(false))], n, minShared));
        expect(shared).toEqual(candidatesByDefinition(flat, bands, 64, minShared));
      }),
      { numRuns: 300 },
    );
  });
});
