import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, fullText, ingestFixture, ROOT } from '../helpers.js';

const PAGES = path.join(ROOT, 'fixtures/pages');

describe('HTML pages of real news templates', () => {
  it('人民报: title from h1, date from the visible byline, the standfirst kept, share bar and related list dropped', async () => {
    const a = await ingestFixture(path.join(PAGES, 'nhandan-20240819-tolam-xi.html'));
    expect(a).toMatchObject({
      title: '苏林总书记、国家主席与习近平总书记、国家主席举行会谈',
      outlet: '人民报',
      side: 'vn',
      url: 'https://cn.nhandan.vn/c0002/20240819-tolam-xi.html',
      published: '2024-08-19',
      eventDate: '2024-08-19',
      eventPlace: '人民大会堂',
    });
    expect(a.paragraphs[0]!.text.startsWith('人民报网北京8月19日电——8月19日下午')).toBe(true);
    expect(a.paragraphs.at(-1)!.text).toBe('关于海上问题，双方同意管控好分歧，维护东海和平稳定。');
    expect(fullText(a)).not.toMatch(/分享|Facebook|相关新闻|抵达北京|首页|返回顶部|图：越通社/u);
  });

  it('越南之声: date from JSON-LD, site from og:site_name, the related list inside the body cut', async () => {
    const a = await ingestFixture(path.join(PAGES, 'vov-20231212-trong-xi.html'));
    expect(a).toMatchObject({ title: '阮富仲总书记与习近平总书记举行会谈', outlet: '越南之声', side: 'vn', published: '2023-12-12', eventDate: '2023-12-12' });
    expect(a.paragraphs).toHaveLength(3);
    expect(fullText(a)).not.toMatch(/习近平抵达河内|阅读最多|中文 \| Français/u);
  });

  it('外交部: breadcrumb, share bar, related list and footer outside the text', async () => {
    const a = await ingestFixture(path.join(CORPUS, 'cn/mfa-20210911-wangyi-buithanhson.html'));
    expect(a).toMatchObject({ outlet: '外交部', side: 'cn', published: '2021-09-11', url: 'https://www.mfa.gov.cn/wjbzhd/202109/t20210911_10001.shtml' });
    expect(a.paragraphs).toHaveLength(6);
    expect(fullText(a)).not.toMatch(/首页|分享到|王毅会见越南总理|版权所有|analytics/u);
  });

  it('新华网: date from JSON-LD and pubdate, editor line dropped', async () => {
    const a = await ingestFixture(path.join(CORPUS, 'cn/xinhua-20210911-steering-committee.html'));
    expect(a).toMatchObject({ outlet: '新华社', published: '2021-09-11', eventDate: '2021-09-11', participants: ['王毅', '范平明'] });
    expect(fullText(a)).not.toContain('责任编辑');
  });

  it('人民网: date from meta publishdate, the print-edition line and editors dropped', async () => {
    const a = await ingestFixture(path.join(CORPUS, 'cn/people-20240819-xi-tolam.html'));
    expect(a).toMatchObject({ outlet: '人民网', published: '2024-08-20', eventDate: '2024-08-19' });
    expect(a.paragraphs.at(-1)!.text).toBe('双方同意妥善处理海上问题，推进海上合作。');
  });

  it('越通社 (Vietnamese edition): a Vietnamese-language article keeps its diacritics and gets its facts from Vietnamese aliases', async () => {
    const a = await ingestFixture(path.join(CORPUS, 'vn/vietnamplus-vi-20241013-chinh-liqiang.html'));
    expect(a).toMatchObject({ language: 'vi', script: 'latin', outlet: '越通社', eventDate: '2024-10-13', participants: ['范明政', '李强'], eventPlace: '政府总部' });
    expect(a.paragraphs[0]!.text).toContain('Thủ tướng Phạm Minh Chính đã hội đàm');
  });

  it('越通社 (Chinese edition): dateline kept, figure caption and related list dropped, 东海 passage whole', async () => {
    const a = await ingestFixture(path.join(CORPUS, 'vn/vietnamplus-20211202-buithanhson-wangyi.html'));
    expect(a).toMatchObject({ outlet: '越通社', side: 'vn', published: '2021-12-02', eventDate: '2021-12-02', eventPlace: '安吉' });
    expect(a.paragraphs[0]!.text.startsWith('越通社北京——应中国国务委员兼外交部长王毅邀请')).toBe(true);
    expect(fullText(a)).toContain('维护东海和平稳定');
    expect(fullText(a)).not.toMatch(/图自越通社|加强边境口岸合作|Facebook/u);
  });

  it('a truncated page keeps the text it has', async () => {
    const a = await ingestFixture(path.join(PAGES, 'truncated-page.html'));
    expect(a.paragraphs).toHaveLength(2);
    expect(a.paragraphs[1]!.text.endsWith('稳步推进重点合作')).toBe(true);
    expect(a.eventDate).toBe('2021-09-11');
  });
});
