import type { EventCluster } from '../types.js';

/** The events of one calendar month of event dates (`2021-09`), or of no stated date (`undated`). */
export interface EventMonth {
  month: string;
  clusters: EventCluster[];
}

export const UNDATED = 'undated';

/** A month page's file name in `months/`. */
export const monthFile = (month: string) => `${month}.html`;

/**
 * Splits the events by the month of their event date, months in order and the undated last; each
 * month keeps the events in the order they came (the index's, by date).
 */
export function groupEventsByMonth(clusters: EventCluster[]): EventMonth[] {
  const months = new Map<string, EventCluster[]>();
  for (const c of clusters) {
    const month = c.eventDate ? c.eventDate.slice(0, 7) : UNDATED;
    const list = months.get(month);
    if (list) list.push(c);
    else months.set(month, [c]);
  }
  const names = [...months.keys()].filter((m) => m !== UNDATED).sort();
  if (months.has(UNDATED)) names.push(UNDATED);
  return names.map((month) => ({ month, clusters: months.get(month)! }));
}
