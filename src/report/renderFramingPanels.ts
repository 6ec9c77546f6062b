import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { EventComparison, SideFraming } from '../types.js';
import { html, type Html } from './escapeHtml.js';
import { sideBadge } from './sideBadge.js';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function bar(share: number, side: string): Html {
  const width = Math.max(0, Math.min(100, share * 100));
  return html`<span class="bar"><span class="fill fill-${side}" style="width:${width.toFixed(1)}%"></span></span>`;
}

export function renderLeads(comparison: EventComparison, config: ResolvedConfig): Html {
  return html`<div class="columns">${comparison.leads.map(
    (l) => html`<div><p>${sideBadge(l.side, config)}</p><p class="headline">${l.title}</p><p class="lead">${l.lead}</p></div>`,
  )}</div>`;
}

export function renderTopics(framing: SideFraming[], config: ResolvedConfig): Html {
  const rows = config.topics.filter((_, i) => framing.some((f) => f.topics[i]!.chars > 0));
  if (rows.length === 0) return html`<p class="muted">没有文本涉及配置中的任何主题。</p>`;
  return html`<table class="stack panel"><thead><tr><th>主题 Topic</th>${framing.map(
    (f) => html`<th>${sideBadge(f.side, config)} 字数 · 占比 · 首次出现</th>`,
  )}</tr></thead><tbody>${rows.map((topic) => {
    const index = config.topics.indexOf(topic);
    return html`<tr><td>${topic.label}</td>${framing.map((f) => {
      const t = f.topics[index]!;
      return html`<td>${bar(t.share, f.side)} ${t.chars} 字 · ${pct(t.share)} · ${t.firstParagraph ? `第${t.firstParagraph}段` : '未提及'}</td>`;
    })}</tr>`;
  })}</tbody></table>`;
}

export function renderTerms(framing: SideFraming[], config: ResolvedConfig): Html {
  return html`<table class="stack panel"><thead><tr><th>用语 Term</th>${framing.map((f) => html`<th>${sideBadge(f.side, config)}</th>`)}</tr></thead><tbody>${config.terms.map(
    (pair, i) => html`<tr><td>${pair.name}</td>${framing.map((f) => {
      const counts = f.terms[i]!.counts;
      const used = Object.entries(counts).filter(([, n]) => n > 0);
      return html`<td>${used.length ? used.map(([variant, n]) => html`<b>${variant}</b> ×${n}　`) : html`<span class="muted">—</span>`}</td>`;
    })}</tr>`,
  )}</tbody></table>`;
}

export function renderVoices(framing: SideFraming[], config: ResolvedConfig): Html {
  return html`<div class="columns">${framing.map(
    (f) => html`<div><p>${sideBadge(f.side, config)}</p>${
      f.voices.length
        ? html`<table class="panel"><thead><tr><th>谁 Who</th><th>表态 Statements</th><th>字数 Chars</th></tr></thead><tbody>${f.voices.map(
            (v) => html`<tr><td title="${v.example}">${v.speaker}</td><td>${v.statements}</td><td>${bar(v.chars / Math.max(1, f.chars), f.side)} ${v.chars}</td></tr>`,
          )}</tbody></table>`
        : html`<p class="muted">没有归于具体人物的表态。</p>`
    }</div>`,
  )}</div>`;
}

const FLAG_TEXT = { only: '仅此一方给出 only this side', differs: '另一方数字不同 differs', matches: '双方一致 matches' } as const;

export function renderFigures(comparison: EventComparison, config: ResolvedConfig): Html {
  const figures = comparison.sides ? comparison.figures : comparison.framing.flatMap((f) => f.figures.map((x) => ({ ...x, side: f.side, flag: 'only' as const, counterpart: null })));
  if (figures.length === 0) return html`<p class="muted">没有带单位的数字。</p>`;
  return html`<table class="stack panel"><thead><tr><th>一方</th><th>数字 Figure</th><th>上下文 Context</th><th>对照 Against the other side</th></tr></thead><tbody>${figures.map(
    (f) => html`<tr class="figure-${f.flag}"><td>${sideBadge(f.side, config)}</td><td><b>${f.text}</b></td><td>…${f.context}<b>${f.text}</b></td><td><span class="flag flag-${f.flag}">${FLAG_TEXT[f.flag]}</span>${f.counterpart ? html` (${f.counterpart})` : ''}</td></tr>`,
  )}</tbody></table>`;
}

export function renderDivergence(comparison: EventComparison, config: ResolvedConfig): Html {
  const d = comparison.divergence;
  if (!d) return html`<p class="muted">只有一方的中文报道，无法计算差异度。</p>`;
  return html`<p><b class="score">${d.score.toFixed(2)}</b>
= 0.6 × 无对应文本占比 ${d.components.unaligned.toFixed(2)} + 0.25 × 主题分布差异 ${d.components.topics.toFixed(2)} + 0.15 × 用语差异 ${d.components.terms.toFixed(2)}
<span class="muted">(0 = 同一文本, 1 = 毫无共同之处; 定义见 README)</span></p>
${d.drivers.topics.length ? html`<p>主题侧重差异最大：${d.drivers.topics.map((t) => html`${t.label} (${t.difference > 0 ? '+' : ''}${pct(t.difference)}) `)}<span class="muted">正数为${config.sides[comparison.sides![0]]?.label}更多</span></p>` : ''}
<p>差异最大的段落：</p>
${d.drivers.passages.map((p) => html`<p class="only only-${p.side}">${sideBadge(p.side, config)} ${p.text}</p>`)}`;
}
