import { describe, expect, it } from 'vitest';
import { anyPattern } from '../../src/text/anyPattern.js';
import { testConfig } from '../helpers.js';

/** Lines of the kinds the boilerplate patterns meet: chrome, credits, captions and prose. */
const LINES = [
  '首页 > 国际 > 正文',
  '返回顶部',
  '（责任编辑：王敏）',
  '分享到：微信 微博',
  '《人民日报》（2024年12月13日 03 版）',
  '上一篇：越南国会通过新法',
  '越南外交部长裴青山9月11日在河内同中国外交部部长助理举行会谈。',
  '图为会谈现场。（图片：越通社）',
  '新华社记者 李涛 摄',
  '图自越通社',
  '双方同意加强两国外交部所属各单位的合作。',
];

describe('anyPattern', () => {
  it('tells of each line what testing the config’s dropLines and photoCredits one by one tells', async () => {
    const { boilerplate } = await testConfig();
    for (const patterns of [boilerplate.dropLines, boilerplate.photoCredits]) {
      const test = anyPattern(patterns);
      for (const line of LINES) expect(test(line), line).toBe(patterns.some((p) => p.test(line)));
    }
    expect(LINES.filter(anyPattern(boilerplate.dropLines))).toEqual(LINES.slice(0, 6));
    expect(LINES.filter(anyPattern(boilerplate.photoCredits))).toEqual(['图为会谈现场。（图片：越通社）', '新华社记者 李涛 摄', '图自越通社']);
  });

  it('keeps a pattern that refers to its own group apart: joined, its `\\1` would name the first pattern’s group', () => {
    // A headline printed twice, and a line the first pattern matches.
    const patterns = [/^(相关)新闻$/u, /^(.{4,}?)\s+\1$/u];
    const test = anyPattern(patterns);
    expect(test('中越联合声明 中越联合声明')).toBe(true);
    expect(test('相关新闻')).toBe(true);
    expect(test('中越联合声明 越中联合声明')).toBe(false);
  });

  it('keeps patterns of different flags apart: joined, one would take the other’s', () => {
    const test = anyPattern([/^更多$/u, /^vnanet$/iu]);
    expect(test('VNANET')).toBe(true);
    expect(test('更多')).toBe(true);
    expect(anyPattern([])('更多')).toBe(false);
  });
});
