import type { RawDocument } from '../types.js';
import { hashText } from '../workspace/hashKeys.js';

/** Everything buildArticle reads of a document; equal hashes mean equal articles under one ingest config. */
export function hashDocument(document: RawDocument): string {
  const { id, source, format, encoding, undecodable, bodyIsHtml, given, renamedFrom, body } = document;
  return hashText(JSON.stringify({ id, source, format, encoding, undecodable, bodyIsHtml, given, renamedFrom }), body);
}
