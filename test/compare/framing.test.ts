import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignPassages, interleavePassages } from '../../src/compare/alignPassages.js';
import { classifyEventKind } from '../../src/compare/classifyEventKind.js';
import { compareEvent, createCompareContext } from '../../src/compare/compareEvent.js';
import { countTerms } from '../../src/compare/countTerms.js';
import { compareFigures, extractFigures } from '../../src/compare/extractFigures.js';
import { extractVoices } from '../../src/compare/extractVoices.js';
import { measureTopics } from '../../src/compare/measureTopics.js';
import { buildGazetteer } from '../../src/ingest/matchGazetteer.js';
import type { Article } from '../../src/types.js';
import { CORPUS, ingestFixture, seed, testConfig } from '../helpers.js';

let guancha: Article;
let vna: Article;
beforeAll(async () => {
  guancha = await seed('guancha');
  vna = await ingestFixture(path.join(CORPUS, 'vn/vietnamplus-20211202-buithanhson-wangyi.html'), 'vna-1202');
});

describe('topics (the 2021-12-02 Anji talks)', () => {
  it('seed 000 comes to maritime issues only in its last paragraph, in one 46-character sentence', async () => {
    const maritime = measureTopics(guancha, (await testConfig()).topics).find((t) => t.topic === 'maritime')!;
    expect(maritime).toMatchObject({ chars: 46, firstParagraph: 12 });
  });

  it('the 越通社 report raises maritime issues in its fourth paragraph and gives them a larger share', async () => {
    const topics = (await testConfig()).topics;
    const vn = measureTopics(vna, topics).find((t) => t.topic === 'maritime')!;
    const cn = measureTopics(guancha, topics).find((t) => t.topic === 'maritime')!;
    expect(vn.firstParagraph).toBe(4);
    expect(vn.share).toBeGreaterThan(cn.share * 5);
  });
});

describe('paired terms', () => {
  it('seed 000 writes 中越 five times and never 越中; the 越通社 report writes 越中 and 东海 twice each', async () => {
    const pairs = (await testConfig()).terms;
    expect(countTerms(guancha, pairs)[0]!.counts).toEqual({ 中越: 5, 越中: 0 });
    const vn = countTerms(vna, pairs);
    expect(vn[0]!.counts).toEqual({ 中越: 0, 越中: 2 });
    expect(vn[1]!.counts).toMatchObject({ 南海: 0, 东海: 2 });
  });

  it('counts a variant inside a longer one once', () => {
    const article = { ...guancha, paragraphs: [{ id: 'p', text: '推动南海行为准则，维护南海和平。' }] };
    expect(countTerms(article, [{ name: 'x', variants: ['南海', '南海行为准则'] }])[0]!.counts).toEqual({ 南海: 1, 南海行为准则: 1 });
  });
});

describe('voices', () => {
  /** Each speaker with the number of statements the article gives them. */
  async function statementsIn(article: Article): Promise<[string, number][]> {
    const config = await testConfig();
    return extractVoices(article, buildGazetteer(config.people), config.compare.speechVerbs).map((v) => [v.speaker, v.statements]);
  }

  it('seed 000 reports four statements each from 王毅 and 裴青山 (表示, 说 ×3; 祝贺, 表示 ×3)', async () => {
    expect(await statementsIn(guancha)).toEqual([
      ['王毅', 4],
      ['裴青山', 4],
    ]);
  });

  it('reads 他 as the last person named: the 越通社 report gives 裴青山 four statements and 王毅 one', async () => {
    expect(await statementsIn(vna)).toEqual([
      ['裴青山', 4],
      ['王毅', 1],
    ]);
  });
});

describe('figures', () => {
  it('flags the trade figure the sides give differently: 2000亿美元 against 1500亿美元', () => {
    const compared = compareFigures(['cn', 'vn'], [extractFigures(guancha), extractFigures(vna)]);
    expect(compared.find((f) => f.text === '2000亿美元')).toMatchObject({ side: 'cn', flag: 'differs', counterpart: '1500亿美元', value: 2e11 });
    expect(compared.find((f) => f.text === '30周年')).toMatchObject({ flag: 'only' });
    expect(compared.some((f) => f.text.startsWith('11个'))).toBe(false);
  });

  it('reads 300 万剂 with its space as three million doses (seed 001)', async () => {
    const figures = extractFigures(await seed('vnaHanoi'));
    expect(figures.find((f) => f.unit === '剂')).toMatchObject({ text: '300万剂', value: 3_000_000 });
  });
});

describe('event kind and divergence', () => {
  it('tells talks, committee meetings and courtesy calls apart', async () => {
    expect(classifyEventKind([guancha.title, guancha.paragraphs[0]!.text])).toBe('talks');
    expect(classifyEventKind(['王毅同越南常务副总理范平明共同主持中越双边合作指导委员会第十三次会议'])).toBe('committee');
    expect(classifyEventKind(['何炜大使拜会越南政府副总理裴青山'])).toBe('meeting');
    expect(classifyEventKind(['王毅同越南新任外长裴青山通电话'])).toBe('call');
  });

  it('scores the same text on both sides 0, and the Anji coverage well above it', async () => {
    const context = createCompareContext(await testConfig());
    const twin = { ...guancha, id: 'twin', side: 'vn' };
    const cluster = (ids: string[]) => ({ id: 'e', articles: ids, eventDate: null, people: [], places: [], sides: {}, links: [] });
    const same = compareEvent(cluster([guancha.id, 'twin']), new Map([[guancha.id, guancha], ['twin', twin]]), [], context);
    expect(same.divergence).toMatchObject({ score: 0, components: { unaligned: 0, topics: 0, terms: 0 } });
    const anji = compareEvent(cluster([guancha.id, vna.id]), new Map([[guancha.id, guancha], [vna.id, vna]]), [], context);
    expect(anji.divergence!.score).toBeGreaterThan(0.5);
    expect(anji.divergence!.drivers.topics[0]).toMatchObject({ topic: 'maritime' });
  });
});

describe('interleavePassages', () => {
  it('puts a passage only the right side has after the pair that precedes it in its own article', async () => {
    const cn = await ingestFixture(path.join(CORPUS, 'cn/mfa-20210911-wangyi-buithanhson.html'), 'mfa');
    const vn = await seed('vnaHanoi');
    const alignment = alignPassages(cn, vn, ['cn', 'vn'], (await testConfig()).thresholds.align, 200);
    const items = interleavePassages(alignment, 'cn');
    expect(items).toHaveLength(alignment.aligned.length + alignment.onlyIn.length);
    const border = items.findIndex((i) => i.kind === 'only' && i.passage.text.startsWith('双方就边界和领土问题坦率交换了意见'));
    const passage = (items[border] as { kind: 'only'; passage: { index: number } }).passage;
    // Its anchor: the aligned pair whose 越通社 sentence comes last before the border passage.
    const pairs = items.map((item, at) => ({ item, at })).filter((x) => x.item.kind === 'pair') as { item: { kind: 'pair'; pair: { right: { index: number } } }; at: number }[];
    const anchor = pairs.filter((x) => x.item.pair.right.index < passage.index).sort((x, y) => y.item.pair.right.index - x.item.pair.right.index)[0]!;
    expect(border).toBeGreaterThan(anchor.at);
    expect(items.slice(anchor.at + 1, border).every((i) => i.kind === 'only')).toBe(true);
  });
});
