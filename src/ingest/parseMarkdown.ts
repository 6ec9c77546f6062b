import { createRequire } from 'node:module';
import type { GivenFields, ParsedPage } from '../types.js';
import { htmlToBlocks, looksLikeHtml } from './htmlToBlocks.js';
import { loadHtml } from './loadHtml.js';

const require = createRequire(import.meta.url);
let yaml: typeof import('yaml') | null = null;

/** yaml's `parse`, with yaml loaded at the first front matter: a JSONL corpus has none, and every ingest worker loaded it. */
function parseYaml(text: string): unknown {
  yaml ??= require('yaml') as typeof import('yaml');
  return yaml.parse(text);
}

const FRONT_MATTER = /^\s*---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function asString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

/**
 * A Markdown file with YAML front matter (seed 000 starts with a blank line before `---`).
 * The front matter's fields are stated facts; the body may be HTML or Markdown text.
 */
export function parseMarkdown(
  text: string,
): ParsedPage & { given: GivenFields; captions: string[]; frontMatterError?: string } {
  const match = FRONT_MATTER.exec(text);
  let front: Record<string, unknown> = {};
  let body = text;
  let frontMatterError: string | undefined;
  if (match) {
    try {
      const parsed = parseYaml(match[1] ?? '') as unknown;
      if (parsed && typeof parsed === 'object') front = parsed as Record<string, unknown>;
    } catch (error) {
      // The body is still the article; losing the front matter's fields is a warning, not a reason to drop it.
      frontMatterError = `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`;
    }
    body = text.slice(match[0].length);
  }
  const categories = Array.isArray(front.categories) ? front.categories.map(String) : [];
  const imageUrls = ['headimg', 'thumbnail', 'image', 'cover']
    .map((k) => asString(front[k]))
    .filter((v): v is string => !!v);
  const given: GivenFields = {
    title: asString(front.title),
    url: asString(front.url) ?? asString(front.link) ?? asString(front.source_url),
    published: asString(front.date) ?? asString(front.published),
    outlet: asString(front.outlet) ?? asString(front.source),
    side: asString(front.side),
    author: asString(front.author),
    categories,
    imageUrls,
  };
  let blocks: string[];
  let captions: string[] = [];
  if (looksLikeHtml(body)) {
    const $ = loadHtml(body, null, false);
    ({ blocks, captions } = htmlToBlocks($, $.root()));
  } else {
    blocks = body
      .split(/\r?\n/)
      .map((line) => line.replace(/^#{1,6}\s+|^>\s*|^[-*]\s+/u, '').trim())
      .filter((line) => line && !/^!\[[^\]]*\]\([^)]*\)$/u.test(line));
  }
  return {
    title: given.title ?? null,
    blocks,
    captions,
    given,
    ...(frontMatterError ? { frontMatterError } : {}),
    meta: { published: given.published, url: given.url },
  };
}
