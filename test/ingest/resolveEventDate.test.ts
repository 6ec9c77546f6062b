import { describe, expect, it } from 'vitest';
import { bodyYears, resolveEventDate } from '../../src/ingest/resolveEventDate.js';

describe('resolveEventDate', () => {
  it('takes a full date as written', () => {
    const r = resolveEventDate({ title: '', paragraphs: ['2021年12月2日，国务委员兼外长王毅在浙江安吉同越南外长裴青山举行会谈。'], published: '2021-12-03' });
    expect(r).toMatchObject({ date: '2021-12-02', source: 'text', phrase: '2021年12月2日' });
  });

  it('gives a month and day the year of the publication date', () => {
    const r = resolveEventDate({ title: '', paragraphs: ['越南外交部长裴青山9月11日在河内与王毅举行会谈。'], published: '2021-09-12' });
    expect(r).toMatchObject({ date: '2021-09-11', source: 'text+published-year' });
  });

  it('puts a late-December event published in January in the previous year', () => {
    const r = resolveEventDate({ title: '', paragraphs: ['12月30日，双方在北京举行会谈。'], published: '2022-01-02' });
    expect(r.date).toBe('2021-12-30');
  });

  it('reads a bare day against the publication month, and the month before when the day is later', () => {
    expect(resolveEventDate({ title: '', paragraphs: ['17日，裴青山在河内会见了何炜。'], published: '2025-11-18' }).date).toBe('2025-11-17');
    expect(resolveEventDate({ title: '', paragraphs: ['30日，双方举行会谈。'], published: '2025-04-02' }).date).toBe('2025-03-30');
  });

  it('without a publication date, uses the latest year the body names, not a treaty year', () => {
    const r = resolveEventDate({
      title: '',
      paragraphs: ['裴青山9月11日在河内与王毅举行会谈。', '2021年初以来，两国高层交往频繁。', '要符合1982年《联合国海洋法公约》。'],
      published: null,
    });
    expect(r).toMatchObject({ date: '2021-09-11', source: 'text+body-year' });
  });

  it('passes over dates in parentheses and period bounds', () => {
    const r = resolveEventDate({
      title: '',
      paragraphs: ['裴青山祝贺二十届四中全会(10月20日至23日)圆满召开。截至6月30日，双边贸易增长。11月17日，裴青山会见何炜。'],
      published: '2025-11-18',
    });
    expect(r.date).toBe('2025-11-17');
  });

  it('takes the first day of a preview range (seed 002: 将于7月12日至13日)', () => {
    const r = resolveEventDate({ title: '', paragraphs: ['范平明将于7月12日至13日对中国进行访问。'], published: '2022-07-14' });
    expect(r).toMatchObject({ date: '2022-07-12', phrase: '7月12日至13日' });
  });

  it('falls back to the publication date when the text states no day, and says so', () => {
    expect(resolveEventDate({ title: '', paragraphs: ['王毅向随行记者介绍此访情况。'], published: '2025-04-19' })).toMatchObject({
      date: '2025-04-19',
      source: 'published',
    });
    expect(resolveEventDate({ title: '', paragraphs: ['王毅介绍情况。'], published: null })).toMatchObject({ date: null, source: 'none' });
  });

  it('reads 昨天 and 今天 in the sentence reporting the event against the publication date', () => {
    expect(resolveEventDate({ title: '', paragraphs: ['昨天，王毅在北京会见越南驻华大使范清平。'], published: '2024-03-06' })).toMatchObject({
      date: '2024-03-05',
      source: 'relative',
      phrase: '昨天',
    });
    expect(resolveEventDate({ title: '', paragraphs: ['外交部发言人今天表示，中越合作前景广阔。'], published: '2024-03-06' }).date).toBe('2024-03-06');
    // A stated date wins over a relative word elsewhere in the lead.
    expect(resolveEventDate({ title: '', paragraphs: ['3月4日，双方举行会谈。', '昨天，双方还出席了招待会。'], published: '2024-03-06' }).date).toBe('2024-03-04');
  });

  it('reads Vietnamese dates: ngày 11/9/2021', () => {
    const r = resolveEventDate({ title: '', paragraphs: ['Ngày 11/9/2021, Bộ trưởng Bùi Thanh Sơn hội đàm với Vương Nghị.'], published: null });
    expect(r.date).toBe('2021-09-11');
  });

  it('bodyYears ignores target years and document names', () => {
    expect(bodyYears(['到2030年实现目标', '1982年《联合国海洋法公约》', '2021年初以来'])).toEqual([2021]);
  });
});
