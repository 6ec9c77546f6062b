/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no local time zone can shift a day. */

export function formatDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** Day numbers of the dates seen: clustering asks for the same few thousand dates millions of times. */
const dayNumbers = new Map<string, number>();

export function dayNumber(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(date, (day = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000)));
  }
  return day;
}

export function daysBetween(a: string, b: string): number {
  return Math.abs(dayNumber(a) - dayNumber(b));
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}
