import type { ResolvedConfig } from '../config/resolveConfig.js';
import { sidesCovering } from '../cluster/sidesCovering.js';
import type { Article, ArticleRelation, EventCluster, EventDigest, SimilarPair } from '../types.js';
import { html, type Html } from './escapeHtml.js';
import { pageLayout } from './pageLayout.js';
import { chartEventsOverTime, chartMostDivergent, chartTopicShares } from './renderCharts.js';
import { sideBadge } from './sideBadge.js';

export interface IndexInput {
  clusters: EventCluster[];
  digests: Map<string, EventDigest>;
  articles: Map<string, Article>;
  duplicates: SimilarPair[];
  totals: { ingested: number; skipped: number; failed: number };
  /** Clusters that have a page of their own, by id. */
  pages: Set<string>;
}

/**
 * Sorting and filtering for the events table. The table is complete without it (sorted by date);
 * this only reorders and hides rows, and touches no article text.
 */
const INDEX_SCRIPT = `(() => {
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

function coverageOf(c: EventCluster, sideIds: string[]): string {
  const covered = sidesCovering(c, sideIds);
  return covered.length >= 2 ? 'both' : covered[0] ?? 'none';
}

/** Repost groups, from the relations each event's comparison already worked out (duplicates always share an event). */
function syndication(articles: Map<string, Article>, digests: Map<string, EventDigest>): Html {
  const groups = new Map<string, ArticleRelation[]>();
  for (const digest of digests.values()) {
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

/** The index: what the corpus holds, charts across it, every event, and where reposts came from. */
export function renderIndex(input: IndexInput, config: ResolvedConfig): string {
  const { clusters, articles, digests } = input;
  const sideIds = Object.keys(config.sides);
  const both = clusters.filter((c) => coverageOf(c, sideIds) === 'both').length;
  const titles = new Map(
    clusters.map((c) => {
      // The headline of the article that stands for the first side, not of whichever copy sorts first.
      const representative = digests.get(c.id)?.representatives[0]?.articleId;
      return [c.id, (representative && articles.get(representative)?.title) || articles.get(c.articles[0]!)!.title];
    }),
  );
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
${chartMostDivergent(clusters, digests, titles, input.pages)}
<h2>全部事件 All events</h2>
<div id="controls" class="noprint" hidden>
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
<td>${input.pages.has(c.id) ? html`<a href="events/${c.id}.html">${title}</a>` : title}${coverage !== 'both' ? html` <span class="muted">（仅${config.sides[coverage]?.label ?? '一方'}报道）</span>` : ''}</td>
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
  })}</tbody></table>
<h2>转载与同源 Duplicates and syndication</h2>
${syndication(articles, digests)}
<p class="muted">数据 Data: <a href="data/articles.jsonl">articles.jsonl</a> · <a href="data/clusters.json">clusters.json</a> ·
<a href="data/events.csv">events.csv</a> · <a href="data/duplicates.jsonl">duplicates.jsonl</a> · <a href="data/reuse.jsonl">reuse.jsonl</a> ·
<a href="data/links.jsonl">links.jsonl</a> · <a href="manifest.json">manifest.json</a></p>`;
  return pageLayout('parallax · 事件索引', body, INDEX_SCRIPT);
}
