import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/text/decodeUtf8.js';
import { SEEDS } from '../helpers.js';

const decoder = new TextDecoder();

describe('decodeUtf8', () => {
  it('gives what TextDecoder gives for every seed, whole and from inside a larger buffer', () => {
    const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
    expect(seeds.length).toBe(5);
    for (const name of seeds) {
      const bytes = readFileSync(path.join(SEEDS, name));
      const text = decodeUtf8(bytes);
      expect(text, name).toBe(decoder.decode(bytes));
      // A record is a view on the line buffer it was read into.
      const view = bytes.subarray(7, bytes.length - 5);
      expect(decodeUtf8(view), name).toBe(decoder.decode(view));
    }
    expect(decodeUtf8(readFileSync(path.join(SEEDS, seeds[2]!)))).toContain('中越双边合作指导委员会');
  });

  it('keeps characters outside the Basic Multilingual Plane and Vietnamese diacritics in a long record', () => {
    const text = `{"text":"${'越南 Việt Nam 𠮷野家 😀 中越关系。'.repeat(40)}"}`;
    expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
  });

  it('replaces bytes that are not UTF-8 as TextDecoder does, in a long text and a short one', () => {
    const good = new TextEncoder().encode('越通社河内电'.repeat(30));
    const bad = new Uint8Array([...good.subarray(0, 100), 0xe4, 0xb8, 0x62, 0xff, ...good.subarray(100), 0xf0, 0x9f, 0x98]);
    expect(decodeUtf8(bad)).toBe(decoder.decode(bad));
    expect(decodeUtf8(bad)).toContain('\ufffd');
    expect(decodeUtf8(new Uint8Array([0x61, 0xff, 0x62]))).toBe('a\ufffdb');
  });
});
