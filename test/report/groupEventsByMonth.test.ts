import { describe, expect, it } from 'vitest';
import { groupEventsByMonth } from '../../src/report/groupEventsByMonth.js';
import type { EventCluster } from '../../src/types.js';

/** An event as clustering makes it, with what grouping reads: its id and event date. */
function event(id: string, eventDate: string | null): EventCluster {
  return { id, articles: [`${id}-a`, `${id}-b`], eventDate, people: ['王毅', '裴青山'], places: ['河内'], sides: { cn: 1, vn: 1 }, links: [] };
}

describe('groupEventsByMonth', () => {
  it('puts the two meetings of 2021-09-11 (talks, then the steering committee) in one month, and months in order', () => {
    const months = groupEventsByMonth([
      event('2021-09-11-7fc8388e', '2021-09-11'),
      event('2021-09-11-daff38b3', '2021-09-11'),
      event('2021-12-02-eb3d852e', '2021-12-02'),
      event('2025-04-14-7145a166', '2025-04-14'),
    ]);
    expect(months.map((m) => [m.month, m.clusters.map((c) => c.id)])).toEqual([
      ['2021-09', ['2021-09-11-7fc8388e', '2021-09-11-daff38b3']],
      ['2021-12', ['2021-12-02-eb3d852e']],
      ['2025-04', ['2025-04-14-7145a166']],
    ]);
  });

  it('sorts months that come out of order and lists events with no stated date last, as undated', () => {
    const months = groupEventsByMonth([event('x', null), event('b', '2025-11-17'), event('a', '2021-12-02'), event('c', '2025-11-03')]);
    expect(months.map((m) => [m.month, m.clusters.map((c) => c.id)])).toEqual([
      ['2021-12', ['a']],
      ['2025-11', ['b', 'c']],
      ['undated', ['x']],
    ]);
  });
});
