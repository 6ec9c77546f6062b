import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { Article, EventDigest } from '../types.js';
import { html } from './escapeHtml.js';
import { monthFile, UNDATED, type EventMonth } from './groupEventsByMonth.js';
import { pageLayout } from './pageLayout.js';
import { EVENTS_TABLE_SCRIPT, renderEventsTable } from './renderEventsTable.js';
import { renderSyndication } from './renderSyndication.js';

export interface MonthPageInput {
  month: EventMonth;
  /** The months listed before and after this one, for the page's links along the archive. */
  previous: string | undefined;
  next: string | undefined;
  digests: Map<string, EventDigest>;
  articles: Map<string, Article>;
  titles: Map<string, string>;
  pages: Set<string>;
}

const label = (month: string) => (month === UNDATED ? '日期不明 undated' : month);

/** `months/<month>.html`: one month's events, as the index lists them when they fit on it, and that month's reposts. */
export function renderMonthPage(input: MonthPageInput, config: ResolvedConfig): string {
  const { month, previous, next, digests, articles, titles, pages } = input;
  const body = html`<nav class="crumbs noprint"><a href="../index.html">← 全部事件 All events</a>${
    previous ? html` · <a href="${monthFile(previous)}">← ${label(previous)}</a>` : ''
  }${next ? html` · <a href="${monthFile(next)}">${label(next)} →</a>` : ''}</nav>
<h1>${label(month.month)} · 事件 Events</h1>
<p class="muted">${month.clusters.length} 个事件 events</p>
${renderEventsTable({ clusters: month.clusters, digests, articles, titles, pages, root: '../' }, config)}
<h2>转载与同源 Duplicates and syndication</h2>
${renderSyndication(articles, month.clusters.flatMap((c) => digests.get(c.id) ?? []))}`;
  return pageLayout(`parallax · ${label(month.month)}`, body, EVENTS_TABLE_SCRIPT);
}
