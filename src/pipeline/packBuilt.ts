import type { BuiltItem } from './buildOutcome.js';

/**
 * A batch's builds made ready to post: every article's band keys in one buffer, each article's a
 * view on it, and the buffers to move (not copy) with the message: one transfer of keys per batch
 * where there was one per article. Folds stay strings, copied into the main thread's heap: a
 * buffer made on a worker and held to the end of fingerprinting was freed after the ingest threads
 * had gone, and the C allocator kept the memory (the 100k run peaked 300 MB higher, in clustering).
 */
export function packBuilt(items: BuiltItem[]): { posted: BuiltItem[]; transfer: ArrayBuffer[] } {
  let keys = 0;
  for (const item of items) if (!('refusal' in item)) keys += item.signatures?.values.length ?? 0;
  const values = new Uint32Array(keys);
  const transfer: ArrayBuffer[] = [values.buffer];
  let at = 0;
  const posted = items.map((item): BuiltItem => {
    if ('refusal' in item) return item;
    const { signatures, record, lead } = item;
    if (record) transfer.push(record.buffer as ArrayBuffer);
    if (lead) transfer.push(lead.buffer as ArrayBuffer);
    if (!signatures) return item;
    values.set(signatures.values, at);
    return { ...item, signatures: { positions: signatures.positions, values: values.subarray(at, (at += signatures.values.length)) } };
  });
  return { posted, transfer };
}
