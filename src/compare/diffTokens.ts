/** One run of a token diff: `count` tokens kept, added (only in the new array) or removed (only in the old). */
export interface TokenChange {
  count: number;
  added: boolean;
  removed: boolean;
}

const SAME = 0;
const ADDED = 1;
const REMOVED = 2;
/** No path on this diagonal (jsdiff's `undefined` in bestPath). */
const NONE = -2;
/** The empty component list (jsdiff's `lastComponent: undefined`). */
const EMPTY = -1;

/**
 * The components of all paths explored: jsdiff's linked `{count, added, removed, previousComponent}`
 * objects as three growing arrays, a component referring to the one before it by index.
 */
class Components {
  readonly count: number[] = [];
  readonly kind: number[] = [];
  readonly previous: number[] = [];

  add(count: number, kind: number, previous: number): number {
    this.count.push(count);
    this.kind.push(kind);
    this.previous.push(previous);
    return this.count.length - 1;
  }

  /** The changes ending at `last`, first first. */
  changes(last: number): TokenChange[] {
    const changes: TokenChange[] = [];
    for (let c = last; c !== EMPTY; c = this.previous[c]!) {
      changes.push({ count: this.count[c]!, added: this.kind[c] === ADDED, removed: this.kind[c] === REMOVED });
    }
    return changes.reverse();
  }
}

/**
 * jsdiff's `diffArrays`, the same algorithm step for step (Myers's O(ND) search with jsdiff's
 * pruning of diagonals past the graph's edges, its choice between an insertion and a deletion,
 * and its `timeout`), so the changes are the ones `diffArrays` gives, without their values. It
 * keeps the search in flat arrays: jsdiff's best paths live on negative array indices and each
 * step allocates objects, which made its diff the largest cost of comparing an event (90 µs for
 * two sentences of some 25 words).
 *
 * Returns undefined when `timeoutMs` passes first, as jsdiff does; tokens compare with `===`.
 */
export function diffTokens<T>(oldTokens: readonly T[], newTokens: readonly T[], timeoutMs: number): TokenChange[] | undefined {
  const oldLen = oldTokens.length;
  const newLen = newTokens.length;
  const maxEditLength = oldLen + newLen;
  const abortAfter = Date.now() + timeoutMs;
  const components = new Components();
  // Each diagonal's best path, diagonals -maxEditLength..maxEditLength offset by maxEditLength + 1
  // (a path on diagonal ±(maxEditLength + 1) is read, never written).
  const offset = maxEditLength + 1;
  const pathOldPos = new Int32Array(2 * offset + 1).fill(NONE);
  const pathLast = new Int32Array(2 * offset + 1).fill(EMPTY);

  /** Follows the diagonal while tokens agree (jsdiff's extractCommon); returns the new position. */
  const extractCommon = (diagonal: number, oldPos: number, last: number): number => {
    let newPos = oldPos - diagonal;
    let common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && oldTokens[oldPos + 1] === newTokens[newPos + 1]) {
      newPos++;
      oldPos++;
      common++;
    }
    pathOldPos[diagonal + offset] = oldPos;
    pathLast[diagonal + offset] = common ? components.add(common, SAME, last) : last;
    return newPos;
  };

  if (extractCommon(0, -1, EMPTY) + 1 >= newLen && pathOldPos[offset]! + 1 >= oldLen) return components.changes(pathLast[offset]!);

  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= maxEditLength && Date.now() <= abortAfter; editLength++) {
    for (let diagonal = Math.max(minDiagonal, -editLength); diagonal <= Math.min(maxDiagonal, editLength); diagonal += 2) {
      const removeOldPos = pathOldPos[diagonal - 1 + offset]!;
      const removeLast = pathLast[diagonal - 1 + offset]!;
      const addOldPos = pathOldPos[diagonal + 1 + offset]!;
      const addLast = pathLast[diagonal + 1 + offset]!;
      const hasRemove = removeOldPos !== NONE;
      // No one else reads the removal's path again.
      if (hasRemove) pathOldPos[diagonal - 1 + offset] = NONE;
      const canAdd = addOldPos !== NONE && addOldPos - diagonal >= 0 && addOldPos - diagonal < newLen;
      const canRemove = hasRemove && removeOldPos + 1 < oldLen;
      if (!canAdd && !canRemove) {
        pathOldPos[diagonal + offset] = NONE;
        continue;
      }
      // From the path that is farther along the old array, as jsdiff chooses.
      const fromAdd = !canRemove || (canAdd && removeOldPos < addOldPos);
      const oldPos = fromAdd ? addOldPos : removeOldPos + 1;
      const last = fromAdd ? addLast : removeLast;
      const kind = fromAdd ? ADDED : REMOVED;
      // A step of the same kind lengthens the last component; a copy, since other paths share it.
      const extended = last !== EMPTY && components.kind[last] === kind ? components.add(components.count[last]! + 1, kind, components.previous[last]!) : components.add(1, kind, last);
      const newEnd = extractCommon(diagonal, oldPos, extended) + 1 >= newLen;
      const oldEnd = pathOldPos[diagonal + offset]! + 1 >= oldLen;
      if (oldEnd && newEnd) return components.changes(pathLast[diagonal + offset]!);
      if (oldEnd) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newEnd) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  return undefined;
}
