import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { Article, EventCluster, EventComparison, SimilarPair } from '../types.js';
import { html } from './escapeHtml.js';
import { pageLayout } from './pageLayout.js';
import { sideBadge } from './renderEventPage.js';

export interface IndexInput {
  clusters: EventCluster[];
  comparisons: Map<string, EventComparison>;
  articles: Map<string, Article>;
  duplicates: SimilarPair[];
  totals: { ingested: number; skipped: number; failed: number };
  /** Clusters that have a page of their own, by id. */
  pages: Set<string>;
}

/** The index of all events: when, where, who, which outlets on each side, and a link to each page. */
export function renderIndex(input: IndexInput, config: ResolvedConfig): string {
  const { clusters, articles } = input;
  const sideIds = Object.keys(config.sides);
  const both = clusters.filter((c) => sideIds.filter((s) => (c.sides[s] ?? 0) > 0).length >= 2).length;
  const body = html`<h1>parallax · 事件索引 Events</h1>
<div class="summary">
<div><b>${input.totals.ingested}</b>篇文章 articles</div>
<div><b>${clusters.length}</b>个事件 events</div>
<div><b>${both}</b>双方均有报道 covered by both sides</div>
<div><b>${input.duplicates.length}</b>组重复 duplicate pairs</div>
<div><b>${input.totals.skipped + input.totals.failed}</b>未收录 not ingested (<a href="manifest.json">manifest</a>)</div>
</div>
<table class="stack">
<thead><tr><th>日期 Date</th><th>事件 Event</th><th>地点 Place</th><th>参与者 Participants</th>${sideIds.map(
    (s) => html`<th>${sideBadge(s, config)}</th>`,
  )}<th>篇数 Articles</th></tr></thead>
<tbody>${clusters.map((c) => {
    const members = c.articles.map((id) => articles.get(id)!);
    // The headline of the article that stands for the first side, not of whichever copy sorts first.
    const representative = input.comparisons.get(c.id)?.representatives[0]?.articleId;
    const title = (representative && articles.get(representative)?.title) || members[0]!.title;
    return html`<tr>
<td class="date">${c.eventDate ?? '—'}</td>
<td>${input.pages.has(c.id) ? html`<a href="events/${c.id}.html">${title}</a>` : title}</td>
<td>${c.places.join('、') || '—'}</td>
<td>${c.people.join('、') || '—'}</td>
${sideIds.map((s) => {
  const outlets = [...new Set(members.filter((a) => a.side === s).map((a) => a.outlet ?? '未识别'))];
  return html`<td>${outlets.join('、') || '—'}</td>`;
})}
<td>${c.articles.length}</td>
</tr>`;
  })}</tbody></table>
<p class="muted">数据 Data: <a href="data/articles.jsonl">articles.jsonl</a> · <a href="data/clusters.json">clusters.json</a> ·
<a href="data/duplicates.jsonl">duplicates.jsonl</a> · <a href="data/reuse.jsonl">reuse.jsonl</a> · <a href="manifest.json">manifest.json</a></p>`;
  return pageLayout('parallax · 事件索引', body);
}
