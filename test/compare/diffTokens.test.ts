import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTokens } from '../../src/compare/diffTokens.js';

/** jsdiff's changes without their values: what diffTokens gives. */
function jsdiffChanges(a: string[], b: string[]) {
  return diffArrays(a, b)!.map(({ count, added, removed }) => ({ count, added, removed }));
}

describe('diffTokens', () => {
  it('gives the changes diffArrays gives on the words of two reworded passages', () => {
    const left = ['双方', '同意', '维护', '南海', '和平', '稳定', '，', '妥善', '处理', '分歧', '。'];
    const right = ['双方', '一致', '同意', '维护', '东海', '和平', '稳定', '。'];
    expect(diffTokens(left, right, 10_000)).toEqual([
      { count: 1, added: false, removed: false },
      { count: 1, added: true, removed: false },
      { count: 2, added: false, removed: false },
      { count: 1, added: false, removed: true },
      { count: 1, added: true, removed: false },
      { count: 2, added: false, removed: false },
      { count: 4, added: false, removed: true },
      { count: 1, added: false, removed: false },
    ]);
    expect(diffTokens(left, right, 10_000)).toEqual(jsdiffChanges(left, right));
  });

  it('breaks ties between equally short edit scripts as diffArrays does, on arrays of few distinct tokens', () => {
    // Few distinct tokens make many shortest scripts; jsdiff's choice among them is what is pinned.
    const tokens = fc.array(fc.constantFrom('双方', '的', '会谈', '。', '越'), { maxLength: 40 });
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        expect(diffTokens(a, b, 10_000)).toEqual(jsdiffChanges(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles empty and identical arrays as diffArrays does', () => {
    for (const [a, b] of [[[], []], [[], ['越南']], [['越南'], []], [['中', '越'], ['中', '越']]] as [string[], string[]][]) {
      expect(diffTokens(a, b, 10_000)).toEqual(jsdiffChanges(a, b));
    }
  });

  it('gives up with undefined when the time limit passes first', () => {
    // Two unrelated arrays of 20,000 tokens need 40,000 edits: some 10^9 steps, far past a millisecond.
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`);
    expect(diffTokens(a, b, 1)).toBeUndefined();
  });
});
