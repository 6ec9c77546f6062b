import { formatDate } from './calendar.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * Reads a publication timestamp as outlets write it and returns the local calendar date
 * (`YYYY-MM-DD`) at the outlet's UTC offset. A timestamp without a zone is taken as already local.
 * Handles ISO 8601, RFC 2822 (`Fri, 03 Dec 2021 08:14:12 GMT`), `2021年12月3日 08:14`,
 * `2021/12/03`, and the Vietnamese layouts `09:00 | 14/07/2022` and `14/07/2022 09:00`.
 */
export function parsePublished(value: string, utcOffsetMinutes: number): string | null {
  const text = value.normalize('NFKC').trim();

  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/iu.exec(text);
  if (iso) {
    const [, y, m, d, hh, mm, ss, zone] = iso;
    if (zone && hh !== undefined) {
      const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
      const stamp = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}T${hh.padStart(2, '0')}:${mm}:${ss ?? '00'}${offset}`;
      return toLocalDate(Date.parse(stamp), utcOffsetMinutes);
    }
    return formatDate(Number(y), Number(m), Number(d));
  }

  const chinese = /(\d{4})年(\d{1,2})月(\d{1,2})日/u.exec(text);
  if (chinese) return formatDate(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));

  const dayFirst = /(?:^|[\s|])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|[\s|])/u.exec(text);
  if (dayFirst) return formatDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));

  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z|[+-]\d{4})?)?/u.exec(text);
  if (rfc) {
    const month = MONTHS[rfc[2]!.toLowerCase()];
    if (!month) return null;
    if (rfc[4] !== undefined && rfc[7]) {
      const parsed = Date.parse(text);
      if (!Number.isNaN(parsed)) return toLocalDate(parsed, utcOffsetMinutes);
    }
    return formatDate(Number(rfc[3]), month, Number(rfc[1]));
  }
  return null;
}

function toLocalDate(epochMs: number, utcOffsetMinutes: number): string | null {
  if (Number.isNaN(epochMs)) return null;
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
