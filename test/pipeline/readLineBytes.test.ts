import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { readLineBytes } from '../../src/pipeline/readLineBytes.js';

/** The lines readline gives (what ingest read JSONL with before), with the BOM dropped as ingest did. */
async function readlineLines(file: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    lines.push(lines.length === 0 ? line.replace(/^\ufeff/u, '') : line);
  }
  return lines;
}

async function ourLines(file: string, readBytes?: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const chunk of readLineBytes(file, readBytes)) lines.push(...chunk.lines.map((b) => b.toString('utf8')));
  return lines;
}

async function fileOf(content: string | Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'parallax-lines-')), 'corpus.jsonl');
  await writeFile(file, content);
  return file;
}

describe('readLineBytes', () => {
  const mixed = '\ufeff{"id":"越通社-1","text":"中越两国"}\r\n{"id":"2"}\n\n  \r{"id":"3","text":"河内\\n胡志明市"}\r\r\n{"id":"last"}';

  it('splits where readline does (\\n, \\r\\n, a lone \\r), drops the byte-order mark, keeps a last line without a break', async () => {
    const file = await fileOf(mixed);
    const expected = await readlineLines(file);
    expect(expected).toEqual(['{"id":"越通社-1","text":"中越两国"}', '{"id":"2"}', '', '  ', '{"id":"3","text":"河内\\n胡志明市"}', '', '{"id":"last"}']);
    expect(await ourLines(file)).toEqual(expected);
  });

  it('gives the same lines whatever the read size: a \\r\\n or a Chinese character split between two reads', async () => {
    const file = await fileOf(mixed);
    const expected = await readlineLines(file);
    for (const readBytes of [1, 2, 3, 5, 7, 64]) expect(await ourLines(file, readBytes), `read ${readBytes} bytes at a time`).toEqual(expected);
  });

  it('reads an empty file as no lines and a file ending in a break as no empty last line', async () => {
    expect(await ourLines(await fileOf(''))).toEqual([]);
    expect(await ourLines(await fileOf('{"id":"a"}\n{"id":"b"}\r\n'), 4)).toEqual(['{"id":"a"}', '{"id":"b"}']);
    // A byte-order mark only at the start of the file is dropped.
    expect(await ourLines(await fileOf('a\n\ufeffb'), 2)).toEqual(['a', '\ufeffb']);
  });

  it('says where each line starts in the file, after a byte-order mark, a \\r\\n and Chinese text, whatever the read size', async () => {
    const file = await fileOf(mixed);
    const bytes = await readFile(file);
    for (const readBytes of [1, 4, 64]) {
      const found: [string, string][] = [];
      for await (const { lines, starts } of readLineBytes(file, readBytes)) {
        lines.forEach((line, k) => found.push([line.toString('utf8'), bytes.subarray(starts[k]!, starts[k]! + line.length).toString('utf8')]));
      }
      expect(found.map(([, atStart]) => atStart), `read ${readBytes} bytes at a time`).toEqual(found.map(([line]) => line));
      expect(found[0]![0]).toBe('{"id":"越通社-1","text":"中越两国"}');
    }
  });
});
