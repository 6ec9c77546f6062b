import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createIngestContext } from '../../src/ingest/buildArticle.js';
import { decodeBytes } from '../../src/ingest/decodeBytes.js';
import { stripBoilerplate } from '../../src/ingest/stripBoilerplate.js';
import { fullText, seed, SEED, SEEDS, testConfig } from '../helpers.js';

describe('boilerplate removal on the seeds', () => {
  it('drops the trailing 更多 block of seed 001 and everything after it', async () => {
    const article = await seed('vnaHanoi');
    const last = article.paragraphs.at(-1)!.text;
    expect(last).toBe('会谈中,双方高度评价两国外交部日益富有成效的合作,一致同意进一步加强两国外交部所属各单位、厅局和研究所的合作与协调。');
    expect(fullText(article)).not.toContain('科技创业节');
    expect(fullText(article)).not.toContain('凯山·丰威汉');
  });

  it('keeps the dateline paragraph of seed 001 and drops the summary printed above it', async () => {
    const article = await seed('vnaHanoi');
    expect(article.paragraphs[0]!.text.startsWith('越通社河内——越南外交部长裴青山9月11日在河内')).toBe(true);
    expect(article.paragraphs.filter((p) => p.text.includes('在真诚友好的气氛中'))).toHaveLength(1);
    expect(article.removed.map((r) => r.reason)).toContain('repeated-lead');
  });

  it('drops the "ảnh 1" photo lines and the 越通社 credit line of seed 001', async () => {
    const article = await seed('vnaHanoi');
    expect(fullText(article)).not.toMatch(/ảnh|图自越通社/u);
    expect(article.byline).toBe('越通社');
    expect(article.paragraphs).toHaveLength(8);
  });

  it('drops the 相关新闻 list, repeated-headline captions and the byline of seed 002', async () => {
    const article = await seed('thoidaiSteering');
    const text = fullText(article);
    expect(text).not.toContain('越南商品涌入中国边境市场');
    expect(text).not.toContain('在新青口岸等待通关的集装箱');
    expect(text).not.toContain('(图:越通社)');
    expect(text).not.toContain('越中增强政治互信,务实合作');
    expect(article.byline).toBe('娜娜');
    // The article's own subheadings are text, not captions.
    expect(article.paragraphs.map((p) => p.text)).toContain('越中关系取得许多新进展');
    expect(article.paragraphs.map((p) => p.text)).toContain('推动越中友好和互利合作关系走向深入和务实');
    expect(article.paragraphs.at(-1)!.text.startsWith('范星梅相信')).toBe(true);
  });

  it('drops the inline related-link line and the doubled-headline teasers of seed 003', async () => {
    const article = await seed('thoidaiBriefing');
    const text = fullText(article);
    expect(text).not.toContain('澜湄合作不断发展壮大');
    expect(text).not.toContain('反洗钱');
    expect(text).not.toContain('生物质固体成型燃料');
    expect(text).not.toContain('中国外长王毅。');
    expect(article.paragraphs.at(-1)!.text.startsWith('王毅表示,面对乱象丛生的世界')).toBe(true);
  });

  it('drops the truncated "16:2" stamp and the Vietnamese alt text with its caption (seed 004)', async () => {
    const article = await seed('thoidaiHeWei');
    const text = fullText(article);
    expect(text).not.toMatch(/16:2|Phó Thủ tướng/u);
    expect(text).not.toContain('越南政府副总理裴青山会见中国驻越南大使何炜。');
    expect(text).not.toContain('总书记苏林:越南始终高度重视');
    expect(article.paragraphs[0]!.text.startsWith('17日,越南政府副总理裴青山在河内会见了中国驻越大使何炜')).toBe(true);
    expect(article.paragraphs).toHaveLength(8);
  });

  it('tells seed 004 is a Chinese page by its body when it has no title, and still drops the Vietnamese alt text', async () => {
    const rules = createIngestContext(await testConfig()).rules;
    const blocks = decodeBytes(readFileSync(path.join(SEEDS, SEED.thoidaiHeWei))).text.split('\n');
    const stripped = stripBoilerplate(blocks, null, rules);
    expect(stripped.paragraphs.join('\n')).not.toMatch(/Phó Thủ tướng/u);
    expect(stripped.removed.filter((r) => r.reason === 'caption').map((r) => r.text).join('\n')).toMatch(/Phó Thủ tướng/u);
    // The region outlets are told by is the page before its trailing block, as read.
    expect(stripped.bodyRegion()).toContain('Phó Thủ tướng');
    expect(stripped.bodyRegion()).toContain('总书记苏林:越南始终高度重视');
    expect(stripped.bodyRegion()).not.toContain('寻访胡志明主席在广州的革命足迹');
  });

  it('reads seed 000 as front matter plus HTML: no markup, no image lines, every paragraph kept', async () => {
    const article = await seed('guancha');
    expect(article.title).toBe('越南外长：中国提供疫苗最多，越方深怀感激');
    expect(fullText(article)).not.toMatch(/<|categories|headimg/u);
    expect(article.paragraphs).toHaveLength(12);
    expect(article.paragraphs.at(-1)!.text).toBe('双方还就海上问题交换了意见，一致认为要共同努力，推进海上合作，为两国关系注入更多“正能量”。');
  });
});
