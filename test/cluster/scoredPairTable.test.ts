import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinkContext, scoreCandidates } from '../../src/cluster/clusterArticles.js';
import { scoreLink } from '../../src/cluster/scoreLink.js';
import {
  createScoredPairTable,
  DECISIONS,
  decodeScoredPairTable,
  encodeScoredPairTable,
  inMergeOrder,
  linkLineOfRow,
  quotedIds,
  linkOfRow,
  setScoredPair,
} from '../../src/cluster/scoredPairTable.js';
import { runPipeline } from '../../src/pipeline/runPipeline.js';
import { compareCodeUnits } from '../../src/text/compareCodeUnits.js';
import type { ClusterLink } from '../../src/types.js';
import { CORPUS, testConfig } from '../helpers.js';

describe('ScoredPairTable', () => {
  it('reads back every scored pair of the bundled corpus as scoreLink scored it, also from its bytes: ids in order, score, six features, decision', async () => {
    const config = await testConfig();
    const { articles, duplicates } = await runPipeline([CORPUS], config, 'cluster');
    const scored = scoreCandidates(articles, duplicates!, config);
    // Enough pairs and decisions to mean something: the corpus has near-duplicates and conflicts.
    expect(scored.size).toBeGreaterThan(20);
    expect(new Set(scored.decisions).size).toBeGreaterThanOrEqual(3);
    const decoded = decodeScoredPairTable(encodeScoredPairTable(scored));
    expect(decoded).toEqual(scored);
    const context = createLinkContext(articles, duplicates!, config);
    const idOf = (i: number) => articles[i]!.id;
    for (let row = 0; row < scored.size; row++) {
      const again = scoreLink(articles[decoded.first[row]!]!, articles[decoded.second[row]!]!, context);
      // Key order too: the links are written to links.jsonl as they are read.
      expect(JSON.stringify(linkOfRow(decoded, row, idOf))).toBe(JSON.stringify(again));
      // links.jsonl's line, made without the object.
      expect(linkLineOfRow(decoded, row, quotedIds(idOf))).toBe(JSON.stringify(again));
    }
  });

  it('writes each row\'s JSON line as JSON.stringify of its link, for any thousandths, decision and id (quotes, CJK, emoji)', () => {
    const ids = ['vna-20221031-trong-xi', 'cn/xinhua "quoted" 新华社.txt', 'a\\b\u0001', '越南之声🇻🇳'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 7, maxLength: 7 }), fc.integer({ min: 0, max: DECISIONS.length - 1 }), fc.nat(3), fc.nat(3), (values, decision, a, b) => {
        const table = createScoredPairTable(1);
        table.first[0] = a;
        table.second[0] = b;
        table.values.set(values);
        table.decisions[0] = decision;
        const idOf = (i: number) => ids[i]!;
        expect(linkLineOfRow(table, 0, quotedIds(idOf))).toBe(JSON.stringify(linkOfRow(table, 0, idOf)));
      }),
    );
  });

  it('refuses a score that is not a whole number of thousandths, naming it', () => {
    const link: ClusterLink = { a: 'x', b: 'y', score: 0.5004, features: { date: 1, participants: 0, place: 1, text: 0, title: 0, duplicate: 0 }, decision: 'linked' };
    expect(() => setScoredPair(createScoredPairTable(1), 0, 0, 1, link)).toThrow(/score 0\.5004 is not a whole number of thousandths/);
  });

  it('puts rows given in id order in merge order: duplicates first, then by score, then by ids', () => {
    const row = fc.record({ duplicate: fc.boolean(), score: fc.integer({ min: 0, max: 1000 }), decision: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { selector: ([x, y]) => `${Math.min(x, y)} ${Math.max(x, y)}` }), fc.infiniteStream(row), (pairs, rows) => {
        const ids = Array.from({ length: 31 }, (_, i) => `a${String(30 - i).padStart(2, '0')}`);
        const links = pairs
          .filter(([x, y]) => x !== y)
          .map(([x, y]) => (compareCodeUnits(ids[x]!, ids[y]!) < 0 ? [x, y] : [y, x]) as [number, number])
          .sort(([x1, y1], [x2, y2]) => compareCodeUnits(ids[x1]!, ids[x2]!) || compareCodeUnits(ids[y1]!, ids[y2]!))
          .map(([x, y]) => {
            const { duplicate, score, decision } = rows.next().value;
            const link: ClusterLink = {
              a: ids[x]!,
              b: ids[y]!,
              score: score / 1000,
              features: { date: 0, participants: 0, place: 0, text: 0, title: 0, duplicate: duplicate ? 0.9 : 0 },
              decision: duplicate ? 'duplicate' : DECISIONS[decision]!,
            };
            return { x, y, link };
          });
        const table = createScoredPairTable(links.length);
        links.forEach(({ x, y, link }, r) => setScoredPair(table, r, x, y, link));
        const ordered = inMergeOrder(table);
        const expected = [...links]
          .sort(
            (p, q) =>
              Number(q.link.decision === 'duplicate') - Number(p.link.decision === 'duplicate') ||
              q.link.score - p.link.score ||
              compareCodeUnits(p.link.a, q.link.a) ||
              compareCodeUnits(p.link.b, q.link.b),
          )
          .map((p) => p.link);
        expect(Array.from({ length: ordered.size }, (_, r) => linkOfRow(ordered, r, (i) => ids[i]!))).toEqual(expected);
      }),
    );
  });
});
