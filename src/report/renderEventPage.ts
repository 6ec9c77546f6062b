import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { AlignedPassage, Article, DiffPart, EventCluster, EventComparison } from '../types.js';
import { html, safeHref, type Html } from './escapeHtml.js';
import { interleavePassages } from '../compare/alignPassages.js';
import { pageLayout } from './pageLayout.js';
import { renderDivergence, renderFigures, renderLeads, renderTerms, renderTopics, renderVoices } from './renderFramingPanels.js';
import { sideBadge, sideLabel } from './sideBadge.js';

function renderDiff(parts: DiffPart[]): Html {
  return html`${parts.map((p) =>
    p.op === 'added' ? html`<ins>${p.value}</ins>` : p.op === 'removed' ? html`<del>${p.value}</del>` : html`${p.value}`,
  )}`;
}

function renderPair(pair: AlignedPassage, sides: [string, string], config: ResolvedConfig): Html {
  const [left, right] = sides.map((s) => sideLabel(s, config));
  const kind = pair.kind === 'verbatim' ? '原文相同' : '改写';
  return html`<div class="pair ${pair.kind === 'verbatim' ? 'verbatim-pair' : 'reworded-pair'}">
  <div><span class="badge ${pair.kind}">${kind} · ${pair.kind}</span><span class="muted">${left}</span><br>${pair.left.text}</div>
  <div><span class="muted">${right}</span><br>${pair.right.text}</div>
  ${
    pair.kind === 'reworded'
      ? html`<div class="diff">${
          pair.diff
            ? html`逐词差异（<del>删去</del> 为${left}独有，<ins>新增</ins> 为${right}独有）：${renderDiff(pair.diff)}`
            : html`差异过长，未逐词比较。`
        } <span class="muted">相似度 ${pair.similarity.toFixed(2)}</span></div>`
      : ''
  }
</div>`;
}

function sourcesTable(articles: Article[], comparison: EventComparison, config: ResolvedConfig): Html {
  const relation = new Map(comparison.relations.map((r) => [r.articleId, r]));
  const representative = new Map(comparison.representatives.map((r) => [r.articleId, r]));
  return html`<table class="stack">
<thead><tr><th>媒体 Outlet</th><th>一方 Side</th><th>标题 Headline</th><th>发布 Published</th><th>关系 Relation</th></tr></thead>
<tbody>${articles.map((a) => {
    const rel = relation.get(a.id);
    const rep = representative.get(a.id);
    const href = safeHref(a.url);
    return html`<tr>
<td>${a.outlet ?? '未识别'}</td><td>${sideBadge(a.side, config)}</td>
<td>${href ? html`<a href="${href}" rel="noreferrer noopener">${a.title}</a>` : a.title}<br><span class="muted">${a.id}</span></td>
<td>${a.published ?? '—'}</td>
<td>${rel?.relation === 'original' ? '原发 original' : html`${rel?.relation} of <span class="muted">${rel?.of}</span>`}${
      rep ? html`<br><b>对比代表</b> <span class="muted">${rep.reason}</span>` : ''
    }</td>
</tr>`;
  })}</tbody></table>`;
}

const KIND_LABEL = {
  call: '通话 call',
  committee: '委员会会议 committee',
  talks: '会谈 talks',
  meeting: '会见 meeting',
  visit: '访问 visit',
  other: '其他 other',
} as const;

/** One event's page: its facts, its sources, and the two sides' coverage aligned passage by passage. */
export function renderEventPage(
  cluster: EventCluster,
  comparison: EventComparison,
  articles: Map<string, Article>,
  config: ResolvedConfig,
): string {
  const members = cluster.articles.map((id) => articles.get(id)!);
  const heading = members.find((a) => a.id === comparison.representatives[0]?.articleId)?.title ?? members[0]!.title;
  const sides = comparison.sides;
  const onlyBySide = (side: string) => comparison.onlyIn.filter((p) => p.side === side);
  const body = html`<nav class="crumbs noprint"><a href="../index.html">← 全部事件 All events</a></nav>
<h1>${heading}</h1>
<dl class="facts">
<dt>事件日期 Event date</dt><dd>${cluster.eventDate ?? '未能确定'}</dd>
<dt>地点 Place</dt><dd>${cluster.places.join('、') || '未说明'}</dd>
<dt>参与者 Participants</dt><dd>${cluster.people.join('、') || '未识别'}</dd>
<dt>类型 Kind</dt><dd>${KIND_LABEL[comparison.kind]}</dd>
<dt>差异度 Divergence</dt><dd>${comparison.divergence ? comparison.divergence.score.toFixed(2) : '—'}</dd>
<dt>报道 Coverage</dt><dd>${Object.entries(cluster.sides)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => html`${sideBadge(s, config)} ${n} 篇 `)}</dd>
</dl>
<h2>来源 Sources</h2>
${sourcesTable(members, comparison, config)}
<h2>标题与导语 Headlines and leads</h2>
${renderLeads(comparison, config)}
<h2>差异度 Divergence</h2>
${renderDivergence(comparison, config)}
<h2>主题 Topics</h2>
${renderTopics(comparison.framing, config)}
<h2>用语 Terms</h2>
${renderTerms(comparison.framing, config)}
<h2>谁在说话 Voices</h2>
${renderVoices(comparison.framing, config)}
<h2>数字 Figures</h2>
${renderFigures(comparison, config)}
${
  sides
    ? html`<input type="checkbox" id="only-diff" class="noprint"> <label for="only-diff" class="noprint">只看差异 Show only differences</label>
<section>
<h2>逐句对照 Passage by passage</h2>
<p class="muted">${comparison.aligned.length} 对对齐句子；${sides.map((side) => `${sideLabel(side, config)}独有 ${onlyBySide(side).length} 句`).join('，')}。顺序依${sideLabel(sides[0], config)}原文，另一方独有的句子排在其原文中前一句对齐句之后。</p>
${interleavePassages(comparison, sides[0]).map((item) =>
  item.kind === 'pair'
    ? renderPair(item.pair, sides, config)
    : html`<p class="only only-${item.passage.side}"><span class="badge">仅${sideLabel(item.passage.side, config)} only in ${item.passage.side}</span> ${item.passage.text} <span class="muted">${item.passage.paragraphId}</span></p>`,
)}
</section>`
    : html`<p class="muted">此事件只有一方的中文报道，没有可对比的另一方。</p>
${members.map(
  (a) => html`<h2>${a.title}</h2>${a.paragraphs.map((p) => html`<p>${p.text}</p>`)}`,
)}`
}`;
  return pageLayout(`${cluster.eventDate ?? ''} ${heading}`, body);
}
