import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { Article, EventCluster, EventDigest, SimilarPair } from '../types.js';
import { html, type Html } from './escapeHtml.js';
import { groupEventsByMonth, monthFile, type EventMonth } from './groupEventsByMonth.js';
import { pageLayout } from './pageLayout.js';
import { chartEventsOverTime, chartMostDivergent, chartTopicShares } from './renderCharts.js';
import { coverageOf, EVENTS_TABLE_SCRIPT, eventTitles, renderEventsTable } from './renderEventsTable.js';
import { renderMonthPage } from './renderMonthPage.js';
import { renderSyndication } from './renderSyndication.js';

export interface IndexInput {
  clusters: EventCluster[];
  digests: Map<string, EventDigest>;
  articles: Map<string, Article>;
  duplicates: SimilarPair[];
  totals: { ingested: number; skipped: number; failed: number };
  /** Clusters that have a page of their own, by id. */
  pages: Set<string>;
}

/** The index, and the month pages it lists its events on when they are too many for one page. */
export interface IndexPages {
  index: string;
  /**
   * `months/<month>.html` by file name (`2021-09.html`), each rendered when asked for, so a writer
   * holds one at a time; empty when the index lists every event itself.
   */
  months: Map<string, () => string>;
}

/**
 * The index: what the corpus holds, charts across it, and its events. Up to `report.indexEvents`
 * events are listed on the index itself with where reposts came from; past that, a table of months
 * links to a page per month with that month's events and reposts, so that an archive of a million
 * articles does not make one page of tens of thousands of rows that a browser opens slowly and
 * filters more slowly.
 */
export function renderIndex(input: IndexInput, config: ResolvedConfig): IndexPages {
  const { clusters, articles, digests, pages } = input;
  const sideIds = Object.keys(config.sides);
  const both = coveredByBoth(clusters, sideIds);
  const titles = eventTitles(clusters, digests, articles);
  const paged = clusters.length > config.report.indexEvents;
  const months = paged ? groupEventsByMonth(clusters) : [];
  const listing = paged
    ? html`<p class="muted">${clusters.length} 个事件，超过 ${config.report.indexEvents} 个，按事件日期分月列出（每月一页，含该月的转载与同源）；全部事件也在 <a href="data/events.csv">events.csv</a>。
${clusters.length} events, more than ${config.report.indexEvents}: listed a month a page by event date (with that month's reposts); all of them are in events.csv.</p>
${monthsTable(months, sideIds)}`
    : html`${renderEventsTable({ clusters, digests, articles, titles, pages, root: '' }, config)}
<h2>转载与同源 Duplicates and syndication</h2>
${renderSyndication(articles, digests.values())}`;
  const body = html`<h1>parallax · 事件索引 Events</h1>
<div class="summary">
<div><b>${input.totals.ingested}</b>篇文章 articles</div>
<div><b>${clusters.length}</b>个事件 events</div>
<div><b>${both}</b>双方均有报道 covered by both sides</div>
<div><b>${input.duplicates.length}</b>组重复 duplicate pairs</div>
<div><b>${input.totals.skipped + input.totals.failed}</b>未收录 not ingested (<a href="manifest.json">原因 manifest</a>)</div>
</div>
<h2>事件随时间分布 Events over time</h2>
${chartEventsOverTime(clusters, config)}
<h2>各方主题侧重 Topic share by side</h2>
${chartTopicShares([...digests.values()], config)}
<h2>差异最大的事件 Most divergent events</h2>
${chartMostDivergent(clusters, digests, titles, pages)}
<h2>全部事件 All events</h2>
${listing}
<p class="muted">数据 Data: <a href="data/articles.jsonl">articles.jsonl</a> · <a href="data/clusters.json">clusters.json</a> ·
<a href="data/events.csv">events.csv</a> · <a href="data/duplicates.jsonl">duplicates.jsonl</a> · <a href="data/reuse.jsonl">reuse.jsonl</a> ·
<a href="data/links.jsonl">links.jsonl</a> · <a href="manifest.json">manifest.json</a></p>`;
  const monthPages = new Map(
    months.map((m, i) => [
      monthFile(m.month),
      () => renderMonthPage({ month: m, previous: months[i - 1]?.month, next: months[i + 1]?.month, digests, articles, titles, pages }, config),
    ]),
  );
  return { index: pageLayout('parallax · 事件索引', body, paged ? undefined : EVENTS_TABLE_SCRIPT), months: monthPages };
}

/** How many of the events two or more sides reported. */
function coveredByBoth(clusters: EventCluster[], sideIds: string[]): number {
  return clusters.filter((c) => coverageOf(c, sideIds) === 'both').length;
}

/** One row a month: how many events, how many both sides reported, how many articles; the month links to its page. */
function monthsTable(months: EventMonth[], sideIds: string[]): Html {
  return html`<table id="months">
<thead><tr><th>月份 Month</th><th>事件 Events</th><th>双方均有报道 Both sides</th><th>篇数 Articles</th></tr></thead>
<tbody>${months.map(
    ({ month, clusters }) => html`<tr><td class="date"><a href="months/${monthFile(month)}">${month}</a></td><td>${clusters.length}</td><td>${coveredByBoth(clusters, sideIds)}</td><td>${clusters.reduce((n, c) => n + c.articles.length, 0)}</td></tr>`,
  )}</tbody></table>`;
}
