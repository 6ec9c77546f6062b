import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldArticle } from '../../src/fingerprint/fingerprintCorpus.js';
import { createIngestContext } from '../../src/ingest/buildArticle.js';
import { decodeBytes } from '../../src/ingest/decodeBytes.js';
import { buildDocument, buildRecord, type BuiltItem } from '../../src/pipeline/buildOutcome.js';
import { packBuilt } from '../../src/pipeline/packBuilt.js';
import { SEED, SEEDS, testConfig } from '../helpers.js';

describe('packBuilt', () => {
  it('moves seeds 001 and 002 to another thread with their band keys on one buffer and their folds as UTF-16 on another, with a refused record between them', async () => {
    const config = await testConfig();
    const context = createIngestContext(config);
    const options = { mode: 'text' as const, sign: true, record: false, foldsOnly: true };
    const build = (name: string) => buildDocument(readSeed(name), context, config, options);
    const refused = buildRecord({ bytes: new TextEncoder().encode('{"title": "无正文"}'), source: 'x.jsonl:2', fallbackId: 'x.jsonl:2' }, context, config, options);
    const items: BuiltItem[] = [build(SEED.vnaHanoi), refused, build(SEED.thoidaiSteering)];
    const whole = [SEED.vnaHanoi, SEED.thoidaiSteering].map((name) => buildDocument(readSeed(name), context, config, { ...options, foldsOnly: false }));

    const { posted, transfer } = packBuilt(items);
    expect(transfer).toHaveLength(2);
    // What the main thread receives: the buffers moved, the views rebuilt on them.
    const received = structuredClone(posted, { transfer });
    expect(received[1]).toEqual({ refusal: 'has neither "text" nor "html"' });
    const [first, second] = [received[0]!, received[2]!];
    if ('refusal' in first || 'refusal' in second) throw new Error('a seed was refused');
    expect(first.signatures!.values.buffer).toBe(second.signatures!.values.buffer);
    expect(first.folds!.bytes.buffer).toBe(second.folds!.bytes.buffer);
    expect(second.folds!.lengths).toHaveLength(16);
    [first, second].forEach((got, k) => {
      const built = whole[k]!;
      if (built.outcome.status !== 'ingested') throw new Error('a seed was not ingested');
      const { text, lengths } = foldArticle(built.outcome.article);
      expect(got.folds!.lengths).toEqual(lengths);
      expect(Buffer.from(got.folds!.bytes).toString('utf16le')).toBe(text);
      expect(got.signatures).toEqual(built.signatures);
    });
  });
});

function readSeed(name: string) {
  const file = path.join(SEEDS, name);
  const { text, encoding } = decodeBytes(readFileSync(file));
  return { id: name, source: file, format: 'text' as const, encoding, body: text, bodyIsHtml: false, given: {} };
}
