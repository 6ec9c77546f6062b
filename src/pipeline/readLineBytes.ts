import { open } from 'node:fs/promises';

/** Bytes read at a time: a few hundred records of a news corpus. */
const READ_BYTES = 1 << 20;
const LF = 0x0a;
const CR = 0x0d;

/** A read's lines: each a view on the reader's buffer, and where in the file it starts. */
export interface LineBatch {
  lines: Buffer[];
  /** Byte offset in the file of each line's first byte: where to read it again. */
  starts: number[];
}

/**
 * The lines of a file as bytes, a read's worth at a time, split where `readline` splits text
 * (`\n`, `\r\n` or a lone `\r`), with a UTF-8 byte-order mark at the start dropped. A JSONL corpus
 * is split here and decoded where each record is parsed: decoding 600 MB of Chinese text to
 * strings on the main thread, then copying the strings to the worker threads, took more of the
 * main thread's time than anything else in ingest. Every read goes into one buffer (larger only
 * for a line longer than it): a new buffer per read was 600 MB of new memory at 100k articles, and
 * V8 started a collection for every 64 MB of it. So a batch's lines are valid only until the
 * next is asked for: the caller copies or parses them first.
 */
export async function* readLineBytes(file: string, readBytes = READ_BYTES): AsyncGenerator<LineBatch> {
  const handle = await open(file, 'r');
  try {
    // Never from Node's shared pool: the lines handed out are views that must stay as read.
    let data = Buffer.allocUnsafeSlow(readBytes);
    // data[0, kept) is the unfinished line of the last read, which starts at `keptAt` in the file.
    let kept = 0;
    let keptAt = 0;
    let first = true;
    for (;;) {
      if (kept + readBytes > data.length) {
        const larger = Buffer.allocUnsafeSlow(kept + readBytes);
        data.copy(larger, 0, 0, kept);
        data = larger;
      }
      const { bytesRead } = await handle.read(data, kept, readBytes, null);
      const end = kept + bytesRead;
      const atEnd = bytesRead === 0;
      let start = 0;
      if (first) {
        // Nothing is split before the file's first three bytes are known: they may be the mark.
        if (end < 3 && !atEnd) {
          kept = end;
          continue;
        }
        first = false;
        if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) start = 3;
      }
      const { lines, next } = splitLines(data, start, end, atEnd);
      if (lines.length) yield { lines, starts: lines.map((line) => keptAt + line.byteOffset) };
      if (atEnd) return;
      // The caller is done with the lines: the unfinished one moves to the front.
      data.copyWithin(0, next, end);
      keptAt += next;
      kept = end - next;
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
