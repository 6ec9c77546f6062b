import { ParallaxError } from '../errors.js';

/** Gold labels: article id → event label. */
export type GoldLabels = Map<string, string>;

/**
 * Reads gold labels as either a JSON object `{"<articleId>": "<event label>"}` or JSONL lines
 * `{"id", "event"}`. A malformed file or line is an error naming the file and line.
 */
export function parseGold(text: string, file: string): GoldLabels {
  const trimmed = text.trim();
  const gold: GoldLabels = new Map();
  if (trimmed.startsWith('{') && !trimmed.includes('\n{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new ParallaxError(`gold ${file}: not valid JSON (${(error as Error).message})`);
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new ParallaxError(`gold ${file}: expected an object of article id → event label`);
    }
    for (const [id, label] of Object.entries(data)) {
      if (typeof label !== 'string' || !label) throw new ParallaxError(`gold ${file}: label of "${id}" must be a non-empty string`);
      gold.set(id, label);
    }
    return gold;
  }
  trimmed.split(/\r?\n/u).forEach((line, index) => {
    if (!line.trim()) return;
    let record: { id?: unknown; event?: unknown };
    try {
      record = JSON.parse(line) as { id?: unknown; event?: unknown };
    } catch (error) {
      throw new ParallaxError(`gold ${file}:${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    if (typeof record.id !== 'string' || typeof record.event !== 'string' || !record.event) {
      throw new ParallaxError(`gold ${file}:${index + 1}: expected {"id": string, "event": string}`);
    }
    gold.set(record.id, record.event);
  });
  return gold;
}
