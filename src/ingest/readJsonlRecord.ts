import type { GivenFields, RawDocument } from '../types.js';

export type JsonlRecordResult =
  | { ok: true; document: RawDocument }
  | { ok: false; reason: string };

const FIELDS = ['url', 'title', 'published', 'outlet', 'side'] as const;

/**
 * One JSONL line: `id`, `url`, `title`, `text` or `html`, and optional `published`, `outlet`,
 * `side`. A bad line is refused with a reason; it never stops the rest of the file.
 */
export function readJsonlRecord(line: string, source: string, fallbackId: string): JsonlRecordResult {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return { ok: false, reason: 'not a JSON object' };
  }
  const fields = record as Record<string, unknown>;
  const text = typeof fields.text === 'string' ? fields.text : null;
  const html = typeof fields.html === 'string' ? fields.html : null;
  if (!text?.trim() && !html?.trim()) {
    return { ok: false, reason: 'has neither "text" nor "html"' };
  }
  const wrongType = FIELDS.filter((f) => fields[f] !== undefined && fields[f] !== null && typeof fields[f] !== 'string');
  if (wrongType.length) {
    return { ok: false, reason: `field ${wrongType.map((f) => `"${f}"`).join(', ')} must be a string` };
  }
  const given: GivenFields = {};
  for (const f of FIELDS) {
    const value = fields[f];
    if (typeof value === 'string' && value.trim()) given[f] = value.trim();
  }
  const id = typeof fields.id === 'string' || typeof fields.id === 'number' ? String(fields.id) : fallbackId;
  return {
    ok: true,
    document: {
      id,
      source,
      format: 'jsonl',
      encoding: 'utf-8',
      body: text?.trim() ? text : html!,
      bodyIsHtml: !text?.trim(),
      given,
    },
  };
}
