import type { ResolvedConfig } from '../config/resolveConfig.js';
import { sidesCovering } from '../cluster/sidesCovering.js';
import type { Article, EventCluster, EventDigest } from '../types.js';
import { html, type Html } from './escapeHtml.js';
import { sideBadge } from './sideBadge.js';

/**
 * Sorting and filtering for the events table. The table is complete without it (sorted by date);
 * this only reorders and hides rows, and touches no article text. The index and every month page
 * carry it unchanged, so one hash in their Content-Security-Policy allows it.
 */
export const EVENTS_TABLE_SCRIPT = `(() => {
  const table = document.getElementById('events');
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const query = document.getElementById('filter');
  const coverage = document.getElementById('coverage');
  document.getElementById('controls').hidden = false;
  const apply = () => {
    const q = query.value.trim().toLowerCase();
    for (const row of rows) {
      const text = row.dataset.search.toLowerCase();
      const cover = coverage.value === 'all' || row.dataset.coverage === coverage.value;
      row.hidden = !(cover && (!q || text.includes(q)));
    }
  };
  query.addEventListener('input', apply);
  coverage.addEventListener('change', apply);
  table.querySelectorAll('th[data-key]').forEach((th) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', () => {
      const key = th.dataset.key;
      const numeric = th.dataset.type === 'number';
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th[aria-sort]').forEach((other) => other.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const value = (row) => (numeric ? Number(row.dataset[key] || -1) : row.dataset[key] || '');
      rows.sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (ascending ? 1 : -1));
      rows.forEach((row) => body.appendChild(row));
    });
  });
})();`;

/** Which sides report an event: `both` when two or more do, else the one side (or `none`). */
export function coverageOf(c: EventCluster, sideIds: string[]): string {
  const covered = sidesCovering(c, sideIds);
  return covered.length >= 2 ? 'both' : covered[0] ?? 'none';
}

export interface EventsTableInput {
  clusters: EventCluster[];
  digests: Map<string, EventDigest>;
  articles: Map<string, Article>;
  /** Each event's headline (eventTitles). */
  titles: Map<string, string>;
  /** Clusters that have a page of their own, by id. */
  pages: Set<string>;
  /** The path from the page holding the table to the output folder: `` on the index, `../` on a month page. */
  root: string;
}

/** The headline an event is listed under: that of the article standing for the first side, not of whichever copy sorts first. */
export function eventTitles(clusters: EventCluster[], digests: Map<string, EventDigest>, articles: Map<string, Article>): Map<string, string> {
  return new Map(
    clusters.map((c) => {
      const representative = digests.get(c.id)?.representatives[0]?.articleId;
      return [c.id, (representative && articles.get(representative)?.title) || articles.get(c.articles[0]!)!.title];
    }),
  );
}

/** The filter controls and the table of events, one row each, linking those that have a page. */
export function renderEventsTable(input: EventsTableInput, config: ResolvedConfig): Html {
  const { clusters, digests, articles, titles, pages, root } = input;
  const sideIds = Object.keys(config.sides);
  return html`<div id="controls" class="noprint" hidden>
<label>筛选 Filter <input id="filter" type="search" placeholder="人名、地点、标题…"></label>
<label>报道 Coverage <select id="coverage"><option value="all">全部 all</option><option value="both">双方 both sides</option>${sideIds.map(
    (s) => html`<option value="${s}">仅${config.sides[s]!.label} only</option>`,
  )}</select></label>
</div>
<table id="events" class="stack">
<thead><tr><th data-key="date">日期 Date</th><th data-key="title">事件 Event</th><th data-key="place">地点 Place</th><th>参与者 Participants</th>${sideIds.map(
    (s) => html`<th>${sideBadge(s, config)}</th>`,
  )}<th data-key="articles" data-type="number">篇数 Articles</th><th data-key="divergence" data-type="number">差异度 Divergence</th></tr></thead>
<tbody>${clusters.map((c) => {
    const members = c.articles.map((id) => articles.get(id)!);
    const digest = digests.get(c.id);
    const title = titles.get(c.id)!;
    const coverage = coverageOf(c, sideIds);
    return html`<tr data-date="${c.eventDate ?? ''}" data-title="${title}" data-place="${c.places.join(' ')}" data-articles="${c.articles.length}" data-divergence="${digest?.divergence ?? ''}" data-coverage="${coverage}" data-search="${[title, ...c.people, ...c.places, ...members.map((a) => a.outlet ?? '')].join(' ')}">
<td class="date">${c.eventDate ?? '—'}</td>
<td>${pages.has(c.id) ? html`<a href="${root}events/${c.id}.html">${title}</a>` : title}${coverage !== 'both' ? html` <span class="muted">（仅${config.sides[coverage]?.label ?? '一方'}报道）</span>` : ''}</td>
<td>${c.places.join('、') || '—'}</td>
<td>${c.people.join('、') || '—'}</td>
${sideIds.map((s) => {
  const onSide = members.filter((a) => a.side === s);
  const outlets = [...new Set(onSide.map((a) => a.outlet ?? '未识别'))];
  return html`<td>${onSide.length ? html`<b>${onSide.length}</b> ${outlets.join('、')}` : '—'}</td>`;
})}
<td>${c.articles.length}</td>
<td>${digest?.divergence != null ? digest.divergence.toFixed(2) : '—'}</td>
</tr>`;
  })}</tbody></table>`;
}
