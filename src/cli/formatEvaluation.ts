import type { ClusterErrors } from '../evaluate/findClusterErrors.js';
import type { PairExplanation } from '../evaluate/explainPair.js';
import type { ClusterScores } from '../evaluate/scoreClusters.js';
import type { TuneResult } from '../evaluate/tuneGrid.js';
import type { ClusterLink } from '../types.js';

const pct = (x: number) => x.toFixed(3);

function describeLink(l: ClusterLink): string {
  const f = l.features;
  return `${l.a} ~ ${l.b}: score ${l.score.toFixed(3)} (${l.decision}; date ${f.date}, participants ${f.participants}, place ${f.place}, text ${f.text}, title ${f.title}${f.duplicate ? `, duplicate ${f.duplicate}` : ''})`;
}

export function formatScores(scores: ClusterScores, errors: ClusterErrors): string[] {
  const lines = [
    `B-cubed   precision ${pct(scores.bcubed.precision)}  recall ${pct(scores.bcubed.recall)}  F1 ${pct(scores.bcubed.f1)}`,
    `pairwise  precision ${pct(scores.pairwise.precision)}  recall ${pct(scores.pairwise.recall)}  F1 ${pct(scores.pairwise.f1)}`,
    `clusters ${scores.clusters} for ${scores.goldEvents} gold events, over ${scores.articles} labelled articles`,
  ];
  if (scores.unknownIds.length) lines.push(`gold ids not in the corpus (${scores.unknownIds.length}): ${scores.unknownIds.join(', ')}`);
  if (scores.unlabelled.length) lines.push(`articles without a gold label, not scored (${scores.unlabelled.length}): ${scores.unlabelled.join(', ')}`);
  if (errors.merged.length === 0 && errors.split.length === 0) lines.push('no merged or split events');
  for (const m of errors.merged) {
    lines.push(`merged: cluster ${m.clusterId} holds ${Object.keys(m.events).length} gold events`);
    for (const [event, ids] of Object.entries(m.events)) lines.push(`  ${event}: ${ids.join(', ')}`);
    for (const link of m.joinedBy) lines.push(`  joined by ${describeLink(link)}`);
  }
  for (const s of errors.split) {
    lines.push(`split: "${s.event}" is spread over ${Object.keys(s.parts).length} clusters`);
    for (const [cluster, ids] of Object.entries(s.parts)) lines.push(`  ${cluster}: ${ids.join(', ')}`);
    lines.push(s.closest ? `  closest pair ${describeLink(s.closest)}` : '  no pair across the parts was a candidate (no shared participant or place on the event days)');
  }
  return lines;
}

export function formatTune(result: TuneResult): string[] {
  const keys = result.axes.map((a) => a.key);
  const header = [...keys, 'B3-P', 'B3-R', 'B3-F1', 'pair-F1', 'clusters'];
  const rows = result.points.map((p, i) => [
    ...keys.map((k) => String(p.values[k])),
    pct(p.scores.bcubed.precision),
    pct(p.scores.bcubed.recall),
    pct(p.scores.bcubed.f1),
    pct(p.scores.pairwise.f1),
    `${p.scores.clusters}/${p.scores.goldEvents}`,
  ].concat(i === result.best ? ['← best'] : []));
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < widths.length ? cell.padEnd(widths[c]!) : cell)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

export function formatExplanation(e: PairExplanation): string[] {
  const side = (f: PairExplanation['a']) => [
    `${f.id}`,
    `    ${f.outlet ?? 'unknown outlet'} (${f.side ?? 'no side'}), published ${f.published ?? '—'}: ${f.title}`,
    `    event date ${f.eventDate ?? '—'} (${f.eventDateSource}${f.eventDatePhrase ? ` from "${f.eventDatePhrase}"` : ''}), place ${f.eventPlace ?? '—'}`,
    `    participants ${f.participants.join(', ') || '—'}; also named: ${f.people.filter((p) => !f.participants.includes(p)).join(', ') || '—'}`,
  ];
  const lines = ['A: ' + side(e.a).join('\n'), 'B: ' + side(e.b).join('\n'), '', 'feature        value  weight  contribution'];
  for (const [feature, contribution] of Object.entries(e.contributions)) {
    const value = e.link.features[feature as keyof typeof e.link.features];
    lines.push(`${feature.padEnd(13)}  ${value.toFixed(3)}  ${e.weights[feature as keyof typeof e.weights].toFixed(3)}   ${contribution.toFixed(3)}`);
  }
  lines.push(`score ${e.link.score.toFixed(3)} against thresholds.cluster ${e.threshold} → ${e.link.decision}${e.candidate ? '' : ' (not a candidate pair in the run: blocking never paired them)'}`);
  lines.push(`article similarity (exact shingle Jaccard) ${e.articleSimilarity}; reused paragraphs: ${e.reusedParagraphs.map((r) => `${r.a} ~ ${r.b} (${r.similarity})`).join(', ') || 'none'}`);
  if (e.clusters.a !== e.clusters.b) lines.push(`different clusters: ${e.clusters.a} and ${e.clusters.b}`);
  else if (e.chain && e.chain.length === 1) lines.push(`same cluster ${e.clusters.a}, linked directly`);
  else if (e.chain) {
    lines.push(`same cluster ${e.clusters.a}, joined through ${e.chain.length} links:`);
    for (const link of e.chain) lines.push(`  ${describeLink(link)}`);
  }
  return lines;
}
