import type { Article, ArticleRelation, EventDigest } from '../types.js';
import { html, type Html } from './escapeHtml.js';

/** Repost groups, from the relations each event's comparison already worked out (duplicates always share an event). */
export function renderSyndication(articles: Map<string, Article>, digests: Iterable<EventDigest>): Html {
  const groups = new Map<string, ArticleRelation[]>();
  for (const digest of digests) {
    for (const r of digest.relations) {
      if (!r.of) continue;
      const group = groups.get(r.of);
      if (group) group.push(r);
      else groups.set(r.of, [r]);
    }
  }
  if (groups.size === 0) return html`<p class="muted">没有发现转载。</p>`;
  const name = (id: string) => {
    const a = articles.get(id)!;
    return html`${a.outlet ?? '未识别'} <span class="muted">${a.published ?? '—'} · ${id}</span>`;
  };
  return html`<ul>${[...groups.entries()].map(
    ([source, copies]) => html`<li>原发 ${name(source)}<ul>${copies.map((c) => html`<li>${c.relation}: ${name(c.articleId)}</li>`)}</ul></li>`,
  )}</ul>`;
}
