import type { ArticleText, Diagnostic, RawDocument } from '../types.js';
import { parseRawDocument, type ReadPage } from './parseRawDocument.js';
import { stripBoilerplate, type BoilerplateRules, type StrippedText } from './stripBoilerplate.js';

/** A document's article text and what buildArticle reads the article's facts from. */
export interface ExtractedText {
  text: ArticleText;
  page: ReadPage;
  stripped: StrippedText;
}

/** The id of an article's paragraph at `position` (from 0): `<article id>#p<position + 1>`. */
export function paragraphId(articleId: string, position: number): string {
  return `${articleId}#p${position + 1}`;
}

export type ExtractResult = { ok: true; extracted: ExtractedText } | { ok: false; reason: string; diagnostics: Diagnostic[] };

/**
 * RawDocument → ArticleText: parse the page, strip its boilerplate, take the title. The part of
 * ingest that near-duplicate detection needs, so `dupes` runs it without reading dates, people
 * and places; buildArticle runs it first, so both see the same paragraphs.
 */
export function extractArticleText(raw: RawDocument, rules: BoilerplateRules): ExtractResult {
  const diagnostics: Diagnostic[] = [];
  if (raw.undecodable) {
    diagnostics.push({
      level: 'warning',
      code: 'undecodable-bytes',
      message: `${raw.undecodable} characters could not be decoded as ${raw.encoding} and show as U+FFFD`,
    });
  }
  const page = parseRawDocument(raw);
  if (page.frontMatterError) diagnostics.push({ level: 'warning', code: 'bad-front-matter', message: page.frontMatterError });
  const title = (page.given.title ?? page.title ?? '').trim();
  const stripped = stripBoilerplate(page.blocks, title || null, rules);
  if (stripped.paragraphs.length === 0) {
    return { ok: false, reason: 'no article text left after removing page boilerplate', diagnostics };
  }
  if (!title) {
    diagnostics.push({ level: 'warning', code: 'no-title', message: 'no title found; using the start of the text' });
  }
  return {
    ok: true,
    extracted: {
      text: {
        id: raw.id,
        source: raw.source,
        title: title || stripped.paragraphs[0]!.slice(0, 40),
        paragraphs: stripped.paragraphs.map((text, i) => ({ id: paragraphId(raw.id, i), text })),
        removed: [...page.captions.map((text) => ({ reason: 'caption' as const, text })), ...stripped.removed],
        diagnostics,
      },
      page,
      stripped,
    },
  };
}
