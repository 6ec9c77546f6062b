import { encodeFoldsAt, type FoldedCodes } from '../fingerprint/foldedCodes.js';
import type { ArticleText } from '../types.js';
import type { BuiltDocument, BuiltItem } from './buildOutcome.js';

/** A batch's builds as they reach the main thread: each article's folds as code units (FoldedCodes). */
export type PostedItem = BuiltItem<FoldedCodes>;

/**
 * A batch's builds made ready to post: every article's folds in one buffer of UTF-16 code units and
 * every article's band keys in one more, each article's a view on them, and the buffers to move
 * (not copy) with the message. A buffer per article and per kind was 100k allocations and 200k
 * transfers at 100k articles; the collector on the main thread then tracked each.
 */
export function packBuilt(items: BuiltDocument<ArticleText>[]): { posted: BuiltDocument<ArticleText, FoldedCodes>[]; transfer: ArrayBuffer[] };
export function packBuilt(items: BuiltItem[]): { posted: PostedItem[]; transfer: ArrayBuffer[] };
export function packBuilt(items: BuiltItem[]): { posted: PostedItem[]; transfer: ArrayBuffer[] } {
  let chars = 0;
  let keys = 0;
  for (const item of items) {
    if ('refusal' in item) continue;
    chars += item.folds?.text.length ?? 0;
    keys += item.signatures?.values.length ?? 0;
  }
  const codes = new Uint16Array(chars);
  const values = new Uint32Array(keys);
  const transfer: ArrayBuffer[] = [codes.buffer, values.buffer];
  let atChar = 0;
  let atKey = 0;
  const posted = items.map((item): PostedItem => {
    if ('refusal' in item) return item;
    const { folds, signatures, ...rest } = item;
    const out: PostedItem = rest;
    if (signatures) {
      values.set(signatures.values, atKey);
      out.signatures = { positions: signatures.positions, values: values.subarray(atKey, (atKey += signatures.values.length)) };
    }
    if (folds) {
      out.folds = encodeFoldsAt(folds, codes, atChar);
      atChar += folds.text.length;
    }
    if (rest.record) transfer.push(rest.record.buffer as ArrayBuffer);
    if (rest.lead) transfer.push(rest.lead.buffer as ArrayBuffer);
    return out;
  });
  return { posted, transfer };
}
