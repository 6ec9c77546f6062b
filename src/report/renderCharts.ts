import type { ResolvedConfig } from '../config/resolveConfig.js';
import type { EventCluster, EventDigest } from '../types.js';
import { html, type Html } from './escapeHtml.js';
import { sideLabel } from './sideBadge.js';

const COLOURS: Record<string, string> = { cn: '#b3261e', vn: '#1a5fb4', hk: '#6a3d9a' };
const PATTERN: Record<string, string> = { cn: '', vn: '4 2', hk: '1 2' };
const colour = (side: string) => COLOURS[side] ?? '#5f6368';

function legend(sides: string[], config: ResolvedConfig): Html {
  return html`<figcaption>${sides.map(
    (s) => html`<span><svg width="14" height="10" aria-hidden="true"><rect width="14" height="10" fill="${colour(s)}" stroke="#000" stroke-dasharray="${PATTERN[s] ?? ''}"/></svg> ${sideLabel(s, config)}　</span>`,
  )}</figcaption>`;
}

/** Events per year (per month for a corpus spanning two years or less), one bar per side. */
export function chartEventsOverTime(clusters: EventCluster[], config: ResolvedConfig): Html {
  const sides = Object.keys(config.sides);
  const dated = clusters.filter((c) => c.eventDate);
  if (dated.length === 0) return html`<p class="muted">没有带日期的事件。</p>`;
  const years = dated.map((c) => Number(c.eventDate!.slice(0, 4)));
  // A reduce, not Math.max(...years): a spread of every event overflows the stack in a large archive.
  const byMonth = years.reduce((a, b) => Math.max(a, b)) - years.reduce((a, b) => Math.min(a, b)) < 2;
  const bucket = (c: EventCluster) => c.eventDate!.slice(0, byMonth ? 7 : 4);
  const buckets = [...new Set(dated.map(bucket))].sort();
  const row = new Map(buckets.map((b, i) => [b, i]));
  const counts = buckets.map(() => sides.map(() => 0));
  for (const c of dated) {
    const counted = counts[row.get(bucket(c))!]!;
    sides.forEach((s, j) => {
      if ((c.sides[s] ?? 0) > 0) counted[j]!++;
    });
  }
  const max = Math.max(1, ...counts.flat());
  const W = Math.max(320, buckets.length * (sides.length * 14 + 18) + 50);
  const H = 200;
  const y = (n: number) => 170 - (n / max) * 150;
  return html`<figure><svg viewBox="0 0 ${W} ${H}" width="100%" style="max-width:${W}px" role="img" aria-label="events per ${byMonth ? 'month' : 'year'} and side">
<line x1="40" x2="${W}" y1="170" y2="170" stroke="#999"/>
${[0, max].map((t) => html`<text x="34" y="${y(t) + 4}" font-size="11" text-anchor="end">${t}</text>`)}
${buckets.map((b, i) => {
  const x0 = 48 + i * (sides.length * 14 + 18);
  return html`${sides.map((s, j) => html`<rect x="${x0 + j * 14}" y="${y(counts[i]![j]!)}" width="12" height="${170 - y(counts[i]![j]!)}" fill="${colour(s)}" stroke="#000" stroke-width="0.5" stroke-dasharray="${PATTERN[s] ?? ''}"><title>${b} ${sideLabel(s, config)}: ${counts[i]![j]}</title></rect>`)}
<text x="${x0 + (sides.length * 14) / 2}" y="186" font-size="11" text-anchor="middle">${b}</text>`;
})}
</svg>${legend(sides, config)}</figure>`;
}

/** Across the corpus, each topic's share of each side's representative text. */
export function chartTopicShares(digests: EventDigest[], config: ResolvedConfig): Html {
  const sides = Object.keys(config.sides).filter((s) => digests.some((d) => d.topicChars.some((f) => f.side === s)));
  // Each side's framings gathered once: gathered per topic, an archive's index took seconds to chart.
  const framed = sides.map((side) => digests.flatMap((d) => d.topicChars.filter((f) => f.side === side)));
  const totals = framed.map((list) => list.reduce((n, f) => n + f.chars, 0) || 1);
  const shares = config.topics.map((_, t) => framed.map((list, i) => list.reduce((n, f) => n + f.topics[t]!, 0) / totals[i]!));
  const max = Math.max(0.01, ...shares.flat());
  const rowH = sides.length * 12 + 10;
  const W = 640;
  const H = config.topics.length * rowH + 10;
  return html`<figure><svg viewBox="0 0 ${W} ${H}" width="100%" style="max-width:${W}px" role="img" aria-label="topic share by side">
${config.topics.map((topic, t) => html`<text x="130" y="${t * rowH + 14}" font-size="12" text-anchor="end">${topic.label}</text>
${sides.map((s, i) => {
  const w = (shares[t]![i]! / max) * (W - 200);
  return html`<rect x="136" y="${t * rowH + 4 + i * 12}" width="${w.toFixed(1)}" height="10" fill="${colour(s)}" stroke="#000" stroke-width="0.5" stroke-dasharray="${PATTERN[s] ?? ''}"/><text x="${(140 + w).toFixed(1)}" y="${t * rowH + 13 + i * 12}" font-size="10">${(shares[t]![i]! * 100).toFixed(1)}%</text>`;
})}`)}
</svg>${legend(sides, config)}</figure>`;
}

/** The events whose two sides' coverage diverges most, each linked to its page. */
export function chartMostDivergent(clusters: EventCluster[], digests: Map<string, EventDigest>, titles: Map<string, string>, pages: Set<string>): Html {
  const ranked = clusters
    .filter((c) => digests.get(c.id)?.divergence != null)
    .sort((a, b) => digests.get(b.id)!.divergence! - digests.get(a.id)!.divergence!)
    .slice(0, 10);
  if (ranked.length === 0) return html`<p class="muted">没有双方都有中文报道的事件。</p>`;
  const W = 640;
  return html`<figure><svg viewBox="0 0 ${W} ${ranked.length * 22 + 6}" width="100%" style="max-width:${W}px" role="img" aria-label="most divergent events">
${ranked.map((c, i) => {
  const score = digests.get(c.id)!.divergence!;
  const label = `${c.eventDate ?? ''} ${titles.get(c.id) ?? ''}`.slice(0, 34);
  const text = html`<text x="0" y="${i * 22 + 15}" font-size="12">${label}</text>`;
  return html`${pages.has(c.id) ? html`<a href="events/${c.id}.html">${text}</a>` : text}<rect x="330" y="${i * 22 + 4}" width="${(score * 260).toFixed(1)}" height="14" fill="#5f6368"/><text x="${(336 + score * 260).toFixed(1)}" y="${i * 22 + 15}" font-size="11">${score.toFixed(2)}</text>`;
})}
</svg></figure>`;
}
