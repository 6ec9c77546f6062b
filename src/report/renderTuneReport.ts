import type { TuneResult } from '../evaluate/tuneGrid.js';
import { html, type Html } from './escapeHtml.js';
import { pageLayout } from './pageLayout.js';

const W = 640;
const H = 300;
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };
const SERIES = [
  { name: 'B³ precision', pick: (s: TuneResult['points'][0]['scores']) => s.bcubed.precision, colour: '#1a5fb4', dash: '6 4' },
  { name: 'B³ recall', pick: (s: TuneResult['points'][0]['scores']) => s.bcubed.recall, colour: '#b3261e', dash: '2 3' },
  { name: 'B³ F1', pick: (s: TuneResult['points'][0]['scores']) => s.bcubed.f1, colour: '#1d1d1f', dash: '' },
];

/**
 * For one key: at each of its values, the grid point with the best F1 among those with that value
 * (the key's profile when other keys vary too). Precision, recall and F1 are told apart by dash
 * pattern as well as colour.
 */
function curve(result: TuneResult, key: string, best: unknown): Html {
  const axis = result.axes.find((a) => a.key === key)!;
  const numeric = axis.values.every((v) => typeof v === 'number');
  const profile = axis.values.map((value) => {
    const candidates = result.points.filter((p) => p.values[key] === value);
    return candidates.reduce((b, p) => (p.scores.bcubed.f1 > b.scores.bcubed.f1 ? p : b), candidates[0]!);
  });
  const xs = axis.values.map((v, i) => (numeric ? (v as number) : i));
  const [min, max] = [Math.min(...xs), Math.max(...xs)];
  const x = (v: number) => PAD.left + ((v - min) / (max - min || 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v) * (H - PAD.top - PAD.bottom);
  const bestIndex = axis.values.indexOf(best);
  return html`<figure>
<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="precision, recall and F1 against ${key}" style="max-width:${W}px">
${[0, 0.25, 0.5, 0.75, 1].map(
  (t) => html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/><text x="${PAD.left - 6}" y="${y(t) + 4}" font-size="11" text-anchor="end">${t}</text>`,
)}
${xs.map((v, i) => html`<text x="${x(v)}" y="${H - PAD.bottom + 16}" font-size="11" text-anchor="middle">${String(axis.values[i])}</text>`)}
<text x="${(W + PAD.left) / 2}" y="${H - 6}" font-size="12" text-anchor="middle">${key}</text>
${bestIndex >= 0 ? html`<line x1="${x(xs[bestIndex]!)}" x2="${x(xs[bestIndex]!)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#1e6b34" stroke-width="2"/>` : ''}
${SERIES.map(
  (s) => html`<polyline fill="none" stroke="${s.colour}" stroke-width="2" stroke-dasharray="${s.dash}" points="${profile.map((p, i) => `${x(xs[i]!)},${y(s.pick(p.scores))}`).join(' ')}"/>`,
)}
</svg>
<figcaption>${SERIES.map((s) => html`<span style="color:${s.colour}">${s.dash ? (s.dash.startsWith('2') ? '···' : '– –') : '——'} ${s.name}</span>　`)}<span style="color:#1e6b34">| best</span></figcaption>
</figure>`;
}

export function renderTuneReport(result: TuneResult, goldFile: string): string {
  const best = result.points[result.best]!;
  const keys = result.axes.map((a) => a.key);
  const body = html`<style>tr.best td { font-weight: bold; background: #e6f4ea; }</style>
<h1>parallax · 阈值调优 Tuning</h1>
<p>Gold labels: ${goldFile}. ${result.points.length} grid points. Best by B-cubed F1 (ties: higher precision):
<b>${keys.map((k) => `${k}=${String(best.values[k])}`).join(', ')}</b>, F1 ${best.scores.bcubed.f1.toFixed(3)}.</p>
${keys.map((k) => html`<h2>${k}</h2>${curve(result, k, best.values[k])}`)}
<h2>All points</h2>
<table><thead><tr>${keys.map((k) => html`<th>${k}</th>`)}<th>B³ P</th><th>B³ R</th><th>B³ F1</th><th>pair F1</th><th>clusters</th></tr></thead>
<tbody>${result.points.map(
    (p, i) => html`<tr class="${i === result.best ? 'best' : ''}">${keys.map((k) => html`<td>${String(p.values[k])}</td>`)}<td>${p.scores.bcubed.precision.toFixed(3)}</td><td>${p.scores.bcubed.recall.toFixed(3)}</td><td>${p.scores.bcubed.f1.toFixed(3)}</td><td>${p.scores.pairwise.f1.toFixed(3)}</td><td>${p.scores.clusters}/${p.scores.goldEvents}</td></tr>`,
  )}</tbody></table>`;
  return pageLayout('parallax · tuning', body);
}
