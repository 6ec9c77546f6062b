import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStagedJsonl, writeJsonlAtomic } from '../../src/pipeline/writeAtomic.js';
import { seed } from '../helpers.js';

/**
 * Rows from seed 002's paragraphs (three UTF-8 bytes a character), repeated past several
 * megabyte-sized writes, with one row larger than a write and an emoji (a surrogate pair) at a
 * row's end, so lines land across and exactly at the writes' edges.
 */
async function rows(): Promise<{ id: string; text: string }[]> {
  const article = await seed('thoidaiSteering');
  const texts = article.paragraphs.map((p) => p.text);
  const made: { id: string; text: string }[] = [];
  for (let k = 0; made.length < 12_000; k++) made.push({ id: `${article.id}#${k}`, text: texts[k % texts.length]! + (k % 7 === 0 ? '🇻🇳' : '') });
  made.splice(5_000, 0, { id: 'larger-than-a-write', text: '越'.repeat(1 << 20) });
  return made;
}

const jsonl = (made: unknown[]) => made.map((row) => JSON.stringify(row) + '\n').join('');

describe('writeJsonlAtomic', () => {
  it('writes every row as one JSON line, across megabyte writes and a row larger than one (seed 002, CJK and emoji)', async () => {
    const made = await rows();
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'parallax-jsonl-')), 'data', 'links.jsonl');
    await writeJsonlAtomic(file, made);
    const written = readFileSync(file, 'utf8');
    expect(Buffer.byteLength(written)).toBeGreaterThan(5 << 20);
    expect(written).toBe(jsonl(made));
    expect(existsSync(`${file}.tmp-${process.pid}`)).toBe(false);
  });
});

describe('openStagedJsonl', () => {
  it('writes the lines it is given as they come, each where lineIndex says, across megabyte writes and a line larger than one (seed 002)', async () => {
    const made = await rows();
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'parallax-staged-')), 'data', 'articles.jsonl');
    const staged = openStagedJsonl(file);
    const encoded = made.map((row) => new TextEncoder().encode(JSON.stringify(row)));
    // The caller's buffers are reused as soon as add returns: the lines must have been copied.
    for (const line of encoded) {
      staged.add(line);
      line.fill(0x20);
    }
    const index = staged.lineIndex();
    const bytes = readFileSync(index.file);
    expect(index.size).toBe(bytes.byteLength);
    for (const k of [0, 1, 4_999, 5_000, 5_001, made.length - 1]) {
      const end = k + 1 < index.starts.length ? index.starts[k + 1]! : index.size;
      expect(JSON.parse(bytes.subarray(index.starts[k]!, end).toString('utf8'))).toEqual(made[k]);
    }
    await staged.commit();
    expect(readFileSync(file, 'utf8')).toBe(jsonl(made));
    expect(() => staged.add(new Uint8Array(1))).toThrow(/added to .*articles\.jsonl after it was committed or abandoned/);
  });
});
