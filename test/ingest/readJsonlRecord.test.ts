import { describe, expect, it } from 'vitest';
import { readJsonlRecord } from '../../src/ingest/readJsonlRecord.js';

describe('readJsonlRecord', () => {
  it('keeps the fields a record states', () => {
    const result = readJsonlRecord('{"id":"a1","title":"会谈","text":"正文。","outlet":"越通社","side":"vn","published":"2022-10-31"}', 'f.jsonl:1', 'f.jsonl:1');
    expect(result).toMatchObject({ ok: true, document: { id: 'a1', body: '正文。', bodyIsHtml: false, given: { outlet: '越通社', side: 'vn', published: '2022-10-31', title: '会谈' } } });
  });

  it('reads html when there is no text', () => {
    expect(readJsonlRecord('{"id":"b","html":"<p>正文</p>"}', 's', 'f')).toMatchObject({ ok: true, document: { bodyIsHtml: true } });
  });

  it('refuses a line that is not JSON, or that has no text, with the reason', () => {
    expect(readJsonlRecord('{"id": 1,', 's', 'f')).toMatchObject({ ok: false, reason: expect.stringContaining('not valid JSON') });
    expect(readJsonlRecord('{"id":"c","title":"只有标题"}', 's', 'f')).toEqual({ ok: false, reason: 'has neither "text" nor "html"' });
    expect(readJsonlRecord('[1,2]', 's', 'f')).toEqual({ ok: false, reason: 'not a JSON object' });
  });

  it('uses the file and line as the id when the record has none', () => {
    expect(readJsonlRecord('{"text":"正文"}', 'x.jsonl:7', 'x.jsonl:7')).toMatchObject({ ok: true, document: { id: 'x.jsonl:7' } });
  });
});
