import type { GivenFields, ParsedPage, RawDocument } from '../types.js';
import { htmlToBlocks } from './htmlToBlocks.js';
import { parseHtmlPage } from './parseHtmlPage.js';
import { parseMarkdown } from './parseMarkdown.js';
import { parseTextDump } from './parseTextDump.js';
import { loadHtml } from './loadHtml.js';
import { splitLines } from '../text/splitLines.js';

export type ReadPage = ParsedPage & { given: GivenFields; captions: string[]; frontMatterError?: string };

/** Dispatches on the input's format; every reader returns the same page shape. */
export function parseRawDocument(raw: RawDocument): ReadPage {
  switch (raw.format) {
    case 'markdown': {
      const page = parseMarkdown(raw.body);
      return { ...page, given: { ...page.given, ...definedOnly(raw.given) } };
    }
    case 'html':
      return { ...parseHtmlPage(raw.body), given: raw.given };
    case 'text':
      return { ...parseTextDump(raw.body), given: raw.given, captions: [] };
    case 'jsonl': {
      if (raw.bodyIsHtml) {
        // A record's `html` may be a whole page or just the article's markup.
        if (/<html|<body|<head/i.test(raw.body)) return { ...parseHtmlPage(raw.body), given: raw.given };
        const $ = loadHtml(raw.body, null, false);
        const { blocks, captions } = htmlToBlocks($, $.root());
        return { title: null, blocks, captions, given: raw.given, meta: {} };
      }
      const lines = splitLines(raw.body);
      return { title: null, blocks: lines, captions: [], given: raw.given, meta: {} };
    }
  }
}

function definedOnly(given: GivenFields): GivenFields {
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as GivenFields;
}
