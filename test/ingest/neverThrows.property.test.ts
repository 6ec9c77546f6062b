import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildArticle, createIngestContext } from '../../src/ingest/buildArticle.js';
import { decodeBytes } from '../../src/ingest/decodeBytes.js';
import { readJsonlRecord } from '../../src/ingest/readJsonlRecord.js';
import { resolveEventDate } from '../../src/ingest/resolveEventDate.js';
import { normalizeForMatching } from '../../src/text/normalizeForMatching.js';
import { parsePublished } from '../../src/text/parsePublished.js';
import type { InputFormat } from '../../src/types.js';
import { testConfig } from '../helpers.js';

/** Text shaped like the inputs: Chinese, Vietnamese, markup, dates, boilerplate markers, noise. */
const pieces = fc.constantFrom(
  '王毅', '裴青山', '会谈', '。', '，', ',', '9月11日', '2021年', '17日', '(', ')', '（完）', '相关新闻', '更多', '\n', '\n\n',
  '<p>', '</p>', '<div class="x">', '<script>', '---\n', 'title: x\n', 'ảnh 1', 'Bùi Thanh Sơn', 'ngày 11/9', '09:00 | 14/07/2022',
  '图自越通社', ' ', '\u0000', '\ufffd', '𠀀', '國務委員', '１２３',
);
const pageText = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 60 }).map((p) => p.join('')));

describe('properties', () => {
  it('normalisation never throws and is idempotent', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const once = normalizeForMatching(text);
        expect(normalizeForMatching(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('event-date resolution never throws and returns a real calendar date or null', () => {
    const published = fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    fc.assert(
      fc.property(fc.array(pageText, { maxLength: 5 }), published, (paragraphs, pub) => {
        const { date } = resolveEventDate({ title: '', paragraphs, published: pub });
        if (date !== null) expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      }),
      { numRuns: 300 },
    );
  });

  it('publication dates, byte decoding and JSONL records never throw', () => {
    fc.assert(
      fc.property(pageText, fc.uint8Array({ maxLength: 200 }), (text, bytes) => {
        parsePublished(text, 480);
        decodeBytes(bytes);
        readJsonlRecord(text, 'f:1', 'f:1');
      }),
      { numRuns: 300 },
    );
  });

  it('building an article from any document of any format never throws: it succeeds or gives a reason', async () => {
    const context = createIngestContext(await testConfig());
    const formats: InputFormat[] = ['markdown', 'html', 'text', 'jsonl'];
    fc.assert(
      fc.property(pageText, fc.constantFrom(...formats), fc.boolean(), (body, format, bodyIsHtml) => {
        const result = buildArticle({ id: 'x', source: 'x', format, encoding: 'utf-8', body, bodyIsHtml, given: {} }, context);
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
