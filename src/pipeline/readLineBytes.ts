import { open } from 'node:fs/promises';

/** Bytes read at a time: a few hundred records of a news corpus. */
const READ_BYTES = 1 << 20;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The lines of a file as bytes, a read's worth at a time, split where `readline` splits text
 * (`\n`, `\r\n` or a lone `\r`), with a UTF-8 byte-order mark at the start dropped. A JSONL corpus
 * is split here and decoded where each record is parsed: decoding 600 MB of Chinese text to
 * strings on the main thread, then copying the strings to the worker threads, took more of the
 * main thread's time than anything else in ingest. Each line is a view on a buffer of its own
 * read, so it stays valid while the caller holds it.
 */
export async function* readLineBytes(file: string, readBytes = READ_BYTES): AsyncGenerator<Buffer[]> {
  const handle = await open(file, 'r');
  try {
    let rest = Buffer.alloc(0);
    let first = true;
    for (;;) {
      // Never from Node's shared pool: the lines handed out are views that must stay as read.
      const data = Buffer.allocUnsafeSlow(rest.length + readBytes);
      rest.copy(data);
      const { bytesRead } = await handle.read(data, rest.length, readBytes, null);
      const end = rest.length + bytesRead;
      const atEnd = bytesRead === 0;
      let start = 0;
      if (first) {
        // Nothing is split before the file's first three bytes are known: they may be the mark.
        if (end < 3 && !atEnd) {
          rest = data.subarray(0, end);
          continue;
        }
        first = false;
        if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) start = 3;
      }
      const { lines, next } = splitLines(data, start, end, atEnd);
      rest = data.subarray(next, end);
      if (lines.length) yield lines;
      if (atEnd) return;
    }
  } finally {
    await handle.close();
  }
}

/**
 * The whole lines in data[start, end), and where the unfinished one begins. A `\r` that ends the
 * data may be the first half of `\r\n`: unless the file has ended, it waits for the next read.
 */
function splitLines(data: Buffer, start: number, end: number, atEnd: boolean): { lines: Buffer[]; next: number } {
  const lines: Buffer[] = [];
  const view = data.subarray(0, end);
  // Lone carriage returns are rare: found once and looked for again only once passed.
  let cr = view.indexOf(CR, start);
  for (;;) {
    if (cr !== -1 && cr < start) cr = view.indexOf(CR, start);
    const lf = view.indexOf(LF, start);
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      if (cr + 1 === end && !atEnd) break;
      lines.push(data.subarray(start, cr));
      start = cr + 1 < end && data[cr + 1] === LF ? cr + 2 : cr + 1;
      continue;
    }
    if (lf === -1) break;
    lines.push(data.subarray(start, lf));
    start = lf + 1;
  }
  if (atEnd && start < end) {
    lines.push(data.subarray(start, end));
    start = end;
  }
  return { lines, next: start };
}
