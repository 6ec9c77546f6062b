import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldArticle } from '../../src/fingerprint/fingerprintCorpus.js';
import { createIngestContext } from '../../src/ingest/buildArticle.js';
import { decodeBytes } from '../../src/ingest/decodeBytes.js';
import { BufferPool } from '../../src/pipeline/bufferPool.js';
import { buildDocument, buildRecord, type BuiltItem } from '../../src/pipeline/buildOutcome.js';
import { packBuilt } from '../../src/pipeline/packBuilt.js';
import { SpilledFolds } from '../../src/pipeline/spilledFolds.js';
import { SEED, SEEDS, testConfig } from '../helpers.js';

describe('packBuilt', () => {
  it('moves seeds 001 and 002 to another thread with their band keys, positions and fold lengths on one buffer and their folds written to the folds file, with a refused record between them', async () => {
    const config = await testConfig();
    const context = createIngestContext(config);
    const options = { mode: 'text' as const, sign: true, record: false, foldsOnly: true };
    const build = (name: string) => buildDocument(readSeed(name), context, config, options);
    const refused = buildRecord({ bytes: new TextEncoder().encode('{"title": "无正文"}'), source: 'x.jsonl:2', fallbackId: 'x.jsonl:2' }, context, config, options);
    const items: BuiltItem[] = [build(SEED.vnaHanoi), refused, build(SEED.thoidaiSteering)];
    const whole = [SEED.vnaHanoi, SEED.thoidaiSteering].map((name) => buildDocument(readSeed(name), context, config, { ...options, foldsOnly: false }));

    const folds = new SpilledFolds();
    // Something in the file before: the batch's folds go after it, at a place the batch is told.
    folds.add('before', { bytes: Buffer.from('中越', 'utf16le'), lengths: [2] });
    const pool = new BufferPool();
    const { posted, shared } = packBuilt(items, { pool, folds: folds.target });
    // What the main thread receives: the keys' buffer moved, the views rebuilt on it.
    const received = structuredClone({ posted, shared }, { transfer: [shared] });
    expect(received.posted[1]).toEqual({ refusal: 'has neither "text" nor "html"' });
    const [first, second] = [received.posted[0]!, received.posted[2]!];
    if ('refusal' in first || 'refusal' in second) throw new Error('a seed was refused');
    // Keys, positions and lengths of both articles: views on the one buffer moved.
    const buffers = [first, second].flatMap((got) => [got.signatures!.values, got.signatures!.positions, got.folds!.lengths].map((view) => (view as Uint32Array).buffer));
    expect(new Set(buffers)).toEqual(new Set([received.shared]));
    expect(second.folds!.lengths).toHaveLength(16);
    [first, second].forEach((got, k) => {
      const built = whole[k]!;
      if (built.outcome.status !== 'ingested') throw new Error('a seed was not ingested');
      const { text, lengths } = foldArticle(built.outcome.article);
      expect(Array.from(got.folds!.lengths)).toEqual(lengths);
      folds.addWritten(`seed${k}`, got.folds!);
      expect(folds.article(`seed${k}`)).toBe(text);
      expect(Array.from(got.signatures!.positions)).toEqual(built.signatures!.positions);
      expect(got.signatures!.values).toEqual(built.signatures!.values);
    });
    expect(folds.article('before')).toBe('中越');
    // The buffer the folds were encoded in stays with the worker for the next batch; the keys' went with the message.
    expect(pool.giveAway(16)).toHaveLength(1);
    folds.close();
  });

  it('moves the articles.jsonl lines and leads of seeds 001 and 004 on the keys\' buffer, byte for byte, and keeps no buffer of its own for them', async () => {
    const config = await testConfig();
    const context = createIngestContext(config);
    const options = { mode: 'article' as const, sign: true, record: true, lead: true };
    const items = [SEED.vnaHanoi, SEED.thoidaiHeWei].map((name) => buildDocument(readSeed(name), context, config, options));
    const pool = new BufferPool();
    const { posted, shared } = packBuilt(items, { pool });
    const received = structuredClone({ posted, shared }, { transfer: [shared] });
    received.posted.forEach((got, k) => {
      const built = items[k]!;
      if ('refusal' in got || !built.record || !built.lead) throw new Error('a seed was not built whole');
      expect(got.record!.buffer).toBe(received.shared);
      expect(got.lead!.buffer).toBe(received.shared);
      expect(Buffer.from(got.record!).equals(Buffer.from(built.record))).toBe(true);
      expect(Buffer.from(got.lead!).equals(Buffer.from(built.lead))).toBe(true);
    });
    const [hanoi, heWei] = received.posted.map((got) => ('refusal' in got ? null : JSON.parse(new TextDecoder().decode(got.record!))));
    expect(hanoi.id).toBe(SEED.vnaHanoi);
    expect(heWei.paragraphs.map((p: { text: string }) => p.text).join('')).toContain('何炜');
    // The leads' line holds the lead paragraphs only, and no removed blocks.
    const heWeiLead = JSON.parse(new TextDecoder().decode((received.posted[1] as { lead: Uint8Array }).lead));
    expect(heWeiLead.paragraphs).toEqual(heWei.paragraphs.slice(0, heWeiLead.paragraphs.length));
    expect(heWeiLead.removed).toEqual([]);
    // Only the buffer the folds would have been encoded in stays with the worker.
    expect(pool.giveAway(16)).toHaveLength(1);
  });

  it('refuses a batch with folds and no folds file to write them to', async () => {
    const config = await testConfig();
    const context = createIngestContext(config);
    const built = buildDocument(readSeed(SEED.vnaHanoi), context, config, { mode: 'text', sign: true, record: false, foldsOnly: true });
    expect(() => packBuilt([built], { pool: new BufferPool() })).toThrow(/has folds but no folds file/);
  });
});

function readSeed(name: string) {
  const file = path.join(SEEDS, name);
  const { text, encoding } = decodeBytes(readFileSync(file));
  return { id: name, source: file, format: 'text' as const, encoding, body: text, bodyIsHtml: false, given: {} };
}
