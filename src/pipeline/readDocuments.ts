import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';
import pLimit from 'p-limit';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { decodeBytes } from '../ingest/decodeBytes.js';
import { readJsonlRecord } from '../ingest/readJsonlRecord.js';
import type { InputFormat, ManifestEntry, RawDocument } from '../types.js';
import type { InputFile } from './collectInputs.js';

export interface ReadResult {
  documents: RawDocument[];
  /** Entries for inputs that produced no document (skipped or failed files and JSONL lines). */
  refused: ManifestEntry[];
}

function formatOf(file: string, config: ResolvedConfig): InputFormat | null {
  const name = file.toLowerCase();
  for (const [format, endings] of Object.entries(config.ingest.extensions) as [InputFormat, string[]][]) {
    if (endings.some((e) => name.endsWith(e.toLowerCase()))) return format;
  }
  return null;
}

/**
 * The extension says what a file claims to be; the first bytes say what it is. Scraped corpora
 * save Markdown with front matter and whole HTML pages as `.txt` (seed 000 is one).
 */
export function sniffFormat(text: string, claimed: InputFormat): InputFormat {
  if (claimed === 'jsonl') return claimed;
  const head = text.slice(0, 512).trimStart();
  if (/^---\r?\n[\s\S]*?\r?\n---/u.test(text.trimStart().slice(0, 20_000)) && claimed !== 'html') return 'markdown';
  if (/^(<!doctype html|<html[\s>])/iu.test(head)) return 'html';
  return claimed;
}

function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return !utf16 && head.includes(0);
}

type FileOutcome = { documents: RawDocument[]; refused: ManifestEntry[] };

async function readOne(file: InputFile, config: ResolvedConfig): Promise<FileOutcome> {
  const format = formatOf(file.path, config);
  const refuse = (status: 'skipped' | 'failed', reason: string): FileOutcome => ({
    documents: [],
    refused: [{ source: file.path, id: null, format, status, reason }],
  });
  if (!format) return refuse('skipped', `unsupported file type "${path.extname(file.path) || '(none)'}"`);
  if (format === 'jsonl') return readJsonlFile(file, config);
  let bytes: Uint8Array;
  try {
    const info = await stat(file.path);
    if (info.size > config.ingest.maxFileBytes) {
      return refuse('skipped', `file is ${info.size} bytes, over ingest.maxFileBytes (${config.ingest.maxFileBytes})`);
    }
    bytes = await readFile(file.path);
  } catch (error) {
    return refuse('failed', `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (bytes.length === 0) return refuse('skipped', 'empty file');
  if (looksBinary(bytes)) return refuse('skipped', 'binary file (contains NUL bytes)');
  const decoded = decodeBytes(bytes);
  // A file that is mostly replacement characters is in an encoding we do not read; say so, do not guess.
  if (decoded.replaced > Math.max(16, decoded.text.length * 0.05)) {
    return refuse('skipped', `undecodable: ${decoded.replaced} characters could not be read as ${decoded.encoding}`);
  }
  const actual = sniffFormat(decoded.text, format);
  return {
    documents: [
      {
        id: file.relative,
        source: file.path,
        format: actual,
        encoding: decoded.encoding,
        ...(decoded.replaced ? { undecodable: decoded.replaced } : {}),
        body: decoded.text,
        bodyIsHtml: actual === 'html',
        given: {},
      },
    ],
    refused: [],
  };
}

/**
 * A JSONL file is a corpus, not a page: it is read line by line (never whole into memory), and the
 * size limit applies to each record. JSON text is UTF-8 (RFC 8259); a byte-order mark is dropped.
 */
async function readJsonlFile(file: InputFile, config: ResolvedConfig): Promise<FileOutcome> {
  const outcome: FileOutcome = { documents: [], refused: [] };
  const lines = createInterface({ input: createReadStream(file.path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let index = 0;
  try {
    for await (const raw of lines) {
      index++;
      const line = index === 1 ? raw.replace(/^\ufeff/u, '') : raw;
      if (!line.trim()) continue;
      const source = `${file.path}:${index}`;
      const skip = (reason: string) =>
        outcome.refused.push({ source, id: null, format: 'jsonl', status: 'skipped', reason: `line ${index}: ${reason}` });
      if (Buffer.byteLength(line) > config.ingest.maxFileBytes) {
        skip(`record is over ingest.maxFileBytes (${config.ingest.maxFileBytes} bytes)`);
        continue;
      }
      const result = readJsonlRecord(line, source, `${file.relative}:${index}`);
      if (result.ok) outcome.documents.push(result.document);
      else skip(result.reason);
    }
  } catch (error) {
    outcome.refused.push({
      source: file.path,
      id: null,
      format: 'jsonl',
      status: 'failed',
      reason: `cannot read file after line ${index} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    });
  }
  // A file that yields no line at all must still be accounted for.
  if (outcome.documents.length === 0 && outcome.refused.length === 0) {
    const reason = index === 0 ? 'empty file' : 'no records: only blank lines';
    outcome.refused.push({ source: file.path, id: null, format: 'jsonl', status: 'skipped', reason });
  }
  return outcome;
}

/** Reads and decodes every input file, a few at a time; a bad file becomes a manifest entry, never a crash. */
export async function readDocuments(files: InputFile[], config: ResolvedConfig): Promise<ReadResult> {
  const limit = pLimit(config.ingest.concurrency);
  const outcomes = await Promise.all(files.map((f) => limit(() => readOne(f, config))));
  return {
    documents: outcomes.flatMap((o) => o.documents),
    refused: outcomes.flatMap((o) => o.refused),
  };
}
