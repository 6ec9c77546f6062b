import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { SIGNING_KEYS } from '../../src/pipeline/stageKeys.js';
import { workspaceKeys } from '../../src/pipeline/workspaceKeys.js';
import { testConfig } from '../helpers.js';

describe('workspaceKeys.corpus', () => {
  it('is the SHA-1 of every article id with its document hash, in order, as stored workspaces were keyed', () => {
    const articles = [{ id: '001_04b9df7d89f70d67.txt' }, { id: 'mfa-0911' }];
    const docHashes = new Map([
      ['001_04b9df7d89f70d67.txt', 'a1'],
      ['mfa-0911', 'b2'],
    ]);
    // sha1("001_04b9df7d89f70d67.txt\x01a1\x00mfa-0911\x01b2\x00"), computed outside parallax.
    expect(workspaceKeys.corpus(articles, docHashes)).toBe('09c47bd45b57c8fa642eb175a9e7eca7342db5ee');
    expect(workspaceKeys.corpus([...articles].reverse(), docHashes)).not.toBe(workspaceKeys.corpus(articles, docHashes));
  });

  it('takes a corpus of 300,000 articles (spread into arguments, it overflowed the call stack)', () => {
    const articles = Array.from({ length: 300_000 }, (_, i) => ({ id: `g${String(i).padStart(7, '0')}` }));
    const docHashes = new Map(articles.map((a, i) => [a.id, String(i)]));
    expect(workspaceKeys.corpus(articles, docHashes)).toMatch(/^[0-9a-f]{40}$/u);
  });
});

describe('workspaceKeys.signatures', () => {
  it('is made from every fingerprint key but minSharedBands, which only says which pairs are searched', async () => {
    // A fingerprint key added to the schema must be sorted here: signing, or searching only.
    const searchOnly = ['minSharedBands'];
    const keys = Object.keys(configSchema.shape.fingerprint.shape).filter((k) => !searchOnly.includes(k));
    expect([...SIGNING_KEYS].sort()).toEqual(keys.map((k) => `fingerprint.${k}`).sort());
    const config = await testConfig();
    const fewer = { ...config, fingerprint: { ...config.fingerprint, minSharedBands: { duplicate: 1, reuse: 1 } } };
    expect(workspaceKeys.signatures(fewer)).toBe(workspaceKeys.signatures(config));
    expect(workspaceKeys.fingerprintStage(fewer)).not.toBe(workspaceKeys.fingerprintStage(config));
    const seeded = { ...config, fingerprint: { ...config.fingerprint, seed: 2 } };
    expect(workspaceKeys.signatures(seeded)).not.toBe(workspaceKeys.signatures(config));
  });
});
