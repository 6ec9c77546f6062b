import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { ResolvedConfig } from '../config/resolveConfig.js';
import { decodeBytes } from '../ingest/decodeBytes.js';
import { decodeUtf8 } from '../text/decodeUtf8.js';
import type { InputFormat, ManifestEntry, RawDocument } from '../types.js';
import type { InputFile } from './collectInputs.js';
import { readLineBytes } from './readLineBytes.js';

/** Some of the corpus, read: documents in input order, and the inputs that gave none. */
export interface ReadChunk {
  documents: RawDocument[];
  /** Each document's size in bytes as read (for progress). */
  sizes: number[];
  /** Entries for inputs that produced no document (skipped or failed files and JSONL lines). */
  refused: ManifestEntry[];
  /** Bytes of input the refused entries stand for (for progress). */
  refusedBytes: number;
  /**
   * A JSONL file's records, in order, not yet parsed; read after `documents` and before `refused`,
   * which then holds only a refusal of the whole file. Their bytes are valid only until the next
   * chunk is asked for (readLineBytes): the caller copies or parses them first.
   */
  records?: RecordLine[];
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

function emptyChunk(): ReadChunk {
  return { documents: [], sizes: [], refused: [], refusedBytes: 0 };
}

/** One file that is a page (not a JSONL corpus): one document, or the reason there is none. */
async function readPage(file: InputFile, format: InputFormat | null, config: ResolvedConfig): Promise<ReadChunk> {
  const refuse = (status: 'skipped' | 'failed', reason: string): ReadChunk => ({
    ...emptyChunk(),
    refused: [{ source: file.path, id: null, format, status, reason }],
    refusedBytes: file.size ?? 0,
  });
  if (!format) return refuse('skipped', `unsupported file type "${path.extname(file.path) || '(none)'}"`);
  let bytes: Uint8Array;
  try {
    const size = file.size ?? (await stat(file.path)).size;
    if (size > config.ingest.maxFileBytes) {
      return refuse('skipped', `file is ${size} bytes, over ingest.maxFileBytes (${config.ingest.maxFileBytes})`);
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
    ...emptyChunk(),
    sizes: [bytes.length],
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
  };
}

/**
 * A JSONL record as read, not yet decoded or parsed: its line's bytes, where it came from (the
 * file and the line's first byte in it, to read it again), and the id it takes if it has none.
 * Or a line refused as read.
 */
export type RecordLine =
  | { bytes: Uint8Array; source: string; fallbackId: string; line: number; size: number; path: string; offset: number }
  | { refused: ManifestEntry; size: number };

/** String.prototype.trim's ASCII whitespace: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

/**
 * Whether a line is blank as `trim` sees it, from its bytes: a record starts with printable ASCII
 * (`{`), so only a line of spaces and non-ASCII characters (U+3000, a stray BOM) is decoded to tell.
 */
function isBlankLine(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (isAsciiSpace(byte)) continue;
    if (byte < 0x80) return false;
    return !decodeUtf8(bytes).trim();
  }
  return true;
}

/**
 * A JSONL file is a corpus, not a page: it is read a chunk of lines at a time (a chunk per read,
 * never the whole file into memory), and the size limit applies to each record. JSON text is
 * UTF-8 (RFC 8259); a byte-order mark is dropped. Records are handed on as bytes (RecordLine),
 * decoded and parsed where they are built or, when they may be read back from the workspace, by
 * the caller (parseRecord).
 */
async function* readJsonlFile(file: InputFile, config: ResolvedConfig): AsyncGenerator<ReadChunk> {
  const chunk = emptyChunk();
  let records = 0;
  let index = 0;
  const recordLines: RecordLine[] = [];
  try {
    for await (const { lines, starts } of readLineBytes(file.path)) {
      for (const [k, bytes] of lines.entries()) {
        index++;
        if (isBlankLine(bytes)) continue;
        const size = bytes.length + 1;
        records++;
        const source = `${file.path}:${index}`;
        if (bytes.length > config.ingest.maxFileBytes) {
          const reason = `line ${index}: record is over ingest.maxFileBytes (${config.ingest.maxFileBytes} bytes)`;
          recordLines.push({ refused: { source, id: null, format: 'jsonl', status: 'skipped', reason }, size });
        } else recordLines.push({ bytes, source, fallbackId: `${file.relative}:${index}`, line: index, size, path: file.path, offset: starts[k]! });
      }
      // The lines' buffer is read into again once the caller asks for more.
      if (recordLines.length) yield { ...emptyChunk(), records: recordLines.splice(0) };
    }
  } catch (error) {
    chunk.refused.push({
      source: file.path,
      id: null,
      format: 'jsonl',
      status: 'failed',
      reason: `cannot read file after line ${index} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    });
  }
  // A file that yields no record at all must still be accounted for.
  if (records === 0 && chunk.refused.length === 0) {
    const reason = index === 0 ? 'empty file' : 'no records: only blank lines';
    chunk.refused.push({ source: file.path, id: null, format: 'jsonl', status: 'skipped', reason });
  }
  yield { ...chunk, records: recordLines.splice(0) };
}

/**
 * Reads and decodes the input files in order, a chunk at a time, so that building can start on
 * the first documents while the rest are read, and no more of the corpus is held than is being
 * worked on. Pages are read a few at a time; a bad file becomes a manifest entry, never a crash.
 * JSONL records are handed on as bytes (ReadChunk.records).
 */
export async function* streamDocuments(files: InputFile[], config: ResolvedConfig): AsyncGenerator<ReadChunk> {
  const limit = pLimit(config.ingest.concurrency);
  const window = config.ingest.concurrency * 8;
  let pages: Promise<ReadChunk>[] = [];
  const flushPages = async () => {
    const read = await Promise.all(pages);
    pages = [];
    return read.reduce((all, one) => {
      all.documents.push(...one.documents);
      all.sizes.push(...one.sizes);
      all.refused.push(...one.refused);
      all.refusedBytes += one.refusedBytes;
      return all;
    }, emptyChunk());
  };
  for (const file of files) {
    const format = formatOf(file.path, config);
    if (format !== 'jsonl') {
      pages.push(limit(() => readPage(file, format, config)));
      if (pages.length >= window) yield await flushPages();
      continue;
    }
    if (pages.length) yield await flushPages();
    yield* readJsonlFile(file, config);
  }
  if (pages.length) yield await flushPages();
}
