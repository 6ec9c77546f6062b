import type { Article, EventCluster, EventDigest } from '../types.js';

/** A CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet never runs article text as a formula. */
function cell(value: unknown): string {
  let text = String(value ?? '');
  if (/^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return `"${text.replace(/"/gu, '""')}"`;
}

/** One row per event, for spreadsheets. */
export function renderEventsCsv(
  clusters: EventCluster[],
  digests: Map<string, EventDigest>,
  articles: Map<string, Article>,
  sideIds: string[],
): string {
  const header = ['id', 'eventDate', 'kind', 'title', 'places', 'people', ...sideIds.map((s) => `articles_${s}`), 'articles', 'divergence', 'aligned', 'onlyIn'];
  const rows = clusters.map((c) => {
    const digest = digests.get(c.id);
    const representative = digest?.representatives[0]?.articleId ?? c.articles[0]!;
    return [
      c.id,
      c.eventDate ?? '',
      digest?.kind ?? '',
      articles.get(representative)?.title ?? '',
      c.places.join('; '),
      c.people.join('; '),
      ...sideIds.map((s) => c.sides[s] ?? 0),
      c.articles.length,
      digest?.divergence ?? '',
      digest?.aligned ?? 0,
      digest?.onlyIn ?? 0,
    ].map(cell).join(',');
  });
  return '\ufeff' + [header.map(cell).join(','), ...rows].join('\r\n') + '\r\n';
}
