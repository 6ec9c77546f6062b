import type { BuiltItem, PostedItem } from './buildOutcome.js';

/**
 * A batch's builds made ready to post: every article's band keys in one buffer and its folds'
 * text, as UTF-16 bytes, in another, each article's a view on them, and the buffers to move (not
 * copy) with the message: one transfer of each per batch where there was one per article. The main
 * thread writes the fold bytes out as they come (SpilledFolds) and never holds them as strings.
 */
export function packBuilt(items: BuiltItem[]): { posted: PostedItem[]; transfer: ArrayBuffer[] } {
  let keys = 0;
  let foldChars = 0;
  for (const item of items) {
    if ('refusal' in item) continue;
    keys += item.signatures?.values.length ?? 0;
    foldChars += item.folds?.text.length ?? 0;
  }
  const values = new Uint32Array(keys);
  const foldBytes = new Uint8Array(foldChars * 2);
  const foldBuffer = Buffer.from(foldBytes.buffer);
  const transfer: ArrayBuffer[] = [values.buffer, foldBytes.buffer];
  let at = 0;
  let byte = 0;
  const posted = items.map((item): PostedItem => {
    if ('refusal' in item) return item;
    const { signatures, record, lead, folds, ...rest } = item;
    if (record) transfer.push(record.buffer as ArrayBuffer);
    if (lead) transfer.push(lead.buffer as ArrayBuffer);
    const packed: PostedItem = { ...rest, ...(record ? { record } : {}), ...(lead ? { lead } : {}) };
    if (signatures) {
      values.set(signatures.values, at);
      packed.signatures = { positions: signatures.positions, values: values.subarray(at, (at += signatures.values.length)) };
    }
    if (folds) {
      const start = byte;
      byte += foldBuffer.write(folds.text, start, 'utf16le');
      packed.folds = { bytes: foldBytes.subarray(start, byte), lengths: folds.lengths };
    }
    return packed;
  });
  return { posted, transfer };
}
